// Round trips on one kept-alive connection, as the SDK's session and Qt's network stack make
// them: each answer must leave at once, not wait for the peer's delayed ACK (Nagle).

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "localserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <httplib.h>
#include <vector>

using namespace Encord;
using namespace Encord::Server;

class TestServerLatency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldAnswerKeptAliveRequestsWithoutDelay_data();
    void shouldAnswerKeptAliveRequestsWithoutDelay();
};

void TestServerLatency::shouldAnswerKeptAliveRequestsWithoutDelay_data()
{
    QTest::addColumn<bool>("signedV2");
    QTest::newRow("unauthenticated 404") << false;
    QTest::newRow("signed v2 listing") << true;
}

void TestServerLatency::shouldAnswerKeptAliveRequestsWithoutDelay()
{
    QFETCH(bool, signedV2);
    QLoggingCategory::setFilterRules(QStringLiteral("encord.server.http.info=false"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LocalServer server(dir.filePath(QStringLiteral("data")));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const PrivateKey key = PrivateKey::generate();
    QVERIFY(server.ensureUser(
        QStringLiteral("quick@example.com"), *PublicKey::fromRaw(key.publicKeyRaw()), false));
    const RequestSigner signer(key);

    // Given one kept-alive connection (Nagle left on at the client, as Qt leaves it),
    httplib::Client client("127.0.0.1", server.port());
    client.set_keep_alive(true);
    const std::string target = signedV2 ? "/v2/public/datasets/list" : "/no-such-page";
    const auto headers = [&] {
        httplib::Headers result;
        if (signedV2) {
            const auto signature = signer.v2Headers(
                "GET", QByteArray::fromStdString(target), {}, QDateTime::currentSecsSinceEpoch());
            result.emplace("Content-Digest", signature.contentDigest.toStdString());
            result.emplace("Signature-Input", signature.signatureInput.toStdString());
            result.emplace("Signature", signature.signature.toStdString());
        }
        return result;
    };
    QVERIFY(client.Get(target, headers())); // connect and warm up

    // when it sends 50 requests one after another,
    constexpr int kRequests = 50;
    std::vector<qint64> times;
    QElapsedTimer timer;
    for (int i = 0; i < kRequests; ++i) {
        timer.start();
        const auto reply = client.Get(target, headers());
        times.push_back(timer.nsecsElapsed() / 1000);
        QVERIFY(reply);
        QCOMPARE(reply->status, signedV2 ? 200 : 404);
    }

    // then the typical round trip is far below the 25-40 ms a delayed ACK adds to each. (The
    // median, so that a scheduling hiccup on a busy machine does not count.)
    std::sort(times.begin(), times.end());
    const qint64 medianUs = times[times.size() / 2];
    qInfo("median kept-alive round trip %lld us", medianUs);
    QVERIFY2(medianUs < 15000, qPrintable(QStringLiteral("%1 us").arg(medianUs)));
    client.stop(); // else stopping waits out the server's keep-alive timeout
    server.stop();
}

QTEST_GUILESS_MAIN(TestServerLatency)
#include "tst_serverlatency.moc"
