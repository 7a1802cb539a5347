#include "imagedata.h"

#include "jsonreader.h"

namespace Encord {

ImageData ImageData::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ImageData image;
    image.imageHash = reader.string("image_hash");
    image.title = reader.string("title");
    image.fileLink = reader.string("file_link");
    image.fileType = reader.string("file_type");
    image.fileSize = reader.optionalInteger("file_size");
    image.storageLocation = reader.enumValue("storage_location", StorageLocation::CordStorage);
    image.createdAt = reader.dateTime("created_at");
    image.lastEditedAt = reader.dateTime("last_edited_at");
    image.height = reader.optionalInt("height");
    image.width = reader.optionalInt("width");
    image.signedUrl = reader.optionalString("signed_url");
    image.extra = reader.unconsumed();
    return image;
}

QJsonObject ImageData::toJson() const
{
    QJsonObject json{
        {QStringLiteral("image_hash"), imageHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("file_link"), fileLink},
        {QStringLiteral("file_type"), fileType},
        {QStringLiteral("file_size"), Json::nullable(fileSize)},
        {QStringLiteral("storage_location"), storageLocation.toJson()},
        {QStringLiteral("created_at"), Json::v1DateTimeJson(createdAt)},
        {QStringLiteral("last_edited_at"), Json::v1DateTimeJson(lastEditedAt)},
        {QStringLiteral("height"), Json::nullable(height)},
        {QStringLiteral("width"), Json::nullable(width)},
    };
    if (signedUrl)
        json.insert(QStringLiteral("signed_url"), *signedUrl);
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
