// The protocol layers against a scripted loopback HTTP server that answers through the event
// loop: retries and their delays, what is never retried, timeouts, cancellation, error
// mapping for every code of the spec's tables, pages and long polls, and the headers and
// signatures that reach the server.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "http/httptransport.h"
#include "http/v1querier.h"
#include "http/v2client.h"
#include "loopbackhttpserver.h"
#include "testkeys.h"

#include <QCoroTask>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

using namespace Encord;
using EncordTest::LoopbackHttpServer;
using EncordTest::ScriptedReply;

namespace {

RequestsSettings fastSettings()
{
    RequestsSettings settings;
    settings.backoffFactor = 0.05; // retries at 0, 100, 200 ms
    settings.readTimeout = std::chrono::seconds(10);
    settings.connectTimeout = std::chrono::seconds(10);
    settings.longPollFailurePause = std::chrono::milliseconds(20);
    return settings;
}

V2Call getCall(const QString &path)
{
    V2Call call;
    call.path = path;
    return call;
}

} // namespace

class TestTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldRetryIdempotentCallsWithBackoff();
    void shouldGiveUpAfterMaxRetriesAndMapTheLastAnswer();
    void shouldNotRetryCreations();
    void shouldNeverRetryDeleteOrPatch();
    void shouldHonourRetryAfter();
    void shouldRetryDroppedConnectionOfIdempotentCall();
    void shouldNotRetryDroppedConnectionOfCreation();
    void shouldReportRefusedConnection();
    void shouldTimeOutOnSilence();
    void shouldCancelInFlightRequest();
    void shouldCancelDuringBackoff();
    void shouldCancelEverythingOnShutdown();
    void shouldKeepEventLoopRunningWhileWaiting();

    void shouldSendSignedV1Request();
    void shouldSendSignedV2Request();
    void shouldMapV1ErrorCodes_data();
    void shouldMapV1ErrorCodes();
    void shouldApplyV1SuccessRules_data();
    void shouldApplyV1SuccessRules();
    void shouldMapV2Statuses_data();
    void shouldMapV2Statuses();
    void shouldReportNonJsonAnswers();
    void shouldAcceptNullAndBareJsonAnswers();
    void shouldParseLargeAnswersOffThread();
    void shouldAcceptLargeCompressedAnswers();
    void shouldNotAskLoopbackServersToCompress();

    void shouldFollowPages();
    void shouldLongPollUntilDone();
    void shouldLongPollThroughTransientFailures();
    void shouldStopLongPollAfterConsecutiveFailures();

private:
    std::shared_ptr<HttpTransport> makeTransport(RequestsSettings settings = fastSettings());

    LoopbackHttpServer *m_server = nullptr;
    PrivateKey m_key;
};

std::shared_ptr<HttpTransport> TestTransport::makeTransport(RequestsSettings settings)
{
    return std::make_shared<HttpTransport>(RequestSigner(m_key), settings);
}

void TestTransport::init()
{
    if (m_key.isNull())
        m_key = PrivateKey::fromText(EncordTest::rfc8032TestKeyText()).value();
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->start());
}

void TestTransport::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

void TestTransport::shouldRetryIdempotentCallsWithBackoff()
{
    m_server->setScript({ScriptedReply::json("{}", 500),
                         ScriptedReply::json("{}", 502),
                         ScriptedReply::json("{}", 503),
                         ScriptedReply::json(R"({"ok": true})")});
    const V2Client client(makeTransport(), m_server->url());

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects"))));

    QVERIFY(result.ok());
    QCOMPARE(result.value().toObject().value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(m_server->requests().size(), 4);
    // urllib3's schedule with factor 0.05: no sleep, then 0.1 s, then 0.2 s.
    const auto &at = m_server->arrivalTimes();
    QVERIFY2(at[2] - at[1] >= 90, qPrintable(QString::number(at[2] - at[1])));
    QVERIFY2(at[3] - at[2] >= 190, qPrintable(QString::number(at[3] - at[2])));
    QVERIFY(at[3] - at[0] < 5000);
}

void TestTransport::shouldGiveUpAfterMaxRetriesAndMapTheLastAnswer()
{
    m_server->setScript({ScriptedReply::json(R"({"message": "database is down"})", 500)});
    const V2Client client(makeTransport(), m_server->url());

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects"))));

    QVERIFY(!result.ok());
    QCOMPARE(m_server->requests().size(), 4); // 1 + maxRetries
    QCOMPARE(result.error().kind(), ApiError::Kind::ServerFault);
    QCOMPARE(result.error().message(), QStringLiteral("database is down"));
    QCOMPARE(result.error().httpStatus(), 500);
    QVERIFY(!result.error().traceId().isEmpty());
}

void TestTransport::shouldNotRetryCreations()
{
    m_server->setScript(
        {ScriptedReply::json(R"({"message": "boom"})", 500), ScriptedReply::json(R"("created")")});
    const V2Client client(makeTransport(), m_server->url());
    V2Call create;
    create.method = "POST";
    create.path = QStringLiteral("datasets");
    create.body = QJsonObject{{QStringLiteral("title"), QStringLiteral("x")}};
    create.retryable = false;

    const auto result = QCoro::waitFor(client.call(create));

    QVERIFY(!result.ok());
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(result.error().kind(), ApiError::Kind::ServerFault);

    // A v1 setter (basic_setter) is not retried either.
    m_server->clear();
    m_server->setScript({ScriptedReply::json("{}", 503)});
    const V1Querier querier(makeTransport(), m_server->url());
    V1Call call;
    call.queryType = QStringLiteral("dataset");
    call.kind = V1CallKind::Setter;
    const auto v1 = QCoro::waitFor(querier.call(call));
    QVERIFY(!v1.ok());
    QCOMPARE(m_server->requests().size(), 1);
}

void TestTransport::shouldNeverRetryDeleteOrPatch()
{
    m_server->setScript({ScriptedReply::json("{}", 503), ScriptedReply::json("null")});
    const V2Client client(makeTransport(), m_server->url());
    for (const QByteArray &method : {QByteArray("DELETE"), QByteArray("PATCH")}) {
        m_server->clear();
        V2Call call;
        call.method = method;
        call.path = QStringLiteral("storage/folders/abc");
        const auto result = QCoro::waitFor(client.call(call));
        QVERIFY(!result.ok());
        QCOMPARE(m_server->requests().size(), 1);
        m_server->setScript({ScriptedReply::json("{}", 503), ScriptedReply::json("null")});
    }
}

void TestTransport::shouldHonourRetryAfter()
{
    ScriptedReply limited = ScriptedReply::json(R"({"message": "slow down"})", 429);
    limited.headers.append({QByteArray("Retry-After"), QByteArray("1")});
    m_server->setScript({limited, ScriptedReply::json("[]")});
    const V2Client client(makeTransport(), m_server->url());

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects"))));

    QVERIFY(result.ok());
    QCOMPARE(m_server->requests().size(), 2);
    const auto &at = m_server->arrivalTimes();
    QVERIFY2(at[1] - at[0] >= 950, qPrintable(QString::number(at[1] - at[0])));

    // Still limited after every retry: a typed error that carries Retry-After.
    m_server->clear();
    m_server->setScript({limited});
    RequestsSettings noRetries = fastSettings();
    noRetries.maxRetries = 0;
    const V2Client impatient(makeTransport(noRetries), m_server->url());
    const auto failed = QCoro::waitFor(impatient.call(getCall(QStringLiteral("projects"))));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind(), ApiError::Kind::RateLimited);
    QCOMPARE(failed.error().retryAfterSeconds(), std::optional<int>(1));
}

void TestTransport::shouldRetryDroppedConnectionOfIdempotentCall()
{
    m_server->setScript({ScriptedReply::drop(), ScriptedReply::json(R"({"results": []})")});
    const V2Client client(makeTransport(), m_server->url());

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects"))));

    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(m_server->requests().size(), 2);
}

void TestTransport::shouldNotRetryDroppedConnectionOfCreation()
{
    // Qt's HTTP stack itself may send a request once more when a connection closes before
    // the first byte of an answer (seen on a fresh connection with Qt 6.4); our policy must
    // add no retry of its own on top of that for a creation.
    m_server->setScript({ScriptedReply::drop()});
    const V2Client client(makeTransport(), m_server->url());
    V2Call create;
    create.method = "POST";
    create.path = QStringLiteral("ontologies");
    create.body = QJsonObject{};
    create.retryable = false;

    const auto result = QCoro::waitFor(client.call(create));
    const qsizetype sendsByQt = m_server->requests().size();

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Network);
    QVERIFY(sendsByQt <= 2);

    // The same drop on an idempotent read: our policy retries maxRetries (3) times more.
    m_server->clear();
    const auto read = QCoro::waitFor(client.call(getCall(QStringLiteral("ontologies"))));
    QVERIFY(!read.ok());
    QVERIFY(m_server->requests().size() >= 4);
}

void TestTransport::shouldReportRefusedConnection()
{
    const QUrl closed = m_server->url();
    delete m_server;
    m_server = nullptr;
    RequestsSettings settings = fastSettings();
    settings.backoffFactor = 0.001;
    const V2Client client(makeTransport(settings), closed);

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects"))));

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Network);
    QVERIFY(result.error().userMessage().contains(QStringLiteral("network")));
    m_server = new LoopbackHttpServer(this);
}

void TestTransport::shouldTimeOutOnSilence()
{
    m_server->setScript({ScriptedReply::hang()});
    RequestsSettings settings = fastSettings();
    settings.readTimeout = std::chrono::milliseconds(300);
    settings.connectTimeout = std::chrono::milliseconds(300);
    settings.maxRetries = 1;
    const V2Client client(makeTransport(settings), m_server->url());

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects"))));

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Timeout);
    QCOMPARE(m_server->requests().size(), 2); // a read timeout is retried once here
}

void TestTransport::shouldCancelInFlightRequest()
{
    m_server->setScript({ScriptedReply::hang()});
    const V2Client client(makeTransport(), m_server->url());
    CancelToken token;
    QTimer::singleShot(100, this, [token] { token.cancel(); });
    QElapsedTimer elapsed;
    elapsed.start();

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects")), token));

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Cancelled);
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(elapsed.elapsed() < 5000);
}

void TestTransport::shouldCancelDuringBackoff()
{
    m_server->setScript({ScriptedReply::json("{}", 500)});
    RequestsSettings settings = fastSettings();
    settings.backoffFactor = 30; // the second retry would wait a minute
    const V2Client client(makeTransport(settings), m_server->url());
    CancelToken token;
    QTimer::singleShot(300, this, [token] { token.cancel(); });
    QElapsedTimer elapsed;
    elapsed.start();

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects")), token));

    QCOMPARE(result.error().kind(), ApiError::Kind::Cancelled);
    QCOMPARE(m_server->requests().size(), 2); // the first retry is immediate
    QVERIFY(elapsed.elapsed() < 5000);
}

void TestTransport::shouldCancelEverythingOnShutdown()
{
    m_server->setScript({ScriptedReply::hang()});
    auto transport = makeTransport();
    const V2Client client(transport, m_server->url());
    auto first = client.call(getCall(QStringLiteral("a")));
    auto second = client.call(getCall(QStringLiteral("b")));
    QTimer::singleShot(100, this, [transport] { transport->cancelAll(); });

    QCOMPARE(QCoro::waitFor(first).error().kind(), ApiError::Kind::Cancelled);
    QCOMPARE(QCoro::waitFor(second).error().kind(), ApiError::Kind::Cancelled);

    // The transport stays usable after a cancelAll().
    m_server->setScript({ScriptedReply::json("[]")});
    QVERIFY(QCoro::waitFor(client.call(getCall(QStringLiteral("c")))).ok());
}

void TestTransport::shouldKeepEventLoopRunningWhileWaiting()
{
    ScriptedReply slow = ScriptedReply::json("[]");
    slow.delayMs = 300;
    m_server->setScript({slow});
    const V2Client client(makeTransport(), m_server->url());
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(10);

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects"))));

    QVERIFY(result.ok());
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
}

void TestTransport::shouldSendSignedV1Request()
{
    m_server->setScript({ScriptedReply::json(R"({"status": 200, "response": {"title": "t"}})")});
    const V1Querier querier(makeTransport(), m_server->url());
    V1Call call;
    call.scope = V1Scope::Dataset;
    call.resourceId = QStringLiteral("11111111-1111-4111-8111-111111111111");
    call.queryType = QStringLiteral("dataset");
    call.payload = QJsonObject{{QStringLiteral("dataset_access_settings"),
                                QJsonObject{{QStringLiteral("fetch_client_metadata"), false}}}};

    const auto result = QCoro::waitFor(querier.call(call));

    QVERIFY(result.ok());
    QCOMPARE(result.value().toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("t"));
    const auto &request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/public"));
    QCOMPARE(request.header("ResourceType"), QByteArray("dataset"));
    QCOMPARE(request.header("ResourceID"), call.resourceId.toLatin1());
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(request.header("User-Agent").startsWith("encord-desktop/"));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}/1;o=1$"))
                .match(QString::fromLatin1(request.header("X-Cloud-Trace-Context")))
                .hasMatch());
    // The SDK's signature vector of spec §1.6: same body, same bytes.
    QCOMPARE(request.header("Authorization"),
             QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a:"
                        "5f84b269b2a025b02edb4804482df0dc0155b774a82b7d9a859b20861baf46d6"
                        "c0c2b65a2c5a1622e221661afe6b5e8f371f000e9ae3742df4c7a7817fe2260b"));

    // User scope: /public/user with empty resource headers.
    m_server->clear();
    call.scope = V1Scope::User;
    call.queryType = QStringLiteral("datasetwithuserrole");
    call.kind = V1CallKind::GetMultiple;
    QVERIFY(QCoro::waitFor(querier.call(call)).ok());
    QCOMPARE(m_server->requests().first().target, QByteArray("/public/user"));
    QVERIFY(m_server->requests().first().header("ResourceID").isEmpty());
}

void TestTransport::shouldSendSignedV2Request()
{
    m_server->setScript({ScriptedReply::json(R"({"uuid": "u"})")});
    const V2Client client(makeTransport(), m_server->url());
    V2Call call;
    call.method = "POST";
    call.path = QStringLiteral("/storage/folders/");
    call.query.add(QStringLiteral("search"), QStringLiteral("a b:c+d"));
    call.query.add(QStringLiteral("flag"), false);
    call.body = QJsonObject{{QStringLiteral("name"), QStringLiteral("My folder")}};

    QVERIFY(QCoro::waitFor(client.call(call)).ok());

    const auto &request = m_server->requests().first();
    QCOMPARE(request.target,
             QByteArray("/v2/public/storage/folders?search=a+b%3Ac%2Bd&flag=False"));
    QCOMPARE(request.body, QByteArray(R"({"name": "My folder"})"));
    QCOMPARE(request.header("Content-Digest"), RequestSigner::contentDigest(request.body));
    QVERIFY(!request.hasHeader("Authorization"));

    // Verify exactly as a server would, from what went over the wire.
    const QByteArray input = request.header("Signature-Input");
    QVERIFY(input.startsWith("encord-sig=(\"@method\" \"@request-target\" \"content-digest\")"));
    const QByteArray params = input.mid(QByteArray("encord-sig=").size());
    const QByteArray base = RequestSigner::v2SignatureBase(
        request.method, request.target, request.header("Content-Digest"), params);
    QByteArray signature = request.header("Signature");
    QVERIFY(signature.startsWith("encord-sig=:") && signature.endsWith(':'));
    signature = QByteArray::fromBase64(signature.mid(12, signature.size() - 13));
    QVERIFY(PublicKey::fromHex(m_key.publicKeyHex().toLatin1())->verify(base, signature));
}

void TestTransport::shouldMapV1ErrorCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("kind");
    using K = ApiError::Kind;
    const QList<std::pair<const char *, K>> table = {
        {"AUTHENTICATION_ERROR", K::Authentication},
        {"AUTHORISATION_ERROR", K::Authorisation},
        {"RESOURCE_NOT_FOUND_ERROR", K::NotFound},
        {"METHOD_NOT_ALLOWED_ERROR", K::MethodNotAllowed},
        {"UNKNOWN_ERROR", K::ServerFault},
        {"OPERATION_NOT_ALLOWED", K::Authorisation},
        {"ANSWER_DICTIONARY_ERROR", K::ServerFault},
        {"CORRUPTED_LABEL_ERROR", K::ServerFault},
        {"FILE_TYPE_NOT_SUPPORTED_ERROR", K::InvalidArgument},
        {"FILE_SIZE_NOT_SUPPORTED_ERROR", K::InvalidArgument},
        {"FEATURE_DOES_NOT_EXIST_ERROR", K::ServerFault},
        {"MODEL_WEIGHTS_INCONSISTENT_ERROR", K::ServerFault},
        {"MODEL_FEATURES_INCONSISTENT_ERROR", K::ServerFault},
        {"UPLOAD_OPERATION_NOT_SUPPORTED_ERROR", K::InvalidArgument},
        {"DETECTION_RANGE_INVALID_ERROR", K::InvalidArgument},
        {"INVALID_DATE_FORMAT_ERROR", K::InvalidArgument},
        {"RESOURCE_EXISTS_ERROR", K::Conflict},
        {"DUPLICATE_SSH_KEY_ERROR", K::Authentication},
        {"SSH_KEY_NOT_FOUND_ERROR", K::Authentication},
        {"INVALID_ARGUMENTS_ERROR", K::InvalidArgument},
        {"MULTI_LABEL_LIMIT_ERROR", K::InvalidArgument},
        {"WRONG_PROJECT_TYPE_ERROR", K::InvalidArgument},
        {"SOMETHING_NEW_ERROR", K::ServerFault},
    };
    for (const auto &[code, kind] : table)
        QTest::newRow(code) << QString::fromLatin1(code) << int(kind);
}

void TestTransport::shouldMapV1ErrorCodes()
{
    QFETCH(QString, code);
    QFETCH(int, kind);
    const QJsonObject envelope{{QStringLiteral("status"), 400},
                               {QStringLiteral("response"), QJsonArray{code}},
                               {QStringLiteral("payload"), QStringLiteral("what went wrong")}};
    m_server->setScript(
        {ScriptedReply::json(QJsonDocument(envelope).toJson(QJsonDocument::Compact), 400)});
    const V1Querier querier(makeTransport(), m_server->url());
    V1Call call;
    call.scope = V1Scope::Project;
    call.resourceId = QStringLiteral("p");
    call.queryType = QStringLiteral("project");

    const auto result = QCoro::waitFor(querier.call(call));

    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().kind()), kind);
    QCOMPARE(result.error().serverCode(), code);
    QCOMPARE(result.error().message(), QStringLiteral("what went wrong"));
    QCOMPARE(m_server->requests().size(), 1); // 400 is never retried
    QVERIFY(result.error().userMessage().contains(QStringLiteral("what went wrong")));
}

void TestTransport::shouldApplyV1SuccessRules_data()
{
    QTest::addColumn<int>("callKind");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("succeeds");
    const auto getter = int(V1CallKind::Getter);
    const auto multiple = int(V1CallKind::GetMultiple);
    const auto setter = int(V1CallKind::Setter);
    const auto put = int(V1CallKind::Put);
    QTest::newRow("getter, object") << getter << QByteArray(R"({"a": 1})") << true;
    QTest::newRow("getter, null") << getter << QByteArray("null") << false;
    QTest::newRow("getter, empty list") << getter << QByteArray("[]") << false;
    QTest::newRow("getter, empty string") << getter << QByteArray(R"("")") << false;
    QTest::newRow("get_multiple, empty list") << multiple << QByteArray("[]") << true;
    QTest::newRow("get_multiple, null") << multiple << QByteArray("null") << false;
    QTest::newRow("setter, hash string") << setter << QByteArray(R"("abc")") << true;
    QTest::newRow("setter, false") << setter << QByteArray("false") << true;
    QTest::newRow("setter, null") << setter << QByteArray("null") << false;
    QTest::newRow("put, 0") << put << QByteArray("0") << false;
}

void TestTransport::shouldApplyV1SuccessRules()
{
    QFETCH(int, callKind);
    QFETCH(QByteArray, response);
    QFETCH(bool, succeeds);
    m_server->setScript(
        {ScriptedReply::json(QByteArray(R"({"status": 200, "response": )") + response + '}')});
    const V1Querier querier(makeTransport(), m_server->url());
    V1Call call;
    call.queryType = QStringLiteral("x");
    call.kind = V1CallKind(callKind);

    const auto result = QCoro::waitFor(querier.call(call));

    QCOMPARE(result.ok(), succeeds);
    if (!succeeds && V1CallKind(callKind) != V1CallKind::Setter
        && V1CallKind(callKind) != V1CallKind::Put)
        QCOMPARE(result.error().kind(), ApiError::Kind::NotFound);
}

void TestTransport::shouldMapV2Statuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    using K = ApiError::Kind;
    QTest::newRow("400") << 400 << int(K::InvalidArgument) << QStringLiteral("bad title");
    QTest::newRow("401") << 401 << int(K::Authentication) << QStringLiteral("bad signature");
    QTest::newRow("403") << 403 << int(K::Authorisation) << QStringLiteral("no role");
    QTest::newRow("404") << 404 << int(K::NotFound) << QString();
    QTest::newRow("405") << 405 << int(K::MethodNotAllowed) << QString();
    QTest::newRow("409") << 409 << int(K::Conflict) << QStringLiteral("exists");
    QTest::newRow("413") << 413 << int(K::PayloadTooLarge) << QStringLiteral("too big");
    QTest::newRow("429") << 429 << int(K::RateLimited) << QString();
    QTest::newRow("500") << 500 << int(K::ServerFault) << QStringLiteral("oops");
    QTest::newRow("502") << 502 << int(K::ServerFault) << QString();
}

void TestTransport::shouldMapV2Statuses()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    QFETCH(QString, message);
    const QJsonObject body =
        message.isEmpty() ? QJsonObject{} : QJsonObject{{QStringLiteral("detail"), message}};
    m_server->setScript(
        {ScriptedReply::json(QJsonDocument(body).toJson(QJsonDocument::Compact), status)});
    RequestsSettings settings = fastSettings();
    settings.maxRetries = 0;
    const V2Client client(makeTransport(settings), m_server->url());

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("projects"))));

    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().kind()), kind);
    QCOMPARE(result.error().message(), message);
    QCOMPARE(result.error().httpStatus(), status);
    QVERIFY(!result.error().userMessage().contains(QStringLiteral("{")));
}

void TestTransport::shouldReportNonJsonAnswers()
{
    m_server->setScript({ScriptedReply::json("<html>gateway</html>", 200)});
    const V1Querier querier(makeTransport(), m_server->url());
    V1Call call;
    call.queryType = QStringLiteral("x");
    const auto v1 = QCoro::waitFor(querier.call(call));
    QCOMPARE(v1.error().kind(), ApiError::Kind::Protocol);

    const V2Client client(makeTransport(), m_server->url());
    const auto v2 = QCoro::waitFor(client.call(getCall(QStringLiteral("x"))));
    QCOMPARE(v2.error().kind(), ApiError::Kind::Protocol);
}

void TestTransport::shouldAcceptNullAndBareJsonAnswers()
{
    m_server->setScript({ScriptedReply::json("null"),
                         ScriptedReply::json(R"("8888aaaa-0000-4000-8000-000000000000")"),
                         ScriptedReply::json("", 204)});
    const V2Client client(makeTransport(), m_server->url());
    QVERIFY(QCoro::waitFor(client.call(getCall(QStringLiteral("a")))).value().isNull());
    QCOMPARE(QCoro::waitFor(client.call(getCall(QStringLiteral("b")))).value().toString(),
             QStringLiteral("8888aaaa-0000-4000-8000-000000000000"));
    QVERIFY(QCoro::waitFor(client.call(getCall(QStringLiteral("c")))).value().isNull());
}

void TestTransport::shouldParseLargeAnswersOffThread()
{
    QJsonArray results;
    for (int i = 0; i < 20000; ++i)
        results.append(QJsonObject{{QStringLiteral("uuid"), QString::number(i)},
                                   {QStringLiteral("name"), QStringLiteral("item %1").arg(i)}});
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("results"), results}})
                                .toJson(QJsonDocument::Compact);
    QVERIFY(body.size() > 512 * 1024);
    m_server->setScript({ScriptedReply::json(body)});
    const V2Client client(makeTransport(), m_server->url());

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("big"))));

    QVERIFY(result.ok());
    QCOMPARE(result.value().toObject().value(QStringLiteral("results")).toArray().size(), 20000);
}

void TestTransport::shouldAcceptLargeCompressedAnswers()
{
    // 27 MB of JSON that deflates 100-fold: Qt's default guard against decompression bombs
    // would cut it off; a real listing of this size looks just like it.
    QJsonArray results;
    for (int i = 0; i < 100000; ++i)
        results.append(
            QJsonObject{{QStringLiteral("uuid"), QString::number(i)},
                        {QStringLiteral("name"), QStringLiteral("Generated item")},
                        {QStringLiteral("description"), QString(200, QLatin1Char('x'))}});
    const QByteArray plain = QJsonDocument(QJsonObject{{QStringLiteral("results"), results}})
                                 .toJson(QJsonDocument::Compact);
    QVERIFY(plain.size() > 20 * 1024 * 1024); // past the 10 MiB where Qt starts checking
    // qCompress writes a 4-byte length, then a zlib stream: the "deflate" content coding.
    const QByteArray deflated = qCompress(plain, 6).mid(4);
    QVERIFY(plain.size() / deflated.size() > 40);
    ScriptedReply reply = ScriptedReply::json(deflated);
    reply.headers.append({QByteArray("Content-Encoding"), QByteArray("deflate")});
    m_server->setScript({reply});
    RequestsSettings settings = fastSettings();
    settings.maxRetries = 0;
    settings.compression = RequestsSettings::Compression::Always; // as with a remote server
    const V2Client client(makeTransport(settings), m_server->url());

    const auto result = QCoro::waitFor(client.call(getCall(QStringLiteral("big"))));

    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QCOMPARE(result.value().toObject().value(QStringLiteral("results")).toArray().size(), 100000);
}

void TestTransport::shouldNotAskLoopbackServersToCompress()
{
    m_server->setScript({ScriptedReply::json("[]")});
    const V2Client client(makeTransport(), m_server->url());
    QVERIFY(QCoro::waitFor(client.call(getCall(QStringLiteral("x")))).ok());
    QCOMPARE(m_server->requests().first().header("Accept-Encoding"), QByteArray("identity"));
}

void TestTransport::shouldFollowPages()
{
    m_server->setHandler([](const EncordTest::RecordedRequest &request) {
        const QByteArray query = request.query();
        if (!query.contains("pageToken="))
            return ScriptedReply::json(R"({"results": [1, 2], "nextPageToken": "t2"})");
        if (query.contains("pageToken=t2"))
            return ScriptedReply::json(R"({"results": [3], "nextPageToken": "t3"})");
        return ScriptedReply::json(R"({"results": [4], "nextPageToken": null})");
    });
    const V2Client client(makeTransport(), m_server->url());
    const auto makeCall = [](const QString &pageToken) {
        V2Call call = getCall(QStringLiteral("storage/folders"));
        call.query.add(QStringLiteral("order"), QStringLiteral("name"));
        if (!pageToken.isEmpty())
            call.query.add(QStringLiteral("pageToken"), pageToken);
        call.query.add(QStringLiteral("pageSize"), 2);
        return call;
    };

    const auto result = QCoro::waitFor(client.allPages(makeCall));

    QVERIFY(result.ok());
    QCOMPARE(result.value(), (QJsonArray{1, 2, 3, 4}));
    const auto &requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].query(), QByteArray("order=name&pageSize=2"));
    QCOMPARE(requests[1].query(), QByteArray("order=name&pageToken=t2&pageSize=2"));
    QCOMPARE(requests[2].query(), QByteArray("order=name&pageToken=t3&pageSize=2"));
}

void TestTransport::shouldLongPollUntilDone()
{
    m_server->setScript({ScriptedReply::json(R"({"status": "PENDING"})"),
                         ScriptedReply::json(R"({"status": "PENDING"})"),
                         ScriptedReply::json(R"({"status": "DONE", "urls": ["a"]})")});
    const V2Client client(makeTransport(), m_server->url());

    const auto result = QCoro::waitFor(
        client.longPoll(QStringLiteral("dicom-deidentification/job-1"), std::chrono::hours(1)));

    QVERIFY(result.ok());
    QCOMPARE(result.value().value(QStringLiteral("status")).toString(), QStringLiteral("DONE"));
    QCOMPARE(m_server->requests().size(), 3);
    for (const auto &request : m_server->requests())
        QCOMPARE(request.target,
                 QByteArray("/v2/public/dicom-deidentification/job-1?timeoutSeconds=60"));
}

void TestTransport::shouldLongPollThroughTransientFailures()
{
    RequestsSettings settings = fastSettings();
    settings.maxRetries = 0;
    settings.connectionRetries = 0;
    m_server->setScript({ScriptedReply::json("{}", 500),
                         ScriptedReply::json("{}", 503),
                         ScriptedReply::json(R"({"status": "PENDING"})"),
                         ScriptedReply::json("{}", 500),
                         ScriptedReply::json(R"({"status": "ERROR"})")});
    const V2Client client(makeTransport(settings), m_server->url());

    const auto result = QCoro::waitFor(
        client.longPoll(QStringLiteral("projects/cvat-import/j"), std::chrono::hours(1)));

    QVERIFY(result.ok());
    QCOMPARE(result.value().value(QStringLiteral("status")).toString(), QStringLiteral("ERROR"));
    QCOMPARE(m_server->requests().size(), 5);
}

void TestTransport::shouldStopLongPollAfterConsecutiveFailures()
{
    RequestsSettings settings = fastSettings();
    settings.maxRetries = 0;
    m_server->setScript({ScriptedReply::json(R"({"message": "down"})", 500)});
    const V2Client client(makeTransport(settings), m_server->url());

    const auto result = QCoro::waitFor(
        client.longPoll(QStringLiteral("projects/cvat-import/j"), std::chrono::hours(1)));

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::ServerFault);
    QCOMPARE(m_server->requests().size(), 3);
}

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
