#include "clientmetadataschema.h"

#include "jsonreader.h"

namespace Encord {

ClientMetadataSchema ClientMetadataSchema::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ClientMetadataSchema schema = fromMapping(reader.object("metadataSchema"));
    schema.uuid = reader.optionalString("uuid");
    schema.organisationId = reader.optionalInteger("organisationId");
    schema.createdAt = reader.dateTime("createdAt");
    schema.updatedAt = reader.dateTime("updatedAt");
    schema.extra = reader.unconsumed();
    return schema;
}

ClientMetadataSchema ClientMetadataSchema::fromMapping(const QJsonObject &mapping)
{
    ClientMetadataSchema schema;
    for (auto it = mapping.constBegin(); it != mapping.constEnd(); ++it)
        schema.metadataSchema.insert(it.key(), WireEnum<ClientMetadataSchemaType>::read(*it));
    return schema;
}

QJsonObject ClientMetadataSchema::toJson() const
{
    QJsonObject json{
        {QStringLiteral("uuid"), Json::nullable(uuid)},
        {QStringLiteral("metadataSchema"), toMapping()},
        {QStringLiteral("organisationId"), Json::nullable(organisationId)},
        {QStringLiteral("createdAt"), Json::v2DateTimeJson(createdAt)},
        {QStringLiteral("updatedAt"), Json::v2DateTimeJson(updatedAt)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject ClientMetadataSchema::toMapping() const
{
    QJsonObject mapping;
    for (auto it = metadataSchema.constBegin(); it != metadataSchema.constEnd(); ++it)
        mapping.insert(it.key(), it->toJson());
    return mapping;
}

QStringList ClientMetadataSchema::keysWithUnknownType() const
{
    QStringList keys;
    for (auto it = metadataSchema.constBegin(); it != metadataSchema.constEnd(); ++it) {
        if (it->isUnknown())
            keys.append(it.key());
    }
    return keys;
}

} // namespace Encord
