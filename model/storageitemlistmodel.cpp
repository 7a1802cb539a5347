#include "storageitemlistmodel.h"

#include "modelformat.h"

namespace Encord {

StorageItemListModel::StorageItemListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

StorageItemListModel::~StorageItemListModel()
{
    m_requests.advance();
}

void StorageItemListModel::setClient(std::optional<EncordClient> client)
{
    m_client = std::move(client);
    refresh();
}

void StorageItemListModel::setFolder(const QString &folderUuid)
{
    m_folder = folderUuid;
    refresh();
}

void StorageItemListModel::setSearch(const QString &search)
{
    m_options.search = search;
    refresh();
}

void StorageItemListModel::setItemTypes(const QList<StorageItemType> &types)
{
    m_options.itemTypes = types;
    refresh();
}

void StorageItemListModel::setPageSize(int pageSize)
{
    m_options.pageSize = qBound(1, pageSize, 1000);
    refresh();
}

void StorageItemListModel::refresh()
{
    const bool wasLoading = m_loading;
    beginResetModel();
    m_requests.advance();
    m_items.clear();
    m_nextPageToken.clear();
    m_lastError.reset();
    m_atEnd = !m_client || m_folder.isEmpty();
    m_loading = false;
    endResetModel();

    // A view (or a model tester) may have fetched the first page while the reset was signalled.
    if (!m_atEnd && !m_loading)
        requestPage();
    if (wasLoading != m_loading)
        Q_EMIT loadingChanged(m_loading);
}

int StorageItemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int StorageItemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StorageItemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StorageItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return item.name;
        case TypeColumn:
            return ModelFormat::itemTypeName(item.itemType.value());
        case SizeColumn:
            return ModelFormat::byteSize(item.fileSize);
        case CreatedColumn:
            return ModelFormat::shortDate(item.createdAt);
        case DimensionsColumn:
            return ModelFormat::dimensions(item.width, item.height);
        }
        return {};
    case Qt::EditRole:
    case SortRole:
        switch (index.column()) {
        case SizeColumn:
            return item.fileSize.value_or(-1);
        case CreatedColumn:
            return item.createdAt;
        case DimensionsColumn:
            return item.width && item.height ? qint64(*item.width) * *item.height : qint64(-1);
        }
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case UuidRole:
        return item.uuid;
    case ItemRole:
        return QVariant::fromValue(item);
    default:
        return {};
    }
}

QVariant StorageItemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case CreatedColumn:
        return tr("Created");
    case DimensionsColumn:
        return tr("Dimensions");
    default:
        return {};
    }
}

QHash<int, QByteArray> StorageItemListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(UuidRole, "uuid");
    names.insert(ItemRole, "item");
    names.insert(SortRole, "sortValue");
    return names;
}

bool StorageItemListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && !m_lastError;
}

void StorageItemListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void StorageItemListModel::requestPage()
{
    // Loading before the request leaves, so that canFetchMore() turns false at once.
    setLoading(true);
    const quint64 generation = m_requests.current();
    QCoro::connect(
        m_client->storageItemPage(m_folder, m_options, m_nextPageToken, false, m_requests.token()),
        this,
        [this, generation](Result<Page<StorageItem>> &&answer) {
            onPage(generation, std::move(answer));
        });
}

void StorageItemListModel::onPage(quint64 generation, Result<Page<StorageItem>> answer)
{
    if (!m_requests.isCurrent(generation))
        return;
    if (!answer.ok()) {
        m_lastError = answer.error();
        setLoading(false);
        Q_EMIT errorOccurred(answer.error());
        return;
    }

    QList<StorageItem> &items = answer.value().results;
    const int count = int(items.size());
    if (count > 0) {
        const int first = int(m_items.size());
        beginInsertRows(QModelIndex(), first, first + count - 1);
        m_items.append(std::move(items));
        endInsertRows();
    }
    // State after endInsertRows(): observers of rowsInserted must not start the next page yet.
    m_nextPageToken = answer.value().nextPageToken.value_or(QString());
    m_atEnd = !answer.value().nextPageToken.has_value();
    setLoading(false);
    Q_EMIT pageLoaded(count);
}

void StorageItemListModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace Encord
