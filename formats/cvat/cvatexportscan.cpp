#include "cvatexportscan.h"

#include "cvat/cvatpreview.h"

#include <QCoreApplication>
#include <QHash>

namespace Encord::Cvat {

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
    CvatPreview preview = CvatPreview::build(*folder, progress);
    result.info = preview.info;
    result.imagesInXml = preview.imageCount;
    result.found = int(preview.files.size());
    result.missing = preview.imagesMissing;
    result.extra = int(preview.extraFiles.size());
    result.complete = preview.complete;
    result.cancelled = preview.cancelled;
    result.problems = std::move(preview.problems);
    // The path below images/ is what the server matches against <image name> (with the
    // subset of a project export in front), as the SDK sends it.
    for (const CvatPreview::File &file : std::as_const(preview.files))
        result.images.append({file.file, file.file});

    // Declared labels first, in their order (skeleton nodes shown with their skeleton); then
    // the ones only shapes named.
    auto counts = preview.shapeCounts;
    for (const CvatLabel &label : std::as_const(result.info.labels)) {
        if (!label.parent.isEmpty())
            continue;
        CvatLabelSummary summary;
        summary.name = label.name;
        summary.color = label.color;
        summary.declared = label.declared;
        summary.shapeCounts = counts.take(label.name);
        for (const CvatAttributeSpec &attribute : label.attributes)
            summary.attributes.append(attribute.name);
        result.labels.append(summary);
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        CvatLabelSummary summary;
        summary.name = it.key();
        summary.declared = false;
        summary.shapeCounts = it.value();
        result.labels.append(summary);
    }
    if (result.complete && result.images.isEmpty() && !result.problems.hasErrors()) {
        result.problems.add(
            CvatProblem::Severity::Error,
            CvatProblem::Kind::MissingImage,
            QCoreApplication::translate("Encord::Cvat::CvatExportScan",
                                        "None of the export's images has a file under images/: "
                                        "export again from CVAT with \"Save images\" checked."));
    }
    if (progress)
        progress(folder->annotationsSize(), folder->annotationsSize());
    result.folder = std::move(folder);
    return result;
}

} // namespace Encord::Cvat
