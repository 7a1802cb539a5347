#include "deidrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <functional>

namespace Encord::Dicom {

namespace {

// Tesseract parallelises with OpenMP, whose threads spin while they wait; with workers already
// running side by side that made text detection ~11x slower per frame on a 2-core machine
// (encord-deid-bench). OpenMP reads its limit when the process starts, hence the environment.
// A limit the user set is kept.
QProcessEnvironment workerEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("OMP_THREAD_LIMIT")))
        environment.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    return environment;
}

} // namespace

class DeidRunner::Private
{
public:
    enum class Phase {
        Idle,
        Inspect,
        Write,
    };

    struct Running
    {
        QProcess *process = nullptr;
        QTimer *timer = nullptr;
        int index = -1;
    };

    DeidRunner *q = nullptr;
    DeidOptions options;
    QString workerPath = DeidRunner::defaultWorkerPath();
    int parallelism = std::clamp(QThread::idealThreadCount(), 1, 4);
    int fileTimeout = 10 * 60 * 1000;

    QList<DeidJob> jobs;
    QList<DeidResult> results;
    QList<bool> done;
    QList<int> queue;
    QList<Running> running;
    Phase phase = Phase::Idle;
    bool cancelled = false;
    int steps = 0;
    int stepsDone = 0;

    void startPhase(Phase next, const QList<int> &indices);
    void pump();
    void launch(int index);
    void onWorkerFinished(QProcess *process, bool crashedOrKilled, const QString &why);
    void finishFile(int index, const DeidResult &result);
    void finishPhase();
    void removePartialOutputs(int index, qint64 pid);
};

void DeidRunner::Private::startPhase(Phase next, const QList<int> &indices)
{
    phase = next;
    queue = indices;
    pump();
    if (queue.isEmpty() && running.isEmpty())
        finishPhase();
}

void DeidRunner::Private::pump()
{
    while (!queue.isEmpty() && running.size() < parallelism)
        launch(queue.takeFirst());
}

void DeidRunner::Private::launch(int index)
{
    const DeidJob &job = jobs.at(index);
    if (workerPath.isEmpty()) {
        finishFile(index,
                   DeidResult::failure(job.inputPath,
                                       DeidRunner::tr("The de-identification worker "
                                                      "(encord-deid-worker) is missing.")));
        return;
    }

    auto *process = new QProcess(q);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    running.append({process, timer, index});

    QObject::connect(process,
                     &QProcess::finished,
                     q,
                     [this, process](int exitCode, QProcess::ExitStatus status) {
                         const bool failed = status != QProcess::NormalExit || exitCode != 0;
                         onWorkerFinished(process,
                                          failed,
                                          DeidRunner::tr("The DICOM library stopped while "
                                                         "processing this file."));
                     });
    QObject::connect(
        process, &QProcess::errorOccurred, q, [this, process](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                onWorkerFinished(process,
                                 true,
                                 DeidRunner::tr("The de-identification worker "
                                                "could not be started."));
        });
    QObject::connect(timer, &QTimer::timeout, q, [this, process]() {
        process->kill();
        process->waitForFinished(5000);
        onWorkerFinished(process,
                         true,
                         DeidRunner::tr("De-identifying this file took too long; it was "
                                        "stopped."));
    });

    const QString action = phase == Phase::Inspect          ? QStringLiteral("inspect")
                           : job.previewImagePath.isEmpty() ? QStringLiteral("deidentify")
                                                            : QStringLiteral("preview");
    const QJsonObject request{
        {QStringLiteral("action"), action},
        {QStringLiteral("input"), job.inputPath},
        {QStringLiteral("outputFolder"), job.outputFolder},
        {QStringLiteral("fileName"), job.fileName},
        {QStringLiteral("previewImage"), job.previewImagePath},
        {QStringLiteral("options"), options.toJson()},
    };
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setProcessEnvironment(workerEnvironment());
    process->start(workerPath, {});
    process->write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    process->closeWriteChannel();
    timer->start(fileTimeout);
}

void DeidRunner::Private::onWorkerFinished(QProcess *process,
                                           bool crashedOrKilled,
                                           const QString &why)
{
    const auto entry = std::find_if(running.begin(), running.end(), [process](const Running &r) {
        return r.process == process;
    });
    if (entry == running.end())
        return; // already handled (errorOccurred and finished can both arrive)
    const int index = entry->index;
    running.erase(entry);
    process->disconnect(q);
    process->deleteLater();

    DeidResult result;
    const QJsonDocument answer = QJsonDocument::fromJson(process->readAllStandardOutput());
    if (!crashedOrKilled && answer.isObject()) {
        result = DeidResult::fromJson(answer.object());
    } else {
        removePartialOutputs(index, process->processId());
        result = DeidResult::failure(jobs.at(index).inputPath, why);
    }
    result.inputPath = jobs.at(index).inputPath;

    if (phase == Phase::Inspect) {
        results[index] = result;
        ++stepsDone;
        Q_EMIT q->progress(stepsDone, steps);
        if (result.status == DeidResult::Status::Failed)
            finishFile(index, result);
    } else {
        finishFile(index, result);
    }
    if (cancelled)
        return; // a slot connected to fileFinished or progress cancelled the run
    pump();
    if (queue.isEmpty() && running.isEmpty())
        finishPhase();
}

void DeidRunner::Private::finishFile(int index, const DeidResult &result)
{
    if (done.at(index))
        return;
    done[index] = true;
    results[index] = result;
    if (phase == Phase::Write)
        ++stepsDone;
    Q_EMIT q->fileFinished(index, result);
    Q_EMIT q->progress(stepsDone, steps);
}

void DeidRunner::Private::finishPhase()
{
    if (cancelled || phase == Phase::Idle)
        return;
    if (phase == Phase::Inspect) {
        // The per-series rule: one failing file blocks its whole series.
        QSet<QString> blockedSeries;
        for (int index = 0; index < jobs.size(); ++index) {
            const DeidResult &inspected = results.at(index);
            if (!done.at(index) && !inspected.conditionsHeld)
                blockedSeries.insert(inspected.seriesInstanceUid.isEmpty()
                                         ? QStringLiteral("file:") + inspected.inputPath
                                         : inspected.seriesInstanceUid);
        }
        QList<int> toWrite;
        for (int index = 0; index < jobs.size(); ++index) {
            if (done.at(index))
                continue;
            DeidResult inspected = results.at(index);
            const QString series = inspected.seriesInstanceUid.isEmpty()
                                       ? QStringLiteral("file:") + inspected.inputPath
                                       : inspected.seriesInstanceUid;
            if (blockedSeries.contains(series)) {
                inspected.status = DeidResult::Status::NotSaved;
                if (inspected.conditionsHeld)
                    inspected.error = DeidRunner::tr("Not saved: a save condition failed for "
                                                     "another file of the same series.");
                phase = Phase::Write;
                finishFile(index, inspected);
                if (cancelled)
                    return;
                phase = Phase::Inspect;
            } else {
                toWrite.append(index);
            }
        }
        startPhase(Phase::Write, toWrite);
        return;
    }
    phase = Phase::Idle;
    Q_EMIT q->finished();
}

void DeidRunner::Private::removePartialOutputs(int index, qint64 pid)
{
    if (pid <= 0)
        return;
    const QDir folder(jobs.at(index).outputFolder);
    const QStringList leftovers =
        folder.entryList({QStringLiteral(".*.partial-%1").arg(pid)}, QDir::Files | QDir::Hidden);
    for (const QString &name : leftovers)
        QFile::remove(folder.absoluteFilePath(name));
}

DeidRunner::DeidRunner(DeidOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->options = std::move(options);
}

DeidRunner::~DeidRunner()
{
    for (const Private::Running &entry : std::as_const(d->running)) {
        entry.process->disconnect(this);
        entry.process->kill();
        entry.process->waitForFinished(5000);
        d->removePartialOutputs(entry.index, entry.process->processId());
    }
}

QString DeidRunner::defaultWorkerPath()
{
    const QString fromEnvironment = qEnvironmentVariable("ENCORD_DEID_WORKER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // Beside the program (a build tree), then the package's private folder, which holds the
    // worker and the text recogniser it loads from its own folder.
    const QString programs = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        programs + QStringLiteral("/encord-deid-worker"),
        programs + QStringLiteral("/../lib/encord-desktop/encord-deid-worker")};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("encord-deid-worker"));
    if (!onPath.isEmpty())
        return onPath;
    const QString built = QStringLiteral(ENCORD_DEID_WORKER_BUILD_PATH);
    return QFileInfo(built).isExecutable() ? built : QString();
}

void DeidRunner::setWorkerPath(const QString &path)
{
    d->workerPath = path;
}

void DeidRunner::setParallelism(int processes)
{
    d->parallelism = std::max(1, processes);
}

void DeidRunner::setFileTimeout(int milliseconds)
{
    d->fileTimeout = std::max(1000, milliseconds);
}

void DeidRunner::start(const QList<DeidJob> &jobs)
{
    d->jobs = jobs;
    d->results = QList<DeidResult>(jobs.size());
    d->done = QList<bool>(jobs.size(), false);
    QList<int> all;
    for (int index = 0; index < jobs.size(); ++index) {
        all.append(index);
        d->results[index].inputPath = jobs.at(index).inputPath;
    }
    const bool inspectFirst = !d->options.saveConditions.isEmpty();
    d->cancelled = false;
    d->steps = int(jobs.size()) * (inspectFirst ? 2 : 1);
    d->stepsDone = 0;
    // Start from the event loop so that signals connected after start() are not missed.
    QTimer::singleShot(0, this, [this, inspectFirst, all]() {
        if (d->cancelled)
            return;
        d->startPhase(inspectFirst ? Private::Phase::Inspect : Private::Phase::Write, all);
    });
    d->phase = inspectFirst ? Private::Phase::Inspect : Private::Phase::Write;
}

void DeidRunner::cancel()
{
    if (d->phase == Private::Phase::Idle || d->cancelled)
        return;
    d->cancelled = true;
    const QList<Private::Running> stopping = d->running;
    d->running.clear();
    d->queue.clear();
    for (const Private::Running &entry : stopping) {
        entry.process->disconnect(this);
        entry.process->kill();
        entry.process->waitForFinished(5000);
        d->removePartialOutputs(entry.index, entry.process->processId());
        entry.process->deleteLater();
    }
    d->phase = Private::Phase::Write;
    for (int index = 0; index < d->jobs.size(); ++index) {
        if (!d->done.at(index))
            d->finishFile(index,
                          DeidResult::failure(d->jobs.at(index).inputPath,
                                              tr("Cancelled before this file was "
                                                 "de-identified.")));
    }
    d->phase = Private::Phase::Idle;
    Q_EMIT finished();
}

bool DeidRunner::isRunning() const
{
    return d->phase != Private::Phase::Idle;
}

const QList<DeidResult> &DeidRunner::results() const
{
    return d->results;
}

QList<DeidResult> DeidRunner::runBlocking(const DeidOptions &options,
                                          const QList<DeidJob> &jobs,
                                          const std::function<bool()> &cancelled)
{
    QEventLoop loop;
    DeidRunner runner(options);
    QObject::connect(&runner, &DeidRunner::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    if (cancelled) {
        QObject::connect(&poll, &QTimer::timeout, &runner, [&runner, &cancelled]() {
            if (cancelled())
                runner.cancel();
        });
        poll.start(200);
    }
    runner.start(jobs);
    loop.exec();
    return runner.results();
}

} // namespace Encord::Dicom
