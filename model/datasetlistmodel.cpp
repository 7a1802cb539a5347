#include "datasetlistmodel.h"

#include "modelformat.h"
#include "titledcolumns.h"

namespace Encord {

static_assert(int(DatasetListModel::EditedColumn) == TitledColumns::Edited,
              "the shared columns come first, in TitledColumns' order");

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
    if (section == StorageColumn)
        return tr("Storage");
    return TitledColumns::header(section);
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
    if (column == StorageColumn)
        return ModelFormat::storageName(ModelFormat::known(record.storageLocation));
    return TitledColumns::display(record, column);
}

QVariant DatasetListModel::sortValue(const DatasetSummary &record, int column) const
{
    if (column == StorageColumn)
        return displayValue(record, column);
    return TitledColumns::sort(record, column);
}

} // namespace Encord
