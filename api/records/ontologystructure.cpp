#include "ontologystructure.h"

#include "jsonreader.h"

namespace Encord {

OntologyStructure OntologyStructure::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    OntologyStructure structure;
    structure.objects = reader.records<OntologyObject>("objects");
    structure.classifications = reader.records<OntologyClassification>("classifications");
    const QJsonArray templates = reader.array("skeleton_templates");
    for (const QJsonValue &element : templates) {
        const QJsonValue skeletonTemplate = element.toObject().value(QLatin1StringView("template"));
        if (skeletonTemplate.isObject())
            structure.skeletonTemplates.append(
                SkeletonTemplate::fromJson(skeletonTemplate.toObject()));
    }
    structure.extra = reader.unconsumed();
    return structure;
}

QJsonObject OntologyStructure::toJson() const
{
    QJsonObject json{
        {QStringLiteral("objects"),
         Json::toArray(objects, [](const OntologyObject &object) { return object.toJson(); })},
        {QStringLiteral("classifications"),
         Json::toArray(
             classifications,
             [](const OntologyClassification &classification) { return classification.toJson(); })},
        {QStringLiteral("skeleton_templates"),
         Json::toArray(
             skeletonTemplates,
             [](const SkeletonTemplate &skeletonTemplate) {
                 return QJsonObject{{QStringLiteral("template"), skeletonTemplate.toJson()}};
             })},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
