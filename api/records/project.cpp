#include "project.h"

#include "jsonreader.h"

namespace Encord {

namespace {

// v1 dict-ORMs allow some list and object members to arrive as JSON text.
QJsonValue decodeIfText(const QJsonValue &value)
{
    return value.isString() ? Json::parseJsonText(value.toString()) : value;
}

} // namespace

Project Project::fromJson(const QJsonObject &json)
{
    Project project;
    QJsonObject fields = json;
    const QJsonValue inner = json.value(QLatin1StringView("project"));
    if (inner.isObject()) {
        fields = inner.toObject();
        JsonReader outer(json);
        project.userRole = outer.optionalEnum<ProjectUserRole>("user_role");
    }

    JsonReader reader(fields);
    project.projectHash = reader.string({"project_hash", "projectUuid"});
    project.title = reader.string("title");
    project.description = reader.string("description");
    project.createdAt = reader.dateTime("created_at");
    project.lastEditedAt = reader.dateTime("last_edited_at");
    project.ontologyHash = reader.string("ontology_hash");
    project.editorOntology =
        OntologyStructure::fromJson(decodeIfText(reader.value("editor_ontology")).toObject());
    project.datasets =
        Json::recordsFromJson<ProjectDataset>(decodeIfText(reader.value("datasets")));
    project.labelRows = decodeIfText(reader.value("label_rows")).toArray();
    const QJsonValue sources = reader.value("source_projects");
    if (sources.isArray())
        project.sourceProjects = Json::toStringList(sources);
    project.workflowManagerUuid = reader.optionalString("workflow_manager_uuid");
    const std::optional<WireEnum<ProjectUserRole>> role =
        reader.optionalEnum<ProjectUserRole>("user_role");
    if (role)
        project.userRole = role;
    project.projectType = reader.enumValue("project_type", ProjectType::Workflow);
    project.status = reader.enumValue("status", ProjectStatus::NotStarted);
    project.workflow = reader.optionalRecord<ProjectWorkflow>("workflow");
    project.extra = reader.unconsumed();
    return project;
}

QJsonObject Project::toV1Json() const
{
    QJsonObject json{
        {QStringLiteral("project_hash"), projectHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("created_at"), Json::v1DateTimeJson(createdAt)},
        {QStringLiteral("last_edited_at"), Json::v1DateTimeJson(lastEditedAt)},
        {QStringLiteral("editor_ontology"), editorOntology.toJson()},
        {QStringLiteral("datasets"),
         Json::toArray(datasets, [](const ProjectDataset &dataset) { return dataset.toV1Json(); })},
        {QStringLiteral("label_rows"), labelRows},
        {QStringLiteral("ontology_hash"), ontologyHash},
        {QStringLiteral("source_projects"), Json::toArray(sourceProjects.value_or(QStringList()))},
    };
    if (workflowManagerUuid)
        json.insert(QStringLiteral("workflow_manager_uuid"), *workflowManagerUuid);
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject Project::toV1ListingJson() const
{
    return QJsonObject{
        {QStringLiteral("user_role"),
         userRole ? userRole->toJson() : QJsonValue(toWire(ProjectUserRole::Annotator))},
        {QStringLiteral("project"), toV1Json()},
    };
}

QJsonObject Project::toV2Json() const
{
    QJsonObject json{
        {QStringLiteral("projectHash"), projectHash},
        {QStringLiteral("projectType"), projectType.toJson()},
        {QStringLiteral("status"), status.toJson()},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("createdAt"), Json::v2DateTimeJson(createdAt)},
        {QStringLiteral("lastEditedAt"), Json::v2DateTimeJson(lastEditedAt)},
        {QStringLiteral("ontologyHash"), ontologyHash},
        {QStringLiteral("editorOntology"), editorOntology.toJson()},
        {QStringLiteral("userRole"), userRole ? userRole->toJson() : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("sourceProjects"),
         sourceProjects ? QJsonValue(Json::toArray(*sourceProjects))
                        : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("workflowManagerUuid"), Json::nullable(workflowManagerUuid)},
        {QStringLiteral("workflow"),
         workflow ? QJsonValue(workflow->toJson()) : QJsonValue(QJsonValue::Null)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
