#include "dataset.h"

#include "jsonreader.h"

namespace Encord {

Dataset Dataset::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    Dataset dataset;
    dataset.datasetHash = reader.string({"dataset_hash", "datasetUuid"});
    dataset.title = reader.string("title");
    dataset.description = reader.string("description");
    dataset.datasetType = reader.enumValue("dataset_type", StorageLocation::CordStorage);
    dataset.backingFolderUuid = reader.optionalString("backing_folder_uuid");
    dataset.dataRows = reader.records<DataRow>("data_rows");
    dataset.extra = reader.unconsumed();
    return dataset;
}

QJsonObject Dataset::toJson() const
{
    QJsonObject json{
        {QStringLiteral("dataset_hash"), datasetHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("dataset_type"), datasetType.toJson(&toWireString)},
        {QStringLiteral("data_rows"),
         Json::toArray(dataRows, [](const DataRow &row) { return row.toJson(); })},
    };
    if (backingFolderUuid)
        json.insert(QStringLiteral("backing_folder_uuid"), *backingFolderUuid);
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
