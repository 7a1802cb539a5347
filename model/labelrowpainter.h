#pragma once

#include "records/labelrow.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QPointF>
#include <QString>

namespace Encord {

/// Draws the objects of a label row over its image: boxes (rotated ones too), polygons,
/// polylines, points, skeleton nodes and bitmasks, each in its ontology object's colour.
///
/// Coordinates in a label row are normalised to the image (0..1), so the image may be any
/// scaled copy of the original. Bitmasks are COCO compressed RLE over the whole image, runs
/// taken row by row, starting with unset pixels (as the local server writes them).
class LabelRowPainter
{
public:
    /// @p colours: ontology featureNodeHash → colour; objects missing there keep the colour
    /// written in the label row.
    explicit LabelRowPainter(QHash<QString, QColor> colours = {});

    /// A copy of @p image with the objects of @p row's first data unit drawn on it.
    QImage render(const QImage &image, const LabelRow &row) const;
    /// The number of objects render() draws (those with a shape it knows).
    static int drawableObjectCount(const LabelRow &row);

    /// COCO compressed RLE text back into run lengths; empty when the text is malformed.
    static QList<qint64> decodeCocoRle(const QString &text);
    /// The mask of @p runs over a @p width × @p height image, row-major, as an 8-bit image
    /// (255 = set); a null image when the runs do not cover it exactly.
    static QImage maskFromRuns(const QList<qint64> &runs, int width, int height);

private:
    QColor colourOf(const QJsonObject &object) const;

    QHash<QString, QColor> m_colours;
};

} // namespace Encord
