#pragma once

#include "cvatshape.h"

#include <QList>
#include <QString>

namespace Encord::Cvat {

/// An <image> of a "CVAT for images" export with its shapes and tags (spec cvat-format §4).
/// Images are keyed by (subset, name): ids repeat across the subsets of a project export.
struct CvatImage
{
    qint64 id = 0;
    /// Relative path as written (may contain '/'; video frames have no extension).
    QString name;
    QString subset;     ///< project exports only
    qint64 taskId = -1; ///< project exports only; -1 when absent
    int width = 0;      ///< 0 when absent (1.0 files, hand-made files)
    int height = 0;
    QList<CvatShape> shapes; ///< shapes, then tags, in file order
    qint64 line = 0;         ///< line of the <image> element

    bool operator==(const CvatImage &) const = default;
};

} // namespace Encord::Cvat
