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

// A worker that has served this many files is replaced by a fresh one, which bounds whatever
// a library leaks per file at the cost of one process start (~20 ms) per this many files.
constexpr int kFilesPerWorker = 200;

class DeidRunner::Private
{
public:
    enum class Phase {
        Idle,
        Inspect,
        Write,
    };

    // One encord-deid-worker process; it serves one file at a time, so that when it dies or
    // hangs exactly one file is lost.
    struct Worker
    {
        QProcess *process = nullptr;
        QTimer *timer = nullptr;
        int index = -1; ///< The file it is working on; -1 while idle.
        int served = 0;
        /// Kept from the start: QProcess forgets it once the process has ended, and it names
        /// the partial outputs of a worker that died.
        qint64 pid = 0;
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
    QList<Worker> workers;
    Phase phase = Phase::Idle;
    bool cancelled = false;
    int steps = 0;
    int stepsDone = 0;

    Worker *workerFor(QProcess *process);
    bool anyBusy() const;
    void startPhase(Phase next, const QList<int> &indices);
    void pump();
    void spawn();
    void send(Worker &worker, int index);
    void onAnswer(QProcess *process);
    void onWorkerExited(QProcess *process);
    void onWorkerLost(QProcess *process, const QString &why);
    void fileAnswered(int index, DeidResult result);
    void afterFile();
    void retire(QProcess *process);
    void retireIdleWorkers();
    void stopAll();
    void finishFile(int index, const DeidResult &result);
    void finishPhase();
    void removePartialOutputs(int index, qint64 pid);
};

DeidRunner::Private::Worker *DeidRunner::Private::workerFor(QProcess *process)
{
    for (Worker &worker : workers) {
        if (worker.process == process)
            return &worker;
    }
    return nullptr;
}

bool DeidRunner::Private::anyBusy() const
{
    return std::any_of(
        workers.cbegin(), workers.cend(), [](const Worker &worker) { return worker.index >= 0; });
}

void DeidRunner::Private::startPhase(Phase next, const QList<int> &indices)
{
    phase = next;
    queue = indices;
    pump();
    if (cancelled)
        return;
    if (queue.isEmpty() && !anyBusy())
        finishPhase();
}

void DeidRunner::Private::pump()
{
    while (!queue.isEmpty() && !cancelled) {
        const auto idle = std::find_if(
            workers.begin(), workers.end(), [](const Worker &worker) { return worker.index < 0; });
        if (idle != workers.end()) {
            send(*idle, queue.takeFirst());
            continue;
        }
        if (workers.size() >= parallelism)
            return;
        if (workerPath.isEmpty()) {
            const int index = queue.takeFirst();
            finishFile(index,
                       DeidResult::failure(jobs.at(index).inputPath,
                                           DeidRunner::tr("The de-identification worker "
                                                          "(encord-deid-worker) is missing.")));
            continue;
        }
        spawn();
    }
}

void DeidRunner::Private::spawn()
{
    auto *process = new QProcess(q);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    workers.append({process, timer});

    QObject::connect(
        process, &QProcess::readyReadStandardOutput, q, [this, process]() { onAnswer(process); });
    QObject::connect(process, &QProcess::started, q, [this, process]() {
        if (Worker *worker = workerFor(process))
            worker->pid = process->processId();
    });
    QObject::connect(
        process, &QProcess::finished, q, [this, process]() { onWorkerExited(process); });
    QObject::connect(
        process, &QProcess::errorOccurred, q, [this, process](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return;
            // Queued: start() may report this before pump() has handed the worker its file.
            QMetaObject::invokeMethod(
                process,
                [this, process]() {
                    onWorkerLost(process,
                                 DeidRunner::tr("The de-identification worker could not be "
                                                "started."));
                },
                Qt::QueuedConnection);
        });
    QObject::connect(timer, &QTimer::timeout, q, [this, process]() {
        process->disconnect(q);
        process->kill();
        process->waitForFinished(5000);
        onWorkerLost(process,
                     DeidRunner::tr("De-identifying this file took too long; it was stopped."));
    });

    process->setProcessChannelMode(QProcess::SeparateChannels);
    // Nobody reads the worker's diagnostics, and a long-lived worker would pile them up here.
    process->setStandardErrorFile(QProcess::nullDevice());
    process->setProcessEnvironment(workerEnvironment());
    process->start(workerPath, {});
}

void DeidRunner::Private::send(Worker &worker, int index)
{
    const DeidJob &job = jobs.at(index);
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
    worker.index = index;
    worker.process->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    worker.timer->start(fileTimeout);
}

void DeidRunner::Private::onAnswer(QProcess *process)
{
    while (process->canReadLine()) {
        Worker *worker = workerFor(process);
        if (!worker)
            return;
        const QByteArray line = process->readLine().trimmed();
        if (line.isEmpty())
            continue;
        const int index = worker->index;
        const QJsonDocument answer = QJsonDocument::fromJson(line);
        if (index < 0 || !answer.isObject()) {
            // Out of step with its requests: nothing it says later can be trusted.
            process->disconnect(q);
            process->kill();
            process->waitForFinished(5000);
            onWorkerLost(process,
                         DeidRunner::tr("The de-identification worker gave an unreadable "
                                        "answer."));
            return;
        }
        worker->timer->stop();
        worker->index = -1;
        if (++worker->served >= kFilesPerWorker)
            retire(process);
        fileAnswered(index, DeidResult::fromJson(answer.object()));
        afterFile();
        if (cancelled)
            return;
    }
}

void DeidRunner::Private::onWorkerExited(QProcess *process)
{
    Worker *worker = workerFor(process);
    if (!worker)
        return;
    // An answer written just before the exit still counts. It is taken here rather than through
    // onAnswer(), which would hand this dead worker the next file.
    const int index = worker->index;
    while (index >= 0 && process->canReadLine()) {
        const QJsonDocument answer = QJsonDocument::fromJson(process->readLine().trimmed());
        if (answer.isObject()) {
            worker->index = -1;
            fileAnswered(index, DeidResult::fromJson(answer.object()));
            break;
        }
    }
    onWorkerLost(process, DeidRunner::tr("The DICOM library stopped while processing this file."));
}

void DeidRunner::Private::onWorkerLost(QProcess *process, const QString &why)
{
    Worker *worker = workerFor(process);
    if (!worker)
        return; // already handled (errorOccurred and finished can both arrive)
    const int index = worker->index;
    const qint64 pid = worker->pid;
    worker->timer->stop();
    workers.removeIf([process](const Worker &entry) { return entry.process == process; });
    process->disconnect(q);
    process->deleteLater();

    if (index >= 0) {
        removePartialOutputs(index, pid);
        fileAnswered(index, DeidResult::failure(jobs.at(index).inputPath, why));
    }
    afterFile();
}

void DeidRunner::Private::fileAnswered(int index, DeidResult result)
{
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
}

void DeidRunner::Private::afterFile()
{
    if (cancelled || phase == Phase::Idle)
        return; // a slot connected to fileFinished or progress cancelled the run
    pump();
    if (cancelled)
        return;
    if (queue.isEmpty() && !anyBusy())
        finishPhase();
}

void DeidRunner::Private::retire(QProcess *process)
{
    workers.removeIf([process](const Worker &entry) { return entry.process == process; });
    process->disconnect(q);
    // Closing its input ends its loop; it exits on its own in a few milliseconds.
    QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->closeWriteChannel();
}

void DeidRunner::Private::retireIdleWorkers()
{
    const QList<Worker> idle = workers;
    for (const Worker &worker : idle) {
        if (worker.index < 0)
            retire(worker.process);
    }
}

void DeidRunner::Private::stopAll()
{
    const QList<Worker> stopping = workers;
    workers.clear();
    for (const Worker &worker : stopping) {
        worker.process->disconnect(q);
        worker.process->kill();
        worker.process->waitForFinished(5000);
        if (worker.index >= 0)
            removePartialOutputs(worker.index, worker.pid);
        worker.process->deleteLater();
    }
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
    retireIdleWorkers();
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
    // Busy workers are killed (their partial outputs removed); idle and retired ones are let
    // finish their loop, so that none outlives the runner.
    d->retireIdleWorkers();
    d->stopAll();
    const QList<QProcess *> processes = findChildren<QProcess *>(Qt::FindDirectChildrenOnly);
    for (QProcess *process : processes) {
        process->disconnect(this);
        process->closeWriteChannel();
        if (!process->waitForFinished(2000))
            process->kill();
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
    d->queue.clear();
    d->stopAll();
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
