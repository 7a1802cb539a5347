#pragma once

#include "enums.h"
#include "ontologystructure.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// An ontology with its structure (spec §4.3).
///
/// v1 (`ontology` GET/POST answer): ontology_hash, title, description, editor, created_at,
/// last_edited_at, optional user_role. Legacy listing element `ontologywithuserrole` (a dataclass,
/// exact keys): {"user_role": int, "user_email": str, "ontology": v1 ontology}.
/// v2 (OntologyWithUserRole): ontologyUuid, title, description, editor, createdAt, lastEditedAt,
/// userRole (0|1|null).
struct Ontology
{
    QString ontologyHash;
    QString title;
    QString description;
    OntologyStructure editor;
    QDateTime createdAt;
    QDateTime lastEditedAt;
    std::optional<WireEnum<OntologyUserRole>> userRole;
    QString userEmail; ///< legacy listing element only
    QJsonObject extra; ///< keys of the ontology object this type does not know

    /// Reads any of the three forms (the listing element is recognised by its "ontology"
    /// object); `editor` may also be a JSON text.
    static Ontology fromJson(const QJsonObject &json);

    /// The v1 ontology object; user_role only when set. Dates "YYYY-MM-DD HH:MM:SS" UTC.
    QJsonObject toV1Json() const;
    /// Exactly {"user_role", "user_email", "ontology"}; a missing role is written as 1 (user).
    QJsonObject toV1ListingJson() const;
    /// The v2 object with all seven keys (userRole null when unset), ISO dates.
    QJsonObject toV2Json() const;

    bool operator==(const Ontology &) const = default;
};

} // namespace Encord
