// Uploads of real files into a storage folder of a real local server over loopback: several
// files in parallel with one progress bar that reaches 100 %, per-file errors for files that
// are missing or of a kind a folder cannot take, and a Cancel that leaves no items behind.
// A scripted server that holds every transfer shows how many run at once, and reports one
// file's registration error as the upload job does.

#include "accessibilityaudit.h"
#include "folderupload.h"
#include "formtestworkspace.h"
#include "loopbackhttpserver.h"
#include "uploaddialog.h"

#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Encord;

namespace {

// The names of the items in @p folder, sorted.
QStringList itemNames(const EncordClient &client, const QString &folder)
{
    const auto page = QCoro::waitFor(client.storageItemPage(folder, StorageListOptions()));
    if (!page.ok())
        qFatal("listing failed: %s", qPrintable(page.error().message()));
    QStringList names;
    for (const StorageItem &item : page->results)
        names.append(item.name);
    names.sort();
    return names;
}

// A PNG of noise (so that it does not compress away) of about @p side × @p side pixels.
QString writeImage(const QTemporaryDir &dir, const QString &name, int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    QRandomGenerator random{quint32(side)};
    for (int y = 0; y < side; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < side; ++x)
            line[x] = random.generate() | 0xff000000u;
    }
    const QString path = dir.filePath(name);
    if (!image.save(path))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestFolderUpload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void shouldUploadFilesInParallelUpToAFullBar();
    void shouldReportEachFileThatCannotGoAndUploadTheRest();
    void shouldLeaveNoItemsWhenCancelled();
    void shouldClassifyFilesByKind();
    void shouldUploadEveryKindOfSingleFile();
    void shouldTransferFourAtATimeAndReportAJobsUnitError();

private:
    std::unique_ptr<Testing::FormTestWorkspace> m_workspace;
    std::unique_ptr<QTemporaryDir> m_files;
    QString m_folder;
};

void TestFolderUpload::init()
{
    m_workspace = std::make_unique<Testing::FormTestWorkspace>();
    m_files = std::make_unique<QTemporaryDir>();
    const auto folder =
        QCoro::waitFor(m_workspace->admin().createStorageFolder(QStringLiteral("Scans")));
    QVERIFY(folder.ok());
    m_folder = folder->uuid;
}

void TestFolderUpload::cleanup()
{
    m_workspace.reset();
    m_files.reset();
}

void TestFolderUpload::shouldUploadFilesInParallelUpToAFullBar()
{
    QStringList paths;
    for (int i = 0; i < 6; ++i)
        paths << writeImage(*m_files, QStringLiteral("scan-%1.png").arg(i), 200 + 20 * i);
    FolderUpload upload(m_workspace->admin(), m_folder, paths);
    UploadDialog dialog(&upload, QStringLiteral("Scans"));
    QSignalSpy progress(&upload, &FolderUpload::progressChanged);
    QSignalSpy finished(&upload, &FolderUpload::finished);
    dialog.show();
    upload.start();

    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toInt(), 6); // uploaded
    QCOMPARE(finished.first().at(1).toInt(), 0); // failed
    QCOMPARE(finished.first().at(2).toBool(), false);
    QVERIFY(upload.failures().isEmpty());
    // The bar moved through intermediate values and ends full.
    QVERIFY(progress.count() > 2);
    qint64 total = 0;
    for (const QString &path : paths)
        total += QFileInfo(path).size();
    QCOMPARE(progress.last().at(0).toLongLong(), total);
    QCOMPARE(progress.last().at(1).toLongLong(), total);
    QCOMPARE(dialog.progress()->value(), dialog.progress()->maximum());
    QVERIFY(dialog.closeButton()->isVisible());
    QVERIFY(!dialog.cancelButton()->isVisible());
    QVERIFY(!dialog.failureList()->isVisible());
    ENCORD_VERIFY_CONTROLS_NAMED(&dialog);

    QStringList expected;
    for (int i = 0; i < 6; ++i)
        expected << QStringLiteral("scan-%1.png").arg(i);
    QCOMPARE(itemNames(m_workspace->admin(), m_folder), expected);
    QCOMPARE(upload.uploadedItems().size(), 6);
}

void TestFolderUpload::shouldReportEachFileThatCannotGoAndUploadTheRest()
{
    const QString good = writeImage(*m_files, QStringLiteral("good.png"), 64);
    const QString missing = m_files->filePath(QStringLiteral("gone.png"));
    const QString odd = m_files->filePath(QStringLiteral("notes.xyz-unknown"));
    QFile oddFile(odd);
    QVERIFY(oddFile.open(QIODevice::WriteOnly));
    oddFile.write("?");
    oddFile.close();
    FolderUpload upload(m_workspace->admin(), m_folder, {good, missing, odd});
    UploadDialog dialog(&upload, QStringLiteral("Scans"));
    QSignalSpy finished(&upload, &FolderUpload::finished);
    dialog.show();
    upload.start();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toInt(), 1);
    QCOMPARE(finished.first().at(1).toInt(), 2);

    QHash<QString, QString> why;
    for (const FolderUpload::Failure &failure : upload.failures())
        why.insert(QFileInfo(failure.path).fileName(), failure.message);
    QCOMPARE(why.value(QStringLiteral("gone.png")), QStringLiteral("The file does not exist."));
    QVERIFY(
        why.value(QStringLiteral("notes.xyz-unknown")).contains(QStringLiteral("kind of file")));
    QVERIFY(dialog.failureList()->isVisible());
    QCOMPARE(dialog.failureList()->count(), 2);
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("2 failed")));
    QCOMPARE(dialog.progress()->value(), dialog.progress()->maximum());
    ENCORD_VERIFY_CONTROLS_NAMED(&dialog); // the failure list shown too
    QCOMPARE(itemNames(m_workspace->admin(), m_folder), QStringList{QStringLiteral("good.png")});
}

void TestFolderUpload::shouldLeaveNoItemsWhenCancelled()
{
    // Files large enough that the transfer is still running when Cancel is pressed.
    QStringList paths;
    for (int i = 0; i < 4; ++i) {
        const QString path = m_files->filePath(QStringLiteral("big-%1.png").arg(i));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(16 * 1024 * 1024, char('a' + i)));
        paths << path;
    }
    FolderUpload upload(m_workspace->admin(), m_folder, paths);
    UploadDialog dialog(&upload, QStringLiteral("Scans"));
    QSignalSpy finished(&upload, &FolderUpload::finished);
    // Cancel as the user would, once the first bytes are on their way.
    bool pressed = false;
    connect(&upload, &FolderUpload::progressChanged, this, [&](qint64 done, qint64) {
        if (done > 0 && !pressed) {
            pressed = true;
            dialog.cancelButton()->click();
        }
    });
    dialog.show();
    upload.start();

    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(pressed);
    QCOMPARE(finished.first().at(2).toBool(), true); // cancelled
    QVERIFY(upload.uploadedItems().isEmpty());
    QVERIFY(upload.failures().isEmpty()); // cancelled files are not errors
    QVERIFY(dialog.statusLabel()->text().startsWith(QStringLiteral("Cancelled")));
    QVERIFY(dialog.progress()->value() < dialog.progress()->maximum());
    QTest::qWait(200); // nothing registers late
    QCOMPARE(itemNames(m_workspace->admin(), m_folder), QStringList());
}

void TestFolderUpload::shouldClassifyFilesByKind()
{
    QCOMPARE(FolderUpload::itemTypeOf(QStringLiteral("a.JPG")), StorageItemType::Image);
    QCOMPARE(FolderUpload::itemTypeOf(QStringLiteral("a.png")), StorageItemType::Image);
    QCOMPARE(FolderUpload::itemTypeOf(QStringLiteral("a.mp4")), StorageItemType::Video);
    QCOMPARE(FolderUpload::itemTypeOf(QStringLiteral("a.wav")), StorageItemType::Audio);
    QCOMPARE(FolderUpload::itemTypeOf(QStringLiteral("a.pdf")), StorageItemType::Pdf);
    QCOMPARE(FolderUpload::itemTypeOf(QStringLiteral("a.txt")), StorageItemType::PlainText);
    QCOMPARE(FolderUpload::itemTypeOf(QStringLiteral("a.nii.gz")), StorageItemType::Nifti);
    QCOMPARE(FolderUpload::itemTypeOf(QStringLiteral("a.dcm")), StorageItemType::Unknown);
}

void TestFolderUpload::shouldUploadEveryKindOfSingleFile()
{
    // One file of each kind the upload routes take one at a time.
    const QList<std::pair<QString, StorageItemType>> files{
        {QStringLiteral("scan.png"), StorageItemType::Image},
        {QStringLiteral("clip.mp4"), StorageItemType::Video},
        {QStringLiteral("voice.wav"), StorageItemType::Audio},
        {QStringLiteral("brain.nii.gz"), StorageItemType::Nifti},
        {QStringLiteral("notes.txt"), StorageItemType::PlainText},
        {QStringLiteral("report.pdf"), StorageItemType::Pdf},
    };
    QStringList paths;
    for (const auto &[name, type] : files) {
        const QString path = m_files->filePath(name);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(name.toUtf8().repeated(100));
        paths << path;
    }
    FolderUpload upload(m_workspace->admin(), m_folder, paths);
    QSignalSpy finished(&upload, &FolderUpload::finished);

    upload.start();

    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(
        upload.failures().isEmpty(),
        qPrintable(upload.failures().isEmpty() ? QString() : upload.failures().first().message));
    const auto page =
        QCoro::waitFor(m_workspace->admin().storageItemPage(m_folder, StorageListOptions()));
    QVERIFY(page.ok());
    QHash<QString, StorageItemType> types;
    for (const StorageItem &item : page->results)
        types.insert(item.name, item.itemType.value());
    QCOMPARE(types.size(), files.size());
    for (const auto &[name, type] : files)
        QCOMPARE(types.value(name), type);
}

void TestFolderUpload::shouldTransferFourAtATimeAndReportAJobsUnitError()
{
    constexpr int files = 7;
    constexpr int holdMs = 600;
    EncordTest::LoopbackHttpServer server;
    QVERIFY(server.start());
    const QByteArray base = server.url().toString().toUtf8();
    server.setHandler([&](const EncordTest::RecordedRequest &request) {
        const QByteArray path = request.path();
        if (path.endsWith("/upload-signed-urls")) {
            QByteArray results;
            for (int i = 0; i < files; ++i) {
                results += (i ? "," : "") + QByteArray(R"({"itemUuid": "item-)")
                           + QByteArray::number(i) + R"(", "objectKey": "key-)"
                           + QByteArray::number(i) + R"(", "signedUrl": ")" + base + "/put/"
                           + QByteArray::number(i) + R"("})";
            }
            return EncordTest::ScriptedReply::json(R"({"results": [)" + results
                                                   + R"(], "nextPageToken": null})");
        }
        if (path.startsWith("/put/")) {
            // Every transfer is held, so those in flight pile up at the server.
            EncordTest::ScriptedReply reply = EncordTest::ScriptedReply::json("");
            reply.delayMs = holdMs;
            return reply;
        }
        if (request.method == "POST" && path.endsWith("/data-upload-jobs"))
            return EncordTest::ScriptedReply::json(R"("job-1")");
        QByteArray items;
        for (int i = 0; i < files; ++i) {
            if (i != 2)
                items += (items.isEmpty() ? "" : ",") + QByteArray(R"({"itemUuid": "item-)")
                         + QByteArray::number(i) + R"(", "name": "f)" + QByteArray::number(i)
                         + R"(.png"})";
        }
        return EncordTest::ScriptedReply::json(
            R"({"status": "DONE", "itemsWithNames": [)" + items
            + R"(], "errors": ["The image is corrupt."], "unitsPendingCount": 0,
                "unitsDoneCount": 6, "unitsErrorCount": 1, "unitsCancelledCount": 0,
                "unitErrors": [{"objectUrls": ["key-2"], "error": "The image is corrupt.",
                                "subtaskUuid": "s", "actionDescription": "register"}]})");
    });
    QStringList paths;
    for (int i = 0; i < files; ++i)
        paths << writeImage(*m_files, QStringLiteral("f%1.png").arg(i), 40);
    FolderUpload upload(EncordClient(PrivateKey::generate(), server.url()),
                        QStringLiteral("0f0f0f0f-0000-4000-8000-000000000000"),
                        paths);
    QSignalSpy finished(&upload, &FolderUpload::finished);

    upload.start();

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20'000);
    QList<qint64> putArrivals;
    for (qsizetype i = 0; i < server.requests().size(); ++i) {
        if (server.requests().at(i).path().startsWith("/put/"))
            putArrivals << server.arrivalTimes().at(i);
    }
    QCOMPARE(putArrivals.size(), files);
    // Four transfers start together; the fifth only once one of them has been answered.
    QVERIFY2(
        putArrivals.at(3) - putArrivals.at(0) < holdMs / 2,
        qPrintable(
            QStringLiteral("PUT arrivals %1, %2").arg(putArrivals.at(0)).arg(putArrivals.at(3))));
    QVERIFY2(
        putArrivals.at(4) - putArrivals.at(0) >= holdMs - 50,
        qPrintable(
            QStringLiteral("PUT arrivals %1, %2").arg(putArrivals.at(0)).arg(putArrivals.at(4))));
    // The job's unit error becomes that file's error; the others are uploaded.
    QCOMPARE(finished.first().at(0).toInt(), files - 1);
    QCOMPARE(upload.failures().size(), 1);
    QCOMPARE(QFileInfo(upload.failures().first().path).fileName(), QStringLiteral("f2.png"));
    QCOMPARE(upload.failures().first().message, QStringLiteral("The image is corrupt."));
}

QTEST_MAIN(TestFolderUpload)
#include "tst_folderupload.moc"
