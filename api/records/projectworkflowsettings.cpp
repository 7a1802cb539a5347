#include "projectworkflowsettings.h"

#include "jsonhelpers.h"

namespace Encord {

ProjectWorkflowSettings ProjectWorkflowSettings::manual()
{
    return ProjectWorkflowSettings();
}

ProjectWorkflowSettings ProjectWorkflowSettings::benchmark(const QStringList &sourceProjects)
{
    ProjectWorkflowSettings settings;
    settings.type = ProjectWorkflowType::Benchmark;
    settings.sourceProjects = sourceProjects;
    return settings;
}

ProjectWorkflowSettings ProjectWorkflowSettings::fromV1Payload(const QJsonObject &payload)
{
    ProjectWorkflowSettings settings;
    const QJsonValue type = Json::valueOf(payload, QLatin1StringView("workflow_type"));
    if (!type.isUndefined() && !type.isNull())
        settings.type = WireEnum<ProjectWorkflowType>::read(type);
    settings.sourceProjects =
        Json::toStringList(Json::valueOf(payload, QLatin1StringView("source_projects")));
    return settings;
}

QJsonObject ProjectWorkflowSettings::toV1PayloadFields() const
{
    QJsonObject fields{{QStringLiteral("workflow_type"), type.toJson()}};
    // The SDK sends source projects only with benchmark settings.
    if (type == ProjectWorkflowType::Benchmark)
        fields.insert(QStringLiteral("source_projects"), Json::toArray(sourceProjects));
    return fields;
}

} // namespace Encord
