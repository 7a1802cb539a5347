#include "projectlistmodel.h"

#include "modelformat.h"

namespace Encord {

ProjectListModel::ProjectListModel(QObject *parent)
    : RecordListModel<Project>(parent)
{ }

int ProjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case DescriptionColumn:
        return tr("Description");
    case RoleColumn:
        return tr("Your role");
    case CreatedColumn:
        return tr("Created");
    case EditedColumn:
        return tr("Edited");
    default:
        return {};
    }
}

QCoro::Task<Result<QList<Project>>> ProjectListModel::fetch(const EncordClient &client,
                                                            const ListingFilter &filter,
                                                            CancelToken token) const
{
    return client.getProjects(filter, std::move(token));
}

QString ProjectListModel::hashOf(const Project &record) const
{
    return record.projectHash;
}

QVariant ProjectListModel::displayValue(const Project &record, int column) const
{
    switch (column) {
    case TitleColumn:
        return record.title;
    case DescriptionColumn:
        return record.description;
    case RoleColumn:
        return ModelFormat::roleName(ModelFormat::known(record.userRole));
    case CreatedColumn:
        return ModelFormat::shortDate(record.createdAt);
    case EditedColumn:
        return ModelFormat::shortDate(record.lastEditedAt);
    default:
        return {};
    }
}

QVariant ProjectListModel::sortValue(const Project &record, int column) const
{
    switch (column) {
    case CreatedColumn:
        return record.createdAt;
    case EditedColumn:
        return record.lastEditedAt;
    default:
        return displayValue(record, column);
    }
}

} // namespace Encord
