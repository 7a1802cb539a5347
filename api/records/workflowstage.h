#pragma once

#include "enums.h"
#include "workflowpathway.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Encord {

/// One stage of a workflow project (v2 ProjectDTO `workflow.stages` element, spec §4.2).
struct WorkflowStage
{
    QString uuid;
    QString title;
    WireEnum<WorkflowStageType> stageType = WorkflowStageType::Annotation;
    std::optional<QList<WorkflowPathway>> pathways; ///< agent stages only
    QJsonObject extra;                              ///< keys this type does not know

    static WorkflowStage fromJson(const QJsonObject &json);
    /// {"stageType", "uuid", "title"} plus "pathways" when set.
    QJsonObject toJson() const;

    bool operator==(const WorkflowStage &) const = default;
};

} // namespace Encord
