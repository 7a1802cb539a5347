#include "cloudintegration.h"

#include "jsonreader.h"

namespace Encord {

CloudIntegration CloudIntegration::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    CloudIntegration integration;
    integration.id = reader.string({"integrationUuid", "id"});
    integration.title = reader.string("title");
    integration.extra = reader.unconsumed();
    return integration;
}

QJsonObject CloudIntegration::toV1Json() const
{
    QJsonObject json{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}};
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject CloudIntegration::toV2Json() const
{
    QJsonObject json{{QStringLiteral("integrationUuid"), id}, {QStringLiteral("title"), title}};
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
