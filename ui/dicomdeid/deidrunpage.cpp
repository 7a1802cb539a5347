#include "deidrunpage.h"

#include "deidoptionspage.h"
#include "deidresult.h"
#include "deidrunner.h"
#include "deidsourcepage.h"
#include "dicomdeidentifier.h"
#include "dicomdeidwizard.h"
#include "modelformat.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QVBoxLayout>
#include <qcorotask.h>

#include <chrono>

namespace Encord {

namespace {

using Row = DeidResultTable::Row;
using Outcome = DeidResultTable::Outcome;

// The last path segment of a URL or path.
QString fileNameOf(const QString &urlOrPath)
{
    const QString path = QUrl(urlOrPath).isLocalFile() ? QUrl(urlOrPath).toLocalFile() : urlOrPath;
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

// Whether @p output ("deid_<timestamp>_<name>", or "<base>-<n>.<ext>" when the name was taken)
// is the copy of a file named @p source.
bool isCopyOf(const QString &output, const QString &source)
{
    static const QRegularExpression prefixed(QStringLiteral("^deid_[0-9]+_(.+)$"));
    const QRegularExpressionMatch match = prefixed.match(output);
    if (!match.hasMatch())
        return false;
    const QString name = match.captured(1);
    if (name == source)
        return true;
    const QFileInfo info(source);
    const QString suffix =
        info.completeSuffix().isEmpty() ? QString() : QLatin1Char('.') + info.completeSuffix();
    const QRegularExpression numbered(QLatin1Char('^') + QRegularExpression::escape(info.baseName())
                                      + QStringLiteral("-[0-9]+")
                                      + QRegularExpression::escape(suffix) + QLatin1Char('$'));
    return numbered.match(name).hasMatch();
}

// A name not yet used by this run in its output folder: "x.dcm", then "x-2.dcm", ...
QString uniqueName(const QString &name, QSet<QString> &taken)
{
    QString candidate = name;
    const QFileInfo info(name);
    const QString suffix =
        info.completeSuffix().isEmpty() ? QString() : QLatin1Char('.') + info.completeSuffix();
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = info.baseName() + QStringLiteral("-%1").arg(n) + suffix;
    taken.insert(candidate);
    return candidate;
}

} // namespace

DeidRunPage::DeidRunPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("deidRunPage"));
    setTitle(tr("De-identifying"));
    setSubTitle(tr("New files are written; the originals are not changed."));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setAccessibleName(tr("Files done"));
    m_progress->setFormat(tr("%v of %m files"));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setAccessibleName(tr("Cancel the de-identification"));
    m_results = new DeidResultTable(this);
    m_export = new QPushButton(tr("&Export as CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_export->setAccessibleName(tr("Export the result table as CSV"));
    m_export->setEnabled(false);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *exportRow = new QHBoxLayout;
    exportRow->addStretch();
    exportRow->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 1);
    layout->addLayout(exportRow);

    connect(m_cancel, &QPushButton::clicked, this, &DeidRunPage::cancel);
    connect(m_export, &QPushButton::clicked, this, &DeidRunPage::exportCsv);
}

DeidRunPage::~DeidRunPage()
{
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->cancel();
    }
    m_token.cancel();
}

void DeidRunPage::initializePage()
{
    // A run is started once: the last page has no Back button, nothing leads here twice.
    if (m_started)
        return;
    m_started = true;
    const auto *owner = qobject_cast<DicomDeidWizard *>(wizard());
    if (!owner)
        return;
    if (owner->sourcePage()->isLocal())
        startLocal();
    else
        startIntegration();
}

bool DeidRunPage::isComplete() const
{
    return m_started && !m_running;
}

void DeidRunPage::startLocal()
{
    const auto *owner = qobject_cast<DicomDeidWizard *>(wizard());
    const auto options = owner->optionsPage()->options();
    const QString folder = QDir::fromNativeSeparators(owner->sourcePage()->outputFolder());
    m_sources = owner->sourcePage()->localFiles();
    m_results->reset(m_sources);
    m_progress->setRange(0, int(m_sources.size()));
    m_running = true;
    if (!options || !QDir().mkpath(folder)) {
        for (int index = 0; index < m_sources.size(); ++index)
            m_results->setRow(index,
                              Row{m_sources.at(index),
                                  Outcome::Failed,
                                  {},
                                  {},
                                  {},
                                  tr("The output folder %1 cannot be created.")
                                      .arg(QDir::toNativeSeparators(folder))});
        finishRun(tr("Nothing was written: the output folder cannot be created."));
        return;
    }

    // One timestamp for the run, spelled as the service spells it.
    const QString timestamp = Dicom::DicomDeidentifier::currentTimestamp();
    QSet<QString> taken;
    const QStringList existing = QDir(folder).entryList(QDir::Files);
    for (const QString &name : existing)
        taken.insert(name);
    QList<Dicom::DeidJob> jobs;
    for (const QString &source : std::as_const(m_sources)) {
        const QString name =
            Dicom::DicomDeidentifier::prefixedName(QFileInfo(source).fileName(), timestamp);
        jobs.append({source, folder, uniqueName(name, taken)});
    }

    m_runner = std::make_unique<Dicom::DeidRunner>(*options);
    connect(m_runner.get(), &Dicom::DeidRunner::fileFinished, this, &DeidRunPage::showLocalResult);
    connect(m_runner.get(), &Dicom::DeidRunner::finished, this, [this] {
        m_runner.release()->deleteLater(); // this slot runs inside the runner
        finishRun(m_cancelled ? tr("Cancelled.") : QString());
    });
    m_progress->setRange(0, int(jobs.size()));
    m_progress->setValue(0);
    updateCounts();
    m_runner->start(jobs);
}

void DeidRunPage::showLocalResult(int index, const Dicom::DeidResult &result)
{
    Row row;
    row.source = m_sources.value(index);
    switch (result.status) {
    case Dicom::DeidResult::Status::Written:
        row.outcome = Outcome::Written;
        row.output = QDir::toNativeSeparators(result.outputPath);
        break;
    case Dicom::DeidResult::Status::NotSaved:
        row.outcome = Outcome::NotSaved;
        row.note = result.error;
        break;
    case Dicom::DeidResult::Status::Previewed:
    case Dicom::DeidResult::Status::Failed:
        row.outcome = Outcome::Failed;
        row.note = result.error;
        break;
    }
    if (row.outcome == Outcome::Written) {
        row.removedTags = int(result.removedTags.size());
        row.boxes = int(result.boxes.size());
    }
    m_results->setRow(index, row);
    updateCounts();
}

void DeidRunPage::startIntegration()
{
    const auto *owner = qobject_cast<DicomDeidWizard *>(wizard());
    const auto options = owner->optionsPage()->options();
    m_sources = owner->sourcePage()->fileUrls();
    m_results->reset(m_sources);
    m_running = true;
    if (!options || !owner->client()) {
        finishRun(tr("Nothing was started: there is no connection."));
        return;
    }

    DeidentifyRequest request;
    request.integrationHash = owner->sourcePage()->integrationId();
    request.dicomUrls = m_sources;
    request.redactDicomTags = options->redactTags;
    switch (options->pixelMode) {
    case Dicom::PixelRedactionMode::NoText:
        request.redactPixelsMode = DeidentifyRedactTextMode::RedactNoText;
        break;
    case Dicom::PixelRedactionMode::AllText:
        request.redactPixelsMode = DeidentifyRedactTextMode::RedactAllText;
        break;
    case Dicom::PixelRedactionMode::SensitiveText:
        request.redactPixelsMode = DeidentifyRedactTextMode::RedactSensitiveText;
        break;
    }
    for (const Dicom::SaveCondition &condition : options->saveConditions) {
        const QString tag = QStringLiteral("%1%2")
                                .arg(condition.group, 4, 16, QLatin1Char('0'))
                                .arg(condition.element, 4, 16, QLatin1Char('0'))
                                .toUpper();
        request.saveConditions.append(
            condition.kind == Dicom::SaveCondition::Kind::In
                ? DeidentifyCondition::in(tag, condition.values)
                : DeidentifyCondition::notSubstr(tag, condition.values.value(0)));
    }
    if (const QString folder = owner->optionsPage()->uploadDir(); !folder.isEmpty())
        request.uploadDir = folder;

    // The service reports only at the end: the bar shows activity, not a fraction.
    m_progress->setRange(0, 0);
    m_summary->setText(tr("The service is de-identifying %1…")
                           .arg(ModelFormat::count(m_sources.size(), tr("file"), tr("files"))));
    m_token = CancelToken();
    const EncordClient client = *owner->client();
    const CancelToken token = m_token;
    auto started = client.startDicomDeidentification(request, token);
    QCoro::connect(std::move(started), this, [this, client, token](const Result<QString> &job) {
        if (!job.ok()) {
            finishRun(
                m_cancelled
                    ? tr("Cancelled.")
                    : tr("The service did not start the job: %1").arg(job.error().userMessage()));
            return;
        }
        auto waited =
            client.dicomDeidentificationResult(job.value(), std::chrono::hours(24), token);
        QCoro::connect(std::move(waited), this, [this](const Result<DeidentifyJobState> &state) {
            if (!state.ok()) {
                finishRun(m_cancelled ? tr("Cancelled. The job may still finish on the server.")
                                      : tr("The job's result could not be read: %1")
                                            .arg(state.error().userMessage()));
                return;
            }
            showIntegrationState(state.value());
        });
    });
}

QList<DeidResultTable::Row> DeidRunPage::integrationRows(const QStringList &sources,
                                                         const DeidentifyJobState &state)
{
    const QJsonArray errors = state.extra.value(QLatin1String("errors")).toArray();
    QList<bool> used(state.urls.size(), false);
    QList<Row> rows;
    for (const QString &source : sources) {
        Row row;
        row.source = source;
        const QString errorPrefix = source + QStringLiteral(": ");
        for (const QJsonValue &error : errors) {
            if (error.toString().startsWith(errorPrefix)) {
                row.outcome = Outcome::Failed;
                row.note = error.toString().mid(errorPrefix.size());
                break;
            }
        }
        if (row.outcome == Outcome::Failed) {
            rows << row;
            continue;
        }
        const QString name = fileNameOf(source);
        for (int index = 0; index < state.urls.size(); ++index) {
            if (!used.at(index) && isCopyOf(fileNameOf(state.urls.at(index)), name)) {
                used[index] = true;
                row.outcome = Outcome::Written;
                row.output = state.urls.at(index);
                break;
            }
        }
        if (row.outcome != Outcome::Written) {
            row.outcome = Outcome::NotSaved;
            row.note = tr("No copy: a save condition failed for this file or its series.");
        }
        rows << row;
    }
    // Copies that name no source (storage items are named by their item, not their file).
    for (int index = 0; index < state.urls.size(); ++index) {
        if (!used.at(index))
            rows << Row{QString(),
                        Outcome::Written,
                        state.urls.at(index),
                        {},
                        {},
                        tr("The service did not say which source this copy is of.")};
    }
    // Errors the service gave for no listed source.
    for (const QJsonValue &error : errors) {
        const bool matched = std::any_of(sources.cbegin(), sources.cend(), [&](const QString &s) {
            return error.toString().startsWith(s + QStringLiteral(": "));
        });
        if (!matched)
            rows << Row{QString(), Outcome::Failed, {}, {}, {}, error.toString()};
    }
    return rows;
}

void DeidRunPage::showIntegrationState(const DeidentifyJobState &state)
{
    const QList<Row> rows = integrationRows(m_sources, state);
    for (int index = 0; index < rows.size(); ++index) {
        if (index < m_sources.size())
            m_results->setRow(index, rows.at(index));
        else
            m_results->appendRow(rows.at(index));
    }
    m_progress->setRange(0, int(m_sources.size()));
    finishRun(state.status.value() == LongPollStatus::Error
                  ? tr("The job ended with errors; the files without one were written. The "
                       "service does not report tag or box counts.")
                  : tr("The service does not report tag or box counts."));
}

void DeidRunPage::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_cancel->setEnabled(false);
    if (m_runner)
        m_runner->cancel();
    m_token.cancel();
}

void DeidRunPage::finishRun(const QString &message)
{
    m_running = false;
    m_cancel->setEnabled(false);
    m_export->setEnabled(true);
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, std::max(1, int(m_sources.size())));
    updateCounts();
    if (!message.isEmpty())
        m_summary->setText(m_summary->text() + QLatin1Char(' ') + message);
    Q_EMIT completeChanged();
    Q_EMIT runFinished();
}

void DeidRunPage::updateCounts()
{
    int written = 0;
    int notSaved = 0;
    int failed = 0;
    for (int index = 0; index < m_results->rowCount(); ++index) {
        switch (m_results->row(index).outcome) {
        case Outcome::Written:
            ++written;
            break;
        case Outcome::NotSaved:
            ++notSaved;
            break;
        case Outcome::Failed:
            ++failed;
            break;
        case Outcome::Waiting:
            break;
        }
    }
    const int done = written + notSaved + failed;
    if (m_progress->maximum() > 0)
        m_progress->setValue(done);
    m_summary->setText(tr("%1 of %2 done: %3 written, %4 not saved, %5 failed.")
                           .arg(done)
                           .arg(ModelFormat::count(m_sources.size(), tr("file"), tr("files")))
                           .arg(written)
                           .arg(notSaved)
                           .arg(failed));
}

void DeidRunPage::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Results"), QStringLiteral("deidentification.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_results->exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Results"), error);
}

} // namespace Encord
