#pragma once

#include "cvatexportinfo.h"
#include "cvatimage.h"
#include "cvatproblemreport.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Encord::Cvat {

/// Builds an Encord ontology structure (spec encord-api §4.4) from a CVAT export: one object
/// per (label, Encord shape) and one classification per tag label, with the attributes the
/// labels declare plus those and the values the shapes use.
///
/// Two steps: survey() every image (streaming, keeps only per-label data), then build().
///
/// Feature hashes are drawn once per place in the ontology (an object is its label and shape,
/// an attribute its owner and name, an option its attribute and label) and kept, so build() may
/// run again after more images were surveyed: what existed keeps its hash. That lets an import
/// write each image's label row as soon as it is read, against the ontology built so far, and
/// the final build() agree with every row (see survey()'s result).
class CvatOntologyBuilder
{
public:
    struct Option
    {
        QString id; ///< nested id, e.g. "1.2.1"
        QString label;
        QString value;
        QString featureHash;
    };
    struct Attribute
    {
        QString id; ///< nested id, e.g. "1.2"
        QString name;
        QString value; ///< valueOf(name)
        QString type;  ///< "radio", "checklist" or "text"
        QString featureHash;
        bool dynamic = false;
        QList<Option> options;

        /// The option labelled @p label, or nullptr.
        const Option *option(const QString &label) const;
    };
    struct Object
    {
        int id = 0;
        QString name;
        QString value; ///< valueOf(name)
        QString color;
        QString shape; ///< Encord shape: "bounding_box", "polygon", …
        QString featureHash;
        QList<Attribute> attributes;
        /// Skeletons: node names in template order, and their feature hashes.
        QStringList skeletonNodes;
        QStringList skeletonNodeValues;
        QStringList skeletonNodeHashes;

        const Attribute *attribute(const QString &name) const;
    };
    /// A tag label: a classification whose one radio attribute (named like the label) has one
    /// option (the label), under which the label's attributes nest.
    struct Classification
    {
        int id = 0;
        QString label;
        QString featureHash;
        Attribute tag;
        QList<Attribute> nested;

        const Attribute *attribute(const QString &name) const;
    };

    explicit CvatOntologyBuilder(bool boxesAsPolygons = false);

    /// The Encord shape a CVAT shape becomes; empty when it cannot be carried over (cuboids)
    /// and for tags.
    static QString encordShape(const CvatShape &shape, bool boxesAsPolygons);
    /// Encord's "value" of a name: lower case, whitespace replaced by '_'.
    static QString valueOf(const QString &name);

    /// Records which labels, shapes, attributes and values @p image uses. True when that adds
    /// something a label row can refer to (a label, a shape of it, an attribute, a value of a
    /// select or radio attribute, a skeleton node): build() must then run again before the
    /// image's label row is made.
    bool survey(const CvatImage &image, const CvatExportInfo &info);
    /// Builds the structure from the declared labels of @p info and the survey. Labels that
    /// cannot become anything are reported in @p report.
    void build(const CvatExportInfo &info, CvatProblemReport &report);

    /// The ontology structure JSON: {"objects", "classifications", "skeleton_templates"}.
    QJsonObject structure() const;
    const QList<Object> &objects() const { return m_objects; }
    const QList<Classification> &classifications() const { return m_classifications; }
    /// The object of @p label drawn as @p shape, or nullptr.
    const Object *object(const QString &label, const QString &shape) const;
    /// The classification of tag label @p label, or nullptr.
    const Classification *classification(const QString &label) const;

private:
    struct LabelUse
    {
        QStringList shapes;                                 ///< Encord shapes, in first-use order
        bool tagged = false;                                ///< used by a <tag>
        QList<QPair<QString, QStringList>> attributeValues; ///< name → values seen, in order
        QStringList skeletonNodes; ///< node names seen on skeleton instances
    };
    /// The feature hash of the ontology place @p key, drawn on first use.
    QString hashOf(const QString &key) const;
    Attribute makeAttribute(const CvatAttributeSpec *spec,
                            const QString &name,
                            const QStringList &valuesSeen,
                            const QString &idPrefix,
                            int localId,
                            const QString &ownerKey) const;
    QList<Attribute> makeAttributes(const CvatLabel *label,
                                    const LabelUse &use,
                                    const QString &idPrefix,
                                    int firstLocalId,
                                    const QString &ownerKey) const;
    static QJsonObject attributeJson(const Attribute &attribute,
                                     const QList<Attribute> &nestedUnderFirstOption = {});

    bool m_boxesAsPolygons = false;
    QHash<QString, LabelUse> m_uses;
    QStringList m_useOrder;
    QList<Object> m_objects;
    QList<Classification> m_classifications;
    QHash<QString, int> m_objectIndex; ///< label + '\n' + shape → index in m_objects
    QList<QJsonObject> m_templates;
    mutable QHash<QString, QString> m_hashes; ///< see hashOf()
};

} // namespace Encord::Cvat
