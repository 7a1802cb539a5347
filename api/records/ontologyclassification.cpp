#include "ontologyclassification.h"

#include "jsonreader.h"

namespace Encord {

OntologyClassification OntologyClassification::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    OntologyClassification classification;
    const QJsonValue id = reader.value("id");
    classification.id = id.isDouble() ? id.toInt() : id.toString().toInt();
    classification.featureNodeHash = reader.string("featureNodeHash");
    classification.attributes = reader.records<OntologyAttribute>("attributes");
    classification.level = reader.optionalEnum<ClassificationLevel>("level");
    classification.extra = reader.unconsumed();
    return classification;
}

QJsonObject OntologyClassification::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("featureNodeHash"), featureNodeHash},
        {QStringLiteral("attributes"),
         Json::toArray(attributes,
                       [](const OntologyAttribute &attribute) { return attribute.toJson(); })},
    };
    if (level)
        json.insert(QStringLiteral("level"), level->toJson());
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
