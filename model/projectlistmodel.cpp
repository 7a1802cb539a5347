#include "projectlistmodel.h"

#include "modelformat.h"
#include "titledcolumns.h"

namespace Encord {

static_assert(int(ProjectListModel::EditedColumn) == TitledColumns::Edited,
              "the shared columns come first, in TitledColumns' order");

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
    return TitledColumns::header(section);
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
    return TitledColumns::display(record, column);
}

QVariant ProjectListModel::sortValue(const Project &record, int column) const
{
    return TitledColumns::sort(record, column);
}

} // namespace Encord
