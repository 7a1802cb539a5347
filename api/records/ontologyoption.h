#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Encord {

struct OntologyAttribute;

/// One answer of a radio or checklist attribute in the ontology structure (spec §4.4).
///
/// Options of a radio attribute may nest further attributes; on the wire they sit under the key
/// "options" (the SDK's name, although its elements are attributes). Checklist options are flat.
/// Nesting may go several levels deep:
///
///     attribute "1.1" (radio) -- option "1.1.1" -- attribute "1.1.1.1" (radio) -- option …
///
/// The special members are defined out of line because OntologyAttribute is incomplete here.
struct OntologyOption
{
    QString id; ///< nested id: the parent attribute's id plus a local id, e.g. "1.1.2"
    QString label;
    QString value; ///< machine value; OntologyHelpers::optionValueFromLabel() derives it
    QString featureNodeHash;
    bool archived = false;
    QList<OntologyAttribute> attributes; ///< nested attributes, radio options only
    QJsonObject extra;                   ///< keys this type does not know

    OntologyOption();
    OntologyOption(const OntologyOption &other);
    OntologyOption(OntologyOption &&other) noexcept;
    OntologyOption &operator=(const OntologyOption &other);
    OntologyOption &operator=(OntologyOption &&other) noexcept;
    ~OntologyOption();

    /// Reads the option; nested attributes from "options" whatever the parent's type.
    static OntologyOption fromJson(const QJsonObject &json);
    /// id, label, value, featureNodeHash, archived; "options" only when attributes is not empty.
    QJsonObject toJson() const;

    bool operator==(const OntologyOption &other) const;
};

} // namespace Encord
