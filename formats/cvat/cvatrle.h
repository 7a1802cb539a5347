#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace Encord::Cvat {

/// CVAT's mask run-length encoding (spec cvat-format §4.2): comma-separated run lengths over
/// the mask's bounding rectangle in row-major order, starting with a run of background (which
/// may be 0 long). Not COCO RLE.
class CvatRle
{
public:
    /// The runs of @p text; nullopt when a run is not a non-negative integer.
    static std::optional<QList<quint32>> parse(QByteArrayView text);

    enum class Fit {
        Exact, ///< the runs cover the rectangle exactly
        Short, ///< the runs end early: the rest is background
        Long,  ///< the runs overflow the rectangle: the mask is unusable
    };
    /// How @p runs fit a @p width × @p height rectangle.
    static Fit fit(const QList<quint32> &runs, int width, int height);

    /// The rectangle's pixels, one byte per pixel (0 or 1), row-major, padded with background
    /// when the runs are short. Empty when they are too long or the size is not positive.
    static QByteArray decode(const QList<quint32> &runs, int width, int height);
    /// The runs of @p pixels (one byte per pixel, non-zero = set), background first.
    static QList<quint32> encode(const QByteArray &pixels);
};

} // namespace Encord::Cvat
