// The DICOM de-identification wizard driven as a user would, under the offscreen platform:
// local sample files chosen by folder and by drop, the output folder refused when it is a
// source folder, options and save conditions read from the page, a preview that lists the
// tags removed and kept, a run through real encord-deid-worker processes that writes copies
// dcmdump reads (PatientID gone, PatientName kept), a broken file as its own error row, the
// CSV export, integration files picked in the storage browser or pasted and de-identified end to
// end by a real local server, and every control of every page named for screen readers.

#include "accessibilityaudit.h"
#include "auth/publickey.h"
#include "deidoptionspage.h"
#include "deidpreviewpage.h"
#include "deidresulttable.h"
#include "deidrunpage.h"
#include "deidsourcepage.h"
#include "dicomdeidaction.h"
#include "dicomdeidwizard.h"
#include "integrationstore.h"
#include "itemstore.h"
#include "localserver.h"
#include "saveconditioneditor.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "storagefoldertreemodel.h"
#include "storageitemlistmodel.h"
#include "testpaths.h"
#include "userstore.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Encord;
using Outcome = DeidResultTable::Outcome;

namespace {

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// What dcmdump prints for a file (empty when it cannot read it).
QString dump(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("dcmdump"), {QStringLiteral("-q"), path});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromLatin1(process.readAllStandardOutput());
}

QStringList column(const QTableWidget *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts << (table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts;
}

} // namespace

class TestDicomDeidWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void shouldRefuseAnOutputFolderThatIsOrIsInsideASource();
    void shouldCollectFoldersRecursivelyAndDroppedFiles();
    void shouldNameEveryControl();
    void shouldReadOptionsAndSaveConditions();
    void shouldPreviewTheTagsRemovedAndKept();
    void shouldPreviewTheBoxesOnTheImage();
    void shouldWriteCopiesAndReportABrokenFileOnItsOwnRow();
    void shouldHoldBackFilesThatFailASaveCondition();
    void shouldStopARunOnCancel();
    void shouldDeidentifyIntegrationFilesThroughTheServer();
    void shouldPickIntegrationFilesFromTheStorageBrowser();
    void shouldSendSaveConditionsToTheService();
    void shouldMatchServiceCopiesToTheirSources();
    void shouldOpenFromTheToolsMenu();

private:
    /// A wizard on the local sources, shown, on its first page with the output folder set.
    std::unique_ptr<DicomDeidWizard> localWizard(const QString &output,
                                                 const QStringList &paths) const;
    /// Goes from the options page to the run page and waits for the run to end.
    static bool runToEnd(DicomDeidWizard &wizard);

    QTemporaryDir m_dir;
    QString m_sources;
    QString m_root;
    QString m_integration;
    std::unique_ptr<Server::LocalServer> m_server;
    PrivateKey m_key;
    Server::UserRecord m_user;
    std::optional<EncordClient> m_client;
};

void TestDicomDeidWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("ENCORD_DEID_WORKER", ENCORD_DEID_WORKER_BINARY);
    qputenv("ASAN_OPTIONS", "detect_leaks=0");

    // Local sources: three readable samples (one under a subfolder, one whose name needs
    // quoting in CSV) and a broken file.
    const QDir samples(EncordTest::sharedPath(QStringLiteral("samples/dicom")));
    m_sources = m_dir.filePath(QStringLiteral("sources"));
    QVERIFY(QDir().mkpath(m_sources + QStringLiteral("/series2")));
    QVERIFY(QFile::copy(samples.filePath(QStringLiteral("pydicom_CT_small.dcm")),
                        m_sources + QStringLiteral("/ct, small.dcm")));
    QVERIFY(QFile::copy(samples.filePath(QStringLiteral("pydicom_MR_small.dcm")),
                        m_sources + QStringLiteral("/mr.dcm")));
    QVERIFY(QFile::copy(samples.filePath(QStringLiteral("pydicom_MR_small_RLE.dcm")),
                        m_sources + QStringLiteral("/series2/mr_rle.dcm")));
    QFile broken(m_sources + QStringLiteral("/broken.dcm"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(700, 'x'));
    broken.close();

    // A local server with a local-folder integration holding a CT and a broken file.
    m_root = m_dir.filePath(QStringLiteral("pacs"));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/study")));
    QVERIFY(QFile::copy(samples.filePath(QStringLiteral("pydicom_CT_small.dcm")),
                        m_root + QStringLiteral("/study/ct.dcm")));
    QVERIFY(QFile::copy(m_sources + QStringLiteral("/broken.dcm"),
                        m_root + QStringLiteral("/study/broken.dcm")));
    m_server = std::make_unique<Server::LocalServer>(m_dir.filePath(QStringLiteral("server")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_key = PrivateKey::generate();
    m_user =
        Server::UserStore(m_server->workspace()->database())
            .add(QStringLiteral("me@example.com"), *PublicKey::fromRaw(m_key.publicKeyRaw()), true);
    m_integration = Server::IntegrationStore(m_server->workspace()->database())
                        .add(QStringLiteral("PACS export"), m_root)
                        .uuid;
    m_root = QFileInfo(m_root).canonicalFilePath();
    RequestsSettings settings;
    settings.backoffFactor = 0.01;
    m_client.emplace(m_key, QUrl(m_server->baseUrl()), settings);
}

void TestDicomDeidWizard::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

std::unique_ptr<DicomDeidWizard> TestDicomDeidWizard::localWizard(const QString &output,
                                                                  const QStringList &paths) const
{
    auto wizard = std::make_unique<DicomDeidWizard>(m_client);
    wizard->show();
    wizard->restart();
    wizard->sourcePage()->setLocal(true);
    wizard->sourcePage()->addLocalPaths(paths);
    wizard->sourcePage()->setOutputFolder(output);
    return wizard;
}

bool TestDicomDeidWizard::runToEnd(DicomDeidWizard &wizard)
{
    QSignalSpy finished(wizard.runPage(), &DeidRunPage::runFinished);
    while (wizard.currentId() != DicomDeidWizard::RunPageId) {
        const int before = wizard.currentId();
        wizard.next();
        if (wizard.currentId() == before)
            return false;
    }
    return finished.wait(60000);
}

void TestDicomDeidWizard::shouldRefuseAnOutputFolderThatIsOrIsInsideASource()
{
    // Given the sources folder
    DicomDeidWizard wizard(std::nullopt);
    wizard.show();
    DeidSourcePage *page = wizard.sourcePage();
    QCOMPARE(page->addLocalPaths({m_sources}), 4);
    auto *problem = page->findChild<QLabel *>(QStringLiteral("outputProblem"));
    QVERIFY(problem);

    // The folder itself, a folder inside it (not created yet), the same by "..", and a link
    // to it are all refused, with the reason beside the field
    QVERIFY(QFile::link(m_sources, m_dir.filePath(QStringLiteral("link-to-sources"))));
    for (const QString &output :
         QStringList{m_sources,
                     m_sources + QStringLiteral("/deid/out"),
                     m_sources + QStringLiteral("/series2/../series2"),
                     m_dir.filePath(QStringLiteral("link-to-sources/out"))}) {
        page->setOutputFolder(output);
        QVERIFY2(!page->isComplete(), qPrintable(output));
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().contains(QStringLiteral("must not be a source folder")),
                 qPrintable(problem->text()));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    }

    // A file, an empty field: refused too
    page->setOutputFolder(m_sources + QStringLiteral("/mr.dcm"));
    QVERIFY(!page->isComplete());
    page->setOutputFolder(QString());
    QVERIFY(!page->isComplete());

    // A folder beside the sources is accepted
    page->setOutputFolder(m_dir.filePath(QStringLiteral("beside")));
    QVERIFY(page->isComplete());
    QVERIFY(problem->isHidden());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    // A single file added: its own folder counts as a source folder
    page->clearLocalFiles();
    page->addLocalPaths({m_sources + QStringLiteral("/series2/mr_rle.dcm")});
    page->setOutputFolder(m_sources + QStringLiteral("/series2"));
    QVERIFY(!page->isComplete());
    page->setOutputFolder(m_sources);
    QVERIFY(page->isComplete());
}

void TestDicomDeidWizard::shouldCollectFoldersRecursivelyAndDroppedFiles()
{
    DicomDeidWizard wizard(std::nullopt);
    wizard.show();
    DeidSourcePage *page = wizard.sourcePage();

    // A folder brings every file below it, once
    QCOMPARE(page->addLocalPaths({m_sources}), 4);
    QCOMPARE(page->addLocalPaths({m_sources}), 0);
    QVERIFY(page->localFiles().contains(m_sources + QStringLiteral("/series2/mr_rle.dcm")));

    // Dropping files onto the page adds them
    page->clearLocalFiles();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_sources + QStringLiteral("/mr.dcm")),
                  QUrl::fromLocalFile(m_sources + QStringLiteral("/series2"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page, &drop);
    QCOMPARE(page->localFiles(),
             QStringList({m_sources + QStringLiteral("/mr.dcm"),
                          m_sources + QStringLiteral("/series2/mr_rle.dcm")}));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("fileCount"))->text(),
             QStringLiteral("2 files"));

    // Without a connection, integration files cannot be chosen
    QVERIFY(!page->findChild<QWidget *>(QStringLiteral("integrationChoice"))->isEnabled());
}

void TestDicomDeidWizard::shouldNameEveryControl()
{
    // Every page at once (the pages not shown too), with a save condition's row in the table;
    // the pages filled by a preview or a run are checked again there.
    DicomDeidWizard wizard(m_client);
    wizard.optionsPage()->conditionEditor()->addCondition();
    wizard.show();
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    wizard.sourcePage()->setLocal(false);
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
}

void TestDicomDeidWizard::shouldReadOptionsAndSaveConditions()
{
    DicomDeidWizard wizard(std::nullopt);
    DeidOptionsPage *page = wizard.optionsPage();

    // Defaults: tags redacted, pixels untouched, prefixed names
    auto options = page->options();
    QVERIFY(options);
    QVERIFY(options->redactTags);
    QCOMPARE(options->pixelMode, Dicom::PixelRedactionMode::NoText);
    QCOMPARE(options->naming, Dicom::OutputNaming::PrefixedOriginal);
    QVERIFY(options->saveConditions.isEmpty());
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("patientNameNote"))
                ->text()
                .contains(QStringLiteral("Patient Name is kept")));

    // Every pixel mode of the spec can be chosen
    auto *modes = page->findChild<QComboBox *>(QStringLiteral("pixelMode"));
    QCOMPARE(modes->count(), 3);
    for (const auto mode : {Dicom::PixelRedactionMode::AllText,
                            Dicom::PixelRedactionMode::SensitiveText,
                            Dicom::PixelRedactionMode::NoText}) {
        page->setPixelMode(mode);
        QCOMPARE(page->options()->pixelMode, mode);
    }

    // Conditions by keyword, by number, with both kinds
    SaveConditionEditor *editor = page->conditionEditor();
    editor->addCondition(
        QStringLiteral("modality"), Dicom::SaveCondition::Kind::In, QStringLiteral(" CT, mr ,"));
    editor->addCondition(QStringLiteral("(0008,0008)"),
                         Dicom::SaveCondition::Kind::NotSubstr,
                         QStringLiteral("SECONDARY"));
    editor->addCondition(QStringLiteral("BodyPartExamined (0018,0015)"),
                         Dicom::SaveCondition::Kind::In,
                         QStringLiteral("HEAD"));
    page->setNaming(Dicom::OutputNaming::SopInstanceUid);
    page->setRedactTags(false);
    options = page->options();
    QVERIFY(options);
    QVERIFY(!options->redactTags);
    QCOMPARE(options->naming, Dicom::OutputNaming::SopInstanceUid);
    QCOMPARE(options->saveConditions.size(), 3);
    const Dicom::SaveCondition &modality = options->saveConditions.at(0);
    QCOMPARE(modality.kind, Dicom::SaveCondition::Kind::In);
    QCOMPARE(modality.group, 0x0008);
    QCOMPARE(modality.element, 0x0060);
    QCOMPARE(modality.values, QStringList({QStringLiteral("CT"), QStringLiteral("mr")}));
    QCOMPARE(options->saveConditions.at(1).kind, Dicom::SaveCondition::Kind::NotSubstr);
    QCOMPARE(options->saveConditions.at(1).element, 0x0008);
    QCOMPARE(options->saveConditions.at(1).values, QStringList{QStringLiteral("SECONDARY")});
    QCOMPARE(options->saveConditions.at(2).group, 0x0018);
    QCOMPARE(options->saveConditions.at(2).element, 0x0015);
    QVERIFY(page->isComplete());

    // A tag that is neither a keyword nor a number, or a condition without values, stops the page
    auto *problem = page->findChild<QLabel *>(QStringLiteral("conditionProblem"));
    const int bad = editor->addCondition(
        QStringLiteral("NoSuchKeyword"), Dicom::SaveCondition::Kind::In, QStringLiteral("x"));
    QVERIFY(!page->options());
    QVERIFY(!page->isComplete());
    QVERIFY(problem->text().contains(QStringLiteral("NoSuchKeyword")));
    editor->removeCondition(bad);
    QVERIFY(page->isComplete());
    editor->addCondition(QStringLiteral("0008,0060"), Dicom::SaveCondition::Kind::NotSubstr, {});
    QVERIFY(!page->isComplete());
    QVERIFY(problem->text().contains(QStringLiteral("no value")));
}

void TestDicomDeidWizard::shouldPreviewTheTagsRemovedAndKept()
{
    const auto wizard = localWizard(m_dir.filePath(QStringLiteral("out-preview")),
                                    {m_sources + QStringLiteral("/ct, small.dcm")});
    QSignalSpy ready(wizard->previewPage(), &DeidPreviewPage::previewReady);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DicomDeidWizard::OptionsPageId));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DicomDeidWizard::PreviewPageId));
    QVERIFY(ready.wait(30000));

    const auto *removed =
        wizard->previewPage()->findChild<QTableWidget *>(QStringLiteral("removedTags"));
    const auto *kept = wizard->previewPage()->findChild<QTableWidget *>(QStringLiteral("keptTags"));
    const QStringList removedKeywords = column(removed, 1);
    const QStringList keptKeywords = column(kept, 1);
    QVERIFY2(removedKeywords.contains(QStringLiteral("PatientID")),
             qPrintable(removedKeywords.join(u' ')));
    QVERIFY(removedKeywords.contains(QStringLiteral("InstitutionName")));
    QVERIFY(!removedKeywords.contains(QStringLiteral("PatientName")));
    QVERIFY(keptKeywords.contains(QStringLiteral("PatientName")));
    QVERIFY(keptKeywords.contains(QStringLiteral("SOPInstanceUID")));
    QVERIFY(keptKeywords.contains(QStringLiteral("Rows")));
    QVERIFY(column(removed, 0).contains(QStringLiteral("(0010,0020)")));
    QVERIFY(wizard->previewPage()
                ->findChild<QLabel *>(QStringLiteral("previewStatus"))
                ->text()
                .contains(QStringLiteral("will be removed")));
    // Tag-only mode: the image note says the pixels stay as they are
    QVERIFY(wizard->previewPage()
                ->findChild<QLabel *>(QStringLiteral("imageNote"))
                ->text()
                .contains(QStringLiteral("unchanged")));
    // Nothing was written
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("out-preview"))));
    ENCORD_VERIFY_CONTROLS_NAMED(wizard.get());
}

void TestDicomDeidWizard::shouldPreviewTheBoxesOnTheImage()
{
    // The smallest sample with burned-in text keeps text detection to a few seconds.
    const QString sample =
        EncordTest::sharedPath(QStringLiteral("samples/dicom/pydicom_GDCMJ2K_TextGBR.dcm"));
    const auto wizard = localWizard(m_dir.filePath(QStringLiteral("out-boxes")), {sample});
    wizard->next();
    wizard->optionsPage()->setPixelMode(Dicom::PixelRedactionMode::AllText);
    QSignalSpy ready(wizard->previewPage(), &DeidPreviewPage::previewReady);
    wizard->next();
    QVERIFY(ready.wait(60000));

    const Dicom::DeidResult &result = wizard->previewPage()->result();
    QCOMPARE(result.status, Dicom::DeidResult::Status::Previewed);
    QVERIFY(!result.boxes.isEmpty());
    QVERIFY(!wizard->previewPage()->frame().isNull());
    const auto *before = wizard->previewPage()->findChild<QLabel *>(QStringLiteral("beforeImage"));
    const auto *after = wizard->previewPage()->findChild<QLabel *>(QStringLiteral("afterImage"));
    QVERIFY(!before->pixmap().isNull());
    QVERIFY(!after->pixmap().isNull());

    // The copy's image is black where a box is and the original elsewhere
    const QImage shown = after->pixmap().toImage();
    const QImage original = wizard->previewPage()->frame();
    const QRect box = result.boxes.first().rect;
    const double scale = double(shown.width()) / original.width();
    const QPoint inside((box.center().x() + 0.5) * scale, (box.center().y() + 0.5) * scale);
    QCOMPARE(qGray(shown.pixel(inside)), 0);
    QVERIFY(wizard->previewPage()
                ->findChild<QLabel *>(QStringLiteral("imageNote"))
                ->text()
                .contains(QStringLiteral("blacked out")));
}

void TestDicomDeidWizard::shouldWriteCopiesAndReportABrokenFileOnItsOwnRow()
{
    // Given the sources folder (three samples and a broken file) and an output beside it
    const QString output = m_dir.filePath(QStringLiteral("out-run"));
    const QString ct = m_sources + QStringLiteral("/ct, small.dcm");
    const QByteArray before = hashOf(ct);
    const auto wizard = localWizard(output, {m_sources});

    // When the run ends
    QVERIFY(runToEnd(*wizard));

    // Then each source has its row: three written into the output folder, the broken one failed
    const DeidResultTable *table = wizard->runPage()->resultTable();
    QCOMPARE(table->rowCount(), 4);
    int written = 0;
    for (int index = 0; index < table->rowCount(); ++index) {
        const DeidResultTable::Row row = table->row(index);
        if (row.source.endsWith(QStringLiteral("broken.dcm"))) {
            QCOMPARE(row.outcome, Outcome::Failed);
            QVERIFY(!row.note.isEmpty());
            QVERIFY(row.output.isEmpty());
            continue;
        }
        QCOMPARE(row.outcome, Outcome::Written);
        ++written;
        QCOMPARE(QFileInfo(row.output).absolutePath(), QFileInfo(output).absoluteFilePath());
        QVERIFY(QFileInfo(row.output).fileName().startsWith(QStringLiteral("deid_")));
        QVERIFY(QFileInfo(row.output).fileName().endsWith(QFileInfo(row.source).fileName()));
        QVERIFY(row.removedTags.value_or(0) > 0);
        QCOMPARE(row.boxes, std::optional<int>(0));
        const QString text = dump(row.output);
        QVERIFY2(text.contains(QStringLiteral("PatientName")), qPrintable(row.output));
        QVERIFY(!text.contains(QStringLiteral("PatientID")));
        QVERIFY(!text.contains(QStringLiteral("InstitutionName")));
    }
    QCOMPARE(written, 3);
    QCOMPARE(QDir(output).entryList(QDir::Files).size(), 3);
    QCOMPARE(hashOf(ct), before);
    QVERIFY(wizard->runPage()
                ->findChild<QLabel *>(QStringLiteral("runSummary"))
                ->text()
                .contains(QStringLiteral("4 of 4 files done: 3 written, 0 not saved, 1 failed")));
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    ENCORD_VERIFY_CONTROLS_NAMED(wizard.get());

    // And the CSV export has a header and a row per file, quoted where a name has a comma
    const QString csvPath = m_dir.filePath(QStringLiteral("results.csv"));
    QString error;
    QVERIFY2(table->exportCsv(csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.first(),
             QStringLiteral("File,Status,Output,Removed tags,Redacted boxes,Error or note"));
    const auto line = [&](const QString &needle) {
        for (const QString &l : lines) {
            if (l.contains(needle))
                return l;
        }
        return QString();
    };
    QVERIFY(line(QStringLiteral("broken.dcm")).contains(QStringLiteral(",Failed,,,,")));
    const QString ctLine = line(QStringLiteral("\"") + ct + QStringLiteral("\",Written,\""));
    QVERIFY2(!ctLine.isEmpty(), qPrintable(lines.join(u'\n')));
    QVERIFY(ctLine.endsWith(QStringLiteral(",0,")));
}

void TestDicomDeidWizard::shouldHoldBackFilesThatFailASaveCondition()
{
    const QString output = m_dir.filePath(QStringLiteral("out-conditions"));
    const auto wizard = localWizard(
        output,
        {m_sources + QStringLiteral("/ct, small.dcm"), m_sources + QStringLiteral("/mr.dcm")});
    wizard->next();
    wizard->optionsPage()->conditionEditor()->addCondition(
        QStringLiteral("Modality"), Dicom::SaveCondition::Kind::In, QStringLiteral("ct"));
    wizard->optionsPage()->setNaming(Dicom::OutputNaming::SopInstanceUid);
    QVERIFY(runToEnd(*wizard));

    const DeidResultTable *table = wizard->runPage()->resultTable();
    QCOMPARE(table->row(0).outcome, Outcome::Written);
    QVERIFY(
        QFileInfo(table->row(0).output).fileName().startsWith(QStringLiteral("1.3.6.1.4.1.5962")));
    QCOMPARE(table->row(1).outcome, Outcome::NotSaved);
    QVERIFY(table->row(1).note.contains(QStringLiteral("(0008,0060)")));
    QCOMPARE(QDir(output).entryList(QDir::Files).size(), 1);
}

void TestDicomDeidWizard::shouldStopARunOnCancel()
{
    // Given a run slow enough to interrupt: text detection on six ten-frame ultrasounds
    const QString slow = m_dir.filePath(QStringLiteral("slow"));
    QVERIFY(QDir().mkpath(slow));
    const QString echo =
        EncordTest::sharedPath(QStringLiteral("samples/dicom/octave_US-PAL-8-10x-echo.dcm"));
    for (int n = 0; n < 6; ++n)
        QVERIFY(QFile::copy(echo, slow + QStringLiteral("/echo%1.dcm").arg(n)));
    const QString output = m_dir.filePath(QStringLiteral("out-cancelled"));
    const auto wizard = localWizard(output, {slow});
    wizard->next();
    wizard->optionsPage()->setPixelMode(Dicom::PixelRedactionMode::AllText);
    wizard->next();
    QCOMPARE(wizard->button(QWizard::NextButton)->text(), QStringLiteral("&De-identify"));
    QSignalSpy finished(wizard->runPage(), &DeidRunPage::runFinished);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DicomDeidWizard::RunPageId));
    QVERIFY(wizard->runPage()->isRunning());
    QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());

    // When Cancel is clicked
    auto *cancel = wizard->runPage()->findChild<QAbstractButton *>(QStringLiteral("cancelRun"));
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);

    // Then the run ends at once, every unfinished file says so, no partial copy is left
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QVERIFY(!wizard->runPage()->isRunning());
    const DeidResultTable *table = wizard->runPage()->resultTable();
    int stopped = 0;
    for (int index = 0; index < table->rowCount(); ++index) {
        const DeidResultTable::Row row = table->row(index);
        QVERIFY(row.outcome != Outcome::Waiting);
        if (row.outcome == Outcome::Failed) {
            ++stopped;
            QVERIFY(!row.note.isEmpty());
        }
    }
    QVERIFY(stopped > 0);
    QCOMPARE(QDir(output).entryList(QDir::Files).size(), table->rowCount() - stopped);
    QVERIFY(wizard->runPage()
                ->findChild<QLabel *>(QStringLiteral("runSummary"))
                ->text()
                .contains(QStringLiteral("Cancelled")));
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
}

void TestDicomDeidWizard::shouldDeidentifyIntegrationFilesThroughTheServer()
{
    // Given a wizard on the connection, integration files chosen by URL
    DicomDeidWizard wizard(m_client);
    DeidSourcePage *source = wizard.sourcePage();
    QSignalSpy loaded(source, &DeidSourcePage::integrationsLoaded);
    wizard.show();
    wizard.restart();
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    QCOMPARE(source->integrationTitle(), QStringLiteral("PACS export"));
    QCOMPARE(source->integrationId(), m_integration);
    source->setLocal(false);
    QVERIFY(!source->isComplete());
    const QString ctUrl = QUrl::fromLocalFile(m_root + QStringLiteral("/study/ct.dcm")).toString();
    const QString brokenUrl =
        QUrl::fromLocalFile(m_root + QStringLiteral("/study/broken.dcm")).toString();
    source->setFileUrls({ctUrl, QString(), brokenUrl});
    QCOMPARE(source->fileUrls(), QStringList({ctUrl, brokenUrl}));
    QVERIFY(source->isComplete());
    wizard.next();
    QVERIFY(wizard.optionsPage()->findChild<QWidget *>(QStringLiteral("uploadDir"))->isVisible());
    wizard.optionsPage()->setUploadDir(QStringLiteral("deid/wizard"));

    // When it runs (no preview page for service files)
    QSignalSpy finished(wizard.runPage(), &DeidRunPage::runFinished);
    QCOMPARE(wizard.nextId(), int(DicomDeidWizard::RunPageId));
    wizard.next();
    QVERIFY(finished.wait(60000));

    // Then the CT's copy is in the upload folder, the broken file has its error
    const DeidResultTable *table = wizard.runPage()->resultTable();
    QCOMPARE(table->rowCount(), 2);
    const DeidResultTable::Row ct = table->row(0);
    QCOMPARE(ct.outcome, Outcome::Written);
    const QString copy = QUrl(ct.output).toLocalFile();
    QCOMPARE(QFileInfo(copy).path(), m_root + QStringLiteral("/deid/wizard"));
    const QString text = dump(copy);
    QVERIFY(text.contains(QStringLiteral("PatientName")));
    QVERIFY(!text.contains(QStringLiteral("PatientID")));
    const DeidResultTable::Row broken = table->row(1);
    QCOMPARE(broken.outcome, Outcome::Failed);
    QVERIFY(!broken.note.isEmpty());
    QVERIFY(table->toCsv().contains(ct.output));
}

void TestDicomDeidWizard::shouldPickIntegrationFilesFromTheStorageBrowser()
{
    // Given a storage folder with files registered from the integration (its CT and a text
    // file) and a DICOM file kept in Encord's own storage
    const QString ctUrl = QUrl::fromLocalFile(m_root + QStringLiteral("/study/ct.dcm")).toString();
    const QString notesUrl =
        QUrl::fromLocalFile(m_root + QStringLiteral("/study/notes.txt")).toString();
    const auto folder = QCoro::waitFor(m_client->createStorageFolder(QStringLiteral("PACS study")));
    QVERIFY(folder.ok());
    {
        Server::SqliteDatabase &db = m_server->workspace()->database();
        Server::SqliteTransaction transaction(db);
        Server::ItemStore items(db, m_user);
        const auto add = [&](const QString &name,
                             const QString &type,
                             const QString &mime,
                             const std::optional<QString> &integration,
                             const QString &url) {
            Server::ItemRecord item;
            item.folder = folder->uuid;
            item.itemType = type;
            item.name = name;
            item.mimeType = mime;
            item.integration = integration;
            item.url = url;
            items.insert(item);
        };
        // As the server registers an integration's files: images, their type from the content.
        add(QStringLiteral("ct.dcm"),
            QStringLiteral("image"),
            QStringLiteral("application/dicom"),
            m_integration,
            ctUrl);
        add(QStringLiteral("notes.txt"),
            QStringLiteral("image"),
            QStringLiteral("text/plain"),
            m_integration,
            notesUrl);
        add(QStringLiteral("uploaded.dcm"),
            QStringLiteral("dicomFile"),
            QStringLiteral("application/dicom"),
            std::nullopt,
            QStringLiteral("uploads/uploaded.dcm"));
        transaction.commit();
    }

    // When the integration is chosen and the folder opened in the browser
    DicomDeidWizard wizard(m_client);
    DeidSourcePage *source = wizard.sourcePage();
    QSignalSpy loaded(source, &DeidSourcePage::integrationsLoaded);
    wizard.show();
    wizard.restart();
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    source->setLocal(false);
    QVERIFY(source->folderView()->isVisible());
    QVERIFY(source->itemView()->isVisible());
    QTRY_VERIFY(source->folderModel()->indexForUuid(folder->uuid).isValid());
    source->folderView()->setCurrentIndex(source->folderModel()->indexForUuid(folder->uuid));
    QTRY_COMPARE(source->itemView()->model()->rowCount(), 3);
    QTRY_VERIFY(!source->itemModel()->isLoading());

    // Then only the integration's DICOM file can be chosen; the others say why not
    QAbstractItemModel *items = source->itemView()->model();
    QStringList enabled;
    QHash<QString, QString> tips;
    for (int row = 0; row < items->rowCount(); ++row) {
        const QModelIndex index = items->index(row, StorageItemListModel::NameColumn);
        if (index.flags().testFlag(Qt::ItemIsEnabled))
            enabled << index.data().toString();
        tips.insert(index.data().toString(), index.data(Qt::ToolTipRole).toString());
    }
    QCOMPARE(enabled, QStringList{QStringLiteral("ct.dcm")});
    QCOMPARE(tips.value(QStringLiteral("ct.dcm")), ctUrl);
    QVERIFY2(tips.value(QStringLiteral("notes.txt")).contains(QStringLiteral("Not a DICOM")),
             qPrintable(tips.value(QStringLiteral("notes.txt"))));
    QVERIFY2(
        tips.value(QStringLiteral("uploaded.dcm")).contains(QStringLiteral("Encord's storage")),
        qPrintable(tips.value(QStringLiteral("uploaded.dcm"))));
    QVERIFY(source->findChild<QLabel *>(QStringLiteral("browserStatus"))
                ->text()
                .contains(QStringLiteral("1 file of PACS export can be chosen")));
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);

    // And selecting every row adds only the CT, by its URL, beside a URL pasted before; adding
    // it again (a double click) does not repeat it
    const QString brokenUrl =
        QUrl::fromLocalFile(m_root + QStringLiteral("/study/broken.dcm")).toString();
    source->setFileUrls({brokenUrl});
    QVERIFY(!source->findChild<QAbstractButton *>(QStringLiteral("addSelectedItems"))->isEnabled());
    source->itemView()->selectAll();
    auto *add = source->findChild<QAbstractButton *>(QStringLiteral("addSelectedItems"));
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(source->fileUrls(), QStringList({brokenUrl, ctUrl}));
    QCOMPARE(source->addSelectedItems(), 0);
    QCOMPARE(source->fileUrls(), QStringList({brokenUrl, ctUrl}));
    QVERIFY(source->isComplete());

    // And the files picked are de-identified by the service like pasted ones
    wizard.next();
    wizard.optionsPage()->setUploadDir(QStringLiteral("deid/picked"));
    QSignalSpy finished(wizard.runPage(), &DeidRunPage::runFinished);
    wizard.next();
    QVERIFY(finished.wait(60000));
    const DeidResultTable *table = wizard.runPage()->resultTable();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->row(0).outcome, Outcome::Failed);
    QCOMPARE(table->row(1).source, ctUrl);
    QCOMPARE(table->row(1).outcome, Outcome::Written);
    QCOMPARE(QFileInfo(QUrl(table->row(1).output).toLocalFile()).path(),
             m_root + QStringLiteral("/deid/picked"));
}

void TestDicomDeidWizard::shouldSendSaveConditionsToTheService()
{
    // Given the CT of the integration and a condition only an MR meets
    DicomDeidWizard wizard(m_client);
    QSignalSpy loaded(wizard.sourcePage(), &DeidSourcePage::integrationsLoaded);
    wizard.show();
    wizard.restart();
    QVERIFY(loaded.count() > 0 || loaded.wait(10000));
    wizard.sourcePage()->setLocal(false);
    wizard.sourcePage()->setFileUrls(
        {QUrl::fromLocalFile(m_root + QStringLiteral("/study/ct.dcm")).toString()});
    wizard.next();
    wizard.optionsPage()->conditionEditor()->addCondition(
        QStringLiteral("Modality"), Dicom::SaveCondition::Kind::In, QStringLiteral("MR"));
    wizard.optionsPage()->setUploadDir(QStringLiteral("deid/conditions"));

    // When it runs, the service saves nothing and the row says why
    QSignalSpy finished(wizard.runPage(), &DeidRunPage::runFinished);
    wizard.next();
    QVERIFY(finished.wait(60000));
    QCOMPARE(wizard.runPage()->resultTable()->row(0).outcome, Outcome::NotSaved);
    QVERIFY(QDir(m_root + QStringLiteral("/deid/conditions")).entryList(QDir::Files).isEmpty());
}

void TestDicomDeidWizard::shouldMatchServiceCopiesToTheirSources()
{
    const QString a = QStringLiteral("file:///pacs/a/image.dcm");
    const QString b = QStringLiteral("file:///pacs/b/image.dcm");
    const QString c = QStringLiteral("file:///pacs/c.dcm");
    const QString d = QStringLiteral("file:///pacs/d.dcm");
    DeidentifyJobState state;
    state.status = LongPollStatus::Error;
    state.urls = {QStringLiteral("file:///out/deid_123_image-2.dcm"),
                  QStringLiteral("file:///out/deid_123_image.dcm"),
                  QStringLiteral("storage-key-of-an-item")};
    state.extra.insert(
        QStringLiteral("errors"),
        QJsonArray{QString(d + QStringLiteral(": This is not a DICOM file, or it is damaged."))});

    const QList<DeidResultTable::Row> rows = DeidRunPage::integrationRows({a, b, c, d}, state);
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.at(0).outcome, Outcome::Written);
    QCOMPARE(rows.at(1).outcome, Outcome::Written);
    QCOMPARE(QSet<QString>({rows.at(0).output, rows.at(1).output}),
             QSet<QString>({state.urls.at(0), state.urls.at(1)}));
    QCOMPARE(rows.at(2).outcome, Outcome::NotSaved);
    QCOMPARE(rows.at(3).outcome, Outcome::Failed);
    QCOMPARE(rows.at(3).note, QStringLiteral("This is not a DICOM file, or it is damaged."));
    QCOMPARE(rows.at(4).output, QStringLiteral("storage-key-of-an-item"));
    QVERIFY(rows.at(4).source.isEmpty());
}

void TestDicomDeidWizard::shouldOpenFromTheToolsMenu()
{
    // Given a window's Tools menu with the action, and a connection that changes later
    QMainWindow window;
    QMenu *tools = window.menuBar()->addMenu(QStringLiteral("Tools"));
    std::optional<EncordClient> current;
    QAction *action = addDicomDeidAction(
        tools, [&current] { return current; }, &window);
    QCOMPARE(action->text(), QStringLiteral("De-identify &DICOM…"));
    QCOMPARE(tools->actions(), QList<QAction *>{action});

    // When triggered without a connection, then with one, each wizard has the connection of
    // that moment
    action->trigger();
    current = m_client;
    action->trigger();
    const QList<DicomDeidWizard *> wizards = window.findChildren<DicomDeidWizard *>();
    QCOMPARE(wizards.size(), 2);
    QCOMPARE(wizards.at(0)->client().has_value() + wizards.at(1)->client().has_value(), 1);
    for (DicomDeidWizard *wizard : wizards) {
        QVERIFY(wizard->isVisible());
        QVERIFY(wizard->testAttribute(Qt::WA_DeleteOnClose));
        QCOMPARE(wizard->currentId(), int(DicomDeidWizard::SourcePageId));
        // The connected one lists the integrations at once
        if (wizard->client())
            QTRY_COMPARE(wizard->sourcePage()->integrations().size(), 1);
        wizard->close();
    }
    // Closed wizards are deleted (and with them their connection's copies)
    QTRY_VERIFY(window.findChildren<DicomDeidWizard *>().isEmpty());

    // Ctrl+Shift+D opens it from anywhere in the window
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(window.findChildren<DicomDeidWizard *>().size(), 1);
    window.findChild<DicomDeidWizard *>()->close();
}

QTEST_MAIN(TestDicomDeidWizard)
#include "tst_dicomdeidwizard.moc"
