#pragma once

#include "resourcelistmodel.h"

#include <QCoroTask>
#include <QList>
#include <QVariant>

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
                           insertRecords(std::move(answer).value());
                           finishLoad(generation, int(m_records.size()));
                       });
    }

    void clearRecords() final { m_records.clear(); }

private:
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
