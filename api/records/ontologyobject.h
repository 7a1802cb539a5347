#pragma once

#include "enums.h"
#include "ontologyattribute.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Encord {

/// An object class of an ontology: something drawn with a shape (spec §4.4).
struct OntologyObject
{
    int id = 0; ///< local id, unique among objects, ≥ 1; a string of the int on the wire
    QString name;
    QString color; ///< "#RRGGBB"; OntologyHelpers::nextObjectColor() picks the SDK's next one
    WireEnum<Shape> shape = Shape::BoundingBox;
    QString featureNodeHash; ///< OntologyHelpers::newFeatureNodeHash() makes new ones
    bool required = false;
    bool archived = false;
    QList<OntologyAttribute> attributes;
    QJsonObject extra; ///< keys this type does not know

    /// Reads the object; `id` as a string or a number.
    static OntologyObject fromJson(const QJsonObject &json);
    /// id (string), name, color, shape, featureNodeHash, required, archived; "attributes" only
    /// when not empty, as the SDK writes it.
    QJsonObject toJson() const;

    bool operator==(const OntologyObject &) const = default;
};

} // namespace Encord
