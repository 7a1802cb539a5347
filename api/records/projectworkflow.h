#pragma once

#include "workflowstage.h"

#include <QJsonObject>
#include <QList>

namespace Encord {

/// The workflow graph of a v2 project: {"stages": [WorkflowStage]} (spec §4.2).
struct ProjectWorkflow
{
    QList<WorkflowStage> stages;
    QJsonObject extra; ///< keys this type does not know

    static ProjectWorkflow fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    bool operator==(const ProjectWorkflow &) const = default;
};

} // namespace Encord
