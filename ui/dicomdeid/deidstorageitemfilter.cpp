#include "deidstorageitemfilter.h"

#include "records/storageitem.h"
#include "storageitemlistmodel.h"

namespace Encord {

DeidStorageItemFilter::DeidStorageItemFilter(QObject *parent)
    : QIdentityProxyModel(parent)
{ }

void DeidStorageItemFilter::setIntegration(const QString &uuid, const QString &title)
{
    if (uuid == m_integration && title == m_title)
        return;
    m_integration = uuid;
    m_title = title;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool DeidStorageItemFilter::isDicomFile(const StorageItem &item)
{
    if (item.itemType == StorageItemType::DicomFile)
        return true;
    if (item.mimeType
        && item.mimeType->compare(QLatin1String("application/dicom"), Qt::CaseInsensitive) == 0)
        return true;
    for (const char *suffix : {".dcm", ".dicom", ".ima"}) {
        if (item.name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString DeidStorageItemFilter::refusal(const StorageItem &item) const
{
    if (item.itemType == StorageItemType::DicomSeries)
        return tr("A DICOM series: choose its files one by one.");
    if (!item.integrationHash)
        return tr("Kept in Encord's storage, not in the integration %1.").arg(m_title);
    if (*item.integrationHash != m_integration)
        return tr("In another integration, not in %1.").arg(m_title);
    if (!item.url || item.url->isEmpty())
        return tr("The integration gives no URL for this file.");
    if (!isDicomFile(item))
        return tr("Not a DICOM file.");
    return {};
}

Qt::ItemFlags DeidStorageItemFilter::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QIdentityProxyModel::flags(index);
    const auto item = index.data(StorageItemListModel::ItemRole).value<StorageItem>();
    if (index.isValid() && !refusal(item).isEmpty())
        flags &= ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return flags;
}

QVariant DeidStorageItemFilter::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ToolTipRole && index.isValid()) {
        const auto item = index.data(StorageItemListModel::ItemRole).value<StorageItem>();
        const QString reason = refusal(item);
        return reason.isEmpty() ? QVariant(item.url.value_or(QString())) : QVariant(reason);
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace Encord
