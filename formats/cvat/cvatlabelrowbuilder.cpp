#include "cvatlabelrowbuilder.h"

#include "cvatrle.h"

#include <QCoreApplication>

#include <cmath>
#include <numbers>

namespace Encord::Cvat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CvatLabelRowBuilder", text);
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

// One {"name", "value", "featureHash"} answer naming an option.
void writeOption(CvatJsonWriter &json, const CvatOntologyBuilder::Option &option)
{
    json.beginObject();
    json.member("name", QStringView(option.label));
    json.member("value", QStringView(option.value));
    json.member("featureHash", QStringView(option.featureHash));
    json.endObject();
}

} // namespace

CvatLabelRowBuilder::CvatLabelRowBuilder(const CvatOntologyBuilder &ontology, bool boxesAsPolygons)
    : m_ontology(ontology)
    , m_boxesAsPolygons(boxesAsPolygons)
    , m_random(QRandomGenerator::system()->generate())
{ }

QString CvatLabelRowBuilder::newHash()
{
    return QString::number(m_random.generate(), 16).rightJustified(8, QLatin1Char('0'));
}

QByteArray CvatLabelRowBuilder::cocoRle(const CvatShape &mask, int imageWidth, int imageHeight)
{
    const qint64 area = qint64(std::max(0, imageWidth)) * std::max(0, imageHeight);
    QByteArray text;
    // Each count (from the fourth on, as the difference to the count two before) is written
    // in 5-bit groups, least significant first: bit 0x20 says more groups follow, bit 0x10 of
    // the last group carries the sign, and 48 is added to make a printable character.
    qsizetype counts = 0;
    qint64 last = 0;
    qint64 beforeLast = 0;
    const auto put = [&](qint64 count) {
        qint64 value = counts > 2 ? count - beforeLast : count;
        bool more = true;
        while (more) {
            qint64 group = value & 0x1f;
            value >>= 5;
            more = (group & 0x10) ? value != -1 : value != 0;
            if (more)
                group |= 0x20;
            text.append(char(group + 48));
        }
        beforeLast = last;
        last = count;
        ++counts;
    };

    // Foreground spans of the image in row-major order, merged when they touch; each is
    // written as the background before it and its own length.
    qint64 written = 0; ///< image position after the last span written
    qint64 spanStart = -1;
    qint64 spanEnd = 0;
    const auto flush = [&] {
        if (spanStart < 0)
            return;
        put(spanStart - written);
        put(spanEnd - spanStart);
        written = spanEnd;
    };
    const auto foreground = [&](qint64 from, qint64 to) {
        if (spanStart >= 0 && from == spanEnd) {
            spanEnd = to;
            return;
        }
        flush();
        spanStart = from;
        spanEnd = to;
    };

    const qint64 maskWidth = mask.maskWidth;
    // A rectangle whose runs overflow it decodes to nothing, as CvatRle::decode() does.
    if (maskWidth > 0 && mask.maskHeight > 0 && area > 0
        && CvatRle::fit(mask.rle, mask.maskWidth, mask.maskHeight) != CvatRle::Fit::Long) {
        qint64 position = 0;
        bool set = false;
        for (const quint32 run : mask.rle) {
            // A run of set pixels, cut at the rectangle's rows and clipped to the image.
            for (qint64 p = position, stop = position + run; set && p < stop;) {
                const qint64 row = p / maskWidth;
                const qint64 column = p % maskWidth;
                const qint64 rowStop = std::min(stop, (row + 1) * maskWidth);
                const qint64 y = mask.maskTop + row;
                if (y >= 0 && y < imageHeight) {
                    const qint64 x0 = std::max<qint64>(0, mask.maskLeft + column);
                    const qint64 x1 =
                        std::min<qint64>(imageWidth, mask.maskLeft + column + (rowStop - p));
                    if (x0 < x1)
                        foreground(y * imageWidth + x0, y * imageWidth + x1);
                }
                p = rowStop;
            }
            position += run;
            set = !set;
        }
    }
    flush();
    // The background after the last span; a row that ends on the foreground has none.
    if (written < area || counts == 0)
        put(area - written);
    return text;
}

void CvatLabelRowBuilder::writeAnswers(CvatJsonWriter &json,
                                       const QList<CvatOntologyBuilder::Attribute> &attributes,
                                       const CvatShape &shape) const
{
    const bool manual = shape.source != QLatin1String("auto");
    for (const CvatOntologyBuilder::Attribute &attribute : attributes) {
        const std::optional<QString> value = shape.attribute(attribute.name);
        if (!value)
            continue;
        const CvatOntologyBuilder::Option *option = nullptr;
        const bool text = attribute.type == QLatin1String("text");
        const bool checklist = attribute.type == QLatin1String("checklist");
        if (!text && !checklist) {
            option = attribute.option(*value);
            if (!option)
                continue;
        }
        json.beginObject();
        json.member("name", QStringView(attribute.name));
        json.member("value", QStringView(attribute.value));
        json.member("featureHash", QStringView(attribute.featureHash));
        json.member("manualAnnotation", manual);
        // A dynamic (CVAT "mutable") answer holds for a range of frames; an image's label row
        // has the one frame 0. The SDK requires the range when it reads the answer.
        if (attribute.dynamic)
            json.raw(R"("range":[[0,0]])");
        json.key("answers");
        if (text) {
            json.value(QStringView(*value));
        } else if (checklist) {
            json.beginArray();
            if (value->compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                writeOption(json, attribute.options.first());
            json.endArray();
        } else {
            json.beginArray();
            writeOption(json, *option);
            json.endArray();
        }
        json.endObject();
    }
}

QByteArray CvatLabelRowBuilder::build(const CvatImage &image,
                                      const Target &target,
                                      CvatProblemReport &report)
{
    m_objects = 0;
    m_classifications = 0;
    const int width = image.width > 0 ? image.width : target.width;
    const int height = image.height > 0 ? image.height : target.height;
    const auto point = [&](CvatJsonWriter &json, const QPointF &p) {
        json.member("x", p.x() / width);
        json.member("y", p.y() / height);
    };
    const auto pointMap = [&](CvatJsonWriter &json, const QList<QPointF> &points) {
        json.beginObject();
        for (qsizetype i = 0; i < points.size(); ++i) {
            json.key(QStringView(QString::number(i)));
            json.beginObject();
            point(json, points.at(i));
            json.endObject();
        }
        json.endObject();
    };
    const auto skip = [&](const CvatShape &shape, const QString &message) {
        report.add(CvatProblem::Kind::UnsupportedShape, message, image.name, shape.line);
    };

    CvatJsonWriter &objects = m_objectsJson;
    CvatJsonWriter &classifications = m_classificationsJson;
    CvatJsonWriter &objectAnswers = m_objectAnswersJson;
    CvatJsonWriter &classificationAnswers = m_classificationAnswersJson;
    for (CvatJsonWriter *json :
         {&objects, &classifications, &objectAnswers, &classificationAnswers})
        json->clear();
    objects.beginArray();
    classifications.beginArray();
    objectAnswers.beginObject();
    classificationAnswers.beginObject();

    for (const CvatShape &shape : image.shapes) {
        if (shape.label.isEmpty())
            continue; // reported by the reader and by the ontology builder
        const bool manual = shape.source != QLatin1String("auto");
        if (shape.kind == CvatShape::Kind::Tag) {
            const CvatOntologyBuilder::Classification *classification =
                m_ontology.classification(shape.label);
            if (!classification)
                continue;
            const QString hash = newHash();
            classifications.beginObject();
            classifications.member("name", QStringView(classification->tag.name));
            classifications.member("value", QStringView(classification->tag.value));
            classifications.member("createdAt", QStringView(target.createdAt));
            classifications.member("createdBy", QStringView(target.createdBy));
            classifications.member("confidence", 1.0);
            classifications.member("featureHash", QStringView(classification->featureHash));
            classifications.member("classificationHash", QStringView(hash));
            classifications.member("manualAnnotation", manual);
            classifications.endObject();

            classificationAnswers.key(QStringView(hash));
            classificationAnswers.beginObject();
            classificationAnswers.member("classificationHash", QStringView(hash));
            classificationAnswers.member("featureHash", QStringView(classification->featureHash));
            classificationAnswers.key("classifications");
            classificationAnswers.beginArray();
            classificationAnswers.beginObject();
            classificationAnswers.member("name", QStringView(classification->tag.name));
            classificationAnswers.member("value", QStringView(classification->tag.value));
            classificationAnswers.key("answers");
            classificationAnswers.beginArray();
            writeOption(classificationAnswers, classification->tag.options.first());
            classificationAnswers.endArray();
            classificationAnswers.member("featureHash",
                                         QStringView(classification->tag.featureHash));
            classificationAnswers.member("manualAnnotation", true);
            classificationAnswers.endObject();
            writeAnswers(classificationAnswers, classification->nested, shape);
            classificationAnswers.endArray();
            classificationAnswers.endObject();
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

        // One Encord object; @p geometry writes its shape's key and value.
        const auto writeObject = [&](const auto &geometry) {
            const QString hash = newHash();
            objects.beginObject();
            objects.member("name", QStringView(object->name));
            objects.member("color", QStringView(object->color));
            objects.member("shape", QStringView(object->shape));
            objects.member("value", QStringView(object->value));
            objects.member("createdAt", QStringView(target.createdAt));
            objects.member("createdBy", QStringView(target.createdBy));
            objects.member("confidence", 1.0);
            objects.member("objectHash", QStringView(hash));
            objects.member("featureHash", QStringView(object->featureHash));
            objects.member("manualAnnotation", manual);
            geometry(objects);
            // What Encord has no field for, kept so that nothing is lost on the way back.
            objects.key("cvat");
            objects.beginObject();
            objects.member("kind", QStringView(CvatShape::elementName(shape.kind)));
            objects.member("occluded", shape.occluded);
            objects.member("zOrder", shape.zOrder);
            objects.member("groupId", shape.groupId);
            objects.member("source", QStringView(shape.source));
            objects.member("rotation", shape.rotation);
            objects.endObject();
            objects.endObject();

            objectAnswers.key(QStringView(hash));
            objectAnswers.beginObject();
            objectAnswers.member("objectHash", QStringView(hash));
            objectAnswers.key("classifications");
            objectAnswers.beginArray();
            writeAnswers(objectAnswers, object->attributes, shape);
            objectAnswers.endArray();
            objectAnswers.endObject();
            ++m_objects;
        };
        const auto polygonOf = [&](const QList<QPointF> &points) {
            return [&, points](CvatJsonWriter &json) {
                json.key("polygon");
                pointMap(json, points);
            };
        };

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
                writeObject(polygonOf(corners));
                break;
            }
            writeObject([&](CvatJsonWriter &json) {
                if (shape.rotation != 0)
                    json.key("rotatableBoundingBox");
                else
                    json.key("boundingBox");
                json.beginObject();
                json.member("x", topLeft.x() / width);
                json.member("y", topLeft.y() / height);
                json.member("w", (bottomRight.x() - topLeft.x()) / width);
                json.member("h", (bottomRight.y() - topLeft.y()) / height);
                if (shape.rotation != 0)
                    json.member("theta", shape.rotation);
                json.endObject();
            });
            break;
        }
        case CvatShape::Kind::Polygon:
            writeObject(polygonOf(shape.points));
            break;
        case CvatShape::Kind::Ellipse: {
            QList<QPointF> outline;
            outline.reserve(kEllipseVertices);
            const QPointF centre = shape.points.first();
            for (int i = 0; i < kEllipseVertices; ++i) {
                const double t = 2 * std::numbers::pi * i / kEllipseVertices;
                outline.append(rotated(
                    centre + QPointF(shape.radii.x() * std::cos(t), shape.radii.y() * std::sin(t)),
                    centre,
                    shape.rotation));
            }
            writeObject(polygonOf(outline));
            report.add(CvatProblem::Severity::Info,
                       CvatProblem::Kind::UnsupportedShape,
                       tr("The ellipse becomes a polygon of %1 points.").arg(kEllipseVertices),
                       image.name,
                       shape.line);
            break;
        }
        case CvatShape::Kind::Polyline:
            writeObject([&](CvatJsonWriter &json) {
                json.key("polyline");
                pointMap(json, shape.points);
            });
            break;
        case CvatShape::Kind::Points:
            for (const QPointF &p : shape.points) {
                writeObject([&](CvatJsonWriter &json) {
                    json.key("point");
                    pointMap(json, {p});
                });
            }
            if (shape.points.size() > 1)
                report.add(CvatProblem::Severity::Info,
                           CvatProblem::Kind::UnsupportedShape,
                           tr("A points shape of %1 points becomes %1 point objects.")
                               .arg(shape.points.size()),
                           image.name,
                           shape.line);
            break;
        case CvatShape::Kind::Mask:
            writeObject([&](CvatJsonWriter &json) {
                json.key("bitmask");
                json.beginObject();
                json.member("top", 0);
                json.member("left", 0);
                json.member("width", width);
                json.member("height", height);
                json.member("rleString",
                            QStringView(QString::fromLatin1(cocoRle(shape, width, height))));
                json.endObject();
            });
            break;
        case CvatShape::Kind::Skeleton:
            writeObject([&](CvatJsonWriter &json) {
                json.key("skeleton");
                json.beginObject();
                int index = 0;
                for (qsizetype i = 0; i < object->skeletonNodes.size(); ++i) {
                    const QString &name = object->skeletonNodes.at(i);
                    const auto node = std::find_if(shape.nodes.cbegin(),
                                                   shape.nodes.cend(),
                                                   [&](const auto &n) { return n.label == name; });
                    if (node == shape.nodes.cend() || node->outside)
                        continue;
                    json.key(QStringView(QString::number(index++)));
                    json.beginObject();
                    point(json, node->point);
                    json.member("name", QStringView(name));
                    json.member("color", "#000000");
                    json.member("value", QStringView(object->skeletonNodeValues.at(i)));
                    json.member("featureHash", QStringView(object->skeletonNodeHashes.at(i)));
                    json.endObject();
                }
                json.endObject();
            });
            break;
        case CvatShape::Kind::Cuboid:
        case CvatShape::Kind::Tag:
            break;
        }
    }
    objects.endArray();
    classifications.endArray();
    objectAnswers.endObject();
    classificationAnswers.endObject();

    const bool labelled = m_objects > 0 || m_classifications > 0;
    m_status = labelled ? target.labelStatus : QStringLiteral("NOT_LABELLED");
    CvatJsonWriter row;
    row.beginObject();
    row.member("label_hash", QStringView(target.labelHash));
    row.member("branch_name", "main");
    row.member("created_at", QStringView(target.createdAt));
    row.member("last_edited_at", QStringView(target.createdAt));
    row.member("data_hash", QStringView(target.dataHash));
    row.member("dataset_hash", QStringView(target.datasetHash));
    row.member("dataset_title", QStringView(target.datasetTitle));
    row.member("data_title", QStringView(target.dataTitle));
    row.member("data_type", "image");
    row.key("annotation_task_status");
    row.null();
    row.member("is_shadow_data", false);
    row.key("object_answers");
    row.raw(objectAnswers.text());
    row.key("classification_answers");
    row.raw(classificationAnswers.text());
    row.key("object_actions");
    row.raw("{}");
    row.member("label_status", QStringView(m_status));
    row.key("data_units");
    row.beginObject();
    row.key(QStringView(target.dataHash));
    row.beginObject();
    row.member("data_hash", QStringView(target.dataHash));
    row.member("data_title", QStringView(target.dataTitle));
    row.member("data_link", QStringView(target.dataLink));
    row.member("data_type", QStringView(target.fileType));
    row.member("data_sequence", 0);
    row.member("width", width);
    row.member("height", height);
    row.key("labels");
    row.beginObject();
    row.key("objects");
    row.raw(objects.text());
    row.key("classifications");
    row.raw(classifications.text());
    row.endObject();
    row.endObject();
    row.endObject();
    row.endObject();
    return row.take();
}

} // namespace Encord::Cvat
