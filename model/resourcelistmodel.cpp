#include "resourcelistmodel.h"

namespace Encord {

ResourceListModel::ResourceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ResourceListModel::~ResourceListModel()
{
    // Answers that cancelling delivers right away must find themselves stale.
    m_requests.advance();
}

void ResourceListModel::setClient(std::optional<EncordClient> client)
{
    m_client = std::move(client);
    refresh();
}

void ResourceListModel::setFilter(const ListingFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refresh();
}

void ResourceListModel::refresh()
{
    beginResetModel();
    m_requests.advance();
    clearRecords();
    m_lastError.reset();
    endResetModel();

    if (!m_client) {
        setLoading(false);
        return;
    }
    setLoading(true);
    startLoad(*m_client, m_filter, m_requests.token(), m_requests.current());
}

QHash<int, QByteArray> ResourceListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(HashRole, "hash");
    names.insert(RecordRole, "record");
    names.insert(SortRole, "sortValue");
    return names;
}

void ResourceListModel::finishLoad(quint64 generation, int count)
{
    if (!isCurrent(generation))
        return;
    setLoading(false);
    Q_EMIT rowsLoaded(count);
}

void ResourceListModel::failLoad(quint64 generation, const ApiError &error)
{
    if (!isCurrent(generation))
        return;
    m_lastError = error;
    setLoading(false);
    Q_EMIT errorOccurred(error);
}

void ResourceListModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace Encord
