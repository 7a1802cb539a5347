#pragma once

#include "enums.h"
#include "ontologyoption.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Encord {

/// A question attached to an ontology object, classification or radio option (spec §4.4).
/// The type selects the variant: radio and checklist carry options, text and numeric do not.
struct OntologyAttribute
{
    QString id; ///< nested id: parent ids plus a local id, e.g. "1.2"
    QString name;
    WireEnum<AttributeType> type = AttributeType::Text;
    QString featureNodeHash; ///< OntologyHelpers::newNestedFeatureHash() makes new ones
    bool required = false;
    bool dynamic = false; ///< answer may change per frame; top-level object attributes only
    bool archived = false;
    QList<OntologyOption> options; ///< radio and checklist only
    QJsonObject extra;             ///< keys this type does not know

    static OntologyAttribute fromJson(const QJsonObject &json);
    /// id, name, type, featureNodeHash, required, archived, dynamic as the current SDK writes
    /// them; "options" for radio and checklist (and unknown types) when not empty. Options of a
    /// checklist are written flat.
    QJsonObject toJson() const;

    bool operator==(const OntologyAttribute &) const = default;
};

} // namespace Encord
