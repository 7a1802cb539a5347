#include "group.h"

#include "jsonreader.h"

namespace Encord {

Group Group::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    Group group;
    group.groupHash = reader.string("groupHash");
    group.name = reader.string("name");
    group.description = reader.string("description");
    group.createdAt = reader.dateTime("createdAt");
    group.extra = reader.unconsumed();
    return group;
}

QJsonObject Group::toJson() const
{
    QJsonObject json{
        {QStringLiteral("groupHash"), groupHash},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("createdAt"), Json::v2DateTimeJson(createdAt)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
