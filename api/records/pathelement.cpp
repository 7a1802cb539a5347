#include "pathelement.h"

#include "jsonreader.h"

namespace Encord {

PathElement PathElement::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    PathElement element;
    element.uuid = reader.string("uuid");
    element.parentUuid = reader.optionalString("parentUuid");
    element.name = reader.string("name");
    element.syncedDatasetHash = reader.optionalString("syncedDatasetHash");
    element.extra = reader.unconsumed();
    return element;
}

QJsonObject PathElement::toJson() const
{
    QJsonObject json{
        {QStringLiteral("uuid"), uuid},
        {QStringLiteral("parentUuid"), Json::nullable(parentUuid)},
        {QStringLiteral("name"), name},
        {QStringLiteral("syncedDatasetHash"), Json::nullable(syncedDatasetHash)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
