#pragma once

#include "deidoptions.h"
#include "deidresult.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Encord::Dicom {

/// One file to de-identify: where it is and where its copy goes.
struct DeidJob
{
    QString inputPath;
    QString outputFolder;
    /// The copy's file name; ignored when the options name outputs by SOP Instance UID.
    QString fileName;
    /// When set, nothing is written: the job is a preview (status Previewed: tags removed and
    /// kept, boxes that would be blacked out) and frame 0, rendered to 8-bit grey, is saved
    /// here as PNG (pixel redaction modes only).
    QString previewImagePath = {};
};

/// Runs de-identification over many files in encord-deid-worker processes, so a file that makes
/// the DICOM library abort becomes a per-file error instead of taking the caller down.
///
/// Up to setParallelism() workers run at once, each kept for many files (a process start costs
/// more than a tag-only file) and given one file at a time: when a worker dies or overruns the
/// file timeout, only the file it held fails, and a fresh worker takes the files left. A worker
/// is also replaced after a few hundred files, to bound what a library may leak.
///
/// With save conditions, every file is inspected first; a series (SeriesInstanceUID) is saved
/// only when the conditions hold for all of its files that were asked for. Results arrive per
/// file in any order; finished() comes once, also after cancel().
class DeidRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeidRunner)

public:
    explicit DeidRunner(DeidOptions options, QObject *parent = nullptr);
    ~DeidRunner() override;

    /// The worker executable: ENCORD_DEID_WORKER, else encord-deid-worker beside this
    /// program, else on PATH, else the one in this build tree. Empty when none is found.
    static QString defaultWorkerPath();
    void setWorkerPath(const QString &path);
    /// Worker processes at once (default: the number of cores, at most 4).
    void setParallelism(int processes);
    /// Longest a worker may take for one file before it is stopped (default 10 minutes).
    void setFileTimeout(int milliseconds);

    /// Starts; results and progress follow through the signals.
    void start(const QList<DeidJob> &jobs);
    /// Kills the workers and marks every unfinished file as cancelled. Partial outputs of
    /// stopped workers are removed.
    void cancel();
    bool isRunning() const;
    /// One entry per job, in job order (complete after finished()).
    const QList<DeidResult> &results() const;

    /// Runs @p jobs to completion in a local event loop; for callers without one (the server's
    /// request threads). @p cancelled, when given, is polled to stop early.
    static QList<DeidResult> runBlocking(const DeidOptions &options,
                                         const QList<DeidJob> &jobs,
                                         const std::function<bool()> &cancelled = {});

Q_SIGNALS:
    void fileFinished(int index, const Encord::Dicom::DeidResult &result);
    /// @p done of @p total steps (inspection and writing count separately).
    void progress(int done, int total);
    void finished();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Encord::Dicom
