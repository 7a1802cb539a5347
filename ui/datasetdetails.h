#pragma once

#include "detailspanel.h"

class QCheckBox;
class QLabel;
class QTableView;

namespace Encord {

class DataRowModel;
class ErrorBanner;

/// A dataset's fields and its data rows, with their client metadata on request.
class DatasetDetails final : public DetailsPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetDetails)

public:
    explicit DatasetDetails(QWidget *parent = nullptr);

    void setClient(std::optional<EncordClient> client) override;
    void showIndex(const QModelIndex &index) override;

    DataRowModel *dataRows() const { return m_rows; }
    QCheckBox *metadataToggle() const { return m_showMetadata; }

private:
    DataRowModel *m_rows;
    QLabel *m_role;
    QLabel *m_created;
    QLabel *m_edited;
    QLabel *m_storage;
    QCheckBox *m_showMetadata;
    ErrorBanner *m_banner;
    QTableView *m_view;
};

} // namespace Encord
