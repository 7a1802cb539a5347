#pragma once

#include "records/ontologystructure.h"

#include <memory>
#include <optional>
#include <vector>

namespace Encord {

/// One node of OntologyEditModel's tree. It holds the record of its element with the record's
/// own child list left empty: the children live in `children`, so that the model can insert,
/// move and remove them one at a time. toStructure() puts the records back together.
///
/// The kind of a node decides which record member is used and what its children are:
///
///     Root            -> two Section nodes, objects first
///     Section         -> Object nodes, or Classification nodes
///     Object          -> Attribute nodes        (record: object)
///     Classification  -> Attribute nodes        (record: classification)
///     Attribute       -> Option nodes           (record: attribute; radio and checklist only)
///     Option          -> Attribute nodes        (record: option; under radio attributes only)
///
/// An Object node also holds its skeleton template, if it has one: the template goes wherever
/// the object goes (undo, duplicate, move), is named like the object when written, and stays
/// with it while another shape is chosen, so that choosing skeleton again brings it back.
struct OntologyEditNode
{
    enum class Kind {
        Root,
        ObjectSection,
        ClassificationSection,
        Object,
        Classification,
        Attribute,
        Option,
    };

    explicit OntologyEditNode(Kind kind);

    Kind kind;
    OntologyEditNode *parent = nullptr;
    std::vector<std::unique_ptr<OntologyEditNode>> children;

    OntologyObject object;
    OntologyClassification classification;
    OntologyAttribute attribute;
    OntologyOption option;
    std::optional<SkeletonTemplate> skeleton; ///< Object nodes; written only for shape skeleton

    /// The node's position among its parent's children; O(number of siblings).
    int row() const;
    OntologyEditNode *child(int row) const { return children.at(size_t(row)).get(); }
    int childCount() const { return int(children.size()); }

    /// Takes @p child as the child at @p row (parent pointer set).
    void insertChild(int row, std::unique_ptr<OntologyEditNode> child);
    /// Detaches and returns the child at @p row.
    std::unique_ptr<OntologyEditNode> takeChild(int row);

    /// A deep copy of this node and its descendants (parent pointer left null).
    std::unique_ptr<OntologyEditNode> clone() const;

    /// The feature node hash of the element (empty for the root and the sections).
    QString featureNodeHash() const;
    void setFeatureNodeHash(const QString &hash);
    /// The id the children's nested ids start with: an object's or classification's int id,
    /// an attribute's or option's nested id.
    QString uid() const;
    /// The local id among siblings: an int id, or the last part of a nested id.
    int localId() const;
    /// Gives the node the local id @p localId under its parent's uid @p parentUid, and renumbers
    /// the nested ids of every descendant to follow (their local ids are kept).
    void assignId(const QString &parentUid, int localId);

    /// Whether a node of @p childKind may be a child of this node.
    bool accepts(Kind childKind) const;

    /// A tree with a Root, its two sections and the elements of @p structure. Each skeleton
    /// template goes to the first object of shape skeleton named like it that has none yet;
    /// the templates no object takes are put in @p unclaimed.
    static std::unique_ptr<OntologyEditNode> fromStructure(
        const OntologyStructure &structure, QList<SkeletonTemplate> *unclaimed = nullptr);
    /// The structure under this Root, records nested again, with the templates of its skeleton
    /// objects in object order. Unclaimed templates and unknown top-level keys are not part of
    /// the tree: the model keeps them beside it.
    OntologyStructure toStructure() const;

    static std::unique_ptr<OntologyEditNode> fromObject(const OntologyObject &object);
    static std::unique_ptr<OntologyEditNode> fromClassification(
        const OntologyClassification &classification);
    static std::unique_ptr<OntologyEditNode> fromAttribute(const OntologyAttribute &attribute);
    static std::unique_ptr<OntologyEditNode> fromOption(const OntologyOption &option);

    OntologyObject toObject() const;
    OntologyClassification toClassification() const;
    OntologyAttribute toAttribute() const;
    OntologyOption toOption() const;

private:
    QList<OntologyAttribute> childAttributes() const;
};

} // namespace Encord
