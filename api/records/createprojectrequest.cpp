#include "createprojectrequest.h"

#include "jsonreader.h"

namespace Encord {

CreateProjectRequest CreateProjectRequest::fromV1Payload(const QJsonObject &payload)
{
    JsonReader reader(payload);
    CreateProjectRequest request;
    request.title = reader.string("title");
    request.description = reader.string("description");
    request.datasetHashes = reader.stringList("dataset_hashes");
    request.workflowSettings = ProjectWorkflowSettings::fromV1Payload(payload);
    reader.value({"workflow_type", "source_projects"});
    request.ontologyHash = reader.string("ontology_hash");
    request.workflowTemplateId = reader.optionalString("workflow_template_id");
    request.extra = reader.unconsumed();
    return request;
}

QJsonObject CreateProjectRequest::toV1Payload() const
{
    QJsonObject payload{
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("dataset_hashes"), Json::toArray(datasetHashes)},
    };
    const QJsonObject workflowFields = workflowSettings.toV1PayloadFields();
    for (auto it = workflowFields.constBegin(); it != workflowFields.constEnd(); ++it)
        payload.insert(it.key(), it.value());
    if (!ontologyHash.isEmpty())
        payload.insert(QStringLiteral("ontology_hash"), ontologyHash);
    if (workflowTemplateId)
        payload.insert(QStringLiteral("workflow_template_id"), *workflowTemplateId);
    Json::mergeExtra(payload, extra);
    return payload;
}

} // namespace Encord
