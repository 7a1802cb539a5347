#include "skeletontemplatecoordinate.h"

#include "jsonreader.h"

namespace Encord {

SkeletonTemplateCoordinate SkeletonTemplateCoordinate::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    SkeletonTemplateCoordinate coordinate;
    coordinate.x = reader.number("x");
    coordinate.y = reader.number("y");
    coordinate.name = reader.string("name");
    coordinate.color = reader.string("color", coordinate.color);
    coordinate.value = reader.string("value");
    coordinate.featureHash = reader.optionalString("featureHash");
    coordinate.extra = reader.unconsumed();
    return coordinate;
}

QJsonObject SkeletonTemplateCoordinate::toJson() const
{
    QJsonObject json{
        {QStringLiteral("x"), x},
        {QStringLiteral("y"), y},
        {QStringLiteral("name"), name},
        {QStringLiteral("color"), color},
        {QStringLiteral("value"), value},
    };
    if (featureHash)
        json.insert(QStringLiteral("featureHash"), *featureHash);
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
