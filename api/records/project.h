#pragma once

#include "enums.h"
#include "ontologystructure.h"
#include "projectdataset.h"
#include "projectworkflow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord {

/// A project (spec §4.2), readable from either generation and writable as both.
///
/// v1 dict-ORM (`project` GET, `projectwithuserrole` element): project_hash, title, description,
/// created_at, last_edited_at (strict "YYYY-MM-DD HH:MM:SS"), editor_ontology, datasets,
/// label_rows, ontology_hash, source_projects, workflow_manager_uuid. The listing element is
/// exactly {"user_role": int, "project": {…}}.
/// v2 ProjectDTO: projectHash, projectType, status, title, description, createdAt, lastEditedAt,
/// ontologyHash, editorOntology, userRole, sourceProjects, workflowManagerUuid, workflow.
struct Project
{
    QString projectHash;
    QString title;
    QString description;
    QDateTime createdAt;
    QDateTime lastEditedAt;
    QString ontologyHash;
    OntologyStructure editorOntology;
    QList<ProjectDataset> datasets; ///< v1 only
    QJsonArray labelRows;           ///< v1 only; empty unless labels metadata was asked for
    std::optional<QStringList> sourceProjects; ///< benchmark QA source projects
    std::optional<QString> workflowManagerUuid;
    std::optional<WireEnum<ProjectUserRole>> userRole;
    WireEnum<ProjectType> projectType = ProjectType::Workflow;  ///< v2 only
    WireEnum<ProjectStatus> status = ProjectStatus::NotStarted; ///< v2 only
    std::optional<ProjectWorkflow> workflow;                    ///< v2 only
    QJsonObject extra; ///< keys of the project object this type does not know

    /// Reads the v1 object, the v1 listing element (recognised by its "project" object) or the
    /// v2 DTO. `editor_ontology`, `datasets` and `label_rows` may also be JSON texts (v1).
    static Project fromJson(const QJsonObject &json);

    /// The v1 project object: all keys of the dict-ORM table (source_projects as a list, [] when
    /// unset; workflow_manager_uuid only when set). Dates strictly "YYYY-MM-DD HH:MM:SS" UTC.
    QJsonObject toV1Json() const;
    /// Exactly {"user_role", "project"}; a missing role is written as 1 (annotator).
    QJsonObject toV1ListingJson() const;
    /// The v2 ProjectDTO with all thirteen keys (nullable ones as null), ISO dates.
    QJsonObject toV2Json() const;

    bool operator==(const Project &) const = default;
};

} // namespace Encord
