#include "datarow.h"

#include "jsonreader.h"

namespace Encord {

DataRow DataRow::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    DataRow row;
    row.dataHash = reader.string("data_hash");
    row.dataTitle = reader.string("data_title");
    row.dataType = reader.enumValue("data_type", DataType::Image);
    row.createdAt = reader.dateTime("created_at");
    row.lastEditedAt = reader.dateTime("last_edited_at");
    row.width = reader.optionalInt("width");
    row.height = reader.optionalInt("height");
    row.fileLink = reader.optionalString("file_link");
    row.fileSize = reader.optionalInteger("file_size");
    row.fileType = reader.optionalString("file_type");
    row.storageLocation = reader.enumValue("storage_location", StorageLocation::CordStorage);
    row.framesPerSecond = reader.optionalNumber("frames_per_second");
    row.duration = reader.optionalNumber("duration");

    const QJsonValue metadata = reader.value("client_metadata");
    if (metadata.isObject())
        row.clientMetadata = metadata.toObject();
    row.signedUrl = reader.optionalString("signed_url");
    row.isOptimisedImageGroup = reader.optionalBool("is_optimised_image_group");
    row.backingItemUuid = reader.optionalString("backing_item_uuid");
    const QJsonValue images = reader.value("images_data");
    if (images.isArray())
        row.imagesData = Json::recordsFromJson<ImageData>(images);

    row.extra = reader.unconsumed();
    return row;
}

QJsonObject DataRow::toJson() const
{
    QJsonObject json{
        {QStringLiteral("data_hash"), dataHash},
        {QStringLiteral("data_title"), dataTitle},
        {QStringLiteral("data_type"), dataType.toJson()},
        {QStringLiteral("created_at"), Json::v1DateTimeJson(createdAt)},
        {QStringLiteral("last_edited_at"), Json::v1DateTimeJson(lastEditedAt)},
        {QStringLiteral("width"), Json::nullable(width)},
        {QStringLiteral("height"), Json::nullable(height)},
        {QStringLiteral("file_link"), Json::nullable(fileLink)},
        {QStringLiteral("file_size"), Json::nullable(fileSize)},
        {QStringLiteral("file_type"), Json::nullable(fileType)},
        {QStringLiteral("storage_location"), storageLocation.toJson()},
        {QStringLiteral("frames_per_second"), Json::nullable(framesPerSecond)},
        {QStringLiteral("duration"), Json::nullable(duration)},
    };
    if (clientMetadata)
        json.insert(QStringLiteral("client_metadata"), *clientMetadata);
    if (signedUrl)
        json.insert(QStringLiteral("signed_url"), *signedUrl);
    if (isOptimisedImageGroup)
        json.insert(QStringLiteral("is_optimised_image_group"), *isOptimisedImageGroup);
    if (backingItemUuid)
        json.insert(QStringLiteral("backing_item_uuid"), *backingItemUuid);
    if (imagesData) {
        json.insert(
            QStringLiteral("images_data"),
            Json::toArray(*imagesData, [](const ImageData &image) { return image.toJson(); }));
    }
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
