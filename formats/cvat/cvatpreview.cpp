#include "cvatpreview.h"

#include "cvatexportfolder.h"
#include "cvatfoldercheck.h"
#include "cvatreader.h"

#include <QCoreApplication>

namespace Encord::Cvat {

namespace {

// How often (in images) the reading reports progress and asks whether to go on.
constexpr int kProgressEvery = 100;

} // namespace

CvatPreview CvatPreview::build(const CvatExportFolder &folder,
                               const std::function<bool(qint64, qint64)> &progress)
{
    CvatPreview preview;
    QString error;
    const std::unique_ptr<QIODevice> device = folder.openAnnotations(&error);
    if (!device) {
        preview.problems.add(CvatProblem::Kind::MalformedXml, error);
        return preview;
    }
    for (const QString &entry : folder.unsafeEntries()) {
        preview.problems.add(
            CvatProblem::Kind::UnsafeImageName,
            QCoreApplication::translate("CvatPreview",
                                        "The archive entry leaves the archive; it is ignored."),
            entry);
    }

    CvatReader reader(device.get());
    reader.setVideoAsImages(true);
    CvatProblemReport checks;
    if (reader.readHeader()) {
        CvatFolderCheck check(folder.imageFiles(), reader.info());
        while (std::optional<CvatImage> image = reader.readNextImage()) {
            ++preview.imageCount;
            for (const CvatShape &shape : image->shapes)
                ++preview.shapeCounts[shape.label][shape.kind];
            const CvatFolderCheck::Resolution found = check.resolve(*image, checks);
            if (found.file.isEmpty())
                continue;
            const qint64 size = folder.imageSize(found.file);
            preview.files.append({image->name, image->subset, found.file, size});
            preview.totalBytes += std::max<qint64>(0, size);
            if (progress && preview.imageCount % kProgressEvery == 0
                && !progress(device->pos(), folder.annotationsSize())) {
                preview.cancelled = true;
                break;
            }
        }
        if (reader.finished())
            check.finish(checks);
        preview.imagesMissing = check.missingCount();
        preview.extraFiles = check.extraFiles();
    }
    preview.info = reader.info();
    preview.complete = reader.finished() && !preview.cancelled;
    preview.problems.append(reader.problems());
    preview.problems.append(checks);
    return preview;
}

} // namespace Encord::Cvat
