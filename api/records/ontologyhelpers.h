#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Encord {

struct OntologyAttribute;
struct OntologyClassification;
struct OntologyObject;
struct OntologyOption;
struct OntologyStructure;

/// What an ontology editor needs to add elements the way the SDK does (spec §4.4): local ids,
/// nested ids, feature node hashes, object colours and option values.
namespace OntologyHelpers {

/// The SDK's 27-colour object palette (AVAILABLE_COLORS), "#D33115" first.
const QStringList &availableColors();

/// The colour the SDK gives a new object: the palette entry after the last object's colour,
/// wrapping around; the first entry when there are no objects or the last colour is not in
/// the palette.
QString nextObjectColor(const QList<OntologyObject> &objects);

/// max(sibling local ids) + 1, or 1 when there are none.
int nextLocalId(const QList<int> &siblingLocalIds);
int nextObjectId(const QList<OntologyObject> &objects);
int nextClassificationId(const QList<OntologyClassification> &classifications);
/// Local ids of nested elements are the last component of their nested ids.
int nextAttributeLocalId(const QList<OntologyAttribute> &siblings);
int nextOptionLocalId(const QList<OntologyOption> &siblings);

/// {1, 2, 3} -> "1.2.3"
QString nestedId(const QList<int> &path);
/// "1.2.3" -> {1, 2, 3}; empty when any component is not a non-negative integer.
QList<int> parseNestedId(const QString &id);
/// "1.2" and 3 -> "1.2.3"; a top-level parent is its int id ("4" and 1 -> "4.1").
QString childId(const QString &parentId, int localId);
/// The last component of a nested id ("1.2.3" -> 3); 0 when it cannot be parsed.
int localIdOf(const QString &nestedId);

/// A new hash for an object or a classification: the first 8 characters of a random UUID.
QString newFeatureNodeHash();
/// A new hash for an attribute or an option: base64 of 6 random bytes (8 characters, may
/// contain '+' and '/').
QString newNestedFeatureHash();

/// The option value the SDK derives from a label: each whitespace character becomes '_', the
/// rest is lower-cased ("Light Blue" -> "light_blue").
QString optionValueFromLabel(const QString &label);

/// Every feature node hash used in the structure, at any depth (they must be unique).
QSet<QString> featureNodeHashes(const OntologyStructure &structure);

} // namespace OntologyHelpers
} // namespace Encord
