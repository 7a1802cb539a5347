#pragma once

#include "records/ontologystructure.h"
#include "skeletontemplatedraft.h"

#include <QAbstractItemModel>
#include <QPointF>
#include <QSet>

#include <functional>
#include <memory>

class QColor;
class QUndoStack;

namespace Encord {

struct OntologyEditNode;

/// An ontology structure (spec §4.4) as an editable tree, with every edit undoable.
///
///     root                                  QModelIndex()
///      ├── "Objects"                        section row 0: objects, in order
///      │    └── object "car" (polygon)
///      │         └── attribute "colour" (radio)
///      │              ├── option "red"
///      │              │    └── attribute "shade" (text)   under radio options, to any depth
///      │              └── option "blue"
///      └── "Classifications"                section row 1
///           └── classification "weather"    named by its first attribute, as the SDK does
///                └── attribute "weather" (checklist)
///                     └── option "sunny"
///
/// Ids follow the SDK's rule (a new element's local id is the largest of its siblings' plus one;
/// nested ids are the parent's id plus the local id). A feature node hash, once given, stays with
/// its element through edits, moves, undo and redo, and is never given to another element of
/// the model (not even one that was deleted). structure() and toJson() give the structure back
/// exactly as the SDK writes it; skeleton templates and unknown keys of an imported structure
/// are kept as they were (templates in the order of their objects, then those no object uses).
///
/// An object of shape skeleton owns the skeleton template named like it (spec §4.4): it is
/// not a row of the tree but part of the object, edited with the keypoint and edge functions
/// below, renamed with the object, and copied, deleted and restored with it.
///
/// Every change goes through undoStack(); views may edit names in place (Qt::EditRole), tick
/// the Required column, and move rows within their parent by drag and drop. Rows never change
/// parent: a nested id encodes the parent, and elements keep their ids.
class OntologyEditModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OntologyEditModel)

public:
    enum Column {
        NameColumn,     ///< name, or an option's label; editable. Decoration: an object's colour
        TypeColumn,     ///< an object's shape, an attribute's type ("Radio"…)
        RequiredColumn, ///< check box for objects, classifications and attributes
        HashColumn,     ///< the feature node hash
        ColumnCount,
    };
    Q_ENUM(Column)

    enum class Kind {
        ObjectSection,
        ClassificationSection,
        Object,
        Classification,
        Attribute,
        Option,
    };
    Q_ENUM(Kind)

    /// Roles on every column. Roles marked "settable" can be given to setData() (undoable).
    enum Role {
        KindRole = Qt::UserRole + 1, ///< Kind
        FeatureNodeHashRole,         ///< QString
        IdRole,                      ///< QString: "3" for objects and classifications, "3.1.2"
        NameRole,     ///< QString, settable: a classification's is its first attribute's name
        ShapeRole,    ///< int (Shape), settable, objects only
        ColorRole,    ///< QColor, settable, objects only
        RequiredRole, ///< bool, settable: objects, attributes and classifications (first attr.)
        AttributeTypeRole, ///< int (AttributeType), settable, attributes only
        DynamicRole,       ///< bool, settable, attributes only (top-level attributes of objects)
        OptionValueRole,   ///< QString, options only: derived from the label
    };
    Q_ENUM(Role)

    /// Something that keeps the structure from being created; index points at the element.
    struct Problem
    {
        QModelIndex index;
        QString message;
    };

    explicit OntologyEditModel(QObject *parent = nullptr);
    ~OntologyEditModel() override;

    /// Every change, for Undo/Redo actions. Owned by the model.
    QUndoStack *undoStack() const { return m_undoStack; }

    /// Replaces the tree (a reset) and forgets the undo history.
    void setStructure(const OntologyStructure &structure);
    /// Replaces the tree with @p structure as one undoable step ("Import").
    void replaceStructure(const OntologyStructure &structure, const QString &undoText);
    /// The structure as the SDK writes it.
    OntologyStructure structure() const;
    /// structure().toJson(): {"objects": […], "classifications": […], "skeleton_templates": […]}
    QJsonObject toJson() const;

    /// A read-only model refuses every change and offers no drag, edit or check box.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    QModelIndex objectSection() const;
    QModelIndex classificationSection() const;
    Kind kind(const QModelIndex &index) const;

    // ---- Edits, each one undo step; they return the new element's index (column 0), or an
    // invalid index when the model is read-only or the element cannot go there.

    /// A new object at the end, with the SDK's next colour. An empty name becomes "Object N".
    QModelIndex addObject(const QString &name = {}, Shape shape = Shape::BoundingBox);
    /// A new classification at the end with its question: one top-level attribute named @p name
    /// (empty: "Classification N") of @p type.
    QModelIndex addClassification(const QString &name = {},
                                  AttributeType type = AttributeType::Radio);
    /// A new attribute in the last place under @p parent (an object, a classification that has
    /// lost its question, or an option of a radio attribute). Empty name: "Attribute N".
    QModelIndex addAttribute(const QModelIndex &parent,
                             const QString &name = {},
                             AttributeType type = AttributeType::Radio);
    /// A new option of the radio or checklist attribute @p attribute. Empty label: "Option N".
    QModelIndex addOption(const QModelIndex &attribute, const QString &label = {});
    /// A copy of @p index right after it, with new ids and feature node hashes throughout.
    QModelIndex duplicate(const QModelIndex &index);
    /// Whether duplicate() can copy @p index: any element but a classification's question (a
    /// classification has exactly one root attribute).
    bool canDuplicate(const QModelIndex &index) const;
    /// Deletes the element and what is under it. Sections cannot be removed.
    bool remove(const QModelIndex &index);
    /// Moves the element @p delta places among its siblings (-1: up, +1: down).
    bool moveBy(const QModelIndex &index, int delta);

    /// Where "add attribute" puts a new attribute when @p selected is selected: the object,
    /// classification or radio option itself, or an attribute's parent. Invalid if nowhere.
    QModelIndex attributeParentFor(const QModelIndex &selected) const;
    /// Where "add option" puts a new option: a radio/checklist attribute itself, or an option's
    /// attribute. Invalid if nowhere.
    QModelIndex optionParentFor(const QModelIndex &selected) const;

    // ---- The skeleton template of an object (any shape; written while it is a skeleton).
    // Each change is one undo step and gives new keypoints, and a new template, their feature
    // hashes. Rows are SkeletonTemplateDraft's. They return false (or -1) when @p object is no
    // object, the row does not exist, or the model is read-only.

    /// The template of @p object as the structure will hold it (named like the object), or
    /// nothing while it has none.
    std::optional<SkeletonTemplate> skeletonTemplate(const QModelIndex &object) const;
    /// The template's problems for the fields that show them (see problems() for the list that
    /// blocks creation); empty for an object of another shape.
    QList<SkeletonTemplateDraft::Problem> skeletonProblems(const QModelIndex &object) const;
    /// Adds a keypoint in the last row, in the object's colour, at @p position (fractions of
    /// the template's width and height) or, when none is given, at a free spot. An empty name
    /// becomes "Keypoint N". Returns its row. Creates the template (1 × 1) when there is none.
    int addKeypoint(const QModelIndex &object,
                    const QString &name = {},
                    std::optional<QPointF> position = std::nullopt);
    /// Removes the keypoint and its edges; later keypoints move up a row.
    bool removeKeypoint(const QModelIndex &object, int row);
    /// Renames a keypoint; its value follows the name as an option's value follows its label.
    bool setKeypointName(const QModelIndex &object, int row, const QString &name);
    bool setKeypointPosition(const QModelIndex &object, int row, const QPointF &position);
    bool setKeypointColor(const QModelIndex &object, int row, const QColor &color);
    /// Joins two keypoints, in the object's colour; returns the edge's row. Without rows given,
    /// SkeletonTemplateDraft::nextFreePair() picks them.
    int addEdge(const QModelIndex &object, int fromRow = -1, int toRow = -1);
    bool removeEdge(const QModelIndex &object, int row);
    /// Makes edge @p row join @p fromRow to @p toRow. Refused when that edge exists already.
    bool setEdgeEnds(const QModelIndex &object, int row, int fromRow, int toRow);
    bool setEdgeColor(const QModelIndex &object, int row, const QColor &color);
    /// The template's own width and height; steps in a row merge into one undo step.
    bool setSkeletonFrame(const QModelIndex &object, double width, double height);

    /// What keeps this structure from being created: empty names, classifications without a
    /// question, radio and checklist attributes without options, skeletons whose template is
    /// missing or has problems, two skeletons of one name. In tree order.
    QList<Problem> problems() const;

    /// The index of the element with @p featureNodeHash, or invalid.
    QModelIndex indexOfHash(const QString &featureNodeHash) const;

    QModelIndex index(int row,
                      int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool moveRows(const QModelIndex &sourceParent,
                  int sourceRow,
                  int count,
                  const QModelIndex &destinationParent,
                  int destinationChild) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data,
                         Qt::DropAction action,
                         int row,
                         int column,
                         const QModelIndex &parent) const override;
    /// Performs the move itself (one undo step) for a drop within the dragged row's parent.
    /// removeRows() is deliberately not reimplemented: a view's "remove the source after a move"
    /// step then does nothing, and the element is moved exactly once.
    bool dropMimeData(const QMimeData *data,
                      Qt::DropAction action,
                      int row,
                      int column,
                      const QModelIndex &parent) override;

private:
    using Node = OntologyEditNode;
    using Path = QList<int>;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    Path pathOf(const Node *node) const;
    Node *nodeAt(const Path &path) const;

    // The primitive changes, run by undo commands only.
    void insertNode(const Path &parentPath, int row, std::unique_ptr<Node> node);
    std::unique_ptr<Node> takeNode(const Path &parentPath, int row);
    void moveNode(const Path &parentPath, int from, int destinationChild);
    void applyValue(const Path &path, int role, const QVariant &value);
    void applySkeleton(const Path &path, const std::optional<SkeletonTemplate> &skeleton);
    void swapRoot(std::unique_ptr<Node> &root);

    /// Pushes an undo step running @p redo now and @p undo on Undo. A non-empty @p mergeKey
    /// merges consecutive steps with the same key (typing a name is one step).
    void push(const QString &text,
              std::function<void()> redo,
              std::function<void()> undo,
              const QString &mergeKey = {});
    QModelIndex insertNew(const QString &text, Node *parent, std::unique_ptr<Node> node);
    /// Runs @p change on the template of @p object (a new one when it has none) and pushes the
    /// outcome as one undo step, unless nothing changed. Returns what @p change returned, or
    /// -1 when @p object cannot be changed or @p change returned -1.
    int changeSkeleton(const QModelIndex &object,
                       const QString &text,
                       const std::function<int(SkeletonTemplateDraft &)> &change,
                       const QString &mergeKey = {});
    void addSkeletonProblems(const Node *node, QList<Problem> &found) const;
    QVariant valueOf(const Node *node, int role) const;
    void notifyChanged(const Node *node);
    void notifyParentsOf(const Node *node);

    QString newHash(bool nested);
    void rememberHashes(const Node *node);
    void rememberHashes(const SkeletonTemplate &skeleton);
    void giveNewIdentity(Node *node, const QString &parentUid, int localId);
    static int nextChildLocalId(const Node *parent);

    std::unique_ptr<Node> m_root;
    OntologyStructure m_passThrough; ///< skeleton templates and unknown top-level keys
    QSet<QString> m_issuedHashes;
    QUndoStack *m_undoStack;
    bool m_readOnly = false;
};

} // namespace Encord
