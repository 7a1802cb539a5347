#include "ontologyeditmodel.h"

#include "modelformat.h"
#include "ontologyeditnode.h"
#include "records/ontologyhelpers.h"

#include <QColor>
#include <QDataStream>
#include <QFont>
#include <QIODevice>
#include <QMimeData>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <optional>

namespace Encord {

namespace {

const QString kNodeMimeType = QStringLiteral("application/x-encord-ontology-node");

/// An undo step made of two functions. The model's edits capture what they need in them.
class FunctionCommand final : public QUndoCommand
{
public:
    FunctionCommand(const QString &text,
                    std::function<void()> redo,
                    std::function<void()> undo,
                    QString mergeKey)
        : QUndoCommand(text)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
        , m_mergeKey(std::move(mergeKey))
    { }

    void redo() override { m_redo(); }
    void undo() override { m_undo(); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const FunctionCommand *>(other);
        if (next->m_mergeKey != m_mergeKey)
            return false;
        // This step now ends where the next one ends; it still undoes to where it started.
        m_redo = next->m_redo;
        return true;
    }

private:
    std::function<void()> m_redo;
    std::function<void()> m_undo;
    QString m_mergeKey;
};

using NodeKind = OntologyEditNode::Kind;

OntologyEditModel::Kind publicKind(NodeKind kind)
{
    switch (kind) {
    case NodeKind::ObjectSection:
        return OntologyEditModel::Kind::ObjectSection;
    case NodeKind::ClassificationSection:
        return OntologyEditModel::Kind::ClassificationSection;
    case NodeKind::Object:
        return OntologyEditModel::Kind::Object;
    case NodeKind::Classification:
        return OntologyEditModel::Kind::Classification;
    case NodeKind::Attribute:
        return OntologyEditModel::Kind::Attribute;
    case NodeKind::Option:
    case NodeKind::Root:
        break;
    }
    return OntologyEditModel::Kind::Option;
}

bool isElement(const OntologyEditNode *node)
{
    return node->kind != NodeKind::Root && node->kind != NodeKind::ObjectSection
           && node->kind != NodeKind::ClassificationSection;
}

bool hasOptions(AttributeType type)
{
    return type == AttributeType::Radio || type == AttributeType::Checklist;
}

/// The name a person reads for an element: a classification is named by its first attribute.
QString displayName(const OntologyEditNode *node)
{
    switch (node->kind) {
    case NodeKind::Object:
        return node->object.name;
    case NodeKind::Classification:
        return node->children.empty() ? QString() : node->child(0)->attribute.name;
    case NodeKind::Attribute:
        return node->attribute.name;
    case NodeKind::Option:
        return node->option.label;
    default:
        return {};
    }
}

} // namespace

OntologyEditModel::OntologyEditModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(OntologyEditNode::fromStructure({}))
    , m_undoStack(new QUndoStack(this))
{ }

OntologyEditModel::~OntologyEditModel() = default;

// ---- Whole structure -------------------------------------------------------------------------

void OntologyEditModel::setStructure(const OntologyStructure &structure)
{
    beginResetModel();
    m_undoStack->clear();
    QList<SkeletonTemplate> unclaimed;
    m_root = OntologyEditNode::fromStructure(structure, &unclaimed);
    m_passThrough = OntologyStructure{{}, {}, unclaimed, structure.extra};
    rememberHashes(m_root.get());
    for (const SkeletonTemplate &skeleton : std::as_const(unclaimed))
        rememberHashes(skeleton);
    endResetModel();
}

void OntologyEditModel::replaceStructure(const OntologyStructure &structure,
                                         const QString &undoText)
{
    if (m_readOnly)
        return;
    QList<SkeletonTemplate> unclaimed;
    auto other = std::make_shared<std::unique_ptr<Node>>(
        OntologyEditNode::fromStructure(structure, &unclaimed));
    auto otherPassThrough =
        std::make_shared<OntologyStructure>(OntologyStructure{{}, {}, unclaimed, structure.extra});
    rememberHashes(other->get());
    for (const SkeletonTemplate &skeleton : std::as_const(unclaimed))
        rememberHashes(skeleton);
    const auto swap = [this, other, otherPassThrough] {
        swapRoot(*other);
        std::swap(m_passThrough, *otherPassThrough);
    };
    push(undoText, swap, swap);
}

OntologyStructure OntologyEditModel::structure() const
{
    OntologyStructure result = m_root->toStructure();
    result.skeletonTemplates += m_passThrough.skeletonTemplates;
    result.extra = m_passThrough.extra;
    return result;
}

QJsonObject OntologyEditModel::toJson() const
{
    return structure().toJson();
}

void OntologyEditModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    // Flags changed everywhere; a reset is the one signal every view honours for that.
    beginResetModel();
    endResetModel();
}

QModelIndex OntologyEditModel::objectSection() const
{
    return index(0, 0);
}

QModelIndex OntologyEditModel::classificationSection() const
{
    return index(1, 0);
}

OntologyEditModel::Kind OntologyEditModel::kind(const QModelIndex &index) const
{
    return publicKind(nodeFor(index)->kind);
}

// ---- Edits -----------------------------------------------------------------------------------

QModelIndex OntologyEditModel::addObject(const QString &name, Shape shape)
{
    if (m_readOnly)
        return {};
    Node *section = m_root->child(0);
    auto node = std::make_unique<Node>(NodeKind::Object);
    node->object.id = nextChildLocalId(section);
    node->object.name = name.isEmpty() ? tr("Object %1").arg(node->object.id) : name;
    node->object.shape = shape;
    node->object.color = OntologyHelpers::nextObjectColor(m_root->toStructure().objects);
    node->object.featureNodeHash = newHash(false);
    return insertNew(tr("Add object"), section, std::move(node));
}

QModelIndex OntologyEditModel::addClassification(const QString &name, AttributeType type)
{
    if (m_readOnly)
        return {};
    Node *section = m_root->child(1);
    auto node = std::make_unique<Node>(NodeKind::Classification);
    node->classification.id = nextChildLocalId(section);
    node->classification.featureNodeHash = newHash(false);
    auto question = std::make_unique<Node>(NodeKind::Attribute);
    question->attribute.name =
        name.isEmpty() ? tr("Classification %1").arg(node->classification.id) : name;
    question->attribute.type = type;
    question->attribute.featureNodeHash = newHash(true);
    question->assignId(node->uid(), 1);
    node->insertChild(0, std::move(question));
    return insertNew(tr("Add classification"), section, std::move(node));
}

QModelIndex OntologyEditModel::addAttribute(const QModelIndex &parent,
                                            const QString &name,
                                            AttributeType type)
{
    Node *owner = nodeFor(parent);
    if (m_readOnly || !parent.isValid() || !owner->accepts(NodeKind::Attribute))
        return {};
    auto node = std::make_unique<Node>(NodeKind::Attribute);
    const int localId = nextChildLocalId(owner);
    node->attribute.name = name.isEmpty() ? tr("Attribute %1").arg(owner->childCount() + 1) : name;
    node->attribute.type = type;
    node->attribute.featureNodeHash = newHash(true);
    node->assignId(owner->uid(), localId);
    return insertNew(tr("Add attribute"), owner, std::move(node));
}

QModelIndex OntologyEditModel::addOption(const QModelIndex &attribute, const QString &label)
{
    Node *owner = nodeFor(attribute);
    if (m_readOnly || !attribute.isValid() || !owner->accepts(NodeKind::Option))
        return {};
    auto node = std::make_unique<Node>(NodeKind::Option);
    node->option.label = label.isEmpty() ? tr("Option %1").arg(owner->childCount() + 1) : label;
    node->option.value = OntologyHelpers::optionValueFromLabel(node->option.label);
    node->option.featureNodeHash = newHash(true);
    node->assignId(owner->uid(), nextChildLocalId(owner));
    return insertNew(tr("Add option"), owner, std::move(node));
}

bool OntologyEditModel::canDuplicate(const QModelIndex &index) const
{
    const Node *source = nodeFor(index);
    return !m_readOnly && index.isValid() && isElement(source)
           && source->parent->kind != NodeKind::Classification;
}

QModelIndex OntologyEditModel::duplicate(const QModelIndex &index)
{
    const Node *source = nodeFor(index);
    if (!canDuplicate(index))
        return {};
    Node *owner = source->parent;
    std::unique_ptr<Node> copy = source->clone();
    giveNewIdentity(copy.get(), owner->uid(), nextChildLocalId(owner));
    const QString suffix = tr(" copy");
    switch (copy->kind) {
    case NodeKind::Object:
        copy->object.name += suffix;
        break;
    case NodeKind::Classification:
        if (!copy->children.empty())
            copy->child(0)->attribute.name += suffix;
        break;
    case NodeKind::Attribute:
        copy->attribute.name += suffix;
        break;
    case NodeKind::Option:
        copy->option.label += suffix;
        copy->option.value = OntologyHelpers::optionValueFromLabel(copy->option.label);
        break;
    default:
        break;
    }

    const Path parentPath = pathOf(owner);
    const int row = source->row() + 1;
    auto pending = std::make_shared<std::unique_ptr<Node>>(std::move(copy));
    push(
        tr("Duplicate"),
        [this, parentPath, row, pending] { insertNode(parentPath, row, std::move(*pending)); },
        [this, parentPath, row, pending] { *pending = takeNode(parentPath, row); });
    return this->index(row, 0, indexFor(owner));
}

bool OntologyEditModel::remove(const QModelIndex &index)
{
    const Node *node = nodeFor(index);
    if (m_readOnly || !index.isValid() || !isElement(node))
        return false;
    const Path parentPath = pathOf(node->parent);
    const int row = node->row();
    auto pending = std::make_shared<std::unique_ptr<Node>>();
    const QString name = displayName(node);
    push(
        name.isEmpty() ? tr("Delete") : tr("Delete \u201c%1\u201d").arg(name),
        [this, parentPath, row, pending] { *pending = takeNode(parentPath, row); },
        [this, parentPath, row, pending] { insertNode(parentPath, row, std::move(*pending)); });
    return true;
}

bool OntologyEditModel::moveBy(const QModelIndex &index, int delta)
{
    if (!index.isValid())
        return false;
    const int row = index.row();
    const int target = row + delta;
    if (target < 0 || target >= rowCount(index.parent()))
        return false;
    // moveRows() counts the destination before the move: moving down passes the row after.
    return moveRows(index.parent(), row, 1, index.parent(), delta > 0 ? target + 1 : target);
}

bool OntologyEditModel::moveRows(const QModelIndex &sourceParent,
                                 int sourceRow,
                                 int count,
                                 const QModelIndex &destinationParent,
                                 int destinationChild)
{
    const Node *owner = nodeFor(sourceParent);
    if (m_readOnly || count != 1 || sourceParent != destinationParent || !sourceParent.isValid()
        || sourceRow < 0 || sourceRow >= owner->childCount() || destinationChild < 0
        || destinationChild > owner->childCount() || destinationChild == sourceRow
        || destinationChild == sourceRow + 1) {
        return false;
    }
    const Path parentPath = pathOf(owner);
    // After the move the row sits at destinationChild (or one less when it moved down); moving
    // it back passes the destination as counted before that reverse move.
    const int movedTo = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    const int backTo = destinationChild > sourceRow ? sourceRow : sourceRow + 1;
    push(
        tr("Move \u201c%1\u201d").arg(displayName(owner->child(sourceRow))),
        [this, parentPath, sourceRow, destinationChild] {
            moveNode(parentPath, sourceRow, destinationChild);
        },
        [this, parentPath, movedTo, backTo] { moveNode(parentPath, movedTo, backTo); });
    return true;
}

QModelIndex OntologyEditModel::attributeParentFor(const QModelIndex &selected) const
{
    if (!selected.isValid())
        return {};
    const QModelIndex row = selected.siblingAtColumn(0);
    const Node *node = nodeFor(row);
    if (node->accepts(NodeKind::Attribute) && isElement(node))
        return row;
    if (node->kind == NodeKind::Attribute && node->parent->accepts(NodeKind::Attribute))
        return row.parent();
    return {};
}

QModelIndex OntologyEditModel::optionParentFor(const QModelIndex &selected) const
{
    if (!selected.isValid())
        return {};
    const QModelIndex row = selected.siblingAtColumn(0);
    const Node *node = nodeFor(row);
    if (node->kind == NodeKind::Attribute)
        return node->accepts(NodeKind::Option) ? row : QModelIndex();
    if (node->kind == NodeKind::Option)
        return row.parent();
    return {};
}

QList<OntologyEditModel::Problem> OntologyEditModel::problems() const
{
    QList<Problem> found;
    const std::function<void(const Node *)> visit = [&](const Node *node) {
        const QModelIndex at = indexFor(node);
        switch (node->kind) {
        case NodeKind::Object:
            if (node->object.name.trimmed().isEmpty())
                found.append({at, tr("Object %1 needs a name.").arg(node->object.id)});
            else if (node->object.shape.value() == Shape::Skeleton)
                addSkeletonProblems(node, found);
            break;
        case NodeKind::Classification:
            if (node->children.empty()) {
                found.append({at,
                              tr("Classification %1 needs a question: add an attribute to it.")
                                  .arg(node->classification.id)});
            }
            break;
        case NodeKind::Attribute:
            if (node->attribute.name.trimmed().isEmpty()) {
                found.append({at, tr("Attribute %1 needs a name.").arg(node->attribute.id)});
            } else if (hasOptions(node->attribute.type.value()) && node->children.empty()) {
                found.append({at,
                              tr("\u201c%1\u201d needs at least one option to choose from.")
                                  .arg(node->attribute.name)});
            }
            break;
        case NodeKind::Option:
            if (node->option.label.trimmed().isEmpty())
                found.append({at, tr("Option %1 needs a label.").arg(node->option.id)});
            break;
        default:
            break;
        }
        for (const auto &child : node->children)
            visit(child.get());
    };
    visit(m_root.get());
    return found;
}

void OntologyEditModel::addSkeletonProblems(const Node *node, QList<Problem> &found) const
{
    const QModelIndex at = indexFor(node);
    const QString &name = node->object.name;
    // The platform looks a skeleton's template up by the object's name (spec §4.4), so a name
    // must lead to one template.
    const Node *section = node->parent;
    for (int row = 0; row < node->row(); ++row) {
        const Node *earlier = section->child(row);
        if (earlier->object.shape.value() == Shape::Skeleton && earlier->object.name == name) {
            found.append({at,
                          tr("Two skeletons are called \u201c%1\u201d: each needs its own name, "
                             "as its template is found by name.")
                              .arg(name)});
            return;
        }
    }
    const bool unclaimedNamesake =
        std::any_of(m_passThrough.skeletonTemplates.cbegin(),
                    m_passThrough.skeletonTemplates.cend(),
                    [&](const SkeletonTemplate &skeleton) { return skeleton.name == name; });
    if (unclaimedNamesake) {
        found.append({at,
                      tr("The structure has another skeleton template called \u201c%1\u201d: "
                         "rename this skeleton.")
                          .arg(name)});
        return;
    }

    const SkeletonTemplateDraft draft(node->skeleton.value_or(SkeletonTemplateDraft::blank(name)));
    for (const SkeletonTemplateDraft::Problem &problem : draft.problems()) {
        if (problem.part == SkeletonTemplateDraft::Problem::Part::Keypoints && problem.row < 0) {
            found.append({at,
                          tr("The skeleton \u201c%1\u201d needs at least one keypoint: add them "
                             "to its skeleton template.")
                              .arg(name)});
        } else {
            found.append({at, tr("Skeleton \u201c%1\u201d: %2").arg(name, problem.message)});
        }
    }
}

// ---- Skeleton templates ----------------------------------------------------------------------

std::optional<SkeletonTemplate> OntologyEditModel::skeletonTemplate(const QModelIndex &object) const
{
    const Node *node = nodeFor(object);
    if (!object.isValid() || node->kind != NodeKind::Object || !node->skeleton)
        return std::nullopt;
    SkeletonTemplate skeleton = *node->skeleton;
    skeleton.name = node->object.name;
    return skeleton;
}

QList<SkeletonTemplateDraft::Problem> OntologyEditModel::skeletonProblems(
    const QModelIndex &object) const
{
    const Node *node = nodeFor(object);
    if (!object.isValid() || node->kind != NodeKind::Object
        || node->object.shape.value() != Shape::Skeleton)
        return {};
    return SkeletonTemplateDraft(
               node->skeleton.value_or(SkeletonTemplateDraft::blank(node->object.name)))
        .problems();
}

int OntologyEditModel::addKeypoint(const QModelIndex &object,
                                   const QString &name,
                                   std::optional<QPointF> position)
{
    const QString color = nodeFor(object)->object.color;
    return changeSkeleton(object, tr("Add keypoint"), [&](SkeletonTemplateDraft &draft) {
        SkeletonTemplateCoordinate keypoint;
        keypoint.name = name;
        // "Keypoint N" after the last row, or the next number no other keypoint is called.
        for (int n = draft.keypointCount() + 1; keypoint.name.isEmpty(); ++n) {
            const QString candidate = tr("Keypoint %1").arg(n);
            const QStringList keys = draft.keys();
            const bool taken = std::any_of(keys.cbegin(), keys.cend(), [&](const QString &key) {
                return draft.record().skeleton.value(key).name == candidate;
            });
            if (!taken)
                keypoint.name = candidate;
        }
        keypoint.value = OntologyHelpers::optionValueFromLabel(keypoint.name);
        keypoint.color = color;
        const QPointF at = position.value_or(draft.nextFreePosition());
        keypoint.x = at.x();
        keypoint.y = at.y();
        return draft.appendKeypoint(keypoint);
    });
}

bool OntologyEditModel::removeKeypoint(const QModelIndex &object, int row)
{
    const SkeletonTemplateDraft current(skeletonTemplate(object).value_or(SkeletonTemplate()));
    const QString name = current.keypoint(row).name;
    return changeSkeleton(
               object,
               tr("Delete keypoint \u201c%1\u201d").arg(name),
               [row](SkeletonTemplateDraft &draft) { return draft.removeKeypoint(row) ? row : -1; })
           >= 0;
}

bool OntologyEditModel::setKeypointName(const QModelIndex &object, int row, const QString &name)
{
    return changeSkeleton(object,
                          tr("Rename keypoint"),
                          [&](SkeletonTemplateDraft &draft) {
                              SkeletonTemplateCoordinate keypoint = draft.keypoint(row);
                              keypoint.name = name;
                              keypoint.value = OntologyHelpers::optionValueFromLabel(name);
                              return draft.setKeypoint(row, keypoint) ? row : -1;
                          })
           >= 0;
}

bool OntologyEditModel::setKeypointPosition(const QModelIndex &object,
                                            int row,
                                            const QPointF &position)
{
    return changeSkeleton(object,
                          tr("Move keypoint"),
                          [&](SkeletonTemplateDraft &draft) {
                              SkeletonTemplateCoordinate keypoint = draft.keypoint(row);
                              keypoint.x = position.x();
                              keypoint.y = position.y();
                              return draft.setKeypoint(row, keypoint) ? row : -1;
                          })
           >= 0;
}

bool OntologyEditModel::setKeypointColor(const QModelIndex &object, int row, const QColor &color)
{
    if (!color.isValid())
        return false;
    return changeSkeleton(object,
                          tr("Change keypoint colour"),
                          [&](SkeletonTemplateDraft &draft) {
                              SkeletonTemplateCoordinate keypoint = draft.keypoint(row);
                              keypoint.color = color.name(QColor::HexRgb).toUpper();
                              return draft.setKeypoint(row, keypoint) ? row : -1;
                          })
           >= 0;
}

int OntologyEditModel::addEdge(const QModelIndex &object, int fromRow, int toRow)
{
    const QString color = nodeFor(object)->object.color;
    return changeSkeleton(object, tr("Add edge"), [&](SkeletonTemplateDraft &draft) {
        std::pair<int, int> ends{fromRow, toRow};
        if (fromRow < 0 || toRow < 0) {
            const std::optional<std::pair<int, int>> free = draft.nextFreePair();
            if (!free)
                return -1;
            ends = *free;
        }
        const QStringList keys = draft.keys();
        if (ends.first >= keys.size() || ends.second >= keys.size() || ends.first == ends.second
            || draft.edgeBetween(keys.at(ends.first), keys.at(ends.second)) >= 0)
            return -1;
        return draft.setEdge({keys.at(ends.first), keys.at(ends.second), color});
    });
}

bool OntologyEditModel::removeEdge(const QModelIndex &object, int row)
{
    return changeSkeleton(
               object,
               tr("Delete edge"),
               [row](SkeletonTemplateDraft &draft) { return draft.removeEdgeAt(row) ? row : -1; })
           >= 0;
}

bool OntologyEditModel::setEdgeEnds(const QModelIndex &object, int row, int fromRow, int toRow)
{
    return changeSkeleton(object,
                          tr("Change edge"),
                          [&](SkeletonTemplateDraft &draft) {
                              const QList<SkeletonTemplateDraft::Edge> edges = draft.edges();
                              const QStringList keys = draft.keys();
                              if (row < 0 || row >= edges.size() || fromRow < 0 || toRow < 0
                                  || fromRow >= keys.size() || toRow >= keys.size()
                                  || fromRow == toRow)
                                  return -1;
                              const QString &from = keys.at(fromRow);
                              const QString &to = keys.at(toRow);
                              const int existing = draft.edgeBetween(from, to);
                              if (existing >= 0 && existing != row)
                                  return -1;
                              const QString color = edges.at(row).color;
                              draft.removeEdgeAt(row);
                              return draft.setEdge({from, to, color});
                          })
           >= 0;
}

bool OntologyEditModel::setEdgeColor(const QModelIndex &object, int row, const QColor &color)
{
    if (!color.isValid())
        return false;
    return changeSkeleton(object,
                          tr("Change edge colour"),
                          [&](SkeletonTemplateDraft &draft) {
                              const QList<SkeletonTemplateDraft::Edge> edges = draft.edges();
                              if (row < 0 || row >= edges.size())
                                  return -1;
                              SkeletonTemplateDraft::Edge edge = edges.at(row);
                              edge.color = color.name(QColor::HexRgb).toUpper();
                              return draft.setEdge(edge);
                          })
           >= 0;
}

bool OntologyEditModel::setSkeletonFrame(const QModelIndex &object, double width, double height)
{
    const QString key = QStringLiteral("frame:") + nodeFor(object)->featureNodeHash();
    return changeSkeleton(
               object,
               tr("Change skeleton size"),
               [&](SkeletonTemplateDraft &draft) {
                   draft.setFrame(width, height);
                   return 0;
               },
               key)
           >= 0;
}

int OntologyEditModel::changeSkeleton(const QModelIndex &object,
                                      const QString &text,
                                      const std::function<int(SkeletonTemplateDraft &)> &change,
                                      const QString &mergeKey)
{
    Node *node = nodeFor(object);
    if (m_readOnly || !object.isValid() || node->kind != NodeKind::Object)
        return -1;
    const std::optional<SkeletonTemplate> before = node->skeleton;
    const SkeletonTemplate start = before.value_or(SkeletonTemplateDraft::blank(node->object.name));
    SkeletonTemplateDraft draft(start);
    const int outcome = change(draft);
    if (outcome < 0 || draft.record() == start)
        return outcome;

    // Hashes are given once and kept: what comes with an imported template stays as it was.
    std::optional<SkeletonTemplate> after = draft.record();
    if (!after->featureNodeHash)
        after->featureNodeHash = newHash(false);
    for (SkeletonTemplateCoordinate &keypoint : after->skeleton) {
        if (!keypoint.featureHash)
            keypoint.featureHash = newHash(true);
    }
    const Path path = pathOf(node);
    push(
        text,
        [this, path, after] { applySkeleton(path, after); },
        [this, path, before] { applySkeleton(path, before); },
        mergeKey);
    return outcome;
}

QModelIndex OntologyEditModel::indexOfHash(const QString &featureNodeHash) const
{
    const std::function<const Node *(const Node *)> find = [&](const Node *node) -> const Node * {
        if (isElement(node) && node->featureNodeHash() == featureNodeHash)
            return node;
        for (const auto &child : node->children) {
            if (const Node *hit = find(child.get()))
                return hit;
        }
        return nullptr;
    };
    const Node *hit = featureNodeHash.isEmpty() ? nullptr : find(m_root.get());
    return hit ? indexFor(hit) : QModelIndex();
}

// ---- QAbstractItemModel ----------------------------------------------------------------------

QModelIndex OntologyEditModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFor(parent)->child(row));
}

QModelIndex OntologyEditModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *owner = nodeFor(child)->parent;
    if (!owner || owner == m_root.get())
        return {};
    return indexFor(owner);
}

int OntologyEditModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return nodeFor(parent)->childCount();
}

int OntologyEditModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant OntologyEditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    const bool section = !isElement(node);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            if (node->kind == NodeKind::ObjectSection)
                return tr("Objects (%1)").arg(node->childCount());
            if (node->kind == NodeKind::ClassificationSection)
                return tr("Classifications (%1)").arg(node->childCount());
            return displayName(node);
        case TypeColumn:
            if (node->kind == NodeKind::Object)
                return ModelFormat::shapeName(node->object.shape.value());
            if (node->kind == NodeKind::Attribute)
                return ModelFormat::attributeTypeName(node->attribute.type.value());
            if (node->kind == NodeKind::Classification && !node->children.empty())
                return ModelFormat::attributeTypeName(node->child(0)->attribute.type.value());
            return QString();
        case HashColumn:
            return node->featureNodeHash();
        default:
            return QString();
        }
    case Qt::CheckStateRole:
        if (index.column() != RequiredColumn || section || node->kind == NodeKind::Option)
            return {};
        return valueOf(node, RequiredRole).toBool() ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole:
        if (index.column() == NameColumn && node->kind == NodeKind::Object)
            return QColor(node->object.color);
        return {};
    case Qt::FontRole:
        if (section) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (section)
            return {};
        return tr("Id %1, feature node hash %2").arg(node->uid(), node->featureNodeHash());
    case KindRole:
        return QVariant::fromValue(publicKind(node->kind));
    case FeatureNodeHashRole:
        return node->featureNodeHash();
    case IdRole:
        return node->uid();
    default:
        return valueOf(node, role);
    }
}

QVariant OntologyEditModel::valueOf(const Node *node, int role) const
{
    switch (role) {
    case NameRole:
        return isElement(node) ? QVariant(displayName(node)) : QVariant();
    case ShapeRole:
        return node->kind == NodeKind::Object ? QVariant(int(node->object.shape.value()))
                                              : QVariant();
    case ColorRole:
        return node->kind == NodeKind::Object ? QVariant(QColor(node->object.color)) : QVariant();
    case RequiredRole:
        if (node->kind == NodeKind::Object)
            return node->object.required;
        if (node->kind == NodeKind::Attribute)
            return node->attribute.required;
        if (node->kind == NodeKind::Classification && !node->children.empty())
            return node->child(0)->attribute.required;
        return {};
    case AttributeTypeRole:
        return node->kind == NodeKind::Attribute ? QVariant(int(node->attribute.type.value()))
                                                 : QVariant();
    case DynamicRole:
        return node->kind == NodeKind::Attribute ? QVariant(node->attribute.dynamic) : QVariant();
    case OptionValueRole:
        return node->kind == NodeKind::Option ? QVariant(node->option.value) : QVariant();
    default:
        return {};
    }
}

bool OntologyEditModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (m_readOnly || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Node *node = nodeFor(index);
    if (!isElement(node))
        return false;

    if ((role == Qt::EditRole || role == Qt::DisplayRole) && index.column() == NameColumn)
        role = NameRole;
    else if (role == Qt::CheckStateRole && index.column() == RequiredColumn)
        return setData(index.siblingAtColumn(0), value.toInt() == Qt::Checked, RequiredRole);

    // A classification's name and required flag are those of its question.
    if (node->kind == NodeKind::Classification && (role == NameRole || role == RequiredRole)) {
        if (node->children.empty())
            return false;
        return setData(this->index(0, 0, index.siblingAtColumn(0)), value, role);
    }

    const QVariant current = valueOf(node, role);
    if (!current.isValid())
        return false;
    QVariant next = value;
    QString text;
    switch (role) {
    case NameRole:
        next = value.toString();
        text = node->kind == NodeKind::Option ? tr("Rename option") : tr("Rename");
        break;
    case ShapeRole:
        if (value.toInt() < 0 || value.toInt() >= int(Shape::Unknown))
            return false;
        next = value.toInt();
        text = tr("Change shape");
        break;
    case ColorRole:
        if (!value.value<QColor>().isValid())
            return false;
        next = value.value<QColor>();
        text = tr("Change colour");
        break;
    case RequiredRole:
        next = value.toBool();
        text = next.toBool() ? tr("Make required") : tr("Make optional");
        break;
    case DynamicRole:
        next = value.toBool();
        text = tr("Change dynamic");
        break;
    case AttributeTypeRole:
        if (value.toInt() < 0 || value.toInt() >= int(AttributeType::Unknown))
            return false;
        next = value.toInt();
        text = tr("Change attribute type");
        break;
    default:
        return false;
    }
    if (next == current)
        return true;

    const Path path = pathOf(node);
    QVariant before = current;
    if (role == NameRole && node->kind == NodeKind::Option)
        before = QStringList{node->option.label, node->option.value};

    if (role != AttributeTypeRole) {
        push(
            text,
            [this, path, role, next] { applyValue(path, role, next); },
            [this, path, role, before] { applyValue(path, role, before); },
            role == NameRole ? QStringLiteral("name:") + node->featureNodeHash() : QString());
        return true;
    }

    // A new attribute type drops what the format cannot hold under it: options of text and
    // numeric attributes, questions under checklist options. One undo step brings all back.
    const auto type = AttributeType(next.toInt());
    m_undoStack->beginMacro(text);
    for (int row = node->childCount() - 1; row >= 0; --row) {
        const QModelIndex option = this->index(row, 0, index.siblingAtColumn(0));
        if (!hasOptions(type)) {
            remove(option);
            continue;
        }
        if (type == AttributeType::Checklist) {
            for (int nested = node->child(row)->childCount() - 1; nested >= 0; --nested)
                remove(this->index(nested, 0, option));
        }
    }
    push(
        text,
        [this, path, next] { applyValue(path, AttributeTypeRole, next); },
        [this, path, before] { applyValue(path, AttributeTypeRole, before); });
    m_undoStack->endMacro();
    return true;
}

Qt::ItemFlags OntologyEditModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Node *node = nodeFor(index);
    if (m_readOnly)
        return result;
    if (!isElement(node))
        return result | Qt::ItemIsDropEnabled;
    result |= Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    if (index.column() == NameColumn
        && !(node->kind == NodeKind::Classification && node->children.empty()))
        result |= Qt::ItemIsEditable;
    if (index.column() == RequiredColumn && node->kind != NodeKind::Option)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

QVariant OntologyEditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case RequiredColumn:
        return tr("Required");
    case HashColumn:
        return tr("Feature hash");
    default:
        return {};
    }
}

QHash<int, QByteArray> OntologyEditModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(FeatureNodeHashRole, "featureNodeHash");
    names.insert(IdRole, "id");
    names.insert(NameRole, "name");
    names.insert(ShapeRole, "shape");
    names.insert(ColorRole, "color");
    names.insert(RequiredRole, "required");
    names.insert(AttributeTypeRole, "attributeType");
    names.insert(DynamicRole, "dynamic");
    names.insert(OptionValueRole, "optionValue");
    return names;
}

// ---- Drag and drop ---------------------------------------------------------------------------

Qt::DropActions OntologyEditModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions OntologyEditModel::supportedDragActions() const
{
    return m_readOnly ? Qt::IgnoreAction : Qt::MoveAction;
}

QStringList OntologyEditModel::mimeTypes() const
{
    return {kNodeMimeType};
}

QMimeData *OntologyEditModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << quintptr(this) << pathOf(nodeFor(indexes.first()));
    auto *mime = new QMimeData;
    mime->setData(kNodeMimeType, encoded);
    return mime;
}

bool OntologyEditModel::canDropMimeData(const QMimeData *data,
                                        Qt::DropAction action,
                                        int row,
                                        int column,
                                        const QModelIndex &parent) const
{
    Q_UNUSED(column)
    if (m_readOnly || action != Qt::MoveAction || !data || !data->hasFormat(kNodeMimeType))
        return false;
    QDataStream stream(data->data(kNodeMimeType));
    quintptr origin = 0;
    Path path;
    stream >> origin >> path;
    if (origin != quintptr(this) || path.isEmpty())
        return false;
    const Node *source = nodeAt(path);
    if (!source || !isElement(source))
        return false;
    const QModelIndex target = parent.siblingAtColumn(0);
    // Dropped onto a sibling: take its place. Dropped between the rows of the parent: that row.
    if (row < 0 && target.isValid() && nodeFor(target)->parent == source->parent)
        return true;
    return nodeFor(target) == source->parent;
}

bool OntologyEditModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QDataStream stream(data->data(kNodeMimeType));
    quintptr origin = 0;
    Path path;
    stream >> origin >> path;
    const Node *source = nodeAt(path);
    const QModelIndex sourceParent = indexFor(source->parent);
    const int sourceRow = source->row();
    QModelIndex target = parent.siblingAtColumn(0);
    int destination = row;
    if (row < 0 && target.isValid() && nodeFor(target)->parent == source->parent) {
        // Onto a sibling below: land after it; onto one above: land before it.
        destination = target.row() > sourceRow ? target.row() + 1 : target.row();
    } else if (row < 0) {
        destination = rowCount(sourceParent);
    }
    return moveRows(sourceParent, sourceRow, 1, sourceParent, destination);
}

// ---- Primitive changes -----------------------------------------------------------------------

void OntologyEditModel::insertNode(const Path &parentPath, int row, std::unique_ptr<Node> node)
{
    Node *owner = nodeAt(parentPath);
    beginInsertRows(indexFor(owner), row, row);
    owner->insertChild(row, std::move(node));
    endInsertRows();
    notifyParentsOf(owner->child(row));
}

std::unique_ptr<OntologyEditModel::Node> OntologyEditModel::takeNode(const Path &parentPath,
                                                                     int row)
{
    Node *owner = nodeAt(parentPath);
    beginRemoveRows(indexFor(owner), row, row);
    std::unique_ptr<Node> node = owner->takeChild(row);
    endRemoveRows();
    notifyChanged(owner);
    return node;
}

void OntologyEditModel::moveNode(const Path &parentPath, int from, int destinationChild)
{
    Node *owner = nodeAt(parentPath);
    const QModelIndex parentIndex = indexFor(owner);
    if (!beginMoveRows(parentIndex, from, from, parentIndex, destinationChild))
        return;
    std::unique_ptr<Node> node = owner->takeChild(from);
    owner->insertChild(destinationChild > from ? destinationChild - 1 : destinationChild,
                       std::move(node));
    endMoveRows();
    notifyChanged(owner);
}

void OntologyEditModel::applyValue(const Path &path, int role, const QVariant &value)
{
    Node *node = nodeAt(path);
    switch (role) {
    case NameRole:
        if (node->kind == NodeKind::Object) {
            node->object.name = value.toString();
        } else if (node->kind == NodeKind::Attribute) {
            node->attribute.name = value.toString();
        } else if (node->kind == NodeKind::Option) {
            // A label alone derives its value as the SDK does; undo restores both as they were.
            const QStringList pair = value.toStringList();
            if (value.typeId() == QMetaType::QStringList && pair.size() == 2) {
                node->option.label = pair.at(0);
                node->option.value = pair.at(1);
            } else {
                node->option.label = value.toString();
                node->option.value = OntologyHelpers::optionValueFromLabel(value.toString());
            }
        }
        break;
    case ShapeRole:
        node->object.shape = Shape(value.toInt());
        break;
    case ColorRole:
        node->object.color = value.value<QColor>().name(QColor::HexRgb).toUpper();
        break;
    case RequiredRole:
        if (node->kind == NodeKind::Object)
            node->object.required = value.toBool();
        else
            node->attribute.required = value.toBool();
        break;
    case DynamicRole:
        node->attribute.dynamic = value.toBool();
        break;
    case AttributeTypeRole:
        node->attribute.type = AttributeType(value.toInt());
        break;
    default:
        return;
    }
    notifyChanged(node);
    notifyParentsOf(node);
}

void OntologyEditModel::applySkeleton(const Path &path,
                                      const std::optional<SkeletonTemplate> &skeleton)
{
    Node *node = nodeAt(path);
    node->skeleton = skeleton;
    notifyChanged(node);
}

void OntologyEditModel::swapRoot(std::unique_ptr<Node> &root)
{
    beginResetModel();
    std::swap(m_root, root);
    endResetModel();
}

void OntologyEditModel::push(const QString &text,
                             std::function<void()> redo,
                             std::function<void()> undo,
                             const QString &mergeKey)
{
    m_undoStack->push(new FunctionCommand(text, std::move(redo), std::move(undo), mergeKey));
}

QModelIndex OntologyEditModel::insertNew(const QString &text,
                                         Node *parent,
                                         std::unique_ptr<Node> node)
{
    const Path parentPath = pathOf(parent);
    const int row = parent->childCount();
    auto pending = std::make_shared<std::unique_ptr<Node>>(std::move(node));
    push(
        text,
        [this, parentPath, row, pending] { insertNode(parentPath, row, std::move(*pending)); },
        [this, parentPath, row, pending] { *pending = takeNode(parentPath, row); });
    return index(row, 0, indexFor(parent));
}

void OntologyEditModel::notifyChanged(const Node *node)
{
    if (node == m_root.get())
        return;
    const QModelIndex first = indexFor(node, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

void OntologyEditModel::notifyParentsOf(const Node *node)
{
    // A section shows its count; a classification shows its first attribute.
    if (node->parent && node->parent != m_root.get())
        notifyChanged(node->parent);
}

// ---- Identity --------------------------------------------------------------------------------

QString OntologyEditModel::newHash(bool nested)
{
    QString hash;
    do {
        hash = nested ? OntologyHelpers::newNestedFeatureHash()
                      : OntologyHelpers::newFeatureNodeHash();
    } while (m_issuedHashes.contains(hash));
    m_issuedHashes.insert(hash);
    return hash;
}

void OntologyEditModel::rememberHashes(const Node *node)
{
    if (isElement(node))
        m_issuedHashes.insert(node->featureNodeHash());
    if (node->skeleton)
        rememberHashes(*node->skeleton);
    for (const auto &child : node->children)
        rememberHashes(child.get());
}

void OntologyEditModel::rememberHashes(const SkeletonTemplate &skeleton)
{
    if (skeleton.featureNodeHash)
        m_issuedHashes.insert(*skeleton.featureNodeHash);
    for (const SkeletonTemplateCoordinate &keypoint : skeleton.skeleton) {
        if (keypoint.featureHash)
            m_issuedHashes.insert(*keypoint.featureHash);
    }
}

void OntologyEditModel::giveNewIdentity(Node *node, const QString &parentUid, int localId)
{
    const std::function<void(Node *)> rehash = [&](Node *current) {
        const bool nested =
            current->kind == NodeKind::Attribute || current->kind == NodeKind::Option;
        current->setFeatureNodeHash(newHash(nested));
        if (current->skeleton) {
            current->skeleton->featureNodeHash = newHash(false);
            for (SkeletonTemplateCoordinate &keypoint : current->skeleton->skeleton)
                keypoint.featureHash = newHash(true);
        }
        for (const auto &child : current->children)
            rehash(child.get());
    };
    rehash(node);
    node->assignId(parentUid, localId);
}

int OntologyEditModel::nextChildLocalId(const Node *parent)
{
    QList<int> ids;
    for (const auto &child : parent->children)
        ids.append(child->localId());
    return OntologyHelpers::nextLocalId(ids);
}

// ---- Tree navigation -------------------------------------------------------------------------

OntologyEditModel::Node *OntologyEditModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex OntologyEditModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

OntologyEditModel::Path OntologyEditModel::pathOf(const Node *node) const
{
    Path path;
    for (; node && node != m_root.get(); node = node->parent)
        path.prepend(node->row());
    return path;
}

OntologyEditModel::Node *OntologyEditModel::nodeAt(const Path &path) const
{
    Node *node = m_root.get();
    for (const int row : path) {
        if (row < 0 || row >= node->childCount())
            return nullptr;
        node = node->child(row);
    }
    return node;
}

} // namespace Encord
