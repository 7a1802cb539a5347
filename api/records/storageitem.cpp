#include "storageitem.h"

#include "jsonreader.h"

namespace Encord {

StorageItem StorageItem::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    StorageItem item;
    item.uuid = reader.string("uuid");
    item.parent = reader.string("parent");
    item.itemType = reader.enumValue("itemType", StorageItemType::Image);
    item.name = reader.string("name");
    item.description = reader.string("description");
    const QJsonValue metadata = reader.value("clientMetadata");
    if (metadata.isString())
        item.clientMetadata = metadata.toString();
    else if (metadata.isObject())
        item.clientMetadata = Json::toJsonText(metadata);
    item.owner = reader.string("owner");
    item.createdAt = reader.dateTime("createdAt");
    item.lastEditedAt = reader.dateTime("lastEditedAt");
    item.isTombstone = reader.boolean("isTombstone");
    item.isPlaceholder = reader.boolean("isPlaceholder");
    item.backedDataUnitsCount = reader.integer("backedDataUnitsCount");
    item.storageLocation = reader.enumValue("storageLocation", StorageLocationName::Encord);
    item.integrationHash = reader.optionalString("integrationHash");
    item.url = reader.optionalString("url");
    item.signedUrl = reader.optionalString("signedUrl");
    item.fileSize = reader.optionalInteger("fileSize");
    item.mimeType = reader.optionalString("mimeType");
    item.duration = reader.optionalNumber("duration");
    item.fps = reader.optionalNumber("fps");
    item.height = reader.optionalInt("height");
    item.width = reader.optionalInt("width");
    item.dicomInstanceUid = reader.optionalString("dicomInstanceUid");
    item.dicomStudyUid = reader.optionalString("dicomStudyUid");
    item.dicomSeriesUid = reader.optionalString("dicomSeriesUid");
    item.frameCount = reader.optionalInt("frameCount");
    item.audioSampleRate = reader.optionalInt("audioSampleRate");
    item.audioBitDepth = reader.optionalInt("audioBitDepth");
    item.audioNumChannels = reader.optionalInt("audioNumChannels");
    item.audioCodec = reader.optionalString("audioCodec");
    item.extra = reader.unconsumed();
    return item;
}

QJsonObject StorageItem::toJson() const
{
    QJsonObject json{
        {QStringLiteral("uuid"), uuid},
        {QStringLiteral("parent"), parent},
        {QStringLiteral("itemType"), itemType.toJson()},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("clientMetadata"), clientMetadata},
        {QStringLiteral("owner"), owner},
        {QStringLiteral("createdAt"), Json::v2DateTimeJson(createdAt)},
        {QStringLiteral("lastEditedAt"), Json::v2DateTimeJson(lastEditedAt)},
        {QStringLiteral("isTombstone"), isTombstone},
        {QStringLiteral("isPlaceholder"), isPlaceholder},
        {QStringLiteral("backedDataUnitsCount"), backedDataUnitsCount},
        {QStringLiteral("storageLocation"), storageLocation.toJson()},
        {QStringLiteral("integrationHash"), Json::nullable(integrationHash)},
        {QStringLiteral("url"), Json::nullable(url)},
        {QStringLiteral("signedUrl"), Json::nullable(signedUrl)},
        {QStringLiteral("fileSize"), Json::nullable(fileSize)},
        {QStringLiteral("mimeType"), Json::nullable(mimeType)},
        {QStringLiteral("duration"), Json::nullable(duration)},
        {QStringLiteral("fps"), Json::nullable(fps)},
        {QStringLiteral("height"), Json::nullable(height)},
        {QStringLiteral("width"), Json::nullable(width)},
        {QStringLiteral("dicomInstanceUid"), Json::nullable(dicomInstanceUid)},
        {QStringLiteral("dicomStudyUid"), Json::nullable(dicomStudyUid)},
        {QStringLiteral("dicomSeriesUid"), Json::nullable(dicomSeriesUid)},
        {QStringLiteral("frameCount"), Json::nullable(frameCount)},
        {QStringLiteral("audioSampleRate"), Json::nullable(audioSampleRate)},
        {QStringLiteral("audioBitDepth"), Json::nullable(audioBitDepth)},
        {QStringLiteral("audioNumChannels"), Json::nullable(audioNumChannels)},
        {QStringLiteral("audioCodec"), Json::nullable(audioCodec)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject StorageItem::clientMetadataObject() const
{
    return Json::parseJsonText(clientMetadata).toObject();
}

} // namespace Encord
