#pragma once

#include "recordlistmodel.h"
#include "records/datasetsummary.h"
#include "titledcolumns.h"

namespace Encord {

/// The datasets the user can see (EncordClient::getDatasets with the filter), one per row.
class DatasetListModel final : public RecordListModel<DatasetSummary>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetListModel)

public:
    enum Column {
        TitleColumn = TitledColumns::Title,
        DescriptionColumn,
        RoleColumn,    ///< "Admin", "User", or "Organisation" (visible through org access)
        CreatedColumn, ///< SortRole: QDateTime
        EditedColumn,  ///< SortRole: QDateTime
        StorageColumn, ///< "Encord", "AWS S3", …
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit DatasetListModel(QObject *parent = nullptr);

    /// Organisation admins: also list datasets seen only through organisation access. Takes
    /// effect at the next listing.
    void setIncludeOrgAccess(bool include) { m_includeOrgAccess = include; }

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QCoro::Task<Result<QList<DatasetSummary>>> fetch(const EncordClient &client,
                                                     const ListingFilter &filter,
                                                     CancelToken token) const override;
    QString hashOf(const DatasetSummary &record) const override;
    QVariant displayValue(const DatasetSummary &record, int column) const override;
    QVariant sortValue(const DatasetSummary &record, int column) const override;

private:
    bool m_includeOrgAccess = false;
};

} // namespace Encord
