#pragma once

#include "records/ontologystructure.h"

#include <QAbstractItemModel>

#include <memory>

namespace Encord {

/// One ontology structure as a read-only tree; no network.
///
/// Node tree (built at once by setStructure(); every node owns its children in row order):
///
///     root                                        QModelIndex()
///      ├── object "car" (polygon, #D33115)        rows 0…: objects, in order
///      │    └── attribute "colour" (radio)
///      │         ├── option "red"
///      │         │    └── attribute "shade" (text)    nested to any depth
///      │         └── option "blue"
///      └── classification "weather"              then classifications, named by their first
///           └── attribute "weather" (radio)      attribute
///                └── option "sunny"
///
/// internalPointer of an index is its node; parent() is O(1) (each node knows its row).
class OntologyStructureModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OntologyStructureModel)

public:
    enum Column {
        NameColumn,     ///< name, or an option's label; DecorationRole: an object's QColor
        KindColumn,     ///< "Object", "Classification", "Attribute", "Option"
        TypeColumn,     ///< an object's shape, an attribute's type, a classification's first
                        ///< attribute's type; empty for options
        RequiredColumn, ///< "Yes"/"No" for objects and attributes; empty otherwise
        ColumnCount,
    };
    Q_ENUM(Column)

    enum class Kind {
        Object,
        Classification,
        Attribute,
        Option,
    };
    Q_ENUM(Kind)

    enum Role {
        KindRole = Qt::UserRole + 1, ///< Kind, on every column
        FeatureNodeHashRole,         ///< QString, on every column
        IdRole,       ///< QString: local id ("1") or nested id ("1.2.1"), on every column
        RequiredRole, ///< bool (objects and attributes), on every column
        ColorRole,    ///< QColor (objects only), on every column
    };
    Q_ENUM(Role)

    explicit OntologyStructureModel(QObject *parent = nullptr);
    ~OntologyStructureModel() override;

    /// Shows @p structure instead of the current one (a model reset).
    void setStructure(const OntologyStructure &structure);
    const OntologyStructure &structure() const { return m_structure; }

    QModelIndex index(int row,
                      int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    /// Adds @p attributes under @p parent, their options and nested attributes recursively.
    static void addAttributes(Node *parent, const QList<OntologyAttribute> &attributes);

    OntologyStructure m_structure;
    std::unique_ptr<Node> m_root;
};

} // namespace Encord
