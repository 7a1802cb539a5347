// A file far larger than the server's memory budget goes up and comes back through signed URLs
// while the server runs as its own process: its peak resident memory (VmHWM) must stay near its
// idle baseline, and the bytes must come back unchanged.

#include "auth/privatekey.h"
#include "auth/requestsigner.h"
#include "serverclient.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <httplib.h>

using namespace Encord;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;
constexpr qint64 kWantedSize = 256 * kMiB;
/// How far above its idle peak the server may go while streaming. AddressSanitizer builds
/// (the dev preset) pay for shadow memory and a quarantine of freed blocks: allow them more,
/// still half the file.
#ifdef __SANITIZE_ADDRESS__
constexpr qint64 kBudgetKiB = 128 * 1024;
#else
constexpr qint64 kBudgetKiB = 64 * 1024;
#endif

QByteArray targetOf(const QString &url)
{
    return RequestSigner::requestTarget(QUrl(url));
}

} // namespace

class TestStreaming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldStreamLargeFilesInBoundedMemory();

private:
    QTemporaryDir m_dir;
    PrivateKey m_key;
    std::unique_ptr<ServerProcess> m_server;
};

void TestStreaming::initTestCase()
{
    QVERIFY(m_dir.isValid());
#ifdef __SANITIZE_ADDRESS__
    // The child inherits this: keep ASan from hoarding every freed chunk buffer (256 MB default).
    qputenv("ASAN_OPTIONS", qgetenv("ASAN_OPTIONS") + ":quarantine_size_mb=16");
#endif
    m_key = PrivateKey::generate();
    const QString keyFile = m_dir.filePath(QStringLiteral("big.pub"));
    QFile key(keyFile);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(m_key.publicKeyOpenSsh(QStringLiteral("big")) + '\n');
    key.close();
    m_server = std::make_unique<ServerProcess>(QStringLiteral(ENCORD_LOCAL_SERVER_BINARY),
                                               m_dir.filePath(QStringLiteral("data")));
    QString error;
    QVERIFY2(m_server->addUser(QStringLiteral("big@example.com"), keyFile, false, &error),
             qPrintable(error));
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestStreaming::shouldStreamLargeFilesInBoundedMemory()
{
    // The blob is stored once by the server; the source file is sparse. Leave 512 MiB spare.
    const qint64 available = QStorageInfo(m_dir.path()).bytesAvailable();
    qint64 size = kWantedSize;
    if (available - 512 * kMiB < size) {
        size = ((available - 512 * kMiB) / (16 * kMiB)) * 16 * kMiB;
        if (size < 64 * kMiB)
            QSKIP(qPrintable(QStringLiteral("only %1 MiB free in %2: the streaming check needs "
                                            "at least 576 MiB")
                                 .arg(available / kMiB)
                                 .arg(m_dir.path())));
        qWarning("only %lld MiB free: streaming %lld MiB instead of %lld MiB",
                 available / kMiB,
                 size / kMiB,
                 kWantedSize / kMiB);
    }

    // Given a sparse file with random blocks scattered through it,
    const QString path = m_dir.filePath(QStringLiteral("big.bin"));
    QFile source(path);
    QVERIFY(source.open(QIODevice::ReadWrite));
    QVERIFY(source.resize(size));
    for (qint64 offset = 0; offset < size; offset += 8 * kMiB) {
        QByteArray block(4096, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()),
                                              block.size() / 4);
        QVERIFY(source.seek(offset + QRandomGenerator::global()->bounded(4 * kMiB)));
        QVERIFY(source.write(block) == block.size());
    }
    QVERIFY(source.seek(0));

    // and a server that has answered signed requests and is otherwise idle,
    const ServerClient client(m_server->port(), RequestSigner(m_key));
    const auto folder = client.v2("POST", "/v2/public/storage/folders", R"({"name": "big"})");
    QCOMPARE(folder.status, 200);
    const QByteArray base =
        "/v2/public/storage/folders/" + folder.json()[QLatin1String("uuid")].toString().toLatin1();
    const auto slots =
        client.v2("POST", base + "/upload-signed-urls", R"({"itemType": "image", "count": 1})");
    QCOMPARE(slots.status, 200);
    const QJsonObject slot = slots.json()[QLatin1String("results")][0].toObject();
    const qint64 baselineKiB = m_server->memoryKiB("VmHWM");
    QVERIFY(baselineKiB > 0);

    // when the file is uploaded through its signed URL, streamed from disk,
    httplib::Client http("127.0.0.1", m_server->port());
    http.set_read_timeout(120, 0);
    http.set_write_timeout(120, 0);
    QCryptographicHash uploaded(QCryptographicHash::Sha256);
    const auto provide = [&](size_t offset, size_t length, httplib::DataSink &sink) {
        QByteArray chunk(qint64(std::min<size_t>(length, size_t(kMiB))), Qt::Uninitialized);
        if (!source.seek(qint64(offset)) || source.read(chunk.data(), chunk.size()) != chunk.size())
            return false;
        uploaded.addData(chunk);
        return sink.write(chunk.constData(), size_t(chunk.size()));
    };
    const QByteArray putTarget = targetOf(slot.value(QLatin1String("signedUrl")).toString());
    const auto put =
        http.Put(putTarget.toStdString(), size_t(size), provide, "application/octet-stream");
    QVERIFY2(put, httplib::to_string(put.error()).c_str());
    QVERIFY2(put->status == 200, put->body.c_str());

    const QJsonObject image{
        {QStringLiteral("objectUrl"), slot.value(QLatin1String("objectKey"))},
        {QStringLiteral("title"), QStringLiteral("big.bin")},
        {QStringLiteral("placeholderItemUuid"), slot.value(QLatin1String("itemUuid"))}};
    const QJsonObject job{
        {QStringLiteral("dataItems"), QJsonObject{{QStringLiteral("images"), QJsonArray{image}}}}};
    const auto started = client.v2(
        "POST", base + "/data-upload-jobs", QJsonDocument(job).toJson(QJsonDocument::Compact));
    QCOMPARE(started.status, 200);
    const auto state =
        client.v2("GET", base + "/data-upload-jobs/" + started.json().toString().toLatin1());
    const QString item =
        state.json()[QLatin1String("itemsWithNames")][0][QLatin1String("itemUuid")].toString();
    QVERIFY2(!item.isEmpty(), state.body.constData());
    const auto fetched =
        client.v2("GET", "/v2/public/storage/items/" + item.toLatin1() + "?signUrl=True");
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json()[QLatin1String("fileSize")].toInteger(), size);

    // and downloaded again through the item's signed URL,
    QCryptographicHash downloaded(QCryptographicHash::Sha256);
    qint64 received = 0;
    const QByteArray getTarget = targetOf(fetched.json()[QLatin1String("signedUrl")].toString());
    const auto get = http.Get(getTarget.toStdString(), [&](const char *data, size_t length) {
        downloaded.addData(QByteArrayView(data, qsizetype(length)));
        received += qint64(length);
        return true;
    });
    QVERIFY2(get, httplib::to_string(get.error()).c_str());
    QCOMPARE(get->status, 200);

    // then the bytes are the same and the server never held more than a sliver of them.
    QCOMPARE(received, size);
    QCOMPARE(downloaded.result().toHex(), uploaded.result().toHex());
    const qint64 peakKiB = m_server->memoryKiB("VmHWM");
    qInfo("%lld MiB streamed; server peak RSS %lld KiB, idle peak %lld KiB (+%lld KiB)",
          size / kMiB,
          peakKiB,
          baselineKiB,
          peakKiB - baselineKiB);
    QVERIFY2(peakKiB - baselineKiB < kBudgetKiB,
             qPrintable(QStringLiteral("server peak grew by %1 KiB").arg(peakKiB - baselineKiB)));
    QVERIFY(m_server->terminate());
}

QTEST_GUILESS_MAIN(TestStreaming)
#include "tst_streaming.moc"
