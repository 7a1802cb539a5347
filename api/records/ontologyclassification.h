#pragma once

#include "enums.h"
#include "ontologyattribute.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Encord {

/// A frame- or file-level question of an ontology (spec §4.4). The SDK requires at least one
/// attribute (in practice exactly one top-level attribute, which holds the name).
struct OntologyClassification
{
    int id = 0; ///< local id among classifications, ≥ 1; a string of the int on the wire
    QString featureNodeHash;
    QList<OntologyAttribute> attributes;
    std::optional<WireEnum<ClassificationLevel>> level; ///< SDK 0.1.181+
    QJsonObject extra;                                  ///< keys this type does not know

    static OntologyClassification fromJson(const QJsonObject &json);
    /// id (string), featureNodeHash, attributes (always, the key is required on read), and
    /// level when set.
    QJsonObject toJson() const;

    bool operator==(const OntologyClassification &) const = default;
};

} // namespace Encord
