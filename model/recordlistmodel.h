#pragma once

#include "resourcelistmodel.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QCoroTimer>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QVariant>
#include <QtConcurrent>

#include <chrono>

namespace Encord {

/// A ResourceListModel that holds records of type @p T in listing order. A concrete list says
/// which call lists them (fetch()) and how a record shows in each column; the table, the shared
/// roles and the stale-answer handling live here.
///
/// Storage: a QList<T> indexed by row, O(1) access; no lookup by hash (lists are a few hundred
/// rows; views search through the proxy).
template<typename T>
class RecordListModel : public ResourceListModel
{
public:
    using ResourceListModel::ResourceListModel;

    /// The record shown in @p row; row must be valid.
    const T &recordAt(int row) const { return m_records.at(row); }
    const QList<T> &records() const { return m_records; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_records.size());
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const T &record = m_records.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return displayValue(record, index.column());
        case Qt::EditRole:
        case SortRole:
            return sortValue(record, index.column());
        case HashRole:
            return hashOf(record);
        case RecordRole:
            return QVariant::fromValue(record);
        default:
            return otherData(record, index.column(), role);
        }
    }

protected:
    /// The listing call.
    virtual QCoro::Task<Result<QList<T>>> fetch(const EncordClient &client,
                                                const ListingFilter &filter,
                                                CancelToken token) const = 0;
    virtual QString hashOf(const T &record) const = 0;
    /// Qt::DisplayRole of @p column.
    virtual QVariant displayValue(const T &record, int column) const = 0;
    /// SortRole and Qt::EditRole of @p column; the display text unless overridden.
    virtual QVariant sortValue(const T &record, int column) const
    {
        return displayValue(record, column);
    }
    /// Any other role (subclass roles, tooltips); nothing unless overridden.
    virtual QVariant otherData(const T &record, int column, int role) const
    {
        Q_UNUSED(record)
        Q_UNUSED(column)
        Q_UNUSED(role)
        return {};
    }

    void startLoad(const EncordClient &client,
                   const ListingFilter &filter,
                   CancelToken token,
                   quint64 generation) final
    {
        // The callback is skipped when the model is gone; a stale generation is dropped.
        QCoro::connect(fetch(client, filter, std::move(token)),
                       this,
                       [this, generation](Result<QList<T>> &&answer) {
                           if (!isCurrent(generation))
                               return;
                           if (!answer.ok()) {
                               failLoad(generation, answer.error());
                               return;
                           }
                           deliver(std::move(answer).value(), generation);
                       });
    }

    void clearRecords() final { m_records.clear(); }

private:
    // Inserts an answer's records: at once when small, otherwise in the view's order and a
    // slice at a time (see setArrivalOrder()), giving up when the model goes or resets.
    void deliver(QList<T> records, quint64 generation)
    {
        const ArrivalOrder order = arrivalOrder();
        if (records.size() <= sliceRows()) {
            insertRecords(std::move(records));
            finishLoad(generation, int(m_records.size()));
            return;
        }
        QList<QVariant> keys;
        if (order.column >= 0) {
            keys.reserve(records.size());
            for (const T &record : std::as_const(records))
                keys.append(sortValue(record, order.column));
        }
        [](QPointer<RecordListModel> self,
           QList<T> records,
           QList<QVariant> keys,
           ArrivalOrder order,
           qsizetype sliceRows,
           quint64 generation) -> QCoro::Task<> {
            if (!keys.isEmpty()) {
                // Named, not a temporary in the co_await expression (GCC bug 100611).
                auto sortKeys = [keys = std::move(keys), order] {
                    return arrivalPermutation(keys, order);
                };
                QFuture<QList<qsizetype>> sorting = QtConcurrent::run(std::move(sortKeys));
                const QList<qsizetype> permutation = co_await sorting;
                if (!self || !self->isCurrent(generation))
                    co_return;
                QList<T> ordered;
                ordered.reserve(records.size());
                for (const qsizetype row : permutation)
                    ordered.append(std::move(records[row]));
                records = std::move(ordered);
            }
            for (qsizetype first = 0; first < records.size(); first += sliceRows) {
                if (first > 0) {
                    QTimer pause;
                    pause.setSingleShot(true);
                    pause.start(std::chrono::milliseconds(0));
                    co_await qCoro(pause).waitForTimeout();
                    if (!self || !self->isCurrent(generation))
                        co_return;
                }
                const qsizetype count = std::min(sliceRows, records.size() - first);
                QList<T> slice;
                slice.reserve(count);
                for (qsizetype row = first; row < first + count; ++row)
                    slice.append(std::move(records[row]));
                self->insertRecords(std::move(slice));
            }
            self->finishLoad(generation, int(self->m_records.size()));
        }(QPointer<RecordListModel>(this),
          std::move(records),
          std::move(keys),
          order,
          sliceRows(),
          generation);
    }

    void insertRecords(QList<T> records)
    {
        if (records.isEmpty())
            return;
        const int first = int(m_records.size());
        beginInsertRows(QModelIndex(), first, first + int(records.size()) - 1);
        m_records.append(std::move(records));
        endInsertRows();
    }

    QList<T> m_records;
};

} // namespace Encord
