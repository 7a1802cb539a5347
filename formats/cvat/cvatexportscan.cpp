#include "cvatexportscan.h"

#include "cvat/cvatfoldercheck.h"
#include "cvat/cvatreader.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>

namespace Encord::Cvat {

namespace {

// How often (in images) the scan reports progress and checks for a stop.
constexpr int kProgressEvery = 100;

QString tr(const char *text)
{
    return QCoreApplication::translate("Encord::Cvat::CvatExportScan", text);
}

} // namespace

int CvatLabelSummary::total() const
{
    int sum = 0;
    for (const int count : shapeCounts)
        sum += count;
    return sum;
}

bool CvatScanResult::importable() const
{
    return openError.isEmpty() && complete && !cancelled && !images.isEmpty()
           && !problems.hasErrors();
}

CvatScanResult CvatExportScan::scan(const QString &path,
                                    const std::function<bool(qint64, qint64)> &progress)
{
    CvatScanResult result;
    QString error;
    std::unique_ptr<CvatExportFolder> folder = CvatExportFolder::open(path, &error);
    if (!folder) {
        result.openError = error;
        return result;
    }
    std::unique_ptr<QIODevice> annotations = folder->openAnnotations(&error);
    if (!annotations) {
        result.openError = error;
        return result;
    }
    const qint64 size = folder->annotationsSize();

    CvatReader reader(annotations.get());
    CvatProblemReport folderProblems;
    for (const QString &entry : folder->unsafeEntries()) {
        folderProblems.add(CvatProblem::Severity::Warning,
                           CvatProblem::Kind::UnsafeImageName,
                           tr("The archive entry \"%1\" points outside the export and was left "
                              "out.")
                               .arg(entry));
    }
    if (reader.readHeader()) {
        CvatFolderCheck check(folder->imageFiles(), reader.info());
        QHash<QString, CvatLabelSummary> byLabel;
        QStringList labelOrder;
        while (std::optional<CvatImage> image = reader.readNextImage()) {
            ++result.imagesInXml;
            const CvatFolderCheck::Resolution found = check.resolve(*image, folderProblems);
            if (found.match != CvatFolderCheck::Match::Missing)
                result.images.append({image->name, found.file});
            for (const CvatShape &shape : std::as_const(image->shapes)) {
                if (!byLabel.contains(shape.label))
                    labelOrder.append(shape.label);
                ++byLabel[shape.label].shapeCounts[shape.kind];
            }
            if (progress && result.imagesInXml % kProgressEvery == 0
                && !progress(annotations->pos(), size)) {
                result.cancelled = true;
                break;
            }
        }
        if (!result.cancelled) {
            check.finish(folderProblems);
            result.extra = int(check.extraFiles().size());
        }
        result.found = check.foundCount();
        result.missing = check.missingCount();

        // Declared labels first, in their order; then the ones only shapes named.
        for (const CvatLabel &label : reader.info().labels) {
            if (!label.parent.isEmpty())
                continue; // skeleton nodes are shown with their skeleton
            CvatLabelSummary summary = byLabel.take(label.name);
            summary.name = label.name;
            summary.color = label.color;
            summary.declared = label.declared;
            for (const CvatAttributeSpec &attribute : label.attributes)
                summary.attributes.append(attribute.name);
            result.labels.append(summary);
        }
        for (const QString &name : std::as_const(labelOrder)) {
            if (!byLabel.contains(name))
                continue;
            CvatLabelSummary summary = byLabel.take(name);
            summary.name = name;
            summary.declared = false;
            result.labels.append(summary);
        }
    }
    result.info = reader.info();
    result.complete = reader.finished() && !result.cancelled;
    result.problems = reader.problems();
    result.problems.append(folderProblems);
    if (result.complete && result.images.isEmpty() && !result.problems.hasErrors()) {
        result.problems.add(CvatProblem::Severity::Error,
                            CvatProblem::Kind::MissingImage,
                            tr("None of the export's images has a file under images/: export "
                               "again from CVAT with \"Save images\" checked."));
    }
    if (progress)
        progress(size, size);
    result.folder = std::move(folder);
    return result;
}

} // namespace Encord::Cvat
