#include "ontologyattribute.h"

#include "jsonreader.h"

namespace Encord {

OntologyAttribute OntologyAttribute::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    OntologyAttribute attribute;
    const QJsonValue id = reader.value("id");
    attribute.id = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
    attribute.name = reader.string("name");
    attribute.type = reader.enumValue("type", AttributeType::Text);
    attribute.featureNodeHash = reader.string("featureNodeHash");
    attribute.required = reader.boolean("required");
    attribute.dynamic = reader.boolean("dynamic");
    attribute.archived = reader.boolean("archived");
    attribute.options = reader.records<OntologyOption>("options");
    attribute.extra = reader.unconsumed();
    return attribute;
}

QJsonObject OntologyAttribute::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), type.toJson()},
        {QStringLiteral("featureNodeHash"), featureNodeHash},
        {QStringLiteral("required"), required},
        {QStringLiteral("archived"), archived},
        {QStringLiteral("dynamic"), dynamic},
    };
    const bool hasOptions =
        type == AttributeType::Radio || type == AttributeType::Checklist || type.isUnknown();
    if (hasOptions && !options.isEmpty()) {
        // Only radio options nest attributes; the SDK reads checklist options as flat.
        const bool flat = type == AttributeType::Checklist;
        json.insert(QStringLiteral("options"),
                    Json::toArray(options, [flat](const OntologyOption &option) {
                        QJsonObject optionJson = option.toJson();
                        if (flat)
                            optionJson.remove(QLatin1StringView("options"));
                        return optionJson;
                    }));
    }
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
