#include "labelrowpainter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>

namespace Encord {

namespace {

const QLatin1String kShapes[] = {QLatin1String("boundingBox"),
                                 QLatin1String("rotatableBoundingBox"),
                                 QLatin1String("polygon"),
                                 QLatin1String("polyline"),
                                 QLatin1String("point"),
                                 QLatin1String("skeleton"),
                                 QLatin1String("bitmask")};

QJsonArray objectsOf(const LabelRow &row)
{
    return row.firstDataUnit()
        .value(QLatin1String("labels"))
        .toObject()
        .value(QLatin1String("objects"))
        .toArray();
}

// A point map {"0": {x, y}, "1": …} (or an array of points) in index order, scaled to @p size.
QPolygonF pointsOf(const QJsonValue &value, const QSizeF &size)
{
    QList<std::pair<int, QJsonObject>> ordered;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            ordered.append({int(i), array.at(i).toObject()});
    } else {
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            ordered.append({it.key().toInt(), it.value().toObject()});
        std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
            return a.first < b.first;
        });
    }
    QPolygonF polygon;
    for (const auto &[index, point] : ordered) {
        Q_UNUSED(index)
        polygon.append(QPointF(point.value(QLatin1String("x")).toDouble() * size.width(),
                               point.value(QLatin1String("y")).toDouble() * size.height()));
    }
    return polygon;
}

QRectF boxOf(const QJsonObject &box, const QSizeF &size)
{
    return QRectF(box.value(QLatin1String("x")).toDouble() * size.width(),
                  box.value(QLatin1String("y")).toDouble() * size.height(),
                  box.value(QLatin1String("w")).toDouble() * size.width(),
                  box.value(QLatin1String("h")).toDouble() * size.height());
}

} // namespace

LabelRowPainter::LabelRowPainter(QHash<QString, QColor> colours)
    : m_colours(std::move(colours))
{ }

QColor LabelRowPainter::colourOf(const QJsonObject &object) const
{
    const QColor ontology = m_colours.value(object.value(QLatin1String("featureHash")).toString());
    if (ontology.isValid())
        return ontology;
    const QColor own(object.value(QLatin1String("color")).toString());
    return own.isValid() ? own : QColor(Qt::red);
}

int LabelRowPainter::drawableObjectCount(const LabelRow &row)
{
    int count = 0;
    for (const QJsonValue &value : objectsOf(row)) {
        const QJsonObject object = value.toObject();
        if (std::any_of(std::begin(kShapes), std::end(kShapes), [&](QLatin1String shape) {
                return object.contains(shape);
            }))
            ++count;
    }
    return count;
}

QImage LabelRowPainter::render(const QImage &image, const LabelRow &row) const
{
    QImage canvas = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const QSizeF size = canvas.size();
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::Antialiasing);
    // Lines stay visible on large images and do not swamp small ones.
    const qreal line = std::max(3.0, std::min(size.width(), size.height()) / 200.0);
    const qreal radius = line * 1.5;
    for (const QJsonValue &value : objectsOf(row)) {
        const QJsonObject object = value.toObject();
        const QColor colour = colourOf(object);
        QColor fill = colour;
        fill.setAlphaF(0.25f);
        painter.setPen(QPen(colour, line));
        painter.setBrush(Qt::NoBrush);
        if (object.contains(QLatin1String("bitmask"))) {
            const QJsonObject mask = object.value(QLatin1String("bitmask")).toObject();
            const int width = mask.value(QLatin1String("width")).toInt();
            const int height = mask.value(QLatin1String("height")).toInt();
            const QImage bits = maskFromRuns(
                decodeCocoRle(mask.value(QLatin1String("rleString")).toString()), width, height);
            if (bits.isNull())
                continue;
            QImage tinted(bits.size(), QImage::Format_ARGB32_Premultiplied);
            tinted.fill(Qt::transparent);
            QColor maskFill = colour;
            maskFill.setAlphaF(0.5f);
            const QRgb on = maskFill.rgba();
            const QRgb premultiplied = qPremultiply(on);
            for (int y = 0; y < bits.height(); ++y) {
                const uchar *source = bits.constScanLine(y);
                auto *target = reinterpret_cast<QRgb *>(tinted.scanLine(y));
                for (int x = 0; x < bits.width(); ++x) {
                    if (source[x])
                        target[x] = premultiplied;
                }
            }
            painter.drawImage(QRectF(QPointF(0, 0), size), tinted);
        }
        if (object.contains(QLatin1String("boundingBox"))) {
            painter.setBrush(fill);
            painter.drawRect(boxOf(object.value(QLatin1String("boundingBox")).toObject(), size));
        }
        if (object.contains(QLatin1String("rotatableBoundingBox"))) {
            const QJsonObject box = object.value(QLatin1String("rotatableBoundingBox")).toObject();
            const QRectF rect = boxOf(box, size);
            painter.save();
            painter.translate(rect.center());
            painter.rotate(box.value(QLatin1String("theta")).toDouble());
            painter.setBrush(fill);
            painter.drawRect(
                QRectF(-rect.width() / 2, -rect.height() / 2, rect.width(), rect.height()));
            painter.restore();
        }
        if (object.contains(QLatin1String("polygon"))) {
            painter.setBrush(fill);
            painter.drawPolygon(pointsOf(object.value(QLatin1String("polygon")), size));
        }
        if (object.contains(QLatin1String("polyline")))
            painter.drawPolyline(pointsOf(object.value(QLatin1String("polyline")), size));
        for (const char *pointShape : {"point", "skeleton"}) {
            if (!object.contains(QLatin1String(pointShape)))
                continue;
            painter.setBrush(colour);
            for (const QPointF &point : pointsOf(object.value(QLatin1String(pointShape)), size))
                painter.drawEllipse(point, radius, radius);
        }
    }
    painter.end();
    return canvas;
}

QList<qint64> LabelRowPainter::decodeCocoRle(const QString &text)
{
    // Each count is written in 5-bit groups, least significant first, 48 added to make a
    // printable character; bit 0x20 says another group follows, bit 0x10 of the last one is
    // the sign. From the third count on, the value is the difference to the count two before.
    QList<qint64> counts;
    qsizetype position = 0;
    while (position < text.size()) {
        qint64 value = 0;
        int shift = 0;
        qint64 group = 0;
        bool more = true;
        while (more) {
            if (position >= text.size() || shift > 60)
                return {};
            group = qint64(text.at(position++).unicode()) - 48;
            if (group < 0 || group > 63)
                return {};
            value |= (group & 0x1f) << shift;
            more = (group & 0x20) != 0;
            shift += 5;
        }
        if (group & 0x10)
            value |= -(qint64(1) << shift);
        if (counts.size() > 2)
            value += counts.at(counts.size() - 2);
        if (value < 0)
            return {};
        counts.append(value);
    }
    return counts;
}

QImage LabelRowPainter::maskFromRuns(const QList<qint64> &runs, int width, int height)
{
    if (width <= 0 || height <= 0)
        return {};
    const qint64 total = qint64(width) * height;
    qint64 sum = 0;
    for (qint64 run : runs)
        sum += run;
    if (sum != total)
        return {};
    QImage mask(width, height, QImage::Format_Grayscale8);
    mask.fill(0);
    qint64 position = 0;
    bool set = false;
    for (qint64 run : runs) {
        if (set) {
            for (qint64 p = position; p < position + run; ++p)
                mask.scanLine(int(p / width))[p % width] = 255;
        }
        position += run;
        set = !set;
    }
    return mask;
}

} // namespace Encord
