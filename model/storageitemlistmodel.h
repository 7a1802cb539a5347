#pragma once

#include "client/encordclient.h"
#include "core/apierror.h"
#include "requestgeneration.h"

#include <QAbstractTableModel>

#include <optional>

namespace Encord {

/// The items of one storage folder as a paged table (EncordClient::storageItemPage).
///
/// The first page is requested as soon as a client and a folder are set (and after every
/// reset); each further page when a view calls fetchMore(), which item views do when the user
/// scrolls near the end. canFetchMore() is true while the server has more pages and none is
/// being loaded. Each page is inserted with one beginInsertRows()/endInsertRows().
///
/// setClient(), setFolder(), setSearch(), setItemTypes(), setPageSize() and refresh() reset the
/// table; answers of the previous state are dropped (RequestGeneration).
class StorageItemListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageItemListModel)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)

public:
    enum Column {
        NameColumn,
        TypeColumn,       ///< "Image", "Video", "DICOM series", …
        SizeColumn,       ///< "1.5 MB"; SortRole: qint64 bytes (-1 when unknown)
        CreatedColumn,    ///< SortRole: QDateTime
        DimensionsColumn, ///< "1920 × 1080"; SortRole: qint64 pixel count (-1 when unknown)
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        UuidRole = Qt::UserRole + 1, ///< QString: the item's uuid, on every column
        ItemRole,                    ///< StorageItem, on every column
        SortRole,                    ///< a naturally sorting value per column; = EditRole
    };
    Q_ENUM(Role)

    explicit StorageItemListModel(QObject *parent = nullptr);
    ~StorageItemListModel() override;

    void setClient(std::optional<EncordClient> client);
    const std::optional<EncordClient> &client() const { return m_client; }

    /// The folder whose items are listed; empty = none (the table stays empty).
    void setFolder(const QString &folderUuid);
    QString folder() const { return m_folder; }

    /// Server-side filters: a case-insensitive name substring and item types (empty = all).
    void setSearch(const QString &search);
    void setItemTypes(const QList<StorageItemType> &types);
    /// Items per page, 1…1000 (default 100).
    void setPageSize(int pageSize);

    /// Empties the table and requests the first page again.
    void refresh();

    bool isLoading() const { return m_loading; }
    /// True once the last page arrived.
    bool isAtEnd() const { return m_atEnd; }
    const std::optional<ApiError> &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A page failed; the rows already shown stay, and fetchMore() is off until a reset.
    void errorOccurred(const Encord::ApiError &error);
    /// A page of @p count items was inserted.
    void pageLoaded(int count);

private:
    void requestPage();
    void onPage(quint64 generation, Result<Page<StorageItem>> answer);
    void setLoading(bool loading);

    std::optional<EncordClient> m_client;
    QString m_folder;
    StorageListOptions m_options;
    RequestGeneration m_requests;
    QList<StorageItem> m_items;
    QString m_nextPageToken;
    bool m_atEnd = true;
    bool m_loading = false;
    std::optional<ApiError> m_lastError;
};

} // namespace Encord
