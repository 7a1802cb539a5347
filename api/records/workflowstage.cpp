#include "workflowstage.h"

#include "jsonreader.h"

namespace Encord {

WorkflowStage WorkflowStage::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    WorkflowStage stage;
    stage.uuid = reader.string("uuid");
    stage.title = reader.string("title");
    stage.stageType = reader.enumValue("stageType", WorkflowStageType::Annotation);
    const QJsonValue pathways = reader.value("pathways");
    if (pathways.isArray())
        stage.pathways = Json::recordsFromJson<WorkflowPathway>(pathways);
    stage.extra = reader.unconsumed();
    return stage;
}

QJsonObject WorkflowStage::toJson() const
{
    QJsonObject json{
        {QStringLiteral("stageType"), stageType.toJson()},
        {QStringLiteral("uuid"), uuid},
        {QStringLiteral("title"), title},
    };
    if (pathways) {
        json.insert(QStringLiteral("pathways"),
                    Json::toArray(*pathways,
                                  [](const WorkflowPathway &pathway) { return pathway.toJson(); }));
    }
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
