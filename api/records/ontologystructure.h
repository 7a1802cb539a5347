#pragma once

#include "ontologyclassification.h"
#include "ontologyobject.h"
#include "skeletontemplate.h"

#include <QJsonObject>
#include <QList>

namespace Encord {

/// The ontology structure JSON, the "editor" of an ontology (spec §4.4). Its keys are camelCase
/// in every API version, except the top-level `skeleton_templates` and the template's
/// `feature_node_hash`.
///
///     {"objects": [OntologyObject], "classifications": [OntologyClassification],
///      "skeleton_templates": [{"template": SkeletonTemplate}]}
struct OntologyStructure
{
    QList<OntologyObject> objects;
    QList<OntologyClassification> classifications;
    QList<SkeletonTemplate> skeletonTemplates;
    QJsonObject extra; ///< top-level keys this type does not know

    /// Reads the structure; missing lists are empty. Each `skeleton_templates` element is read
    /// from its "template" member.
    static OntologyStructure fromJson(const QJsonObject &json);
    /// All three keys, always (an empty structure is
    /// {"objects": [], "classifications": [], "skeleton_templates": []}).
    QJsonObject toJson() const;

    bool isEmpty() const
    {
        return objects.isEmpty() && classifications.isEmpty() && skeletonTemplates.isEmpty();
    }

    bool operator==(const OntologyStructure &) const = default;
};

} // namespace Encord
