#pragma once

#include "client/encordclient.h"
#include "core/apierror.h"
#include "requestgeneration.h"

#include <QAbstractTableModel>

#include <optional>

namespace Encord {

/// The label rows of one project (EncordClient::listLabelRows), one per data row: its title,
/// how many objects it holds and its label status.
///
/// The listing is fetched as soon as a client and a project hash are set, and again on every
/// reset (setClient, setProjectHash, refresh); answers of an earlier state are dropped.
class LabelRowModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelRowModel)

public:
    enum Column {
        TitleColumn,
        ObjectsColumn, ///< the object count; empty for a row with no labels yet
        StatusColumn,  ///< "Labelled", "Not labelled", …
    };
    Q_ENUM(Column)

    enum Role {
        LabelHashRole = Qt::UserRole + 1, ///< QString, empty for a row with no labels yet
        MetadataRole,                     ///< LabelRowMetadata, on every column
        SortRole,                         ///< objects: int; others: the display text
    };
    Q_ENUM(Role)

    explicit LabelRowModel(QObject *parent = nullptr);
    ~LabelRowModel() override;

    void setClient(std::optional<EncordClient> client);
    /// The project whose label rows are listed; empty = none.
    void setProjectHash(const QString &projectHash);
    QString projectHash() const { return m_projectHash; }
    /// Empties the table and fetches the listing again.
    void refresh();

    bool isLoading() const { return m_loading; }
    const std::optional<ApiError> &lastError() const { return m_lastError; }
    const LabelRowMetadata &rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "Labelled" for "LABELLED", and so on; an unknown status as it came.
    static QString statusName(const QString &status);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const Encord::ApiError &error);
    /// The listing arrived with @p count rows.
    void rowsLoaded(int count);

private:
    void onListing(quint64 generation, Result<QList<LabelRowMetadata>> answer);
    void setLoading(bool loading);

    std::optional<EncordClient> m_client;
    QString m_projectHash;
    RequestGeneration m_requests;
    QList<LabelRowMetadata> m_rows;
    bool m_loading = false;
    std::optional<ApiError> m_lastError;
};

} // namespace Encord
