#include "ontologystructuremodel.h"

#include "modelformat.h"

#include <QColor>

#include <optional>
#include <vector>

namespace Encord {

struct OntologyStructureModel::Node
{
    Node *parent = nullptr;
    int row = 0;
    Kind kind = Kind::Object;
    QString name;
    QString type;
    std::optional<bool> required;
    QColor color;
    QString id;
    QString featureNodeHash;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(Kind childKind)
    {
        auto child = std::make_unique<Node>();
        child->parent = this;
        child->row = int(children.size());
        child->kind = childKind;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

OntologyStructureModel::OntologyStructureModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

OntologyStructureModel::~OntologyStructureModel() = default;

void OntologyStructureModel::setStructure(const OntologyStructure &structure)
{
    auto root = std::make_unique<Node>();
    for (const OntologyObject &object : structure.objects) {
        Node *node = root->add(Kind::Object);
        node->name = object.name;
        node->type = ModelFormat::shapeName(object.shape.value());
        node->required = object.required;
        node->color = QColor(object.color);
        node->id = QString::number(object.id);
        node->featureNodeHash = object.featureNodeHash;
        addAttributes(node, object.attributes);
    }
    for (const OntologyClassification &classification : structure.classifications) {
        Node *node = root->add(Kind::Classification);
        // A classification has no name of its own: the SDK shows its first attribute's.
        if (!classification.attributes.isEmpty()) {
            const OntologyAttribute &first = classification.attributes.first();
            node->name = first.name;
            node->type = ModelFormat::attributeTypeName(first.type.value());
        }
        node->id = QString::number(classification.id);
        node->featureNodeHash = classification.featureNodeHash;
        addAttributes(node, classification.attributes);
    }

    beginResetModel();
    m_structure = structure;
    m_root = std::move(root);
    endResetModel();
}

void OntologyStructureModel::addAttributes(Node *parent, const QList<OntologyAttribute> &attributes)
{
    for (const OntologyAttribute &attribute : attributes) {
        Node *node = parent->add(Kind::Attribute);
        node->name = attribute.name;
        node->type = ModelFormat::attributeTypeName(attribute.type.value());
        node->required = attribute.required;
        node->id = attribute.id;
        node->featureNodeHash = attribute.featureNodeHash;
        for (const OntologyOption &option : attribute.options) {
            Node *optionNode = node->add(Kind::Option);
            optionNode->name = option.label;
            optionNode->id = option.id;
            optionNode->featureNodeHash = option.featureNodeHash;
            addAttributes(optionNode, option.attributes);
        }
    }
}

QModelIndex OntologyStructureModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFor(parent)->children.at(size_t(row)).get());
}

QModelIndex OntologyStructureModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parent = nodeFor(child)->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, const_cast<Node *>(parent));
}

int OntologyStructureModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int OntologyStructureModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant OntologyStructureModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case KindColumn:
            switch (node->kind) {
            case Kind::Object:
                return tr("Object");
            case Kind::Classification:
                return tr("Classification");
            case Kind::Attribute:
                return tr("Attribute");
            case Kind::Option:
                return tr("Option");
            }
            return {};
        case TypeColumn:
            return node->type;
        case RequiredColumn:
            if (!node->required)
                return QString();
            return *node->required ? tr("Yes") : tr("No");
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn && node->color.isValid())
            return node->color;
        return {};
    case KindRole:
        return QVariant::fromValue(node->kind);
    case FeatureNodeHashRole:
        return node->featureNodeHash;
    case IdRole:
        return node->id;
    case RequiredRole:
        return node->required.value_or(false);
    case ColorRole:
        return node->color.isValid() ? QVariant(node->color) : QVariant();
    default:
        return {};
    }
}

QVariant OntologyStructureModel::headerData(int section,
                                            Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case TypeColumn:
        return tr("Type");
    case RequiredColumn:
        return tr("Required");
    default:
        return {};
    }
}

QHash<int, QByteArray> OntologyStructureModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(FeatureNodeHashRole, "featureNodeHash");
    names.insert(IdRole, "id");
    names.insert(RequiredRole, "required");
    names.insert(ColorRole, "color");
    return names;
}

OntologyStructureModel::Node *OntologyStructureModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

} // namespace Encord
