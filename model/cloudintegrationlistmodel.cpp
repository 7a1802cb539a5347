#include "cloudintegrationlistmodel.h"

#include "modelformat.h"

namespace Encord {

CloudIntegrationListModel::CloudIntegrationListModel(QObject *parent)
    : RecordListModel<CloudIntegration>(parent)
{ }

int CloudIntegrationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CloudIntegrationListModel::headerData(int section,
                                               Qt::Orientation orientation,
                                               int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case IdColumn:
        return tr("Id");
    default:
        return {};
    }
}

QCoro::Task<Result<QList<CloudIntegration>>> CloudIntegrationListModel::fetch(
    const EncordClient &client, const ListingFilter &filter, CancelToken token) const
{
    QStringList titles;
    if (filter.titleEq)
        titles.append(*filter.titleEq);
    return client.getCloudIntegrations({}, titles, false, std::move(token));
}

QString CloudIntegrationListModel::hashOf(const CloudIntegration &record) const
{
    return record.id;
}

QVariant CloudIntegrationListModel::displayValue(const CloudIntegration &record, int column) const
{
    switch (column) {
    case TitleColumn:
        return record.title;
    case IdColumn:
        return record.id;
    default:
        return {};
    }
}

} // namespace Encord
