// encord-deid-bench: DICOM de-identification throughput. Tag-only de-identification of a few
// hundred files (the shared samples, replicated) through DeidRunner and its worker processes,
// against gdcmanon --dumb and dcmodify on the same files in the same run (one process per file
// for those) with the same number of processes at once; then seconds per frame of text
// detection.
// Not a CTest entry: run bench/run-deid-bench.sh.

#include "deidrunner.h"
#include "dicomdeidentifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace Encord::Dicom;

namespace {

// Runs one process per argument list, @p parallel at a time; the number that exited 0.
int runProcesses(const QString &program, const QList<QStringList> &argumentLists, int parallel)
{
    QList<QProcess *> running;
    int next = 0;
    int succeeded = 0;
    while (next < argumentLists.size() || !running.isEmpty()) {
        while (next < argumentLists.size() && running.size() < parallel) {
            auto *process = new QProcess;
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->setStandardOutputFile(QProcess::nullDevice());
            process->start(program, argumentLists.at(next++));
            running.append(process);
        }
        QProcess *first = running.takeFirst();
        first->waitForFinished(-1);
        if (first->exitStatus() == QProcess::NormalExit && first->exitCode() == 0)
            ++succeeded;
        delete first;
    }
    return succeeded;
}

void report(const char *what, int files, int ok, qint64 ms)
{
    std::printf("%-34s %5d files %5d ok %8.2f s %8.1f files/s\n",
                what,
                files,
                ok,
                ms / 1000.0,
                ms > 0 ? files * 1000.0 / double(ms) : 0.0);
}

} // namespace

int main(int argc, char *argv[])
{
    // Text detection below runs in this process, and must run as in the workers, which
    // DeidRunner starts with OMP_THREAD_LIMIT=1. OpenMP reads it only when the process starts.
    if (!std::getenv("OMP_THREAD_LIMIT")) {
        setenv("OMP_THREAD_LIMIT", "1", 1);
        execv("/proc/self/exe", argv);
        std::perror("execv"); // and go on without the limit
    }
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("DICOM de-identification benchmark"));
    parser.addHelpOption();
    const QCommandLineOption samplesOption(QStringLiteral("samples"),
                                           QStringLiteral("Folder of DICOM samples."),
                                           QStringLiteral("dir"),
                                           QStringLiteral(ENCORD_SHARED_DIR "/samples/dicom"));
    const QCommandLineOption copiesOption(QStringLiteral("copies"),
                                          QStringLiteral("Copies of each sample (default 8)."),
                                          QStringLiteral("n"),
                                          QStringLiteral("8"));
    const QCommandLineOption parallelOption(QStringLiteral("parallel"),
                                            QStringLiteral("Processes at once (default: cores)."),
                                            QStringLiteral("n"),
                                            QString::number(QThread::idealThreadCount()));
    parser.addOptions({samplesOption, copiesOption, parallelOption});
    parser.process(app);
    const int copies = std::max(1, parser.value(copiesOption).toInt());
    const int parallel = std::max(1, parser.value(parallelOption).toInt());

    // The files: every sample our engine writes in tag-only mode, replicated.
    QTemporaryDir work;
    const QDir samples(parser.value(samplesOption));
    const QString inputs = work.filePath(QStringLiteral("in"));
    QDir().mkpath(inputs);
    QStringList files;
    const DicomDeidentifier probe{DeidOptions{}};
    for (const QString &name : samples.entryList({QStringLiteral("*.dcm")}, QDir::Files)) {
        if (probe.preview(samples.filePath(name)).status != DeidResult::Status::Previewed
            || probe.inspect(samples.filePath(name)).sopInstanceUid.isEmpty())
            continue;
        for (int copy = 0; copy < copies; ++copy) {
            const QString target = QStringLiteral("%1/%2-%3").arg(inputs).arg(copy).arg(name);
            QFile::copy(samples.filePath(name), target);
            files.append(target);
        }
    }
    std::printf("%lld files (%d copies of each readable sample), %d processes at once\n",
                qlonglong(files.size()),
                copies,
                parallel);

    // Ours: `parallel` encord-deid-worker processes, each fed file after file.
    const QString ours = work.filePath(QStringLiteral("ours"));
    QDir().mkpath(ours);
    QList<DeidJob> jobs;
    for (const QString &file : files)
        jobs.append({file, ours, QStringLiteral("deid_1_") + QFileInfo(file).fileName()});
    QElapsedTimer timer;
    timer.start();
    DeidRunner runner(DeidOptions{});
    runner.setParallelism(parallel);
    QObject::connect(&runner, &DeidRunner::finished, &app, &QCoreApplication::quit);
    runner.start(jobs);
    QCoreApplication::exec();
    const qint64 oursMs = timer.elapsed();
    const auto written =
        std::count_if(runner.results().cbegin(), runner.results().cend(), [](const DeidResult &r) {
            return r.status == DeidResult::Status::Written;
        });
    report("encord-deid-worker (keep-list)", int(files.size()), int(written), oursMs);

    // gdcmanon --dumb, removing the identifying attributes of the basic profile's core.
    const QString anon = work.filePath(QStringLiteral("gdcmanon"));
    QDir().mkpath(anon);
    QList<QStringList> anonArguments;
    for (const QString &file : files) {
        anonArguments.append({QStringLiteral("--dumb"),
                              QStringLiteral("--remove"),
                              QStringLiteral("0010,0020"),
                              QStringLiteral("--remove"),
                              QStringLiteral("0010,0030"),
                              QStringLiteral("--remove"),
                              QStringLiteral("0008,0080"),
                              QStringLiteral("-i"),
                              file,
                              QStringLiteral("-o"),
                              anon + u'/' + QFileInfo(file).fileName()});
    }
    timer.restart();
    const int anonOk = runProcesses(QStringLiteral("gdcmanon"), anonArguments, parallel);
    report("gdcmanon --dumb (3 tags)", int(files.size()), anonOk, timer.elapsed());

    // dcmodify edits in place: on copies, erasing the same tags and all private data.
    const QString modify = work.filePath(QStringLiteral("dcmodify"));
    QDir().mkpath(modify);
    QList<QStringList> modifyArguments;
    for (const QString &file : files) {
        const QString copy = modify + u'/' + QFileInfo(file).fileName();
        QFile::copy(file, copy);
        modifyArguments.append({QStringLiteral("-nb"),
                                QStringLiteral("-ie"),
                                QStringLiteral("-imt"),
                                QStringLiteral("-ep"),
                                QStringLiteral("-ea"),
                                QStringLiteral("(0010,0020)"),
                                QStringLiteral("-ea"),
                                QStringLiteral("(0010,0030)"),
                                QStringLiteral("-ea"),
                                QStringLiteral("(0008,0080)"),
                                copy});
    }
    timer.restart();
    const int modifyOk = runProcesses(QStringLiteral("dcmodify"), modifyArguments, parallel);
    report("dcmodify -ep (3 tags + private)", int(files.size()), modifyOk, timer.elapsed());

    // Text detection: seconds per frame, in this process.
    DeidOptions ocr;
    ocr.pixelMode = PixelRedactionMode::AllText;
    ocr.maxOcrFrames = 1000;
    for (const QString &name : {QStringLiteral("octave_CT-MONO2-16-ankle.dcm"),
                                QStringLiteral("octave_US-PAL-8-10x-echo.dcm"),
                                QStringLiteral("pydicom_MR_small.dcm")}) {
        timer.restart();
        const DeidResult result = DicomDeidentifier(ocr).preview(samples.filePath(name));
        const qint64 ms = timer.elapsed();
        std::printf("text detection %-30s %3d frame(s) %3lld boxes %6.2f s/frame\n",
                    qPrintable(name),
                    result.framesScanned,
                    qlonglong(result.boxes.size()),
                    result.framesScanned ? ms / 1000.0 / result.framesScanned : 0.0);
    }
    return 0;
}
