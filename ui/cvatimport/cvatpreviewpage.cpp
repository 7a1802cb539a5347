#include "cvatpreviewpage.h"

#include "cvatimportwizard.h"
#include "modelformat.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Encord {

using Cvat::CvatProblem;
using Cvat::CvatScanResult;
using Cvat::CvatShape;

namespace {

// The filter's choices, in the order of its combo box.
enum class ProblemFilter {
    All,
    Errors,
    Warnings,
    Infos,
};

QString scopeText(const Cvat::CvatExportInfo &info)
{
    switch (info.scope) {
    case Cvat::CvatExportInfo::Scope::Project:
        return CvatPreviewPage::tr("A project export");
    case Cvat::CvatExportInfo::Scope::Task:
        return CvatPreviewPage::tr("A task export");
    case Cvat::CvatExportInfo::Scope::Job:
        return CvatPreviewPage::tr("A job export");
    case Cvat::CvatExportInfo::Scope::Unknown:
        break;
    }
    return CvatPreviewPage::tr("An export without <meta> (read as a task)");
}

QIcon swatch(const QString &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    if (QColor(color).isValid()) {
        QPainter painter(&pixmap);
        painter.setPen(QColor(0, 0, 0, 90));
        painter.setBrush(QColor(color));
        painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1));
    }
    return QIcon(pixmap);
}

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setAccessibleName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

CvatPreviewPage::CvatPreviewPage(QWidget *parent)
    : QWizardPage(parent)
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_labels(makeTable(
          {tr("Label"), tr("Shapes"), tr("By kind"), tr("Attributes")}, tr("Labels"), this))
    , m_filter(new QComboBox(this))
    , m_problems(
          makeTable({tr("Severity"), tr("Line"), tr("Image"), tr("Problem")}, tr("Problems"), this))
    , m_save(new QPushButton(tr("&Save Report…"), this))
    , m_verdict(new QLabel(this))
{
    setTitle(tr("Preview"));
    setSubTitle(tr("What the export holds and what cannot be carried over as it is."));
    m_progress->setAccessibleName(tr("Reading the export"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Export"));
    m_counts->setAccessibleName(tr("Images"));
    m_counts->setWordWrap(true);
    m_filter->addItems({tr("All problems"), tr("Errors"), tr("Warnings"), tr("Notes")});
    m_filter->setAccessibleName(tr("Show problems"));
    m_save->setAccessibleName(tr("Save the problems report"));
    m_verdict->setWordWrap(true);
    m_verdict->setAccessibleName(tr("Verdict"));
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);

    auto *problemBar = new QHBoxLayout;
    problemBar->addWidget(new QLabel(tr("Problems:"), this));
    problemBar->addWidget(m_filter);
    problemBar->addStretch(1);
    problemBar->addWidget(m_save);
    auto *problemPanel = new QWidget(this);
    auto *problemLayout = new QVBoxLayout(problemPanel);
    problemLayout->setContentsMargins(0, 0, 0, 0);
    problemLayout->addLayout(problemBar);
    problemLayout->addWidget(m_problems, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_labels);
    splitter->addWidget(problemPanel);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_counts);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_verdict);

    connect(m_filter, &QComboBox::currentIndexChanged, this, &CvatPreviewPage::fillProblems);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this,
            tr("Save Problems Report"),
            QDir::home().filePath(QStringLiteral("cvat-import-problems.txt")),
            tr("Text files (*.txt)"));
        if (!path.isEmpty())
            saveReport(path);
    });
}

CvatPreviewPage::~CvatPreviewPage()
{
    stopScan();
}

void CvatPreviewPage::initializePage()
{
    startScan();
}

void CvatPreviewPage::cleanupPage()
{
    stopScan();
}

bool CvatPreviewPage::isScanning() const
{
    // Until the finished() handler ran: the worker may be done while its signal is queued.
    return m_watcher != nullptr;
}

bool CvatPreviewPage::isComplete() const
{
    return !isScanning() && m_scan && m_scan->importable();
}

void CvatPreviewPage::stopScan()
{
    if (m_stop)
        m_stop->store(true);
    if (m_watcher) {
        m_watcher->disconnect(this);
        // The scan checks the flag every few images; waiting here keeps the worker from
        // outliving the page.
        m_watcher->waitForFinished();
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
}

void CvatPreviewPage::startScan()
{
    stopScan();
    m_scan.reset();
    m_labels->setRowCount(0);
    m_problems->setRowCount(0);
    m_summary->clear();
    m_counts->clear();
    m_save->setEnabled(false);
    m_verdict->setText(tr("Reading the export…"));
    m_progress->setRange(0, 0);
    m_progress->show();

    const QString path = QDir::fromNativeSeparators(field(QStringLiteral("exportPath")).toString());
    auto stop = std::make_shared<std::atomic_bool>(false);
    m_stop = stop;
    // Called on the worker thread: hands the numbers to the page's thread. The page waits for
    // the worker before it goes away, and queued calls to a deleted page are dropped.
    auto progress = [stop, page = this](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            page,
            [page, done, total] {
                if (total <= 0)
                    return;
                page->m_progress->setRange(0, 1000);
                page->m_progress->setValue(int(done * 1000 / total));
            },
            Qt::QueuedConnection);
        return !stop->load();
    };
    m_watcher = new QFutureWatcher<CvatScanResult>(this);
    connect(m_watcher, &QFutureWatcher<CvatScanResult>::finished, this, [this] {
        auto scan = std::make_shared<const CvatScanResult>(m_watcher->result());
        m_watcher->deleteLater();
        m_watcher = nullptr;
        m_scan = scan;
        if (auto *importWizard = qobject_cast<CvatImportWizard *>(wizard()))
            importWizard->setScan(scan);
        showScan(*scan);
        Q_EMIT completeChanged();
        Q_EMIT scanFinished();
    });
    m_watcher->setFuture(
        QtConcurrent::run([path, progress] { return Cvat::CvatExportScan::scan(path, progress); }));
    Q_EMIT completeChanged();
}

void CvatPreviewPage::showScan(const CvatScanResult &scan)
{
    m_progress->hide();
    if (!scan.openError.isEmpty()) {
        m_summary->setText(scan.openError);
        m_verdict->setText(tr("This export cannot be imported."));
        return;
    }
    const Cvat::CvatExportInfo &info = scan.info;
    QString what = tr("%1 of \"%2\"").arg(scopeText(info), scan.folder->displayName());
    if (!info.name.isEmpty())
        what += tr(", named \"%1\" in CVAT").arg(info.name);
    what += tr(", format version %1.")
                .arg(info.version.isEmpty() ? tr("unknown (read as 1.1)") : info.version);
    m_summary->setText(what);
    m_counts->setText(tr("%1 in annotations.xml: ")
                          .arg(ModelFormat::count(scan.imagesInXml, tr("image"), tr("images")))
                      + tr("%1 found, %2 missing, %3 extra files not named by any image.")
                            .arg(scan.found)
                            .arg(scan.missing)
                            .arg(scan.extra));

    m_labels->setSortingEnabled(false);
    m_labels->setRowCount(int(scan.labels.size()));
    for (int row = 0; row < scan.labels.size(); ++row) {
        const Cvat::CvatLabelSummary &label = scan.labels.at(row);
        auto *name = new QTableWidgetItem(swatch(label.color), label.name);
        if (!label.declared)
            name->setToolTip(tr("Used by shapes but not declared in the export's labels."));
        QStringList kinds;
        for (auto it = label.shapeCounts.cbegin(); it != label.shapeCounts.cend(); ++it)
            kinds << QStringLiteral("%1 %2").arg(CvatShape::elementName(it.key())).arg(it.value());
        auto *total = new QTableWidgetItem;
        total->setData(Qt::DisplayRole, label.total());
        m_labels->setItem(row, 0, name);
        m_labels->setItem(row, 1, total);
        m_labels->setItem(row, 2, new QTableWidgetItem(kinds.join(QStringLiteral(", "))));
        m_labels->setItem(
            row, 3, new QTableWidgetItem(label.attributes.join(QStringLiteral(", "))));
    }
    // A header starts out descending: labels read A to Z.
    m_labels->sortItems(0, Qt::AscendingOrder);
    m_labels->setSortingEnabled(true);
    m_labels->resizeColumnsToContents();

    m_save->setEnabled(!scan.problems.isEmpty());
    fillProblems();

    const int errors = scan.problems.count(CvatProblem::Severity::Error);
    const int warnings = scan.problems.count(CvatProblem::Severity::Warning);
    if (scan.importable()) {
        m_verdict->setText(
            warnings == 0 ? tr("Ready to import.")
                          : tr("Ready to import; read the %1 first: what they name is changed "
                               "or left out.")
                                .arg(ModelFormat::count(warnings, tr("warning"), tr("warnings"))));
    } else if (errors > 0) {
        m_verdict->setText(tr("%1 must be fixed in the export before it can be imported; "
                              "nothing has been uploaded.")
                               .arg(ModelFormat::count(errors, tr("error"), tr("errors"))));
    } else {
        m_verdict->setText(tr("This export cannot be imported."));
    }
}

void CvatPreviewPage::fillProblems()
{
    m_problems->setSortingEnabled(false);
    m_problems->setRowCount(0);
    if (!m_scan)
        return;
    const auto filter = ProblemFilter(m_filter->currentIndex());
    for (const CvatProblem &problem : m_scan->problems.problems()) {
        if ((filter == ProblemFilter::Errors && problem.severity != CvatProblem::Severity::Error)
            || (filter == ProblemFilter::Warnings
                && problem.severity != CvatProblem::Severity::Warning)
            || (filter == ProblemFilter::Infos && problem.severity != CvatProblem::Severity::Info))
            continue;
        const int row = m_problems->rowCount();
        m_problems->insertRow(row);
        m_problems->setItem(
            row, 0, new QTableWidgetItem(CvatProblem::severityName(problem.severity)));
        auto *line = new QTableWidgetItem;
        if (problem.line > 0)
            line->setData(Qt::DisplayRole, problem.line);
        m_problems->setItem(row, 1, line);
        m_problems->setItem(row, 2, new QTableWidgetItem(problem.imageName));
        auto *message = new QTableWidgetItem(problem.message);
        message->setToolTip(problem.message);
        m_problems->setItem(row, 3, message);
    }
    // In the order of the file, as the report lists them.
    m_problems->sortItems(1, Qt::AscendingOrder);
    m_problems->setSortingEnabled(true);
    m_problems->resizeColumnToContents(0);
    m_problems->resizeColumnToContents(1);
}

bool CvatPreviewPage::saveReport(const QString &path)
{
    if (!m_scan)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !m_scan->problems.writeText(file) || !file.commit()) {
        m_verdict->setText(tr("Could not save the report to %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

} // namespace Encord
