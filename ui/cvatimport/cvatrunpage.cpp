#include "cvatrunpage.h"

#include "cvatimportwizard.h"
#include "cvatoptionspage.h"
#include "modelformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Encord {

namespace {

// What the worker thread hands back before the uploads start.
struct PreparedImport
{
    CvatImportInput input;
    QString error;
};

// Gives annotations.xml and every image a file on disk: the export's own files for a folder,
// copies unpacked into @p unpacked for a .zip. The annotations are never held in memory: the
// import request is written from their file. Runs on a worker thread.
PreparedImport prepare(std::shared_ptr<const Cvat::CvatScanResult> scan,
                       std::shared_ptr<QTemporaryDir> unpacked,
                       std::shared_ptr<std::atomic_bool> stop)
{
    PreparedImport prepared;
    QString error;
    prepared.input.annotationsFile = scan->folder->localAnnotationsPath();
    if (prepared.input.annotationsFile.isEmpty()) {
        std::unique_ptr<QIODevice> annotations = scan->folder->openAnnotations(&error);
        if (!annotations) {
            prepared.error = error;
            return prepared;
        }
        // Image names in the archive are relative to images/; this name cannot be one.
        QFile copy(unpacked->filePath(QStringLiteral(".annotations.xml")));
        if (!copy.open(QIODevice::WriteOnly)) {
            prepared.error =
                CvatRunPage::tr("Could not unpack annotations.xml: %1").arg(copy.errorString());
            return prepared;
        }
        while (!annotations->atEnd()) {
            if (stop->load())
                return prepared;
            const QByteArray block = annotations->read(qint64(1) << 20);
            if (block.isEmpty() || copy.write(block) != block.size()) {
                prepared.error =
                    CvatRunPage::tr("Could not unpack annotations.xml: %1")
                        .arg(block.isEmpty() ? annotations->errorString() : copy.errorString());
                return prepared;
            }
        }
        prepared.input.annotationsFile = copy.fileName();
    }
    for (const Cvat::CvatScannedImage &image : scan->images) {
        if (stop->load())
            return prepared;
        QString local = scan->folder->localImagePath(image.file);
        if (local.isEmpty()) {
            // Names come from the archive's own listing of safe entries, never from the XML.
            local = unpacked->filePath(image.file);
            QDir().mkpath(QFileInfo(local).absolutePath());
            if (!scan->folder->copyImage(image.file, local, &error)) {
                prepared.error = CvatRunPage::tr("Could not unpack %1: %2").arg(image.file, error);
                return prepared;
            }
        }
        prepared.input.images.append({image.dataPath, local});
    }
    return prepared;
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return CvatRunPage::tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return CvatRunPage::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return CvatRunPage::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace

CvatRunPage::CvatRunPage(QWidget *parent)
    : QWizardPage(parent)
    , m_stateLabel(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_detail(new QLabel(this))
    , m_error(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_conversionTicker(new QTimer(this))
{
    setTitle(tr("Importing"));
    setSubTitle(tr("The images are uploaded first; the dataset, ontology and project are made "
                   "only once every image is on the server."));
    setCommitPage(false);
    m_stateLabel->setAccessibleName(tr("Step"));
    m_bar->setAccessibleName(tr("Import progress"));
    m_detail->setAccessibleName(tr("Progress details"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setObjectName(QStringLiteral("runError"));
    m_retry->setAccessibleName(tr("Retry the import"));
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->hide();
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addSpacing(12);
    layout->addWidget(m_error);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch(1);

    connect(m_retry, &QPushButton::clicked, this, &CvatRunPage::start);
    m_conversionTicker->setInterval(1000);
    connect(m_conversionTicker, &QTimer::timeout, this, &CvatRunPage::showConversion);
}

CvatRunPage::~CvatRunPage()
{
    m_token.cancel();
}

void CvatRunPage::initializePage()
{
    if (auto *importWizard = qobject_cast<CvatImportWizard *>(wizard()))
        connect(importWizard,
                &CvatImportWizard::cancelRequested,
                this,
                &CvatRunPage::cancel,
                Qt::UniqueConnection);
    start();
}

void CvatRunPage::cleanupPage()
{
    // Back: stop whatever runs; the options are kept by their page.
    cancel();
}

bool CvatRunPage::canCancel() const
{
    return m_state != State::Importing;
}

void CvatRunPage::showConversion()
{
    m_detail->setText(
        tr("Converting on the server for %1. There is no progress figure for this step.\n"
           "Cancel closes this window without stopping the import: the project appears in the "
           "browser (F5) once it is complete, or not at all if the import fails; nothing "
           "half-made is ever shown.")
            .arg(duration(m_conversionClock.elapsed() / 1000)));
}

bool CvatRunPage::isComplete() const
{
    return m_state == State::Done;
}

bool CvatRunPage::validatePage()
{
    return m_state == State::Done;
}

void CvatRunPage::setState(State state)
{
    m_state = state;
    if (state != State::Converting)
        m_conversionTicker->stop();
    if (QWizard *owner = wizard()) {
        owner->button(QWizard::CancelButton)->setEnabled(canCancel());
        owner->button(QWizard::BackButton)
            ->setEnabled(state == State::Failed || state == State::Cancelled);
    }
    Q_EMIT completeChanged();
    Q_EMIT stateChanged(state);
}

void CvatRunPage::cancel()
{
    if (m_state == State::Converting) {
        // The job cannot be stopped through the protocol; only the waiting for it ends.
        ++m_run;
        m_token.cancel();
        m_leftJobRunning = true;
        m_stateLabel->setText(tr("Stopped waiting; the server finishes the import on its own."));
        setState(State::Cancelled);
        return;
    }
    if (m_state != State::Preparing && m_state != State::Uploading)
        return;
    ++m_run;
    m_token.cancel();
    m_stateLabel->setText(tr("Cancelled. Nothing was created on the server."));
    m_detail->clear();
    setState(State::Cancelled);
}

void CvatRunPage::start()
{
    auto *importWizard = qobject_cast<CvatImportWizard *>(wizard());
    const auto scan = importWizard ? importWizard->scan() : nullptr;
    if (!scan || !scan->importable()) {
        fail(tr("The export has not been read; go back to the preview."));
        return;
    }
    const quint64 run = ++m_run;
    m_token = CancelToken();
    m_error->hide();
    m_retry->hide();
    m_leftJobRunning = false;
    m_bar->setRange(0, 0);
    m_detail->clear();
    m_stateLabel->setText(scan->folder->kind() == Cvat::CvatExportFolder::Kind::Zip
                              ? tr("Unpacking the images…")
                              : tr("Reading annotations.xml…"));
    setState(State::Preparing);

    if (scan->folder->kind() == Cvat::CvatExportFolder::Kind::Zip && !m_unpacked) {
        m_unpacked = std::make_shared<QTemporaryDir>();
        if (!m_unpacked->isValid()) {
            fail(tr("Could not make a temporary folder to unpack the images: %1")
                     .arg(m_unpacked->errorString()));
            m_unpacked.reset();
            return;
        }
    }
    auto stop = std::make_shared<std::atomic_bool>(false);
    connect(m_token.state(), &CancelState::cancelled, this, [stop] { stop->store(true); });
    auto *watcher = new QFutureWatcher<PreparedImport>(this);
    connect(watcher, &QFutureWatcher<PreparedImport>::finished, this, [this, watcher, run] {
        PreparedImport prepared = watcher->result();
        watcher->deleteLater();
        if (run != m_run)
            return;
        if (!prepared.error.isEmpty()) {
            fail(prepared.error);
            return;
        }
        auto *options =
            qobject_cast<CvatOptionsPage *>(wizard()->page(CvatImportWizard::OptionsPageId));
        prepared.input.datasetName = options->datasetName()->text().trimmed();
        prepared.input.reviewMode = ReviewMode(options->reviewMode()->currentData().toInt());
        prepared.input.transformBoundingBoxesToPolygons = options->boxesAsPolygons()->isChecked();
        prepared.input.parallelUploads = options->parallelUploads()->value();
        upload(std::move(prepared.input));
    });
    watcher->setFuture(QtConcurrent::run(prepare, scan, m_unpacked, stop));
}

void CvatRunPage::upload(CvatImportInput input)
{
    auto *importWizard = qobject_cast<CvatImportWizard *>(wizard());
    const quint64 run = m_run;
    m_clock.start();
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_stateLabel->setText(tr("Uploading the images…"));
    setState(State::Uploading);
    auto progress = [this, run](const CvatImportProgress &now) {
        if (run == m_run)
            showProgress(now);
    };
    QCoro::connect(importWizard->client().importCvat(
                       std::move(input), progress, std::chrono::hours(24), m_token),
                   this,
                   [this, run](const Result<CvatImportResult> &answer) {
                       if (run != m_run)
                           return;
                       if (!answer.ok()) {
                           fail(answer.error().userMessage());
                           return;
                       }
                       finish(answer.value());
                   });
}

void CvatRunPage::showProgress(const CvatImportProgress &progress)
{
    const QLocale locale;
    switch (progress.phase) {
    case CvatImportProgress::Phase::Uploading: {
        const qint64 total = std::max<qint64>(1, progress.bytes);
        m_bar->setValue(int(progress.bytesDone * 1000 / total));
        const double seconds = std::max<qint64>(1, m_clock.elapsed()) / 1000.0;
        const double rate = progress.bytesDone / seconds;
        QString text = tr("%1 of %2 files — %3 of %4")
                           .arg(progress.filesDone)
                           .arg(progress.files)
                           .arg(ModelFormat::byteSize(progress.bytesDone),
                                ModelFormat::byteSize(progress.bytes));
        if (progress.bytesDone > 0 && m_clock.elapsed() > 500) {
            text += tr(" — %1/s — about %2 left")
                        .arg(ModelFormat::byteSize(qint64(rate)),
                             duration(qint64((progress.bytes - progress.bytesDone) / rate)));
        }
        m_detail->setText(text);
        return;
    }
    case CvatImportProgress::Phase::CreatingDataset:
        m_bar->setValue(1000);
        m_stateLabel->setText(tr("Creating the dataset…"));
        m_detail->setText(
            tr("%1 uploaded.").arg(ModelFormat::count(progress.files, tr("file"), tr("files"))));
        setState(State::Importing);
        return;
    case CvatImportProgress::Phase::Importing:
        if (m_state == State::Converting)
            return;
        m_bar->setRange(0, 0); // busy: the job reports no progress figure
        m_stateLabel->setText(tr("The server is converting the export…"));
        m_conversionClock.start();
        setState(State::Converting);
        showConversion();
        m_conversionTicker->start();
        return;
    }
}

void CvatRunPage::finish(const CvatImportResult &result)
{
    if (auto *importWizard = qobject_cast<CvatImportWizard *>(wizard()))
        importWizard->setResult(result);
    m_bar->setRange(0, 1000);
    m_bar->setValue(1000);
    m_stateLabel->setText(result.success ? tr("Imported.")
                                         : tr("The server could not import the export."));
    m_detail->clear();
    setState(State::Done);
    wizard()->next();
}

void CvatRunPage::fail(const QString &message)
{
    const bool cancelled = m_token.isCancelled();
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    if (cancelled) {
        m_stateLabel->setText(tr("Cancelled. Nothing was created on the server."));
        setState(State::Cancelled);
        return;
    }
    m_stateLabel->setText(tr("The import stopped."));
    m_error->setText(message);
    m_error->show();
    m_retry->show();
    setState(State::Failed);
}

} // namespace Encord
