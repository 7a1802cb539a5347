#pragma once

#include "cvatexportinfo.h"
#include "cvatproblemreport.h"
#include "cvatshape.h"

#include <QList>
#include <QMap>
#include <QString>

#include <functional>

namespace Encord::Cvat {

class CvatExportFolder;

/// Everything an import wizard shows before uploading, from one streaming pass over an
/// export: what kind of export it is, how many images were found, missing or extra, shapes per
/// label and kind, and every problem (reader and folder check together).
struct CvatPreview
{
    /// An image whose file was found: what to upload, and under which path.
    struct File
    {
        QString imageName; ///< <image name>
        QString subset;    ///< project exports
        QString file;      ///< relative to images/ ('/'-separated): the import's data path
        qint64 size = -1;  ///< bytes, -1 when unknown
    };

    CvatExportInfo info;
    int imageCount = 0;
    int imagesMissing = 0;
    QStringList extraFiles;
    QList<File> files;
    qint64 totalBytes = 0; ///< sum of the found files' sizes
    /// label → shape kind → number of shapes (tags included).
    QMap<QString, QMap<CvatShape::Kind, int>> shapeCounts;
    CvatProblemReport problems;
    /// False when reading stopped on a fatal problem.
    bool complete = false;

    /// The caller stopped the reading through build()'s progress callback.
    bool cancelled = false;

    /// True when nothing blocks an import (no error in problems).
    bool canImport() const { return complete && !cancelled && !problems.hasErrors(); }

    /// Reads @p folder's annotations and checks its images ("CVAT for video" exports as one
    /// image per frame, CvatReader::setVideoAsImages). @p progress, when given, gets
    /// (bytes of annotations.xml read, its size) every few images; returning false stops the
    /// reading (cancelled is then set).
    static CvatPreview build(const CvatExportFolder &folder,
                             const std::function<bool(qint64, qint64)> &progress = {});
};

} // namespace Encord::Cvat
