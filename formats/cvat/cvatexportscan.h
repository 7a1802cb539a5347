#pragma once

#include "cvat/cvatexportfolder.h"
#include "cvat/cvatexportinfo.h"
#include "cvat/cvatproblemreport.h"
#include "cvat/cvatshape.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Encord::Cvat {

/// One label of an export as the import preview shows it.
struct CvatLabelSummary
{
    QString name;
    QString color;
    bool declared = true;
    QMap<CvatShape::Kind, int> shapeCounts;
    QStringList attributes;

    int total() const;
};

/// An image of the export that has a file.
struct CvatScannedImage
{
    QString dataPath; ///< what the import request names it by
    QString file;     ///< its file, relative to images/
};

/// Everything the import wizard learns from one pass over an export: what it is, which images
/// it has and lacks, its labels with counts, and every problem found.
struct CvatScanResult
{
    QString openError; ///< set when the folder or file could not be opened at all
    std::shared_ptr<CvatExportFolder> folder;
    CvatExportInfo info;
    qint64 imagesInXml = 0;
    int found = 0;
    int missing = 0;
    int extra = 0;
    QList<CvatLabelSummary> labels;
    QList<CvatScannedImage> images;
    CvatProblemReport problems;
    bool complete = false;  ///< annotations.xml was read to its end without a fatal problem
    bool cancelled = false; ///< the caller stopped the scan

    /// Whether an import may go ahead: the scan completed, there are images, and no errors.
    bool importable() const;
};

/// Opens an export folder or .zip and reads it once (CvatPreview), in the shape the import
/// wizard shows: label summaries, the images to upload. Meant for a worker thread.
class CvatExportScan
{
public:
    /// @p progress gets (bytes of annotations.xml read, its size) now and then; returning
    /// false stops the scan (the result says cancelled).
    static CvatScanResult scan(const QString &path,
                               const std::function<bool(qint64, qint64)> &progress = {});
};

} // namespace Encord::Cvat
