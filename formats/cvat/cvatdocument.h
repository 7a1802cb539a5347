#pragma once

#include "cvatexportinfo.h"
#include "cvatimage.h"
#include "cvatproblemreport.h"

#include <QList>
#include <QString>

class QIODevice;

namespace Encord::Cvat {

/// A whole annotations.xml in memory: for previews, tests and small files. Large files should
/// be walked with CvatReader instead.
struct CvatDocument
{
    CvatExportInfo info;
    QList<CvatImage> images;
    CvatProblemReport problems;
    /// False when a fatal problem stopped the reading (see problems).
    bool complete = false;

    static CvatDocument read(QIODevice *device);
    static CvatDocument read(const QByteArray &data);
    /// Reads the file at @p path; an unreadable file is a fatal problem.
    static CvatDocument readFile(const QString &path);

    /// Number of shapes of @p kind (tags included) over all images.
    int shapeCount(CvatShape::Kind kind) const;
    /// Number of shapes of @p kind with label @p label.
    int shapeCount(const QString &label, CvatShape::Kind kind) const;
};

} // namespace Encord::Cvat
