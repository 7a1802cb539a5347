#pragma once

#include "recordlistmodel.h"
#include "records/cloudintegration.h"

namespace Encord {

/// The organisation's cloud integrations (EncordClient::getCloudIntegrations), one per row.
/// Of the filter only titleEq is used: it is sent as the one title to list.
class CloudIntegrationListModel final : public RecordListModel<CloudIntegration>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CloudIntegrationListModel)

public:
    enum Column {
        TitleColumn,
        IdColumn, ///< the integration's UUID
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit CloudIntegrationListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QCoro::Task<Result<QList<CloudIntegration>>> fetch(const EncordClient &client,
                                                       const ListingFilter &filter,
                                                       CancelToken token) const override;
    QString hashOf(const CloudIntegration &record) const override;
    QVariant displayValue(const CloudIntegration &record, int column) const override;
};

} // namespace Encord
