#include "grouplistmodel.h"

#include "modelformat.h"

namespace Encord {

GroupListModel::GroupListModel(QObject *parent)
    : RecordListModel<Group>(parent)
{ }

int GroupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
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

QCoro::Task<Result<QList<Group>>> GroupListModel::fetch(const EncordClient &client,
                                                        const ListingFilter &filter,
                                                        CancelToken token) const
{
    Q_UNUSED(filter)
    return client.listGroups(std::move(token));
}

QString GroupListModel::hashOf(const Group &record) const
{
    return record.groupHash;
}

QVariant GroupListModel::displayValue(const Group &record, int column) const
{
    switch (column) {
    case NameColumn:
        return record.name;
    case DescriptionColumn:
        return record.description;
    case CreatedColumn:
        return ModelFormat::shortDate(record.createdAt);
    default:
        return {};
    }
}

QVariant GroupListModel::sortValue(const Group &record, int column) const
{
    switch (column) {
    case CreatedColumn:
        return record.createdAt;
    default:
        return displayValue(record, column);
    }
}

} // namespace Encord
