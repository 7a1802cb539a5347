#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QStringList>

namespace Encord {

/// The QA workflow asked for when creating a project (spec §4.2): manual review (the default,
/// no options) or benchmark QA with the projects that hold the benchmark data.
struct ProjectWorkflowSettings
{
    WireEnum<ProjectWorkflowType> type = ProjectWorkflowType::Manual;
    QStringList sourceProjects; ///< benchmark only: project hashes

    static ProjectWorkflowSettings manual();
    static ProjectWorkflowSettings benchmark(const QStringList &sourceProjects);

    /// Reads `workflow_type` (default manual) and `source_projects` from a v1 create_project
    /// payload.
    static ProjectWorkflowSettings fromV1Payload(const QJsonObject &payload);
    /// The fields for the v1 create_project payload: {"workflow_type": "manual"} or
    /// {"workflow_type": "benchmark", "source_projects": [...]}.
    QJsonObject toV1PayloadFields() const;

    bool operator==(const ProjectWorkflowSettings &) const = default;
};

} // namespace Encord
