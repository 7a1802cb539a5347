#include "cvatlabelrowbuilder.h"

#include "cvatrle.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

#include <cmath>
#include <numbers>

namespace Encord::Cvat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CvatLabelRowBuilder", text);
}

QString newHash()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

// Points rotated by @p degrees about @p centre; clockwise on screen (y points down).
QPointF rotated(const QPointF &point, const QPointF &centre, double degrees)
{
    const double radians = degrees * std::numbers::pi / 180.0;
    const QPointF d = point - centre;
    return centre
           + QPointF(d.x() * std::cos(radians) - d.y() * std::sin(radians),
                     d.x() * std::sin(radians) + d.y() * std::cos(radians));
}

constexpr int kEllipseVertices = 32;

} // namespace

CvatLabelRowBuilder::CvatLabelRowBuilder(const CvatOntologyBuilder &ontology, bool boxesAsPolygons)
    : m_ontology(ontology)
    , m_boxesAsPolygons(boxesAsPolygons)
{ }

QString CvatLabelRowBuilder::cocoRleString(const QList<quint32> &runs)
{
    // Each count (from the third on, as the difference to the count two before) is written
    // in 5-bit groups, least significant first: bit 0x20 says more groups follow, bit 0x10 of
    // the last group carries the sign, and 48 is added to make a printable character.
    QString text;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        qint64 value = runs.at(i);
        if (i > 2)
            value -= runs.at(i - 2);
        bool more = true;
        while (more) {
            qint64 group = value & 0x1f;
            value >>= 5;
            more = (group & 0x10) ? value != -1 : value != 0;
            if (more)
                group |= 0x20;
            text.append(QChar(char16_t(group + 48)));
        }
    }
    return text;
}

QList<quint32> CvatLabelRowBuilder::fullImageRuns(const CvatShape &mask,
                                                  int imageWidth,
                                                  int imageHeight)
{
    const QByteArray rectangle = CvatRle::decode(mask.rle, mask.maskWidth, mask.maskHeight);
    QList<quint32> runs;
    bool set = false;
    quint32 run = 0;
    const auto pixel = [&](bool on) {
        if (on != set) {
            runs.append(run);
            run = 0;
            set = on;
        }
        ++run;
    };
    for (int y = 0; y < imageHeight; ++y) {
        const int row = y - mask.maskTop;
        for (int x = 0; x < imageWidth; ++x) {
            const int column = x - mask.maskLeft;
            const bool inside = row >= 0 && row < mask.maskHeight && column >= 0
                                && column < mask.maskWidth && !rectangle.isEmpty();
            pixel(inside && rectangle.at(qsizetype(row) * mask.maskWidth + column) != 0);
        }
    }
    runs.append(run);
    return runs;
}

QJsonArray CvatLabelRowBuilder::answers(const QList<CvatOntologyBuilder::Attribute> &attributes,
                                        const CvatShape &shape) const
{
    QJsonArray result;
    for (const CvatOntologyBuilder::Attribute &attribute : attributes) {
        const std::optional<QString> value = shape.attribute(attribute.name);
        if (!value)
            continue;
        QJsonObject answer{
            {QStringLiteral("name"), attribute.name},
            {QStringLiteral("value"), CvatOntologyBuilder::valueOf(attribute.name)},
            {QStringLiteral("featureHash"), attribute.featureHash},
            {QStringLiteral("manualAnnotation"), shape.source != QLatin1String("auto")}};
        // A dynamic (CVAT "mutable") answer holds for a range of frames; an image's label row
        // has the one frame 0. The SDK requires the range when it reads the answer.
        if (attribute.dynamic)
            answer.insert(QStringLiteral("range"), QJsonArray{QJsonArray{0, 0}});
        if (attribute.type == QLatin1String("text")) {
            answer.insert(QStringLiteral("answers"), *value);
        } else if (attribute.type == QLatin1String("checklist")) {
            QJsonArray checked;
            if (value->compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
                const CvatOntologyBuilder::Option &option = attribute.options.first();
                checked.append(QJsonObject{{QStringLiteral("name"), option.label},
                                           {QStringLiteral("value"), option.value},
                                           {QStringLiteral("featureHash"), option.featureHash}});
            }
            answer.insert(QStringLiteral("answers"), checked);
        } else {
            const CvatOntologyBuilder::Option *option = attribute.option(*value);
            if (!option)
                continue;
            answer.insert(
                QStringLiteral("answers"),
                QJsonArray{QJsonObject{{QStringLiteral("name"), option->label},
                                       {QStringLiteral("value"), option->value},
                                       {QStringLiteral("featureHash"), option->featureHash}}});
        }
        result.append(answer);
    }
    return result;
}

QJsonObject CvatLabelRowBuilder::build(const CvatImage &image,
                                       const Target &target,
                                       CvatProblemReport &report)
{
    m_objects = 0;
    m_classifications = 0;
    const int width = image.width > 0 ? image.width : target.width;
    const int height = image.height > 0 ? image.height : target.height;
    const auto normalised = [&](const QPointF &p) {
        return QJsonObject{{QStringLiteral("x"), p.x() / width},
                           {QStringLiteral("y"), p.y() / height}};
    };
    const auto pointMap = [&](const QList<QPointF> &points) {
        QJsonObject map;
        for (qsizetype i = 0; i < points.size(); ++i)
            map.insert(QString::number(i), normalised(points.at(i)));
        return map;
    };
    const auto skip = [&](const CvatShape &shape, const QString &message) {
        report.add(CvatProblem::Kind::UnsupportedShape, message, image.name, shape.line);
    };

    QJsonArray objects;
    QJsonArray classifications;
    QJsonObject objectAnswers;
    QJsonObject classificationAnswers;
    for (const CvatShape &shape : image.shapes) {
        if (shape.label.isEmpty())
            continue; // reported by the reader and by the ontology builder
        if (shape.kind == CvatShape::Kind::Tag) {
            const CvatOntologyBuilder::Classification *classification =
                m_ontology.classification(shape.label);
            if (!classification)
                continue;
            const QString hash = newHash();
            const CvatOntologyBuilder::Option &option = classification->tag.options.first();
            classifications.append(QJsonObject{
                {QStringLiteral("name"), classification->tag.name},
                {QStringLiteral("value"), CvatOntologyBuilder::valueOf(shape.label)},
                {QStringLiteral("createdAt"), target.createdAt},
                {QStringLiteral("createdBy"), target.createdBy},
                {QStringLiteral("confidence"), 1.0},
                {QStringLiteral("featureHash"), classification->featureHash},
                {QStringLiteral("classificationHash"), hash},
                {QStringLiteral("manualAnnotation"), shape.source != QLatin1String("auto")}});
            QJsonArray answerList{QJsonObject{
                {QStringLiteral("name"), classification->tag.name},
                {QStringLiteral("value"), CvatOntologyBuilder::valueOf(classification->tag.name)},
                {QStringLiteral("answers"),
                 QJsonArray{QJsonObject{{QStringLiteral("name"), option.label},
                                        {QStringLiteral("value"), option.value},
                                        {QStringLiteral("featureHash"), option.featureHash}}}},
                {QStringLiteral("featureHash"), classification->tag.featureHash},
                {QStringLiteral("manualAnnotation"), true}}};
            for (const QJsonValue &nested : answers(classification->nested, shape))
                answerList.append(nested);
            classificationAnswers.insert(
                hash,
                QJsonObject{{QStringLiteral("classificationHash"), hash},
                            {QStringLiteral("featureHash"), classification->featureHash},
                            {QStringLiteral("classifications"), answerList}});
            ++m_classifications;
            continue;
        }
        const QString shapeName = CvatOntologyBuilder::encordShape(shape, m_boxesAsPolygons);
        if (shapeName.isEmpty()) {
            skip(shape,
                 tr("A %1 cannot be carried over: Encord has no matching 2D shape for it.")
                     .arg(CvatShape::elementName(shape.kind)));
            continue;
        }
        const CvatOntologyBuilder::Object *object = m_ontology.object(shape.label, shapeName);
        if (!object)
            continue;
        if (width <= 0 || height <= 0) {
            skip(shape,
                 tr("The image size is unknown, so the %1 cannot be placed.")
                     .arg(CvatShape::elementName(shape.kind)));
            continue;
        }

        // One geometry per Encord object; CVAT points shapes become one point object each.
        QList<QPair<QString, QJsonValue>> geometries;
        switch (shape.kind) {
        case CvatShape::Kind::Box: {
            const QPointF topLeft = shape.points.at(0);
            const QPointF bottomRight = shape.points.at(1);
            const QPointF centre = (topLeft + bottomRight) / 2;
            if (m_boxesAsPolygons) {
                QList<QPointF> corners{topLeft,
                                       QPointF(bottomRight.x(), topLeft.y()),
                                       bottomRight,
                                       QPointF(topLeft.x(), bottomRight.y())};
                for (QPointF &corner : corners)
                    corner = rotated(corner, centre, shape.rotation);
                geometries.append({QStringLiteral("polygon"), pointMap(corners)});
                break;
            }
            QJsonObject box{{QStringLiteral("x"), topLeft.x() / width},
                            {QStringLiteral("y"), topLeft.y() / height},
                            {QStringLiteral("w"), (bottomRight.x() - topLeft.x()) / width},
                            {QStringLiteral("h"), (bottomRight.y() - topLeft.y()) / height}};
            if (shape.rotation != 0) {
                box.insert(QStringLiteral("theta"), shape.rotation);
                geometries.append({QStringLiteral("rotatableBoundingBox"), box});
            } else {
                geometries.append({QStringLiteral("boundingBox"), box});
            }
            break;
        }
        case CvatShape::Kind::Polygon:
            geometries.append({QStringLiteral("polygon"), pointMap(shape.points)});
            break;
        case CvatShape::Kind::Ellipse: {
            QList<QPointF> outline;
            const QPointF centre = shape.points.first();
            for (int i = 0; i < kEllipseVertices; ++i) {
                const double t = 2 * std::numbers::pi * i / kEllipseVertices;
                outline.append(rotated(
                    centre + QPointF(shape.radii.x() * std::cos(t), shape.radii.y() * std::sin(t)),
                    centre,
                    shape.rotation));
            }
            geometries.append({QStringLiteral("polygon"), pointMap(outline)});
            report.add(CvatProblem::Severity::Info,
                       CvatProblem::Kind::UnsupportedShape,
                       tr("The ellipse becomes a polygon of %1 points.").arg(kEllipseVertices),
                       image.name,
                       shape.line);
            break;
        }
        case CvatShape::Kind::Polyline:
            geometries.append({QStringLiteral("polyline"), pointMap(shape.points)});
            break;
        case CvatShape::Kind::Points:
            for (const QPointF &point : shape.points)
                geometries.append({QStringLiteral("point"), pointMap({point})});
            if (shape.points.size() > 1)
                report.add(CvatProblem::Severity::Info,
                           CvatProblem::Kind::UnsupportedShape,
                           tr("A points shape of %1 points becomes %1 point objects.")
                               .arg(shape.points.size()),
                           image.name,
                           shape.line);
            break;
        case CvatShape::Kind::Mask:
            geometries.append({QStringLiteral("bitmask"),
                               QJsonObject{{QStringLiteral("top"), 0},
                                           {QStringLiteral("left"), 0},
                                           {QStringLiteral("width"), width},
                                           {QStringLiteral("height"), height},
                                           {QStringLiteral("rleString"),
                                            cocoRleString(fullImageRuns(shape, width, height))}}});
            break;
        case CvatShape::Kind::Skeleton: {
            QJsonObject nodes;
            int index = 0;
            for (qsizetype i = 0; i < object->skeletonNodes.size(); ++i) {
                const QString &name = object->skeletonNodes.at(i);
                const auto node = std::find_if(shape.nodes.cbegin(),
                                               shape.nodes.cend(),
                                               [&](const auto &n) { return n.label == name; });
                if (node == shape.nodes.cend() || node->outside)
                    continue;
                QJsonObject json = normalised(node->point);
                json.insert(QStringLiteral("name"), name);
                json.insert(QStringLiteral("color"), QStringLiteral("#000000"));
                json.insert(QStringLiteral("value"), CvatOntologyBuilder::valueOf(name));
                json.insert(QStringLiteral("featureHash"), object->skeletonNodeHashes.at(i));
                nodes.insert(QString::number(index++), json);
            }
            geometries.append({QStringLiteral("skeleton"), nodes});
            break;
        }
        case CvatShape::Kind::Cuboid:
        case CvatShape::Kind::Tag:
            break;
        }

        for (const auto &[key, geometry] : geometries) {
            const QString hash = newHash();
            QJsonObject json{
                {QStringLiteral("name"), object->name},
                {QStringLiteral("color"), object->color},
                {QStringLiteral("shape"), object->shape},
                {QStringLiteral("value"), CvatOntologyBuilder::valueOf(object->name)},
                {QStringLiteral("createdAt"), target.createdAt},
                {QStringLiteral("createdBy"), target.createdBy},
                {QStringLiteral("confidence"), 1.0},
                {QStringLiteral("objectHash"), hash},
                {QStringLiteral("featureHash"), object->featureHash},
                {QStringLiteral("manualAnnotation"), shape.source != QLatin1String("auto")},
                {key, geometry},
                // What Encord has no field for, kept so that nothing is lost on the way back.
                {QStringLiteral("cvat"),
                 QJsonObject{{QStringLiteral("kind"), CvatShape::elementName(shape.kind)},
                             {QStringLiteral("occluded"), shape.occluded},
                             {QStringLiteral("zOrder"), shape.zOrder},
                             {QStringLiteral("groupId"), shape.groupId},
                             {QStringLiteral("source"), shape.source},
                             {QStringLiteral("rotation"), shape.rotation}}}};
            objects.append(json);
            objectAnswers.insert(hash,
                                 QJsonObject{{QStringLiteral("objectHash"), hash},
                                             {QStringLiteral("classifications"),
                                              answers(object->attributes, shape)}});
            ++m_objects;
        }
    }

    const bool labelled = m_objects > 0 || m_classifications > 0;
    QJsonObject dataUnit{{QStringLiteral("data_hash"), target.dataHash},
                         {QStringLiteral("data_title"), target.dataTitle},
                         {QStringLiteral("data_link"), target.dataLink},
                         {QStringLiteral("data_type"), target.fileType},
                         {QStringLiteral("data_sequence"), 0},
                         {QStringLiteral("width"), width},
                         {QStringLiteral("height"), height},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("objects"), objects},
                                      {QStringLiteral("classifications"), classifications}}}};
    return QJsonObject{{QStringLiteral("label_hash"), target.labelHash},
                       {QStringLiteral("branch_name"), QStringLiteral("main")},
                       {QStringLiteral("created_at"), target.createdAt},
                       {QStringLiteral("last_edited_at"), target.createdAt},
                       {QStringLiteral("data_hash"), target.dataHash},
                       {QStringLiteral("dataset_hash"), target.datasetHash},
                       {QStringLiteral("dataset_title"), target.datasetTitle},
                       {QStringLiteral("data_title"), target.dataTitle},
                       {QStringLiteral("data_type"), QStringLiteral("image")},
                       {QStringLiteral("annotation_task_status"), QJsonValue::Null},
                       {QStringLiteral("is_shadow_data"), false},
                       {QStringLiteral("object_answers"), objectAnswers},
                       {QStringLiteral("classification_answers"), classificationAnswers},
                       {QStringLiteral("object_actions"), QJsonObject()},
                       {QStringLiteral("label_status"),
                        labelled ? target.labelStatus : QStringLiteral("NOT_LABELLED")},
                       {QStringLiteral("data_units"), QJsonObject{{target.dataHash, dataUnit}}}};
}

} // namespace Encord::Cvat
