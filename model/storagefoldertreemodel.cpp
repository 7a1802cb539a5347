#include "storagefoldertreemodel.h"

#include "modelformat.h"

#include <vector>

namespace Encord {

struct StorageFolderTreeModel::Node
{
    enum class State {
        Unlisted,
        Loading,
        Complete,
        Failed,
    };

    Node *parent = nullptr;
    int row = 0;
    std::optional<StorageFolder> folder; ///< nullopt for the root
    std::vector<std::unique_ptr<Node>> children;
    State state = State::Unlisted;

    QString key() const { return folder ? folder->uuid : QString(); }
};

StorageFolderTreeModel::StorageFolderTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

StorageFolderTreeModel::~StorageFolderTreeModel()
{
    m_requests.advance();
}

void StorageFolderTreeModel::setClient(std::optional<EncordClient> client)
{
    m_client = std::move(client);
    refresh();
}

void StorageFolderTreeModel::setOptions(const StorageListOptions &options)
{
    m_options = options;
    refresh();
}

void StorageFolderTreeModel::refresh()
{
    reset();
    // A view (or a model tester) may have fetched the top level while the reset was signalled.
    if (m_client && m_root->state == Node::State::Unlisted)
        startListing(m_root.get());
}

void StorageFolderTreeModel::reset()
{
    beginResetModel();
    m_requests.advance();
    m_byUuid.clear();
    m_root = std::make_unique<Node>();
    m_lastError.reset();
    const bool wasLoading = isLoading();
    m_loadingCount = 0;
    endResetModel();
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

QModelIndex StorageFolderTreeModel::indexForUuid(const QString &uuid) const
{
    const Node *node = m_byUuid.value(uuid);
    return node ? indexFor(node) : QModelIndex();
}

std::optional<StorageFolder> StorageFolderTreeModel::folderAt(const QModelIndex &index) const
{
    return nodeFor(index)->folder;
}

bool StorageFolderTreeModel::isLoading(const QModelIndex &parent) const
{
    return nodeFor(parent)->state == Node::State::Loading;
}

bool StorageFolderTreeModel::isComplete(const QModelIndex &parent) const
{
    return nodeFor(parent)->state == Node::State::Complete;
}

QModelIndex StorageFolderTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFor(parent)->children.at(size_t(row)).get());
}

QModelIndex StorageFolderTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

QModelIndex StorageFolderTreeModel::sibling(int row, int column, const QModelIndex &index) const
{
    // Same row: same node, no walk through the parent.
    if (index.isValid() && row == index.row() && column >= 0 && column < ColumnCount)
        return createIndex(row, column, index.internalPointer());
    return QAbstractItemModel::sibling(row, column, index);
}

int StorageFolderTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int StorageFolderTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool StorageFolderTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeFor(parent);
    if (!node->children.empty())
        return true;
    // Optimistic until listed: a remote folder may have sub-folders.
    return node->state == Node::State::Unlisted || node->state == Node::State::Loading;
}

bool StorageFolderTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!m_client || parent.column() > 0)
        return false;
    return nodeFor(parent)->state == Node::State::Unlisted;
}

void StorageFolderTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    startListing(nodeFor(parent));
}

QVariant StorageFolderTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    const StorageFolder &folder = *node->folder;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return folder.name;
        case DescriptionColumn:
            return folder.description;
        case CreatedColumn:
            return ModelFormat::shortDate(folder.createdAt);
        }
        return {};
    case Qt::EditRole:
    case SortRole:
        if (index.column() == CreatedColumn)
            return folder.createdAt;
        return data(index, Qt::DisplayRole);
    case UuidRole:
        return folder.uuid;
    case FolderRole:
        return QVariant::fromValue(folder);
    case LoadingRole:
        return node->state == Node::State::Loading;
    default:
        return {};
    }
}

QVariant StorageFolderTreeModel::headerData(int section,
                                            Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DescriptionColumn:
        return tr("Description");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

QHash<int, QByteArray> StorageFolderTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(UuidRole, "uuid");
    names.insert(FolderRole, "folder");
    names.insert(SortRole, "sortValue");
    names.insert(LoadingRole, "loading");
    return names;
}

StorageFolderTreeModel::Node *StorageFolderTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex StorageFolderTreeModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

void StorageFolderTreeModel::startListing(Node *node)
{
    // Loading before the request leaves: canFetchMore() turns false at once.
    setNodeLoading(node, true);
    requestPage(node->key(), QString());
}

void StorageFolderTreeModel::requestPage(const QString &key, const QString &pageToken)
{
    const quint64 generation = m_requests.current();
    const std::optional<QString> parent = key.isEmpty() ? std::nullopt : std::optional(key);
    // By key, not by Node*: the callback must not hold a pointer into the tree.
    QCoro::connect(m_client->storageFolderPage(parent, m_options, pageToken, m_requests.token()),
                   this,
                   [this, generation, key](Result<Page<StorageFolder>> &&answer) {
                       onPage(generation, key, std::move(answer));
                   });
}

void StorageFolderTreeModel::onPage(quint64 generation,
                                    const QString &key,
                                    Result<Page<StorageFolder>> answer)
{
    if (!m_requests.isCurrent(generation))
        return;
    Node *node = key.isEmpty() ? m_root.get() : m_byUuid.value(key);
    if (!node || node->state != Node::State::Loading)
        return;

    if (!answer.ok()) {
        m_lastError = answer.error();
        node->state = Node::State::Failed;
        setNodeLoading(node, false);
        Q_EMIT errorOccurred(answer.error(), indexFor(node));
        return;
    }

    // A folder moved between two pages may come twice; keep the first.
    std::vector<std::unique_ptr<Node>> fresh;
    for (StorageFolder &folder : answer.value().results) {
        if (m_byUuid.contains(folder.uuid))
            continue;
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(node->children.size() + fresh.size());
        child->folder = std::move(folder);
        fresh.push_back(std::move(child));
    }
    if (!fresh.empty()) {
        const int first = int(node->children.size());
        beginInsertRows(indexFor(node), first, first + int(fresh.size()) - 1);
        for (auto &child : fresh) {
            m_byUuid.insert(child->folder->uuid, child.get());
            node->children.push_back(std::move(child));
        }
        endInsertRows();
    }

    if (const auto &next = answer.value().nextPageToken) {
        requestPage(key, *next);
        return;
    }
    node->state = Node::State::Complete;
    setNodeLoading(node, false);
    const QModelIndex parent = indexFor(node);
    // hasChildren() just turned false for an empty folder: let views drop the expander.
    if (node->children.empty() && parent.isValid())
        Q_EMIT dataChanged(parent, parent);
    Q_EMIT folderLoaded(parent);
}

void StorageFolderTreeModel::setNodeLoading(Node *node, bool loading)
{
    if (loading) {
        node->state = Node::State::Loading;
        if (++m_loadingCount == 1)
            Q_EMIT loadingChanged(true);
    } else if (--m_loadingCount == 0) {
        Q_EMIT loadingChanged(false);
    }
}

} // namespace Encord
