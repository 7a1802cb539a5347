#include "projectworkflow.h"

#include "jsonreader.h"

namespace Encord {

ProjectWorkflow ProjectWorkflow::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ProjectWorkflow workflow;
    workflow.stages = reader.records<WorkflowStage>("stages");
    workflow.extra = reader.unconsumed();
    return workflow;
}

QJsonObject ProjectWorkflow::toJson() const
{
    QJsonObject json{
        {QStringLiteral("stages"),
         Json::toArray(stages, [](const WorkflowStage &stage) { return stage.toJson(); })},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
