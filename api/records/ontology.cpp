#include "ontology.h"

#include "jsonreader.h"

namespace Encord {

namespace {

OntologyStructure structureFrom(const QJsonValue &value)
{
    // The editor arrives as an object; some v1 dict-ORMs also allow it as JSON text.
    const QJsonValue json = value.isString() ? Json::parseJsonText(value.toString()) : value;
    return OntologyStructure::fromJson(json.toObject());
}

} // namespace

Ontology Ontology::fromJson(const QJsonObject &json)
{
    Ontology ontology;
    QJsonObject fields = json;
    const QJsonValue inner = json.value(QLatin1StringView("ontology"));
    if (inner.isObject()) {
        fields = inner.toObject();
        JsonReader outer(json);
        ontology.userRole = outer.optionalEnum<OntologyUserRole>("user_role");
        ontology.userEmail = outer.string("user_email");
    }

    JsonReader reader(fields);
    ontology.ontologyHash = reader.string({"ontology_hash", "ontologyUuid"});
    ontology.title = reader.string("title");
    ontology.description = reader.string("description");
    ontology.editor = structureFrom(reader.value("editor"));
    ontology.createdAt = reader.dateTime("created_at");
    ontology.lastEditedAt = reader.dateTime("last_edited_at");
    const std::optional<WireEnum<OntologyUserRole>> role =
        reader.optionalEnum<OntologyUserRole>("user_role");
    if (role)
        ontology.userRole = role;
    ontology.extra = reader.unconsumed();
    return ontology;
}

QJsonObject Ontology::toV1Json() const
{
    QJsonObject json{
        {QStringLiteral("ontology_hash"), ontologyHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("editor"), editor.toJson()},
        {QStringLiteral("created_at"), Json::v1DateTimeJson(createdAt)},
        {QStringLiteral("last_edited_at"), Json::v1DateTimeJson(lastEditedAt)},
    };
    if (userRole)
        json.insert(QStringLiteral("user_role"), userRole->toJson());
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject Ontology::toV1ListingJson() const
{
    return QJsonObject{
        {QStringLiteral("user_role"),
         userRole ? userRole->toJson() : QJsonValue(toWire(OntologyUserRole::User))},
        {QStringLiteral("user_email"), userEmail},
        {QStringLiteral("ontology"), toV1Json()},
    };
}

QJsonObject Ontology::toV2Json() const
{
    QJsonObject json{
        {QStringLiteral("ontologyUuid"), ontologyHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("editor"), editor.toJson()},
        {QStringLiteral("createdAt"), Json::v2DateTimeJson(createdAt)},
        {QStringLiteral("lastEditedAt"), Json::v2DateTimeJson(lastEditedAt)},
        {QStringLiteral("userRole"), userRole ? userRole->toJson() : QJsonValue(QJsonValue::Null)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
