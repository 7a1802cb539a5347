#pragma once

#include "deidoptions.h"
#include "deidresult.h"
#include "greyimage.h"

#include <QCoreApplication>
#include <QString>

namespace Encord::Dicom {

/// De-identifies one DICOM file in this process. The building block of encord-deid-worker;
/// callers that must survive a library abort (the server, the app) go through DeidRunner,
/// which runs it in a worker process.
///
/// The original is only ever read. Save conditions are evaluated on its original values, the
/// identifying values for "sensitive text" are read from its original header, then pixels are
/// redacted, then tags, then a new file is written beside nothing it could overwrite.
class DicomDeidentifier
{
    Q_DECLARE_TR_FUNCTIONS(Encord::Dicom::DicomDeidentifier)

public:
    explicit DicomDeidentifier(DeidOptions options);

    /// Reads the header only: UIDs and whether the save conditions hold (status Previewed).
    DeidResult inspect(const QString &inputPath) const;
    /// Everything deidentify() would do, without writing: the tags removed and kept and the
    /// boxes that would be blacked out (status Previewed). @p firstFrame, when given, receives
    /// frame 0 rendered to 8-bit grey (only in a pixel redaction mode).
    DeidResult preview(const QString &inputPath, GreyImage *firstFrame = nullptr) const;
    /// Writes the de-identified copy into @p outputFolder, named @p fileName, or
    /// "<SOPInstanceUID>.dcm" when the options ask for it. Never overwrites a file: an existing
    /// target is an error. Status Written, NotSaved (a condition failed) or Failed.
    DeidResult deidentify(const QString &inputPath,
                          const QString &outputFolder,
                          const QString &fileName) const;

    /// "deid_<timestamp>_<original file name>".
    static QString prefixedName(const QString &originalName, const QString &timestamp);
    /// Now, in units of 10 ns since the epoch (18 digits), as in the service's output names;
    /// one value per run so that a run's outputs share it.
    static QString currentTimestamp();

private:
    enum class Action {
        Inspect,
        Preview,
        Write,
    };
    DeidResult process(const QString &inputPath,
                       Action action,
                       const QString &outputFolder,
                       const QString &fileName,
                       GreyImage *firstFrame) const;

    DeidOptions m_options;
};

} // namespace Encord::Dicom
