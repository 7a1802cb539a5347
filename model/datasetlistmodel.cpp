#include "datasetlistmodel.h"

#include "modelformat.h"

namespace Encord {

DatasetListModel::DatasetListModel(QObject *parent)
    : RecordListModel<DatasetSummary>(parent)
{ }

int DatasetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatasetListModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case StorageColumn:
        return tr("Storage");
    default:
        return {};
    }
}

QCoro::Task<Result<QList<DatasetSummary>>> DatasetListModel::fetch(const EncordClient &client,
                                                                   const ListingFilter &filter,
                                                                   CancelToken token) const
{
    return client.getDatasets(filter, m_includeOrgAccess, std::move(token));
}

QString DatasetListModel::hashOf(const DatasetSummary &record) const
{
    return record.datasetHash;
}

QVariant DatasetListModel::displayValue(const DatasetSummary &record, int column) const
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
    case StorageColumn:
        return ModelFormat::storageName(ModelFormat::known(record.storageLocation));
    default:
        return {};
    }
}

QVariant DatasetListModel::sortValue(const DatasetSummary &record, int column) const
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
