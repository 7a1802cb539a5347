#include "ontologyeditnode.h"

#include "records/ontologyhelpers.h"

#include <algorithm>

namespace Encord {

OntologyEditNode::OntologyEditNode(Kind kind)
    : kind(kind)
{ }

int OntologyEditNode::row() const
{
    if (!parent)
        return 0;
    const auto &siblings = parent->children;
    const auto it = std::find_if(siblings.cbegin(), siblings.cend(), [this](const auto &sibling) {
        return sibling.get() == this;
    });
    return int(it - siblings.cbegin());
}

void OntologyEditNode::insertChild(int row, std::unique_ptr<OntologyEditNode> child)
{
    child->parent = this;
    children.insert(children.begin() + row, std::move(child));
}

std::unique_ptr<OntologyEditNode> OntologyEditNode::takeChild(int row)
{
    std::unique_ptr<OntologyEditNode> child = std::move(children.at(size_t(row)));
    children.erase(children.begin() + row);
    child->parent = nullptr;
    return child;
}

std::unique_ptr<OntologyEditNode> OntologyEditNode::clone() const
{
    auto copy = std::make_unique<OntologyEditNode>(kind);
    copy->object = object;
    copy->classification = classification;
    copy->attribute = attribute;
    copy->option = option;
    copy->skeleton = skeleton;
    for (const auto &child : children)
        copy->insertChild(copy->childCount(), child->clone());
    return copy;
}

QString OntologyEditNode::featureNodeHash() const
{
    switch (kind) {
    case Kind::Object:
        return object.featureNodeHash;
    case Kind::Classification:
        return classification.featureNodeHash;
    case Kind::Attribute:
        return attribute.featureNodeHash;
    case Kind::Option:
        return option.featureNodeHash;
    default:
        return {};
    }
}

void OntologyEditNode::setFeatureNodeHash(const QString &hash)
{
    switch (kind) {
    case Kind::Object:
        object.featureNodeHash = hash;
        break;
    case Kind::Classification:
        classification.featureNodeHash = hash;
        break;
    case Kind::Attribute:
        attribute.featureNodeHash = hash;
        break;
    case Kind::Option:
        option.featureNodeHash = hash;
        break;
    default:
        break;
    }
}

QString OntologyEditNode::uid() const
{
    switch (kind) {
    case Kind::Object:
        return QString::number(object.id);
    case Kind::Classification:
        return QString::number(classification.id);
    case Kind::Attribute:
        return attribute.id;
    case Kind::Option:
        return option.id;
    default:
        return {};
    }
}

int OntologyEditNode::localId() const
{
    switch (kind) {
    case Kind::Object:
        return object.id;
    case Kind::Classification:
        return classification.id;
    case Kind::Attribute:
        return OntologyHelpers::localIdOf(attribute.id);
    case Kind::Option:
        return OntologyHelpers::localIdOf(option.id);
    default:
        return 0;
    }
}

void OntologyEditNode::assignId(const QString &parentUid, int localId)
{
    switch (kind) {
    case Kind::Object:
        object.id = localId;
        break;
    case Kind::Classification:
        classification.id = localId;
        break;
    case Kind::Attribute:
        attribute.id = OntologyHelpers::childId(parentUid, localId);
        break;
    case Kind::Option:
        option.id = OntologyHelpers::childId(parentUid, localId);
        break;
    default:
        return;
    }
    const QString ownUid = uid();
    for (const auto &child : children)
        child->assignId(ownUid, std::max(child->localId(), 1));
}

bool OntologyEditNode::accepts(Kind childKind) const
{
    switch (kind) {
    case Kind::Root:
        return childKind == Kind::ObjectSection || childKind == Kind::ClassificationSection;
    case Kind::ObjectSection:
        return childKind == Kind::Object;
    case Kind::ClassificationSection:
        return childKind == Kind::Classification;
    case Kind::Object:
        return childKind == Kind::Attribute;
    case Kind::Classification:
        // The SDK writes a classification with exactly one root attribute: its question.
        return childKind == Kind::Attribute && children.empty();
    case Kind::Attribute:
        return childKind == Kind::Option
               && (attribute.type == AttributeType::Radio
                   || attribute.type == AttributeType::Checklist);
    case Kind::Option:
        // Only the options of a radio attribute nest further questions (spec §4.4).
        return childKind == Kind::Attribute && parent && parent->kind == Kind::Attribute
               && parent->attribute.type == AttributeType::Radio;
    }
    return false;
}

std::unique_ptr<OntologyEditNode> OntologyEditNode::fromStructure(
    const OntologyStructure &structure, QList<SkeletonTemplate> *unclaimed)
{
    auto root = std::make_unique<OntologyEditNode>(Kind::Root);
    auto objects = std::make_unique<OntologyEditNode>(Kind::ObjectSection);
    QList<SkeletonTemplate> templates = structure.skeletonTemplates;
    for (const OntologyObject &object : structure.objects) {
        auto node = fromObject(object);
        if (object.shape == Shape::Skeleton) {
            const auto named = std::find_if(
                templates.begin(), templates.end(), [&](const SkeletonTemplate &skeleton) {
                    return skeleton.name == object.name;
                });
            if (named != templates.end()) {
                node->skeleton = *named;
                templates.erase(named);
            }
        }
        objects->insertChild(objects->childCount(), std::move(node));
    }
    if (unclaimed)
        *unclaimed = templates;
    auto classifications = std::make_unique<OntologyEditNode>(Kind::ClassificationSection);
    for (const OntologyClassification &classification : structure.classifications)
        classifications->insertChild(classifications->childCount(),
                                     fromClassification(classification));
    root->insertChild(0, std::move(objects));
    root->insertChild(1, std::move(classifications));
    return root;
}

OntologyStructure OntologyEditNode::toStructure() const
{
    OntologyStructure structure;
    for (const auto &section : children) {
        for (const auto &element : section->children) {
            if (element->kind == Kind::Object) {
                structure.objects.append(element->toObject());
                if (element->skeleton && element->object.shape == Shape::Skeleton) {
                    // The platform finds the template by the object's name (spec §4.4).
                    SkeletonTemplate skeleton = *element->skeleton;
                    skeleton.name = element->object.name;
                    structure.skeletonTemplates.append(skeleton);
                }
            } else {
                structure.classifications.append(element->toClassification());
            }
        }
    }
    return structure;
}

std::unique_ptr<OntologyEditNode> OntologyEditNode::fromObject(const OntologyObject &object)
{
    auto node = std::make_unique<OntologyEditNode>(Kind::Object);
    node->object = object;
    node->object.attributes.clear();
    for (const OntologyAttribute &attribute : object.attributes)
        node->insertChild(node->childCount(), fromAttribute(attribute));
    return node;
}

std::unique_ptr<OntologyEditNode> OntologyEditNode::fromClassification(
    const OntologyClassification &classification)
{
    auto node = std::make_unique<OntologyEditNode>(Kind::Classification);
    node->classification = classification;
    node->classification.attributes.clear();
    for (const OntologyAttribute &attribute : classification.attributes)
        node->insertChild(node->childCount(), fromAttribute(attribute));
    return node;
}

std::unique_ptr<OntologyEditNode> OntologyEditNode::fromAttribute(
    const OntologyAttribute &attribute)
{
    auto node = std::make_unique<OntologyEditNode>(Kind::Attribute);
    node->attribute = attribute;
    node->attribute.options.clear();
    for (const OntologyOption &option : attribute.options)
        node->insertChild(node->childCount(), fromOption(option));
    return node;
}

std::unique_ptr<OntologyEditNode> OntologyEditNode::fromOption(const OntologyOption &option)
{
    auto node = std::make_unique<OntologyEditNode>(Kind::Option);
    node->option = option;
    node->option.attributes.clear();
    for (const OntologyAttribute &attribute : option.attributes)
        node->insertChild(node->childCount(), fromAttribute(attribute));
    return node;
}

QList<OntologyAttribute> OntologyEditNode::childAttributes() const
{
    QList<OntologyAttribute> attributes;
    for (const auto &child : children)
        attributes.append(child->toAttribute());
    return attributes;
}

OntologyObject OntologyEditNode::toObject() const
{
    OntologyObject result = object;
    result.attributes = childAttributes();
    return result;
}

OntologyClassification OntologyEditNode::toClassification() const
{
    OntologyClassification result = classification;
    result.attributes = childAttributes();
    return result;
}

OntologyAttribute OntologyEditNode::toAttribute() const
{
    OntologyAttribute result = attribute;
    for (const auto &child : children)
        result.options.append(child->toOption());
    return result;
}

OntologyOption OntologyEditNode::toOption() const
{
    OntologyOption result = option;
    result.attributes = childAttributes();
    return result;
}

} // namespace Encord
