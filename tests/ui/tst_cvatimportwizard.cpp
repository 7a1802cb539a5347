// The CVAT import wizard driven as a user would, under the offscreen platform, on the real
// sample exports and against a real local server: the preview reads the export and says what
// it holds, errors block the import, the run uploads and imports, Cancel leaves nothing behind;
// on every page every control has a name for screen readers.

#include "accessibilityaudit.h"
#include "auth/publickey.h"
#include "cvatimportwizard.h"
#include "cvatoptionspage.h"
#include "cvatpreviewpage.h"
#include "cvatresultpage.h"
#include "cvatrunpage.h"
#include "cvatsamplecounts.h"
#include "cvatsourcepage.h"
#include "labelrowstore.h"
#include "localserver.h"
#include "mainwindow.h"
#include "testpaths.h"
#include "userstore.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QRegularExpression>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Encord;

namespace {

QString sample(const QString &name)
{
    return EncordTest::sharedPath(QStringLiteral("samples/cvat/") + name);
}

// Copies a sample export folder (recursively) into @p target.
bool copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir() ? !copyFolder(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

QStringList column(const QTableWidget *table, int column)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out << (table->item(row, column) ? table->item(row, column)->text() : QString());
    return out;
}

} // namespace

class TestCvatImportWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldTakeOnlyOneFolderOrZipFromADrop();
    void shouldPreviewATaskExport();
    void shouldBlockAnExportWithErrorsAndSaveTheReport();
    void shouldImportIntoTheServerAndOfferToOpenTheProject();
    void shouldCancelTheUploadsAndCreateNothing();
    void shouldImportEverySampleThroughTheWizard_data();
    void shouldImportEverySampleThroughTheWizard();
    void shouldShowTheConversionAndLetItFinishAfterCancel();

private:
    CvatPreviewPage *waitForPreview(CvatImportWizard &wizard);
    /// Preview, options (dataset @p datasetName, @p parallel uploads) and the run page.
    CvatRunPage *runUpTo(CvatImportWizard &wizard, const QString &datasetName, int parallel = 4);

    QTemporaryDir m_dir;
    std::unique_ptr<Server::LocalServer> m_server;
    std::optional<EncordClient> m_client;
};

void TestCvatImportWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<Server::LocalServer>(m_dir.filePath(QStringLiteral("server")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    const PrivateKey key = PrivateKey::generate();
    Server::UserStore(m_server->workspace()->database())
        .add(QStringLiteral("me@example.com"), *PublicKey::fromRaw(key.publicKeyRaw()), true);
    m_client.emplace(key, QUrl(m_server->baseUrl()));
}

CvatPreviewPage *TestCvatImportWizard::waitForPreview(CvatImportWizard &wizard)
{
    auto *preview = qobject_cast<CvatPreviewPage *>(wizard.currentPage());
    if (!preview)
        return nullptr;
    if (preview->isScanning()) {
        QSignalSpy finished(preview, &CvatPreviewPage::scanFinished);
        if (!finished.wait(20000))
            return nullptr;
    }
    return preview;
}

CvatRunPage *TestCvatImportWizard::runUpTo(CvatImportWizard &wizard,
                                           const QString &datasetName,
                                           int parallel)
{
    if (!waitForPreview(wizard) || !wizard.currentPage()->isComplete())
        return nullptr;
    wizard.next();
    auto *options = qobject_cast<CvatOptionsPage *>(wizard.currentPage());
    if (!options)
        return nullptr;
    options->datasetName()->setText(datasetName);
    options->parallelUploads()->setValue(parallel);
    wizard.next();
    return qobject_cast<CvatRunPage *>(wizard.currentPage());
}

void TestCvatImportWizard::shouldTakeOnlyOneFolderOrZipFromADrop()
{
    QTemporaryDir files;
    const QString zip = files.filePath(QStringLiteral("export.ZIP"));
    const QString text = files.filePath(QStringLiteral("notes.txt"));
    for (const QString &path : {zip, text}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    auto drop = [](const QList<QUrl> &urls) {
        QMimeData data;
        data.setUrls(urls);
        return MainWindow::droppedExport(&data);
    };
    QCOMPARE(drop({QUrl::fromLocalFile(files.path())}), QDir(files.path()).absolutePath());
    QCOMPARE(drop({QUrl::fromLocalFile(zip)}), zip);
    QVERIFY(drop({QUrl::fromLocalFile(text)}).isEmpty());
    QVERIFY(drop({QUrl::fromLocalFile(zip), QUrl::fromLocalFile(files.path())}).isEmpty());
    QVERIFY(drop({QUrl(QStringLiteral("https://example.com/export.zip"))}).isEmpty());
}

void TestCvatImportWizard::shouldPreviewATaskExport()
{
    CvatImportWizard wizard(*m_client, sample(QStringLiteral("datumaro-export-task")));
    wizard.show();
    // A path given up front (a drop) goes straight to the preview.
    QCOMPARE(wizard.currentId(), int(CvatImportWizard::PreviewPageId));
    CvatPreviewPage *preview = waitForPreview(wizard);
    QVERIFY(preview);

    QVERIFY2(preview->summary()->text().contains(QStringLiteral("task export")),
             qPrintable(preview->summary()->text()));
    const auto scan = wizard.scan();
    QVERIFY(scan);
    QCOMPARE(scan->imagesInXml, 2);
    QCOMPARE(scan->found, 2);
    QCOMPARE(scan->missing, 0);

    QTableWidget *labels = preview->labelTable();
    const QStringList names = column(labels, 0);
    QVERIFY2(names.contains(QStringLiteral("label1")) && names.contains(QStringLiteral("label2")),
             qPrintable(names.join(QLatin1Char(','))));
    // Labels as the user reads them: A to Z.
    QStringList sorted = names;
    sorted.sort(Qt::CaseInsensitive);
    QCOMPARE(names, sorted);
    const int label1 = int(names.indexOf(QStringLiteral("label1")));
    QCOMPARE(labels->item(label1, 1)->text(), QStringLiteral("1"));
    QCOMPARE(labels->item(label1, 2)->text(), QStringLiteral("box 1"));
    QCOMPARE(labels->item(label1, 3)->text(), QStringLiteral("a1, a2, a3, a4"));
    const int label2 = int(names.indexOf(QStringLiteral("label2")));
    QCOMPARE(labels->item(label2, 2)->text(), QStringLiteral("points 1"));

    // Shapes with an empty label are warnings: the import may go on.
    QVERIFY(preview->problemTable()->rowCount() > 0);
    preview->problemFilter()->setCurrentIndex(1); // errors only
    QCOMPARE(preview->problemTable()->rowCount(), 0);
    QVERIFY(preview->isComplete());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY2(preview->verdict()->text().startsWith(QStringLiteral("Ready to import")),
             qPrintable(preview->verdict()->text()));
    // Counts in words, not "warning(s)"
    QVERIFY2(!preview->verdict()->text().contains(QStringLiteral("(s)")),
             qPrintable(preview->verdict()->text()));
    // Problems in the order of the file
    preview->problemFilter()->setCurrentIndex(0);
    QTableWidget *problems = preview->problemTable();
    for (int row = 1; row < problems->rowCount(); ++row)
        QVERIFY(problems->item(row - 1, 1)->data(Qt::DisplayRole).toInt()
                <= problems->item(row, 1)->data(Qt::DisplayRole).toInt());
}

void TestCvatImportWizard::shouldBlockAnExportWithErrorsAndSaveTheReport()
{
    QTemporaryDir broken;
    QVERIFY(copyFolder(sample(QStringLiteral("datumaro-export-task")), broken.path()));
    QFile xml(QDir(broken.path()).filePath(QStringLiteral("annotations.xml")));
    QVERIFY(xml.open(QIODevice::ReadOnly));
    QByteArray text = xml.readAll();
    xml.close();
    text.replace("</image>\n  <image", "</imag>\n  <image"); // a mismatched end tag
    QVERIFY(xml.open(QIODevice::WriteOnly | QIODevice::Truncate));
    xml.write(text);
    xml.close();

    CvatImportWizard wizard(*m_client, {});
    wizard.show();
    auto *source = qobject_cast<CvatSourcePage *>(wizard.currentPage());
    QVERIFY(source);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    QTest::keyClicks(source->pathEdit(), QDir(broken.path()).filePath(QStringLiteral("nope")));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    source->pathEdit()->setText(broken.path());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();

    CvatPreviewPage *preview = waitForPreview(wizard);
    QVERIFY(preview);
    QVERIFY(!preview->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY2(preview->verdict()->text().contains(QStringLiteral("must be fixed")),
             qPrintable(preview->verdict()->text()));
    preview->problemFilter()->setCurrentIndex(1); // errors only
    QCOMPARE(preview->problemTable()->rowCount(), 1);
    QVERIFY(preview->problemTable()->item(0, 1)->data(Qt::DisplayRole).toInt() > 0); // line
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);

    const QString report = broken.filePath(QStringLiteral("report.txt"));
    QVERIFY(preview->saveReport(report));
    QFile saved(report);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QString savedText = QString::fromUtf8(saved.readAll());
    QVERIFY2(savedText.contains(QStringLiteral("error")), qPrintable(savedText));

    // Back keeps the path.
    wizard.back();
    QCOMPARE(source->pathEdit()->text(), broken.path());
}

void TestCvatImportWizard::shouldImportIntoTheServerAndOfferToOpenTheProject()
{
    CvatImportWizard wizard(*m_client, sample(QStringLiteral("datumaro-export-task")));
    QSignalSpy open(&wizard, &CvatImportWizard::openProjectRequested);
    wizard.show();
    QVERIFY(waitForPreview(wizard));
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    wizard.next();

    auto *options = qobject_cast<CvatOptionsPage *>(wizard.currentPage());
    QVERIFY(options);
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    QVERIFY(!options->datasetName()->text().isEmpty()); // a default from the export
    options->datasetName()->clear();
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QTest::keyClicks(options->datasetName(), QStringLiteral("Imported from CVAT"));
    options->parallelUploads()->setValue(2);
    wizard.next();

    auto *run = qobject_cast<CvatRunPage *>(wizard.currentPage());
    QVERIFY(run);
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.currentId() == CvatImportWizard::ResultPageId
                                 || run->state() == CvatRunPage::State::Failed,
                             30000);
    QVERIFY2(run->state() == CvatRunPage::State::Done,
             qPrintable(run->stateLabel()->text() + QLatin1Char(' ')
                        + run->findChild<QLabel *>(QStringLiteral("runError"))->text()));
    auto *result = qobject_cast<CvatResultPage *>(wizard.currentPage());
    QVERIFY(result);
    QVERIFY(wizard.result() && wizard.result()->success);
    QVERIFY(result->openProject());
    QVERIFY(result->issues()->topLevelItemCount() > 0);
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);

    wizard.button(QWizard::FinishButton)->click();
    QCOMPARE(open.size(), 1);
    const QString projectHash = open.first().first().toString();
    QCOMPARE(projectHash, wizard.result()->projectHash);

    const auto datasets = QCoro::waitFor(m_client->getProjectDatasets(projectHash));
    QVERIFY(datasets.ok());
    QCOMPARE(datasets->size(), 1);
    QCOMPARE(datasets->first().title, QStringLiteral("Imported from CVAT"));
    const auto dataset = QCoro::waitFor(m_client->getDataset(datasets->first().datasetHash));
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->dataRows.size(), 2);
}

void TestCvatImportWizard::shouldCancelTheUploadsAndCreateNothing()
{
    // Enough bytes that the uploads are still running when Cancel is pressed.
    QTemporaryDir exportDir;
    QDir root(exportDir.path());
    root.mkpath(QStringLiteral("images"));
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n"
                     "<version>1.1</version>\n<meta><task><name>big</name><labels><label>"
                     "<name>car</name></label></labels></task></meta>\n";
    const QByteArray filler(4 << 20, 'x');
    for (int i = 0; i < 40; ++i) {
        const QString name = QStringLiteral("frame_%1.jpg").arg(i, 3, 10, QLatin1Char('0'));
        QFile image(root.filePath(QStringLiteral("images/") + name));
        QVERIFY(image.open(QIODevice::WriteOnly));
        image.write(filler);
        xml += QStringLiteral("<image id=\"%1\" name=\"%2\" width=\"100\" height=\"100\">"
                              "<box label=\"car\" xtl=\"1\" ytl=\"1\" xbr=\"9\" ybr=\"9\"/>"
                              "</image>\n")
                   .arg(i)
                   .arg(name)
                   .toUtf8();
    }
    xml += "</annotations>\n";
    QFile annotations(root.filePath(QStringLiteral("annotations.xml")));
    QVERIFY(annotations.open(QIODevice::WriteOnly));
    annotations.write(xml);
    annotations.close();

    const auto before = QCoro::waitFor(m_client->getDatasets());
    QVERIFY(before.ok());
    const auto projectsBefore = QCoro::waitFor(m_client->getProjects());
    QVERIFY(projectsBefore.ok());

    CvatImportWizard wizard(*m_client, exportDir.path());
    wizard.show();
    QVERIFY(waitForPreview(wizard));
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.next();
    auto *options = qobject_cast<CvatOptionsPage *>(wizard.currentPage());
    QVERIFY(options);
    QCOMPARE(options->datasetName()->text(), QStringLiteral("big"));
    options->parallelUploads()->setValue(1);
    wizard.next();
    auto *run = qobject_cast<CvatRunPage *>(wizard.currentPage());
    QVERIFY(run);
    QTRY_COMPARE(run->state(), CvatRunPage::State::Uploading);
    QTRY_VERIFY(run->progressBar()->value() > 0);
    QVERIFY(run->canCancel());
    wizard.button(QWizard::CancelButton)->click();
    QCOMPARE(run->state(), CvatRunPage::State::Cancelled);
    QVERIFY(wizard.isHidden());

    // Whatever was still on its way settles; nothing was created.
    QTest::qWait(300);
    const auto after = QCoro::waitFor(m_client->getDatasets());
    QVERIFY(after.ok());
    QCOMPARE(after->size(), before->size());
    const auto projectsAfter = QCoro::waitFor(m_client->getProjects());
    QVERIFY(projectsAfter.ok());
    QCOMPARE(projectsAfter->size(), projectsBefore->size());
}

void TestCvatImportWizard::shouldImportEverySampleThroughTheWizard_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("images");
    const QList<QPair<const char *, int>> samples{{"datumaro-export-project", 6},
                                                  {"datumaro-export-task", 2},
                                                  {"maxkuklavod-job-boxes", 14},
                                                  {"dagshub-project-skeleton", 4},
                                                  {"video-datumaro-task-step", 3}};
    for (const auto &[name, images] : samples)
        QTest::newRow(name) << QString::fromLatin1(name) << images;
}

void TestCvatImportWizard::shouldImportEverySampleThroughTheWizard()
{
    // Given the sample with a file at every path its images.tsv lists.
    QFETCH(QString, sample);
    QFETCH(int, images);
    QTemporaryDir exportDir;
    QVERIFY(EncordTest::makeCvatSampleExport(sample, exportDir.path()));

    // When it goes through every page of the wizard.
    CvatImportWizard wizard(*m_client, exportDir.path());
    wizard.show();
    CvatRunPage *run = runUpTo(wizard, QStringLiteral("wizard ") + sample);
    QVERIFY(run);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.currentId() == CvatImportWizard::ResultPageId
                                 || run->state() == CvatRunPage::State::Failed,
                             60000);

    // Then the project has one label row per image and the objects the XML holds per label and
    // shape, counted apart from the reader.
    QVERIFY2(wizard.result() && wizard.result()->success,
             qPrintable(run->findChild<QLabel *>(QStringLiteral("runError"))->text()));
    QList<QByteArray> rows;
    for (const Server::LabelRowRecord &row :
         Server::LabelRowStore(m_server->workspace()->database())
             .list(wizard.result()->projectHash, true))
        rows.append(row.content);
    QCOMPARE(rows.size(), images);
    // Every shape of the XML is there, counted from its text, except exactly those the report
    // says were not carried over (by line, or a missing image's); tracks count on the frames
    // that have a file.
    QFile xml(exportDir.filePath(QStringLiteral("annotations.xml")));
    QVERIFY(xml.open(QIODevice::ReadOnly));
    QList<int> frames;
    static const QRegularExpression frameFile(QStringLiteral("^frame_(\\d+)\\."));
    const auto files = QDir(exportDir.filePath(QStringLiteral("images"))).entryList(QDir::Files);
    for (const QString &file : files) {
        const QRegularExpressionMatch frame = frameFile.match(file);
        if (frame.hasMatch())
            frames.append(frame.captured(1).toInt());
    }
    QStringList unexplained;
    const EncordTest::CvatObjectCounts expected = EncordTest::expectedCvatObjectsAfterReport(
        xml.readAll(), wizard.result()->issues.toJson(), frames, &unexplained);
    QVERIFY2(unexplained.isEmpty(), qPrintable(unexplained.join(QLatin1Char(','))));
    QCOMPARE(EncordTest::labelRowObjects(rows), expected);
}

void TestCvatImportWizard::shouldShowTheConversionAndLetItFinishAfterCancel()
{
    // Given an export whose conversion takes long enough to be seen: 20 images with 2,000
    // boxes each.
    QTemporaryDir exportDir;
    QDir root(exportDir.path());
    root.mkpath(QStringLiteral("images"));
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n"
                     "<version>1.1</version>\n<meta><task><name>slow</name><labels><label>"
                     "<name>car</name></label></labels></task></meta>\n";
    constexpr int kImages = 20;
    for (int i = 0; i < kImages; ++i) {
        const QString name = QStringLiteral("slow_%1.png").arg(i);
        QFile image(root.filePath(QStringLiteral("images/") + name));
        QVERIFY(image.open(QIODevice::WriteOnly));
        image.write("image " + QByteArray::number(i));
        xml += "<image id=\"" + QByteArray::number(i) + "\" name=\"" + name.toUtf8()
               + "\" width=\"100\" height=\"100\">\n";
        for (int b = 0; b < 2000; ++b)
            xml += "<box label=\"car\" xtl=\"" + QByteArray::number(b % 90)
                   + "\" ytl=\"1\" "
                     "xbr=\""
                   + QByteArray::number(b % 90 + 5) + "\" ybr=\"9\"/>\n";
        xml += "</image>\n";
    }
    xml += "</annotations>\n";
    QFile annotations(root.filePath(QStringLiteral("annotations.xml")));
    QVERIFY(annotations.open(QIODevice::WriteOnly));
    annotations.write(xml);
    annotations.close();
    const auto projectsBefore = QCoro::waitFor(m_client->getProjects());
    QVERIFY(projectsBefore.ok());
    QSet<QString> before;
    for (const Project &project : projectsBefore.value())
        before.insert(project.projectHash);

    // When the run reaches the server's conversion.
    CvatImportWizard wizard(*m_client, exportDir.path());
    wizard.show();
    CvatRunPage *run = runUpTo(wizard, QStringLiteral("slow"));
    QVERIFY(run);
    QTRY_VERIFY_WITH_TIMEOUT(run->state() == CvatRunPage::State::Converting
                                 || run->state() == CvatRunPage::State::Done
                                 || run->state() == CvatRunPage::State::Failed,
                             60000);
    if (run->state() != CvatRunPage::State::Converting)
        QSKIP("the conversion ended before it could be looked at");

    // Then the page shows a busy bar, the time so far and what Cancel would do.
    QCOMPARE(run->progressBar()->maximum(), 0);
    QVERIFY2(run->detailLabel()->text().contains(QStringLiteral("Converting on the server for")),
             qPrintable(run->detailLabel()->text()));
    QVERIFY(run->detailLabel()->text().contains(QStringLiteral("Cancel closes this window")));
    QVERIFY(run->canCancel());
    QVERIFY(wizard.button(QWizard::CancelButton)->isEnabled());

    // And Cancel closes the wizard, the job goes on, and the project appears whole.
    wizard.button(QWizard::CancelButton)->click();
    QVERIFY(wizard.isHidden());
    QVERIFY(run->leftJobRunning());
    QString project;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto projects = QCoro::waitFor(m_client->getProjects());
            if (!projects.ok())
                return false;
            for (const Project &candidate : projects.value()) {
                if (!before.contains(candidate.projectHash))
                    project = candidate.projectHash;
            }
            return !project.isEmpty();
        }(),
        60000);
    const QList<Server::LabelRowRecord> rows =
        Server::LabelRowStore(m_server->workspace()->database()).list(project);
    QCOMPARE(rows.size(), kImages);
    for (const Server::LabelRowRecord &row : rows)
        QCOMPARE(row.objectCount, 2000);
}

QTEST_MAIN(TestCvatImportWizard)
#include "tst_cvatimportwizard.moc"
