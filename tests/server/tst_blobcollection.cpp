// BlobCollector on a real workspace (SQLite and blob folder in a temporary directory): uploads
// go through BlobService exactly as the signed-URL PUT does, items are registered through
// ItemStore, and an upload's age is faked by moving its row's timestamps and its file's
// modification time back by 25 hours.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "blobcollector.h"
#include "blobservice.h"
#include "blobwriter.h"
#include "folderstore.h"
#include "itemstore.h"
#include "localserver.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"
#include "workspace.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <future>

using namespace Encord;
using namespace Encord::Server;

namespace {

constexpr qint64 kDayAndAnHourMs = qint64(25) * 3600 * 1000;

} // namespace

class TestBlobCollection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void referencedOldBlobSurvives();
    void unreferencedYoungBlobSurvives();
    void unreferencedOldBlobIsRemoved();
    void sharedContentSurvivesWhileOneUploadUsesIt();
    void blobBeingWrittenIsNeverRemoved();
    void maxAgeIsInjectable();
    void serverCollectsAtStart();

private:
    struct Stored
    {
        QString objectKey;
        QString itemUuid;
        QString sha;
    };
    Stored upload(const QByteArray &bytes);
    void makeOld(const Stored &stored);
    void registerItem(const Stored &stored);
    qint64 uploadRows(const Stored &stored);
    QString blobPath(const Stored &stored) const { return m_workspace->blobs().path(stored.sha); }

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    UserRecord m_user;
};

void TestBlobCollection::init()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_workspace = Workspace::open(
        m_dir.filePath(QStringLiteral("ws%1").arg(QLatin1String(QTest::currentTestFunction()))),
        &error);
    QVERIFY2(m_workspace, qPrintable(error));
    m_user = UserStore(m_workspace->database())
                 .add(QStringLiteral("owner@example.com"),
                      *PublicKey::fromRaw(PrivateKey::generate().publicKeyRaw()),
                      true);
}

void TestBlobCollection::cleanup()
{
    m_workspace.reset();
}

TestBlobCollection::Stored TestBlobCollection::upload(const QByteArray &bytes)
{
    const BlobService blobs(*m_workspace);
    const BlobService::UploadSlot slot = blobs.issueUploads(m_user.id, 1, QString()).value(0);
    std::unique_ptr<BlobWriter> writer = blobs.beginUpload(slot.objectKey);
    if (!writer || !writer->write(bytes.constData(), bytes.size()))
        return {};
    const QString sha = writer->finish();
    if (sha.isEmpty() || !blobs.completeUpload(slot.objectKey, sha, bytes.size(), QString()))
        return {};
    return {slot.objectKey, slot.itemUuid, sha};
}

void TestBlobCollection::makeOld(const Stored &stored)
{
    const qint64 then = TimeFormat::nowMs() - kDayAndAnHourMs;
    m_workspace->database().exec(
        QStringLiteral("UPDATE uploads SET created_at = ?, completed_at = ?, expires_at = ? "
                       "WHERE object_key = ?"),
        {then, then, then, stored.objectKey});
    QFile file(blobPath(stored));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(
        file.setFileTime(QDateTime::fromMSecsSinceEpoch(then), QFileDevice::FileModificationTime));
}

void TestBlobCollection::registerItem(const Stored &stored)
{
    SqliteDatabase &db = m_workspace->database();
    const FolderRecord folder =
        FolderStore(db, m_user).create(QStringLiteral("f"), QString(), std::nullopt, std::nullopt);
    SqliteTransaction transaction(db);
    ItemRecord item;
    item.uuid = stored.itemUuid;
    item.folder = folder.uuid;
    item.itemType = QStringLiteral("image");
    item.name = QStringLiteral("a.png");
    item.url = stored.objectKey;
    ItemStore(db, m_user).insert(item);
    transaction.commit();
}

qint64 TestBlobCollection::uploadRows(const Stored &stored)
{
    return m_workspace->database().scalar(
        QStringLiteral("SELECT COUNT(*) FROM uploads WHERE object_key = ?"), {stored.objectKey});
}

void TestBlobCollection::referencedOldBlobSurvives()
{
    const Stored stored = upload("referenced");
    QVERIFY(!stored.sha.isEmpty());
    registerItem(stored);
    makeOld(stored);
    const BlobCollector::Outcome outcome = BlobCollector(*m_workspace).collect();
    QCOMPARE(outcome.filesRemoved, 0);
    QCOMPARE(outcome.uploadsRemoved, 0);
    QVERIFY(QFile::exists(blobPath(stored)));
    QCOMPARE(uploadRows(stored), 1);
    // Still served under its URL.
    QVERIFY(BlobService(*m_workspace).download(stored.objectKey).has_value());
}

void TestBlobCollection::unreferencedYoungBlobSurvives()
{
    const Stored stored = upload("young");
    QVERIFY(!stored.sha.isEmpty());
    const BlobCollector::Outcome outcome = BlobCollector(*m_workspace).collect();
    QCOMPARE(outcome.filesRemoved, 0);
    QCOMPARE(outcome.uploadsRemoved, 0);
    QVERIFY(QFile::exists(blobPath(stored)));
    QCOMPARE(uploadRows(stored), 1);
}

void TestBlobCollection::unreferencedOldBlobIsRemoved()
{
    const Stored old = upload("old and forgotten");
    const Stored young = upload("young and forgotten");
    QVERIFY(!old.sha.isEmpty() && !young.sha.isEmpty());
    makeOld(old);
    const BlobCollector::Outcome outcome = BlobCollector(*m_workspace).collect();
    QCOMPARE(outcome.uploadsRemoved, 1);
    QCOMPARE(outcome.filesRemoved, 1);
    QCOMPARE(outcome.bytesFreed, qint64(QByteArrayLiteral("old and forgotten").size()));
    QVERIFY(!QFile::exists(blobPath(old)));
    QCOMPARE(uploadRows(old), 0);
    QVERIFY(!BlobService(*m_workspace).download(old.objectKey).has_value());
    QVERIFY(QFile::exists(blobPath(young)));
    QCOMPARE(uploadRows(young), 1);
    // A second pass finds nothing more.
    QCOMPARE(BlobCollector(*m_workspace).collect().filesRemoved, 0);
}

void TestBlobCollection::sharedContentSurvivesWhileOneUploadUsesIt()
{
    // Two uploads of the same bytes share one file: the old unused row goes, the file stays
    // for the registered one.
    const Stored unused = upload("same bytes");
    const Stored used = upload("same bytes");
    QCOMPARE(unused.sha, used.sha);
    registerItem(used);
    makeOld(unused);
    makeOld(used);
    const BlobCollector::Outcome outcome = BlobCollector(*m_workspace).collect();
    QCOMPARE(outcome.uploadsRemoved, 1);
    QCOMPARE(outcome.filesRemoved, 0);
    QCOMPARE(uploadRows(unused), 0);
    QVERIFY(QFile::exists(blobPath(used)));
}

void TestBlobCollection::blobBeingWrittenIsNeverRemoved()
{
    // An old, forgotten upload whose bytes are being uploaded again right now: the new upload
    // reuses the existing file, and no collection may take it from under the writer.
    const Stored old = upload("uploaded twice");
    QVERIFY(!old.sha.isEmpty());
    makeOld(old);

    const BlobService blobs(*m_workspace);
    const BlobService::UploadSlot slot = blobs.issueUploads(m_user.id, 1, QString()).value(0);
    std::unique_ptr<BlobWriter> writer = blobs.beginUpload(slot.objectKey);
    QVERIFY(writer && writer->isOpen());
    const QByteArray bytes("uploaded twice");
    QVERIFY(writer->write(bytes.constData(), bytes.size()));

    // A collection started now (on its own thread, with its own connection) must wait for
    // the writer to finish and its upload to be recorded.
    Workspace &workspace = *m_workspace;
    std::future<BlobCollector::Outcome> collection =
        std::async(std::launch::async, [&workspace] { return BlobCollector(workspace).collect(); });
    QCOMPARE(collection.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
    // The temporary file is untouched meanwhile.
    QCOMPARE(
        QDir(m_workspace->blobs().root() + QStringLiteral("/tmp")).entryList(QDir::Files).size(),
        1);

    const QString sha = writer->finish();
    QCOMPARE(sha, old.sha);
    QVERIFY(blobs.completeUpload(slot.objectKey, sha, bytes.size(), QString()));
    writer.reset();

    const BlobCollector::Outcome outcome = collection.get();
    QCOMPARE(outcome.uploadsRemoved, 1); // the old row
    QCOMPARE(outcome.filesRemoved, 0);
    QVERIFY(QFile::exists(blobPath(old)));
    const std::optional<BlobService::Download> download = blobs.download(slot.objectKey);
    QVERIFY(download.has_value());
    QCOMPARE(download->size, bytes.size());
}

void TestBlobCollection::maxAgeIsInjectable()
{
    const Stored stored = upload("an hour is enough");
    QVERIFY(!stored.sha.isEmpty());
    const qint64 later = TimeFormat::nowMs() + qint64(2) * 3600 * 1000;
    // Seen two hours from now, the default 24 h keeps it and a 1 h maximum age does not.
    QCOMPARE(BlobCollector(*m_workspace).collect(later).uploadsRemoved, 0);
    QVERIFY(QFile::exists(blobPath(stored)));
    const BlobCollector::Outcome outcome =
        BlobCollector(*m_workspace, std::chrono::hours(1)).collect(later);
    QCOMPARE(outcome.uploadsRemoved, 1);
    QCOMPARE(outcome.filesRemoved, 1);
    QVERIFY(!QFile::exists(blobPath(stored)));
}

void TestBlobCollection::serverCollectsAtStart()
{
    const Stored old = upload("collected by the server");
    const Stored kept = upload("kept by the server");
    makeOld(old);
    registerItem(kept);
    makeOld(kept);
    const QString dataDir = m_workspace->dataDir();
    m_workspace.reset();

    LocalServer server(dataDir);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(server.workspace()->blobs().path(old.sha)), 5000);
    server.stop();
    QVERIFY(QFile::exists(server.workspace()->blobs().path(kept.sha)));
    QCOMPARE(
        server.workspace()->database().scalar(
            QStringLiteral("SELECT COUNT(*) FROM uploads WHERE object_key = ?"), {old.objectKey}),
        0);
}

QTEST_GUILESS_MAIN(TestBlobCollection)
#include "tst_blobcollection.moc"
