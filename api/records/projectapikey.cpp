#include "projectapikey.h"

#include "jsonreader.h"

namespace Encord {

ProjectApiKey ProjectApiKey::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ProjectApiKey key;
    key.apiKey = reader.string("api_key");
    key.title = reader.string("title");
    key.scopes = reader.enumList<ApiKeyScope>("scopes");
    key.extra = reader.unconsumed();
    return key;
}

QJsonObject ProjectApiKey::toJson() const
{
    QJsonObject json{
        {QStringLiteral("api_key"), apiKey},
        {QStringLiteral("title"), title},
        {QStringLiteral("scopes"),
         Json::toArray(scopes, [](const WireEnum<ApiKeyScope> &scope) { return scope.toJson(); })},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
