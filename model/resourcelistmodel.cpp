#include "resourcelistmodel.h"

#include <algorithm>
#include <numeric>

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

void ResourceListModel::setArrivalOrder(int column,
                                        Qt::SortOrder order,
                                        Qt::CaseSensitivity caseSensitivity)
{
    m_arrivalOrder = ArrivalOrder{column, order, caseSensitivity};
}

QList<qsizetype> ResourceListModel::arrivalPermutation(const QList<QVariant> &keys,
                                                       ArrivalOrder order)
{
    QList<qsizetype> rows(keys.size());
    std::iota(rows.begin(), rows.end(), qsizetype(0));
    const auto less = [&keys, order](qsizetype left, qsizetype right) {
        const QVariant &a = keys.at(left);
        const QVariant &b = keys.at(right);
        if (a.userType() == QMetaType::QString && b.userType() == QMetaType::QString) {
            return QString::compare(a.toString(), b.toString(), order.caseSensitivity) < 0;
        }
        return QVariant::compare(a, b) == QPartialOrdering::Less;
    };
    if (order.order == Qt::AscendingOrder)
        std::stable_sort(rows.begin(), rows.end(), less);
    else
        std::stable_sort(rows.begin(), rows.end(), [&less](qsizetype left, qsizetype right) {
            return less(right, left);
        });
    return rows;
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
