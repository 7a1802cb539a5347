#pragma once

#include "recordlistmodel.h"
#include "records/group.h"

namespace Encord {

/// The organisation's user groups (EncordClient::listGroups), one per row. The server offers
/// no filter for groups, so the filter is ignored; filter with a proxy instead.
class GroupListModel final : public RecordListModel<Group>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupListModel)

public:
    enum Column {
        NameColumn,
        DescriptionColumn,
        CreatedColumn, ///< SortRole: QDateTime
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit GroupListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QCoro::Task<Result<QList<Group>>> fetch(const EncordClient &client,
                                            const ListingFilter &filter,
                                            CancelToken token) const override;
    QString hashOf(const Group &record) const override;
    QVariant displayValue(const Group &record, int column) const override;
    QVariant sortValue(const Group &record, int column) const override;
};

} // namespace Encord
