#include "storagefolder.h"

#include "jsonreader.h"

namespace Encord {

StorageFolder StorageFolder::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    StorageFolder folder;
    folder.uuid = reader.string("uuid");
    folder.parent = reader.optionalString("parent");
    folder.name = reader.string("name");
    folder.description = reader.string("description");
    const QJsonValue metadata = reader.value("clientMetadata");
    if (metadata.isString())
        folder.clientMetadata = metadata.toString();
    else if (metadata.isObject())
        folder.clientMetadata = Json::toJsonText(metadata);
    folder.owner = reader.string("owner");
    folder.createdAt = reader.dateTime("createdAt");
    folder.lastEditedAt = reader.dateTime("lastEditedAt");
    folder.userRole = reader.enumValue("userRole", StorageUserRole::User);
    folder.syncedDatasetHash = reader.optionalString("syncedDatasetHash");
    folder.pathToRoot = reader.records<PathElement>("pathToRoot");
    folder.extra = reader.unconsumed();
    return folder;
}

QJsonObject StorageFolder::toJson() const
{
    QJsonObject json{
        {QStringLiteral("uuid"), uuid},
        {QStringLiteral("parent"), Json::nullable(parent)},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("clientMetadata"), Json::nullable(clientMetadata)},
        {QStringLiteral("owner"), owner},
        {QStringLiteral("createdAt"), Json::v2DateTimeJson(createdAt)},
        {QStringLiteral("lastEditedAt"), Json::v2DateTimeJson(lastEditedAt)},
        {QStringLiteral("userRole"), userRole.toJson()},
        {QStringLiteral("syncedDatasetHash"), Json::nullable(syncedDatasetHash)},
        {QStringLiteral("pathToRoot"),
         Json::toArray(pathToRoot, [](const PathElement &element) { return element.toJson(); })},
    };
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject StorageFolder::clientMetadataObject() const
{
    return clientMetadata ? Json::parseJsonText(*clientMetadata).toObject() : QJsonObject();
}

} // namespace Encord
