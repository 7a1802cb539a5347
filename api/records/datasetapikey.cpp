#include "datasetapikey.h"

#include "jsonreader.h"

namespace Encord {

DatasetApiKey DatasetApiKey::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    DatasetApiKey key;
    key.datasetHash = reader.string({"resource_hash", "dataset_hash"});
    key.apiKey = reader.string("api_key");
    key.title = reader.string("title");
    key.keyHash = reader.string("key_hash");
    key.scopes = reader.enumList<DatasetScope>("scopes");
    key.extra = reader.unconsumed();
    return key;
}

QJsonObject DatasetApiKey::toJson() const
{
    QJsonObject json{
        {QStringLiteral("resource_hash"), datasetHash},
        {QStringLiteral("api_key"), apiKey},
        {QStringLiteral("title"), title},
        {QStringLiteral("key_hash"), keyHash},
        {QStringLiteral("scopes"),
         Json::toArray(scopes, [](const WireEnum<DatasetScope> &scope) { return scope.toJson(); })},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
