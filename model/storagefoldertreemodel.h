#pragma once

#include "client/encordclient.h"
#include "core/apierror.h"
#include "requestgeneration.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <optional>

namespace Encord {

/// The storage folders as a lazy tree, in the manner of QFileSystemModel / KDirModel: the top
/// level is listed when a client is set, the children of a folder when a view (or anyone)
/// calls fetchMore() on it, typically on expanding it.
///
/// Node tree (every node owns its children, in row order):
///
///     m_root (no folder)                   QModelIndex()
///      ├── Node "Hospital A"   row 0       index(0, c)         internalPointer → node
///      │    ├── Node "CT"      row 0       index(0, c, A)
///      │    └── Node "MR"      row 1       index(1, c, A)
///      └── Node "Hospital B"   row 1       index(1, c)
///
///     m_byUuid: folder uuid → Node*        lookup by uuid in O(1)
///
/// Rules, per node:
/// * hasChildren() is optimistic (true) until the node's listing completed; then it is true
///   only when the folder has sub-folders.
/// * canFetchMore() is true only while the node was never listed: not while it is loading,
///   not once complete, not after a failure (refresh() retries).
/// * fetchMore() marks the node loading before it sends the request.
/// * Each arriving page is inserted with one beginInsertRows()/endInsertRows(). While the
///   server returns a nextPageToken the next page is requested at once, without waiting for
///   another fetchMore(): tree views call fetchMore() only on expanding, so waiting would leave
///   a large folder half listed. folderLoaded() follows the last page.
/// * Rows are never removed except by a reset (setClient, setOptions, refresh), which drops
///   every answer still on its way (RequestGeneration).
/// Columns other than 0 have no children.
class StorageFolderTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageFolderTreeModel)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)

public:
    enum Column {
        NameColumn,
        DescriptionColumn,
        CreatedColumn, ///< SortRole: QDateTime
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        UuidRole = Qt::UserRole + 1, ///< QString: the folder's uuid, on every column
        FolderRole,                  ///< StorageFolder, on every column
        SortRole,                    ///< QDateTime for dates, the text otherwise; = EditRole
        LoadingRole,                 ///< bool: the folder's children are being listed
    };
    Q_ENUM(Role)

    explicit StorageFolderTreeModel(QObject *parent = nullptr);
    ~StorageFolderTreeModel() override;

    /// Switches to another connection (or none): the tree empties, answers on their way are
    /// dropped, and with a client the top level is listed.
    void setClient(std::optional<EncordClient> client);
    const std::optional<EncordClient> &client() const { return m_client; }

    /// Listing options (sort order, page size 1…1000, search…) for every level; resets.
    void setOptions(const StorageListOptions &options);
    const StorageListOptions &options() const { return m_options; }

    /// Empties the tree and lists the top level again.
    void refresh();

    /// The index (column 0) of a listed folder, invalid when not listed yet. O(1).
    QModelIndex indexForUuid(const QString &uuid) const;
    /// The folder at @p index; nullopt for the invisible root.
    std::optional<StorageFolder> folderAt(const QModelIndex &index) const;

    /// True while any level is being listed.
    bool isLoading() const { return m_loadingCount > 0; }
    /// True while the children of @p parent are being listed.
    bool isLoading(const QModelIndex &parent) const;
    /// True once every page of @p parent's children arrived.
    bool isComplete(const QModelIndex &parent) const;
    /// The last failure; nullopt after a reset.
    const std::optional<ApiError> &lastError() const { return m_lastError; }

    QModelIndex index(int row,
                      int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// Listing the children of @p parent (invalid: the top level) failed. The rows that did
    /// arrive stay; refresh() tries again.
    void errorOccurred(const Encord::ApiError &error, const QModelIndex &parent);
    /// Every page of @p parent's children has been inserted.
    void folderLoaded(const QModelIndex &parent);

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    void reset();
    void startListing(Node *node);
    void requestPage(const QString &key, const QString &pageToken);
    void onPage(quint64 generation, const QString &key, Result<Page<StorageFolder>> answer);
    void setNodeLoading(Node *node, bool loading);

    std::optional<EncordClient> m_client;
    StorageListOptions m_options;
    RequestGeneration m_requests;
    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_byUuid;
    int m_loadingCount = 0;
    std::optional<ApiError> m_lastError;
};

} // namespace Encord
