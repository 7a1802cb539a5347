// Units of the local workspace server that need no socket: the signature verifier against
// the spec's worked examples (§1.6), time formats, signed URLs, filters and the schema.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "authenticator.h"
#include "base64fieldsplitter.h"
#include "cvatimportjobs.h"
#include "listingfilter.h"
#include "requesterror.h"
#include "schema.h"
#include "serverrequest.h"
#include "sqlitedatabase.h"
#include "sqliteerror.h"
#include "testkeys.h"
#include "timeformat.h"
#include "urlsigner.h"
#include "userstore.h"
#include "workspace.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <thread>

using namespace Encord;
using namespace Encord::Server;

namespace {

constexpr qint64 kVectorCreated = 1700000000;
const QByteArray kKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const QByteArray kEmptyDigest = "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:";

QByteArray signatureInput()
{
    return R"(encord-sig=("@method" "@request-target" "content-digest");created=1700000000;)"
           R"(keyid=")"
           + kKeyHex + R"(";alg="ed25519")";
}

ServerRequest v2Request(const QByteArray &method,
                        const QByteArray &target,
                        const QByteArray &body,
                        const QByteArray &digest,
                        const QByteArray &signature)
{
    ServerRequest request;
    request.method = method;
    request.target = target;
    request.body = body;
    request.headers = {{"content-digest", digest},
                       {"signature-input", signatureInput()},
                       {"signature", "encord-sig=:" + signature + ":"}};
    return request;
}

} // namespace

class TestServerUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldAcceptTheSpecV1Example();
    void shouldAnswerUnknownV1KeysSeparately();
    void shouldAcceptTheSpecV2Examples();
    void shouldRejectTamperedV2Requests_data();
    void shouldRejectTamperedV2Requests();
    void shouldEnforceTheCreatedWindow_data();
    void shouldEnforceTheCreatedWindow();
    void shouldFormatTimes();
    void shouldParseFilterInstants_data();
    void shouldParseFilterInstants();
    void shouldSignUrls();
    void shouldBuildFiltersFromV1AndV2();
    void shouldMigrateOnceAndKeepTheSecret();
    void shouldHoldTheLongPollUntilTheJobEnds();
    void shouldMarkJobsAStoppedServerLeftPendingAsFailed();
    void shouldReuseStatementsAndStayCorrectAfterAFailedStep();
    void shouldSplitALargeBase64MemberOutOfAJsonObject();
    void shouldRefuseBodiesTheSplitterCannotRead_data();
    void shouldRefuseBodiesTheSplitterCannotRead();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void TestServerUnits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_workspace = Workspace::open(m_dir.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_workspace, qPrintable(error));
    const auto key = PrivateKey::fromText(EncordTest::rfc8032TestKeyText());
    QVERIFY(key.ok());
    const auto publicKey = PublicKey::fromRaw(key.value().publicKeyRaw());
    QVERIFY(publicKey);
    UserStore(m_workspace->database()).add(QStringLiteral("alice@example.com"), *publicKey, false);
}

void TestServerUnits::shouldAcceptTheSpecV1Example()
{
    ServerRequest request;
    request.method = "POST";
    request.target = "/public";
    request.body = R"({"query_type": "dataset", "query_method": "GET", "values": )"
                   R"({"uid": null, "payload": {"dataset_access_settings": )"
                   R"({"fetch_client_metadata": false}}}})";
    request.headers = {{"authorization",
                        kKeyHex
                            + ":5f84b269b2a025b02edb4804482df0dc0155b774a82b7d9a859b20861b"
                              "af46d6c0c2b65a2c5a1622e221661afe6b5e8f371f000e9ae3742df4c7a"
                              "7817fe2260b"}};
    const UserStore users(m_workspace->database());
    const Authenticator::Outcome outcome = Authenticator(users).verifyV1(request);
    QVERIFY(outcome.user);
    QCOMPARE(outcome.user->email, QStringLiteral("alice@example.com"));

    request.body.replace("false", "true ");
    QCOMPARE(Authenticator(users).verifyV1(request).failure, Authenticator::Failure::BadSignature);
}

void TestServerUnits::shouldAnswerUnknownV1KeysSeparately()
{
    ServerRequest request;
    request.body = "{}";
    request.headers = {{"authorization", QByteArray(64, 'a') + ':' + QByteArray(128, 'b')}};
    const UserStore users(m_workspace->database());
    QCOMPARE(Authenticator(users).verifyV1(request).failure, Authenticator::Failure::UnknownKey);
    request.headers = {{"authorization", "Bearer something"}};
    QCOMPARE(Authenticator(users).verifyV1(request).failure, Authenticator::Failure::Missing);
    request.headers.clear();
    QCOMPARE(Authenticator(users).verifyV1(request).failure, Authenticator::Failure::Missing);
}

void TestServerUnits::shouldAcceptTheSpecV2Examples()
{
    const UserStore users(m_workspace->database());
    const Authenticator authenticator(users);
    const ServerRequest get = v2Request(
        "GET",
        "/v2/public/storage/folders?order=name&desc=False&pageSize=100&isRecursive=False",
        {},
        kEmptyDigest,
        "ckF0WBxMvdelLkvKAdG7FxvGMdzSDhmCXfcxA7rDjAFYoUZHk1DGV8NEo1hqontIf2h+YseMw/BdHELp7S6MCA==");
    QVERIFY(authenticator.verifyV2(get, kVectorCreated + 30).user);

    const ServerRequest post = v2Request(
        "POST",
        "/v2/public/storage/folders",
        R"({"name": "My folder", "description": "demo"})",
        "sha-256=:Tx6Rqm6X9pFtiNb9b4vsyUIJmpc+jkJYJFeIOIl+BgM=:",
        "FfIgvOklnQzxOXAniV7sVTcQdvLQ+ZlqMWGchgetOYqmHhbvlStNQ8mfHyUwGgDYBp2Ut05r/DACR+5MfxDbDg==");
    QVERIFY(authenticator.verifyV2(post, kVectorCreated).user);
}

void TestServerUnits::shouldRejectTamperedV2Requests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("digest");
    QTest::addColumn<int>("failure");

    const QByteArray target = "/v2/public/storage/folders";
    const QByteArray body = R"({"name": "My folder", "description": "demo"})";
    const QByteArray digest = "sha-256=:Tx6Rqm6X9pFtiNb9b4vsyUIJmpc+jkJYJFeIOIl+BgM=:";
    const int bad = int(Authenticator::Failure::BadSignature);
    QTest::newRow("method") << QByteArray("PUT") << target << body << digest << bad;
    QTest::newRow("path") << QByteArray("POST") << QByteArray("/v2/public/storage/folderz") << body
                          << digest << bad;
    QTest::newRow("query") << QByteArray("POST") << target + "?x=1" << body << digest << bad;
    QTest::newRow("body, old digest") << QByteArray("POST") << target
                                      << QByteArray(R"({"name": "Your folder"})") << digest << bad;
    QTest::newRow("no digest") << QByteArray("POST") << target << body << QByteArray()
                               << int(Authenticator::Failure::Missing);
}

void TestServerUnits::shouldRejectTamperedV2Requests()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, digest);
    QFETCH(int, failure);
    const ServerRequest request = v2Request(
        method,
        target,
        body,
        digest,
        "FfIgvOklnQzxOXAniV7sVTcQdvLQ+ZlqMWGchgetOYqmHhbvlStNQ8mfHyUwGgDYBp2Ut05r/DACR+5MfxDbDg==");
    const UserStore users(m_workspace->database());
    const Authenticator::Outcome outcome = Authenticator(users).verifyV2(request, kVectorCreated);
    QVERIFY(!outcome.user);
    QCOMPARE(int(outcome.failure), failure);
}

void TestServerUnits::shouldEnforceTheCreatedWindow_data()
{
    QTest::addColumn<qint64>("now");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("signed 300 s ago") << kVectorCreated + 300 << true;
    QTest::newRow("signed 301 s ago") << kVectorCreated + 301 << false;
    QTest::newRow("signed 60 s ahead") << kVectorCreated - 60 << true;
    QTest::newRow("signed 61 s ahead") << kVectorCreated - 61 << false;
}

void TestServerUnits::shouldEnforceTheCreatedWindow()
{
    QFETCH(qint64, now);
    QFETCH(bool, accepted);
    const ServerRequest request = v2Request(
        "POST",
        "/v2/public/storage/folders",
        R"({"name": "My folder", "description": "demo"})",
        "sha-256=:Tx6Rqm6X9pFtiNb9b4vsyUIJmpc+jkJYJFeIOIl+BgM=:",
        "FfIgvOklnQzxOXAniV7sVTcQdvLQ+ZlqMWGchgetOYqmHhbvlStNQ8mfHyUwGgDYBp2Ut05r/DACR+5MfxDbDg==");
    const UserStore users(m_workspace->database());
    const Authenticator::Outcome outcome = Authenticator(users).verifyV2(request, now);
    QCOMPARE(bool(outcome.user), accepted);
    if (!accepted)
        QCOMPARE(outcome.failure, Authenticator::Failure::Expired);
}

void TestServerUnits::shouldFormatTimes()
{
    const qint64 ms = 1704103200000; // 2024-01-01T10:00:00Z
    QCOMPARE(TimeFormat::v1(ms), QStringLiteral("2024-01-01 10:00:00"));
    QCOMPARE(TimeFormat::v2(ms), QStringLiteral("2024-01-01T10:00:00+00:00"));
    QCOMPARE(TimeFormat::v2(ms + 123), QStringLiteral("2024-01-01T10:00:00.123000+00:00"));
}

void TestServerUnits::shouldParseFilterInstants_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    const qint64 base = 1704103200000;
    QTest::newRow("naive, legacy SDK") << QStringLiteral("2024-01-01T10:00:00") << base;
    QTest::newRow("+00:00") << QStringLiteral("2024-01-01T10:00:00+00:00") << base;
    QTest::newRow("Z") << QStringLiteral("2024-01-01T10:00:00Z") << base;
    QTest::newRow("v1 style") << QStringLiteral("2024-01-01 10:00:00") << base;
    QTest::newRow("microseconds") << QStringLiteral("2024-01-01T10:00:00.123456+00:00")
                                  << base + 123;
    QTest::newRow("+02:00") << QStringLiteral("2024-01-01T12:00:00+02:00") << base;
    QTest::newRow("-0130") << QStringLiteral("2024-01-01T08:30:00-0130") << base;
    QTest::newRow("date only") << QStringLiteral("2024-01-01") << base - 36000000;
}

void TestServerUnits::shouldParseFilterInstants()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QCOMPARE(TimeFormat::parseInstant(text), std::optional<qint64>(expected));
    QVERIFY(!TimeFormat::parseInstant(QStringLiteral("yesterday")));
    QVERIFY(!TimeFormat::parseInstant(QStringLiteral("2024-13-01")));
}

void TestServerUnits::shouldSignUrls()
{
    const UrlSigner signer(QByteArray(32, 'k'));
    const QString path = signer.signedPath("PUT", QStringLiteral("uploads/abc"), 2000);
    QVERIFY(path.startsWith(QStringLiteral("/blob-upload/uploads/abc?expires=2000&sig=")));
    const QByteArray sig = path.section(QStringLiteral("sig="), 1).toLatin1();
    QCOMPARE(sig.size(), 64);
    QVERIFY(signer.verify("PUT", QStringLiteral("uploads/abc"), 2000, sig, 1999));
    QVERIFY(!signer.verify("PUT", QStringLiteral("uploads/abc"), 2000, sig, 2001));
    QVERIFY(!signer.verify("GET", QStringLiteral("uploads/abc"), 2000, sig, 1999));
    QVERIFY(!signer.verify("PUT", QStringLiteral("uploads/abd"), 2000, sig, 1999));
    QVERIFY(!signer.verify("PUT", QStringLiteral("uploads/abc"), 2001, sig, 1999));
    QByteArray flipped = sig;
    flipped[0] = flipped[0] == 'a' ? 'b' : 'a';
    QVERIFY(!signer.verify("PUT", QStringLiteral("uploads/abc"), 2000, flipped, 1999));
    QVERIFY(!UrlSigner(QByteArray(32, 'x'))
                 .verify("PUT", QStringLiteral("uploads/abc"), 2000, sig, 1999));
    QVERIFY(!UrlSigner::isValidObjectKey(QStringLiteral("../etc/passwd")));
    QVERIFY(!UrlSigner::isValidObjectKey(QStringLiteral("a?b")));
    QVERIFY(UrlSigner::isValidObjectKey(QStringLiteral("uploads/2024/a-b_c.jpg")));
}

void TestServerUnits::shouldBuildFiltersFromV1AndV2()
{
    const ListingFilter v1 = ListingFilter::fromV1(
        {{QStringLiteral("title_like"), QStringLiteral("%car%")},
         {QStringLiteral("desc_eq"), QStringLiteral("")},
         {QStringLiteral("created_after"), QStringLiteral("2024-01-01T00:00:00")}});
    QCOMPARE(v1.titleLike, std::optional<QString>(QStringLiteral("%car%")));
    QVERIFY(!v1.descriptionEq); // empty = no filter
    QCOMPARE(v1.createdAfter, std::optional<qint64>(1704067200000));
    QString where;
    QList<SqlValue> values;
    v1.appendSql(QStringLiteral("d"), where, values);
    QCOMPARE(where, QStringLiteral(" AND d.title LIKE ? AND d.created_at > ?"));
    QCOMPARE(values.size(), 2);

    ServerRequest request;
    request.query = {{QStringLiteral("descriptionLike"), QStringLiteral("%x%")},
                     {QStringLiteral("descLike"), QStringLiteral("%y%")},
                     {QStringLiteral("editedBefore"), QStringLiteral("2024-01-01T00:00:00Z")}};
    const ListingFilter datasets = ListingFilter::fromV2(request, QStringLiteral("description"));
    QCOMPARE(datasets.descriptionLike, std::optional<QString>(QStringLiteral("%x%")));
    QCOMPARE(datasets.editedBefore, std::optional<qint64>(1704067200000));
    const ListingFilter projects = ListingFilter::fromV2(request, QStringLiteral("desc"));
    QCOMPARE(projects.descriptionLike, std::optional<QString>(QStringLiteral("%y%")));

    request.query = {{QStringLiteral("createdBefore"), QStringLiteral("soon")}};
    try {
        ListingFilter::fromV2(request, QStringLiteral("desc"));
        QFAIL("an unparseable date must be refused");
    } catch (const RequestError &e) {
        QCOMPARE(e.v1Code(), QStringLiteral("INVALID_DATE_FORMAT_ERROR"));
        QCOMPARE(e.httpStatus(), 400);
    }
}

void TestServerUnits::shouldMigrateOnceAndKeepTheSecret()
{
    const QString dir = m_dir.filePath(QStringLiteral("ws"));
    QFile secretFile(dir + QStringLiteral("/server-secret"));
    QVERIFY(secretFile.open(QIODevice::ReadOnly));
    const QByteArray secret = secretFile.readAll();
    QCOMPARE(secretFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    secretFile.close();

    QString error;
    const std::unique_ptr<Workspace> again = Workspace::open(dir, &error);
    QVERIFY2(again, qPrintable(error));
    SqliteDatabase &db = again->database();
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA user_version")), qint64(Schema::currentVersion()));
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA foreign_keys")), qint64(1));
    {
        // Scoped: a statement left mid-result would keep its connection's transaction open.
        SqliteStatement journal = db.prepare(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(journal.next());
        QCOMPARE(journal.text(0), QStringLiteral("wal"));
    }
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM users")), qint64(1));
    QVERIFY(secretFile.open(QIODevice::ReadOnly));
    QCOMPARE(secretFile.readAll(), secret);

    // A database from a newer build is refused rather than damaged.
    db.exec(QStringLiteral("PRAGMA user_version = 999"));
    QVERIFY(!Workspace::open(dir, &error));
    QVERIFY(error.contains(QStringLiteral("newer")));
    db.exec(QStringLiteral("PRAGMA user_version = %1").arg(Schema::currentVersion()));
}

void TestServerUnits::shouldHoldTheLongPollUntilTheJobEnds()
{
    // Given a job whose work waits until the test lets it go.
    CvatImportJobs &jobs = m_workspace->cvatImportJobs();
    const qint64 alice =
        UserStore(m_workspace->database()).byEmail(QStringLiteral("alice@example.com"))->id;
    std::mutex mutex;
    std::condition_variable released;
    bool go = false;
    const auto done = QJsonObject{{QStringLiteral("status"), QStringLiteral("DONE")},
                                  {QStringLiteral("projectUuid"), QStringLiteral("p-1")},
                                  {QStringLiteral("issues"), QJsonObject()}};
    std::atomic<bool> sawOwnConnection = false;
    SqliteDatabase *requestConnection = &m_workspace->database();
    const QString job = jobs.start(alice, [&](const auto &, const auto &) {
        sawOwnConnection = &m_workspace->database() != requestConnection;
        std::unique_lock lock(mutex);
        released.wait(lock, [&] { return go; });
        return done;
    });

    // When the long-poll asks while it runs, it waits its timeout, then answers PENDING.
    QElapsedTimer timer;
    timer.start();
    const QJsonObject pending = jobs.wait(job, alice, std::chrono::milliseconds(150));
    QCOMPARE(pending.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
    QVERIFY(timer.elapsed() >= 140);
    // Another user's poll finds nothing and does not wait.
    timer.restart();
    QVERIFY(jobs.wait(job, alice + 1, std::chrono::seconds(5)).isEmpty());
    QVERIFY(timer.elapsed() < 1000);

    // Then a poll that is waiting when the job ends answers at once with its state.
    std::thread releaser([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const std::lock_guard lock(mutex);
        go = true;
        released.notify_all();
    });
    timer.restart();
    const QJsonObject finished = jobs.wait(job, alice, std::chrono::seconds(20));
    releaser.join();
    QCOMPARE(finished, done);
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY(sawOwnConnection);
    // And it is kept: a later poll reads it back without waiting.
    QCOMPARE(jobs.wait(job, alice, std::chrono::seconds(20)), done);
}

void TestServerUnits::shouldMarkJobsAStoppedServerLeftPendingAsFailed()
{
    // Given a job row left PENDING, as a server stopped in the middle of an import leaves it.
    const QString dir = m_dir.filePath(QStringLiteral("ws"));
    const qint64 alice =
        UserStore(m_workspace->database()).byEmail(QStringLiteral("alice@example.com"))->id;
    m_workspace->database().exec(
        QStringLiteral("INSERT INTO cvat_import_jobs (uuid, user_id, state, created_at) "
                       "VALUES ('left-behind', ?, '{\"status\":\"PENDING\"}', 0)"),
        {alice});

    // When the workspace opens again, the job stays as it is (a tool may open the folder beside
    // a live server); when a server starts on it, the job is an error that says what happened.
    QString error;
    const std::unique_ptr<Workspace> again = Workspace::open(dir, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->cvatImportJobs()
                 .wait(QStringLiteral("left-behind"), alice, std::chrono::seconds(0))
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("PENDING"));
    again->cvatImportJobs().recoverInterrupted();
    const QJsonObject state =
        again->cvatImportJobs().wait(QStringLiteral("left-behind"), alice, std::chrono::seconds(0));
    QCOMPARE(state.value(QLatin1String("status")).toString(), QStringLiteral("ERROR"));
    const QJsonArray errors = state[QLatin1String("issues")][QLatin1String("errors")].toArray();
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors[0][QLatin1String("instances")][0].toString().contains(
        QLatin1String("nothing was created")));
}

void TestServerUnits::shouldReuseStatementsAndStayCorrectAfterAFailedStep()
{
    SqliteDatabase &db = m_workspace->database();
    db.exec(QStringLiteral("CREATE TABLE reuse (k TEXT PRIMARY KEY, v TEXT)"));
    const QString insert = QStringLiteral("INSERT INTO reuse (k, v) VALUES (?, ?)");
    for (int i = 0; i < 100; ++i)
        db.exec(insert, {QString::number(i), SqlUtf8{QByteArray("v") + QByteArray::number(i)}});
    // A failing step (duplicate key) leaves the kept statement usable.
    QVERIFY_THROWS_EXCEPTION(SqliteError, db.exec(insert, {QStringLiteral("1"), nullptr}));
    db.exec(insert, {QStringLiteral("100"), nullptr});
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM reuse")), qint64(101));
    SqliteStatement row =
        db.prepare(QStringLiteral("SELECT v, typeof(v) FROM reuse WHERE k = '42'"));
    QVERIFY(row.next());
    QCOMPARE(row.text(0), QStringLiteral("v42"));
    QCOMPARE(row.text(1), QStringLiteral("text"));
}

void TestServerUnits::shouldSplitALargeBase64MemberOutOfAJsonObject()
{
    // Given 5 MiB of bytes as base64 (more than one read and one decoding block), written as
    // JSON may write it: "/" escaped once, a wrapped line, the member neither first nor last,
    // and other members holding quotes, braces and nesting
    QByteArray payload(5 << 20, Qt::Uninitialized);
    QRandomGenerator generator(7);
    generator.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
    QByteArray base64 = payload.toBase64();
    const qsizetype slash = base64.indexOf('/');
    QVERIFY(slash > 0);
    base64.replace(slash, 1, "\\/");
    base64.insert(76, "\\n");
    const QByteArray body = R"( { "datasetUuid" : "d-1", "annotationsBase64": ")" + base64
                            + R"(" , "data":[{"dataPath":"a \"b\" {c}.jpg","n":[1,2,{"x":null}]}],)"
                              R"("transformBoundingBoxesToPolygons":false } )";
    QBuffer in;
    in.setData(body);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));

    // When it is split
    QString error;
    const std::optional<QJsonObject> others =
        Server::Base64FieldSplitter::split(in, "annotationsBase64", out, &error);

    // Then the member comes out decoded, byte for byte, and the others parsed
    QVERIFY2(others, qPrintable(error));
    QCOMPARE(out.data().size(), payload.size());
    QVERIFY(out.data() == payload);
    QCOMPARE(others->size(), 3);
    QCOMPARE(others->value(QLatin1String("datasetUuid")).toString(), QStringLiteral("d-1"));
    QCOMPARE(others->value(QLatin1String("transformBoundingBoxesToPolygons")).toBool(true), false);
    const QJsonObject entry = others->value(QLatin1String("data")).toArray().first().toObject();
    QCOMPARE(entry.value(QLatin1String("dataPath")).toString(), QStringLiteral("a \"b\" {c}.jpg"));
    QCOMPARE(entry.value(QLatin1String("n")).toArray().size(), 3);
}

void TestServerUnits::shouldRefuseBodiesTheSplitterCannotRead_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing") << QByteArray(R"({"datasetUuid":"d"})") << "has no annotationsBase64";
    QTest::newRow("repeated") << QByteArray(
        R"({"annotationsBase64":"QQ==","annotationsBase64":""})")
                              << "twice";
    QTest::newRow("not base64") << QByteArray(R"({"annotationsBase64":"QQ*="})")
                                << "not valid base64";
    QTest::newRow("padding inside")
        << QByteArray(R"({"annotationsBase64":"QQ==QUFB"})") << "not valid base64";
    QTest::newRow("unicode escape")
        << QByteArray(R"({"annotationsBase64":"QU\u0046B"})") << "not valid base64";
    QTest::newRow("not a string") << QByteArray(R"({"annotationsBase64":12})") << "JSON string";
    QTest::newRow("cut short") << QByteArray(R"({"annotationsBase64":"QUFB)")
                               << "ends inside the annotations";
    QTest::newRow("an array") << QByteArray(R"([{"annotationsBase64":""}])")
                              << "not a valid JSON object";
    QTest::newRow("trailing text")
        << QByteArray(R"({"annotationsBase64":""} x)") << "not a valid JSON object";
    QTest::newRow("bad member") << QByteArray(R"({"annotationsBase64":"","data":[1,}])")
                                << "not a valid JSON object";
    QTest::newRow("empty") << QByteArray() << "not a valid JSON object";
}

void TestServerUnits::shouldRefuseBodiesTheSplitterCannotRead()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QBuffer in;
    in.setData(body);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    QString message;
    QVERIFY(!Server::Base64FieldSplitter::split(in, "annotationsBase64", out, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestServerUnits)
#include "tst_serverunits.moc"
