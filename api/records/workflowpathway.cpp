#include "workflowpathway.h"

#include "jsonreader.h"

namespace Encord {

WorkflowPathway WorkflowPathway::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    WorkflowPathway pathway;
    pathway.uuid = reader.string("uuid");
    pathway.title = reader.string("title");
    pathway.destinationUuid = reader.string("destinationUuid");
    pathway.extra = reader.unconsumed();
    return pathway;
}

QJsonObject WorkflowPathway::toJson() const
{
    QJsonObject json{
        {QStringLiteral("uuid"), uuid},
        {QStringLiteral("title"), title},
        {QStringLiteral("destinationUuid"), destinationUuid},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
