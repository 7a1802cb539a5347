#include "uploadsignedurl.h"

#include "jsonreader.h"

namespace Encord {

UploadSignedUrl UploadSignedUrl::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    UploadSignedUrl url;
    url.itemUuid = reader.string("itemUuid");
    url.objectKey = reader.string("objectKey");
    url.signedUrl = reader.string("signedUrl");
    url.extra = reader.unconsumed();
    return url;
}

QJsonObject UploadSignedUrl::toJson() const
{
    QJsonObject json{
        {QStringLiteral("itemUuid"), itemUuid},
        {QStringLiteral("objectKey"), objectKey},
        {QStringLiteral("signedUrl"), signedUrl},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
