#include "ontologyobject.h"

#include "jsonreader.h"

namespace Encord {

OntologyObject OntologyObject::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    OntologyObject object;
    const QJsonValue id = reader.value("id");
    object.id = id.isDouble() ? id.toInt() : id.toString().toInt();
    object.name = reader.string("name");
    object.color = reader.string("color");
    object.shape = reader.enumValue("shape", Shape::BoundingBox);
    object.featureNodeHash = reader.string("featureNodeHash");
    object.required = reader.boolean("required");
    object.archived = reader.boolean("archived");
    object.attributes = reader.records<OntologyAttribute>("attributes");
    object.extra = reader.unconsumed();
    return object;
}

QJsonObject OntologyObject::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("name"), name},
        {QStringLiteral("color"), color},
        {QStringLiteral("shape"), shape.toJson()},
        {QStringLiteral("featureNodeHash"), featureNodeHash},
        {QStringLiteral("required"), required},
        {QStringLiteral("archived"), archived},
    };
    if (!attributes.isEmpty()) {
        json.insert(QStringLiteral("attributes"),
                    Json::toArray(attributes, [](const OntologyAttribute &attribute) {
                        return attribute.toJson();
                    }));
    }
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
