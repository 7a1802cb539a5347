#pragma once

#include "projectworkflowsettings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord {

/// The payload of v1 `project` POST (create_project, spec §2.4).
struct CreateProjectRequest
{
    QString title;
    QString description;
    QStringList datasetHashes;
    ProjectWorkflowSettings workflowSettings;
    QString ontologyHash; ///< empty: the server creates a new empty ontology
    std::optional<QString> workflowTemplateId;
    QJsonObject extra; ///< payload keys this type does not know

    static CreateProjectRequest fromV1Payload(const QJsonObject &payload);
    /// {"title", "description", "dataset_hashes", "workflow_type"} plus "source_projects"
    /// (benchmark), "ontology_hash" (only when not empty) and "workflow_template_id" (when set).
    QJsonObject toV1Payload() const;

    bool operator==(const CreateProjectRequest &) const = default;
};

} // namespace Encord
