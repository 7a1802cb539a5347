#pragma once

#include "enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord {

/// The organisation's client metadata schema (spec §3.4, §4.10): a mapping from metadata key to
/// value type. `GET organisation/client-metadata-schema` answers null or
/// {"uuid", "metadataSchema", "organisationId", "createdAt", "updatedAt"}; the POST body is the
/// bare mapping {"key": "type"}.
struct ClientMetadataSchema
{
    std::optional<QString> uuid;
    QMap<QString, WireEnum<ClientMetadataSchemaType>> metadataSchema;
    std::optional<qint64> organisationId;
    QDateTime createdAt; ///< invalid when not known
    QDateTime updatedAt; ///< invalid when not known
    QJsonObject extra;   ///< keys of the GET answer this type does not know

    /// Reads the GET answer.
    static ClientMetadataSchema fromJson(const QJsonObject &json);
    /// Reads the bare mapping of the POST body.
    static ClientMetadataSchema fromMapping(const QJsonObject &mapping);

    /// The GET answer with all five keys (unknown ones null), ISO dates.
    QJsonObject toJson() const;
    /// The bare mapping for the POST body.
    QJsonObject toMapping() const;

    /// Keys whose type is not one of ClientMetadataSchemaType (the SDK refuses to send these).
    QStringList keysWithUnknownType() const;

    bool operator==(const ClientMetadataSchema &) const = default;
};

} // namespace Encord
