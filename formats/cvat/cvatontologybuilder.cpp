#include "cvatontologybuilder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <array>

namespace Encord::Cvat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CvatOntologyBuilder", text);
}

// Colours for labels that declare none, in the spirit of Encord's own palette.
constexpr std::array<const char *, 12> kPalette{"#D33115",
                                                "#E27300",
                                                "#16406C",
                                                "#FE9200",
                                                "#FCDC00",
                                                "#DBDF00",
                                                "#A4DD00",
                                                "#68CCCA",
                                                "#73D8FF",
                                                "#AEA1FF",
                                                "#FCC400",
                                                "#B0BC00"};

QString newHash()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

// The Encord shape a declared label type stands for when no shape uses the label.
QString shapeOfLabelType(const QString &type, bool boxesAsPolygons)
{
    if (type == QLatin1String("rectangle") || type == QLatin1String("bbox"))
        return boxesAsPolygons ? QStringLiteral("polygon") : QStringLiteral("bounding_box");
    if (type == QLatin1String("polygon") || type == QLatin1String("ellipse"))
        return QStringLiteral("polygon");
    if (type == QLatin1String("polyline"))
        return QStringLiteral("polyline");
    if (type == QLatin1String("points"))
        return QStringLiteral("point");
    if (type == QLatin1String("mask"))
        return QStringLiteral("bitmask");
    if (type == QLatin1String("skeleton"))
        return QStringLiteral("skeleton");
    return {};
}

} // namespace

const CvatOntologyBuilder::Option *CvatOntologyBuilder::Attribute::option(
    const QString &label) const
{
    for (const Option &candidate : options) {
        if (candidate.label == label)
            return &candidate;
    }
    return nullptr;
}

const CvatOntologyBuilder::Attribute *CvatOntologyBuilder::Object::attribute(
    const QString &name) const
{
    for (const Attribute &candidate : attributes) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const CvatOntologyBuilder::Attribute *CvatOntologyBuilder::Classification::attribute(
    const QString &name) const
{
    for (const Attribute &candidate : nested) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

CvatOntologyBuilder::CvatOntologyBuilder(bool boxesAsPolygons)
    : m_boxesAsPolygons(boxesAsPolygons)
{ }

QString CvatOntologyBuilder::encordShape(const CvatShape &shape, bool boxesAsPolygons)
{
    switch (shape.kind) {
    case CvatShape::Kind::Box:
        if (boxesAsPolygons)
            return QStringLiteral("polygon");
        return shape.rotation != 0 ? QStringLiteral("rotatable_bounding_box")
                                   : QStringLiteral("bounding_box");
    case CvatShape::Kind::Polygon:
    case CvatShape::Kind::Ellipse:
        return QStringLiteral("polygon");
    case CvatShape::Kind::Polyline:
        return QStringLiteral("polyline");
    case CvatShape::Kind::Points:
        return QStringLiteral("point");
    case CvatShape::Kind::Mask:
        return QStringLiteral("bitmask");
    case CvatShape::Kind::Skeleton:
        return QStringLiteral("skeleton");
    case CvatShape::Kind::Cuboid:
    case CvatShape::Kind::Tag:
        break;
    }
    return {};
}

QString CvatOntologyBuilder::valueOf(const QString &name)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    return name.toLower().replace(whitespace, QStringLiteral("_"));
}

bool CvatOntologyBuilder::survey(const CvatImage &image, const CvatExportInfo &info)
{
    bool changed = false;
    for (const CvatShape &shape : image.shapes) {
        if (!m_uses.contains(shape.label)) {
            m_useOrder.append(shape.label);
            changed = true;
        }
        LabelUse &use = m_uses[shape.label];
        if (shape.kind == CvatShape::Kind::Tag) {
            changed = changed || !use.tagged;
            use.tagged = true;
        } else {
            const QString encord = encordShape(shape, m_boxesAsPolygons);
            if (!encord.isEmpty() && !use.shapes.contains(encord)) {
                use.shapes.append(encord);
                changed = true;
            }
        }
        const CvatLabel *label = shape.attributes.isEmpty() ? nullptr : info.label(shape.label);
        for (const auto &[name, value] : shape.attributes) {
            auto it = std::find_if(use.attributeValues.begin(),
                                   use.attributeValues.end(),
                                   [&](const auto &entry) { return entry.first == name; });
            if (it == use.attributeValues.end()) {
                use.attributeValues.append({name, {}});
                it = use.attributeValues.end() - 1;
                changed = true;
            }
            if (it->second.contains(value))
                continue;
            it->second.append(value);
            // Only select and radio attributes turn the values they meet into options.
            const CvatAttributeSpec *spec = label ? label->attribute(name) : nullptr;
            using InputType = CvatAttributeSpec::InputType;
            if (spec
                && (spec->inputType == InputType::Select || spec->inputType == InputType::Radio))
                changed = true;
        }
        for (const CvatShape::Node &node : shape.nodes) {
            if (!use.skeletonNodes.contains(node.label)) {
                use.skeletonNodes.append(node.label);
                changed = true;
            }
        }
    }
    return changed;
}

QString CvatOntologyBuilder::hashOf(const QString &key) const
{
    QString &hash = m_hashes[key];
    if (hash.isEmpty())
        hash = newHash();
    return hash;
}

CvatOntologyBuilder::Attribute CvatOntologyBuilder::makeAttribute(const CvatAttributeSpec *spec,
                                                                  const QString &name,
                                                                  const QStringList &valuesSeen,
                                                                  const QString &idPrefix,
                                                                  int localId,
                                                                  const QString &ownerKey) const
{
    Attribute attribute;
    attribute.id = idPrefix + QString::number(localId);
    attribute.name = name;
    attribute.value = valueOf(name);
    const QString key = ownerKey + QStringLiteral("\x1f") + name;
    attribute.featureHash = hashOf(key);
    attribute.dynamic = spec && spec->isMutable;
    const auto addOption = [&](const QString &label) {
        if (label.isEmpty() || attribute.option(label))
            return;
        attribute.options.append(
            {attribute.id + QLatin1Char('.') + QString::number(attribute.options.size() + 1),
             label,
             valueOf(label),
             hashOf(key + QStringLiteral("\x1f=") + label)});
    };
    using InputType = CvatAttributeSpec::InputType;
    if (spec && (spec->inputType == InputType::Select || spec->inputType == InputType::Radio)) {
        attribute.type = QStringLiteral("radio");
        for (const QString &value : spec->values)
            addOption(value);
        addOption(spec->defaultValue);
        // Values the shapes use beyond the declared ones are kept as extra options.
        for (const QString &value : valuesSeen)
            addOption(value);
    } else if (spec && spec->inputType == InputType::Checkbox) {
        attribute.type = QStringLiteral("checklist");
        addOption(name);
    } else {
        // Numbers become text: the numeric type is unknown to SDKs before 0.1.174.
        attribute.type = QStringLiteral("text");
    }
    return attribute;
}

QList<CvatOntologyBuilder::Attribute> CvatOntologyBuilder::makeAttributes(
    const CvatLabel *label,
    const LabelUse &use,
    const QString &idPrefix,
    int firstLocalId,
    const QString &ownerKey) const
{
    QList<Attribute> attributes;
    const auto valuesSeen = [&](const QString &name) {
        for (const auto &[attribute, values] : use.attributeValues) {
            if (attribute == name)
                return values;
        }
        return QStringList();
    };
    if (label) {
        for (const CvatAttributeSpec &spec : label->attributes) {
            attributes.append(makeAttribute(&spec,
                                            spec.name,
                                            valuesSeen(spec.name),
                                            idPrefix,
                                            firstLocalId + int(attributes.size()),
                                            ownerKey));
        }
    }
    // Attributes the shapes carry without a declaration are kept as text.
    for (const auto &[name, values] : use.attributeValues) {
        if (label && label->attribute(name))
            continue;
        attributes.append(makeAttribute(
            nullptr, name, values, idPrefix, firstLocalId + int(attributes.size()), ownerKey));
    }
    return attributes;
}

void CvatOntologyBuilder::build(const CvatExportInfo &info, CvatProblemReport &report)
{
    m_objects.clear();
    m_classifications.clear();
    m_objectIndex.clear();
    m_templates.clear();

    // Declared top-level labels first (in their order), then labels only the shapes name.
    QStringList order;
    for (const CvatLabel &label : info.labels) {
        if (label.parent.isEmpty() && !order.contains(label.name))
            order.append(label.name);
    }
    for (const QString &name : std::as_const(m_useOrder)) {
        if (!order.contains(name))
            order.append(name);
    }

    int nextId = 1;
    int colour = 0;
    for (const QString &name : std::as_const(order)) {
        const CvatLabel *label = info.label(name);
        LabelUse use = m_uses.value(name);
        if (name.isEmpty()) {
            if (!use.shapes.isEmpty() || use.tagged)
                report.add(CvatProblem::Kind::EmptyLabel,
                           tr("Shapes with an empty label are not carried over: an ontology "
                              "object needs a name."));
            continue;
        }
        if (use.shapes.isEmpty() && !use.tagged && label) {
            const QString shape = shapeOfLabelType(label->type, m_boxesAsPolygons);
            if (!shape.isEmpty())
                use.shapes.append(shape);
            else if (label->type == QLatin1String("tag"))
                use.tagged = true;
        }
        const QString color = label && !label->color.isEmpty()
                                  ? label->color.toUpper()
                                  : QLatin1String(kPalette.at(colour % kPalette.size()));
        ++colour;
        if (use.shapes.isEmpty() && !use.tagged) {
            report.add(CvatProblem::Severity::Info,
                       CvatProblem::Kind::UnsupportedShape,
                       tr("Label \"%1\" is used by no shape and declares no shape type; it is "
                          "not added to the ontology.")
                           .arg(name),
                       QString(),
                       0);
            continue;
        }
        for (const QString &shape : std::as_const(use.shapes)) {
            Object object;
            object.id = nextId++;
            object.name = name;
            object.value = valueOf(name);
            object.color = color;
            object.shape = shape;
            const QString key =
                QStringLiteral("object\x1f") + name + QStringLiteral("\x1f") + shape;
            object.featureHash = hashOf(key);
            object.attributes =
                makeAttributes(label, use, QString::number(object.id) + QLatin1Char('.'), 1, key);
            if (shape == QLatin1String("skeleton")) {
                object.skeletonNodes = label ? label->skeletonNodes : QStringList();
                for (const QString &node : std::as_const(use.skeletonNodes)) {
                    if (!object.skeletonNodes.contains(node))
                        object.skeletonNodes.append(node);
                }
                QJsonObject nodes;
                QJsonObject edges;
                for (qsizetype i = 0; i < object.skeletonNodes.size(); ++i) {
                    const QString hash =
                        hashOf(key + QStringLiteral("\x1fnode\x1f") + object.skeletonNodes.at(i));
                    object.skeletonNodeHashes.append(hash);
                    object.skeletonNodeValues.append(valueOf(object.skeletonNodes.at(i)));
                    const QPointF position =
                        label && i < label->skeletonNodePositions.size()
                            ? label->skeletonNodePositions.at(i) / 100.0
                            : QPointF(double(i + 1) / double(object.skeletonNodes.size() + 1), 0.5);
                    nodes.insert(
                        QString::number(i),
                        QJsonObject{{QStringLiteral("x"), position.x()},
                                    {QStringLiteral("y"), position.y()},
                                    {QStringLiteral("name"), object.skeletonNodes.at(i)},
                                    {QStringLiteral("color"), QStringLiteral("#000000")},
                                    {QStringLiteral("value"), valueOf(object.skeletonNodes.at(i))},
                                    {QStringLiteral("featureHash"), hash}});
                }
                if (label) {
                    for (const auto &[from, to] : label->skeletonEdges) {
                        QJsonObject targets = edges.value(QString::number(from)).toObject();
                        targets.insert(QString::number(to),
                                       QJsonObject{{QStringLiteral("color"), color}});
                        edges.insert(QString::number(from), targets);
                    }
                }
                m_templates.append(
                    QJsonObject{{QStringLiteral("name"), name},
                                {QStringLiteral("width"), 1.0},
                                {QStringLiteral("height"), 1.0},
                                {QStringLiteral("skeleton"), nodes},
                                {QStringLiteral("skeletonEdges"), edges},
                                {QStringLiteral("feature_node_hash"),
                                 hashOf(key + QStringLiteral("\x1ftemplate"))},
                                {QStringLiteral("shape"), QStringLiteral("skeleton")}});
            }
            m_objectIndex.insert(name + QLatin1Char('\n') + shape, int(m_objects.size()));
            m_objects.append(object);
        }
    }
    // Classifications take ids after the objects so that every nested id is unique.
    for (const QString &name : std::as_const(order)) {
        const LabelUse use = m_uses.value(name);
        const CvatLabel *label = info.label(name);
        const bool tagType = label && label->type == QLatin1String("tag");
        if (name.isEmpty() || (!use.tagged && !(tagType && use.shapes.isEmpty())))
            continue;
        Classification classification;
        classification.id = nextId++;
        classification.label = name;
        const QString key = QStringLiteral("classification\x1f") + name;
        classification.featureHash = hashOf(key);
        const QString prefix = QString::number(classification.id) + QLatin1Char('.');
        classification.tag.id = prefix + QLatin1Char('1');
        classification.tag.name = name;
        classification.tag.value = valueOf(name);
        classification.tag.type = QStringLiteral("radio");
        classification.tag.featureHash = hashOf(key + QStringLiteral("\x1ftag"));
        const QString optionKey = key + QStringLiteral("\x1ftag\x1f=");
        classification.tag.options.append(
            {classification.tag.id + QStringLiteral(".1"), name, valueOf(name), hashOf(optionKey)});
        classification.nested = makeAttributes(
            label, use, classification.tag.options.first().id + QLatin1Char('.'), 1, optionKey);
        m_classifications.append(classification);
    }
}

QJsonObject CvatOntologyBuilder::attributeJson(const Attribute &attribute,
                                               const QList<Attribute> &nestedUnderFirstOption)
{
    QJsonObject json{{QStringLiteral("id"), attribute.id},
                     {QStringLiteral("name"), attribute.name},
                     {QStringLiteral("type"), attribute.type},
                     {QStringLiteral("featureNodeHash"), attribute.featureHash},
                     {QStringLiteral("required"), false},
                     {QStringLiteral("dynamic"), attribute.dynamic}};
    if (attribute.options.isEmpty())
        return json;
    QJsonArray options;
    for (qsizetype i = 0; i < attribute.options.size(); ++i) {
        const Option &option = attribute.options.at(i);
        QJsonObject optionJson{{QStringLiteral("id"), option.id},
                               {QStringLiteral("label"), option.label},
                               {QStringLiteral("value"), option.value},
                               {QStringLiteral("featureNodeHash"), option.featureHash}};
        if (i == 0 && !nestedUnderFirstOption.isEmpty()) {
            QJsonArray nested;
            for (const Attribute &child : nestedUnderFirstOption)
                nested.append(attributeJson(child));
            optionJson.insert(QStringLiteral("options"), nested);
        }
        options.append(optionJson);
    }
    json.insert(QStringLiteral("options"), options);
    return json;
}

QJsonObject CvatOntologyBuilder::structure() const
{
    QJsonArray objects;
    for (const Object &object : m_objects) {
        QJsonObject json{{QStringLiteral("id"), QString::number(object.id)},
                         {QStringLiteral("name"), object.name},
                         {QStringLiteral("color"), object.color},
                         {QStringLiteral("shape"), object.shape},
                         {QStringLiteral("featureNodeHash"), object.featureHash},
                         {QStringLiteral("required"), false}};
        if (!object.attributes.isEmpty()) {
            QJsonArray attributes;
            for (const Attribute &attribute : object.attributes)
                attributes.append(attributeJson(attribute));
            json.insert(QStringLiteral("attributes"), attributes);
        }
        objects.append(json);
    }
    QJsonArray classifications;
    for (const Classification &classification : m_classifications) {
        classifications.append(
            QJsonObject{{QStringLiteral("id"), QString::number(classification.id)},
                        {QStringLiteral("featureNodeHash"), classification.featureHash},
                        {QStringLiteral("attributes"),
                         QJsonArray{attributeJson(classification.tag, classification.nested)}}});
    }
    QJsonArray templates;
    for (const QJsonObject &skeleton : m_templates)
        templates.append(QJsonObject{{QStringLiteral("template"), skeleton}});
    return QJsonObject{{QStringLiteral("objects"), objects},
                       {QStringLiteral("classifications"), classifications},
                       {QStringLiteral("skeleton_templates"), templates}};
}

const CvatOntologyBuilder::Object *CvatOntologyBuilder::object(const QString &label,
                                                               const QString &shape) const
{
    const auto it = m_objectIndex.constFind(label + QLatin1Char('\n') + shape);
    return it == m_objectIndex.constEnd() ? nullptr : &m_objects.at(*it);
}

const CvatOntologyBuilder::Classification *CvatOntologyBuilder::classification(
    const QString &label) const
{
    for (const Classification &candidate : m_classifications) {
        if (candidate.label == label)
            return &candidate;
    }
    return nullptr;
}

} // namespace Encord::Cvat
