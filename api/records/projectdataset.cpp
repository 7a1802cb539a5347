#include "projectdataset.h"

#include "jsonreader.h"

namespace Encord {

ProjectDataset ProjectDataset::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ProjectDataset dataset;
    dataset.datasetHash = reader.string({"dataset_hash", "datasetUuid"});
    dataset.title = reader.string("title");
    dataset.description = reader.string("description");
    dataset.datasetType = reader.optionalEnum<StorageLocation>("dataset_type");
    dataset.extra = reader.unconsumed();
    return dataset;
}

QJsonObject ProjectDataset::toV1Json() const
{
    QJsonObject json{
        {QStringLiteral("dataset_hash"), datasetHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
    };
    if (datasetType)
        json.insert(QStringLiteral("dataset_type"), datasetType->toJson(&toWireString));
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject ProjectDataset::toV2Json() const
{
    QJsonObject json{
        {QStringLiteral("datasetHash"), datasetHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
