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
    switch (section) {
    case DatasetsColumn:
        return tr("Datasets");
    case ReviewColumn:
        return tr("Quality assurance");
    default:
        return TitledColumns::header(section);
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
    case DatasetsColumn:
        return int(record.datasets.size());
    case ReviewColumn:
        // Source projects exist only for benchmark QA; a workflow manager only for projects
        // made from a workflow template; everything else is the default manual QA.
        if (record.sourceProjects && !record.sourceProjects->isEmpty())
            return tr("Benchmark QA");
        if (record.workflowManagerUuid && !record.workflowManagerUuid->isEmpty())
            return tr("Workflow");
        return tr("Manual QA");
    default:
        return TitledColumns::display(record, column);
    }
}

QVariant ProjectListModel::sortValue(const Project &record, int column) const
{
    if (column == DatasetsColumn || column == ReviewColumn)
        return displayValue(record, column);
    return TitledColumns::sort(record, column);
}

} // namespace Encord
