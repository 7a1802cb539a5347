// The local workspace server end to end: started in-process on a free loopback port with a
// temporary data folder, driven with real signed requests exactly as the SDK sends them.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "integrationstore.h"
#include "localserver.h"
#include "rolestore.h"
#include "serverclient.h"
#include "sqlitedatabase.h"
#include "testkeys.h"
#include "urlsigner.h"
#include "userstore.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Encord;
using namespace Encord::Server;

namespace {

QSet<QString> keysOf(const QJsonValue &object)
{
    const QStringList keys = object.toObject().keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QSet<QString> setOf(std::initializer_list<const char *> keys)
{
    QSet<QString> result;
    for (const char *key : keys)
        result.insert(QLatin1String(key));
    return result;
}

bool isV1Date(const QJsonValue &value)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$)"));
    return pattern.match(value.toString()).hasMatch();
}

bool isV2Date(const QJsonValue &value)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$)"));
    return pattern.match(value.toString()).hasMatch();
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The path and query of an absolute URL the server handed out.
QByteArray targetOf(const QString &url)
{
    return url.section(QLatin1Char('/'), 3).prepend(QLatin1Char('/')).toUtf8();
}

} // namespace

class TestLocalServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void shouldRefuseUnsignedAndForgedV1Requests();
    void shouldRefuseUnsignedAndForgedV2Requests();
    void shouldAcceptPercentDecodedV2Targets();
    void shouldCreateAndReadDatasetsOverV1();
    void shouldFilterListings();
    void shouldCreateProjectsOverV1AndReadThemOverV2();
    void shouldKeepOntologyStructures();
    void shouldHideOtherUsersResources();
    void shouldReportSharedRoles();
    void shouldManageApiKeys();
    void shouldListCloudIntegrations();
    void shouldConfineIntegrationsToTheirRoot();
    void shouldRegisterIntegrationFiles();
    void shouldManageStorageFolders();
    void shouldPageResults();
    void shouldUploadAndDownloadThroughSignedUrls();
    void shouldRefuseTamperedAndExpiredSignedUrls();
    void shouldShowBackingFolderItemsAsDataRows();
    void shouldEditMoveAndDeleteFolders();
    void shouldSetTheMetadataSchemaOnBothRoutes();
    void shouldListGroups();
    void shouldAnswerUnknownAndRefusedOperations();
    void shouldServeConcurrentRequests();
    void shouldKeepDataAcrossRestart();
    void shouldEnsureTheLocalUser();

private:
    QString createDataset(const ServerClient &client,
                          const QString &title,
                          const QString &description = {});
    QString createFolder(const ServerClient &client,
                         const QString &name,
                         const QString &parent = {});
    /// Uploads @p bytes into @p folder as an image item called @p title; its uuid.
    QString uploadItem(const QString &folder, const QByteArray &bytes, const QString &title);

    QTemporaryDir m_dir;
    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<ServerClient> m_alice;
    std::unique_ptr<ServerClient> m_bob;
    std::unique_ptr<ServerClient> m_admin;
    std::unique_ptr<ServerClient> m_stranger;
};

void TestLocalServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_server->port() > 0);
    QCOMPARE(m_server->baseUrl(), QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));

    const auto aliceKey = PrivateKey::fromText(EncordTest::rfc8032TestKeyText());
    QVERIFY(aliceKey.ok());
    const PrivateKey bobKey = PrivateKey::generate();
    const PrivateKey adminKey = PrivateKey::generate();
    UserStore users(m_server->workspace()->database());
    const auto add = [&](const char *email, const PrivateKey &key, bool admin) {
        users.add(QLatin1String(email), *PublicKey::fromRaw(key.publicKeyRaw()), admin);
    };
    add("alice@example.com", aliceKey.value(), false);
    add("bob@example.com", bobKey, false);
    add("admin@example.com", adminKey, true);

    const int port = m_server->port();
    m_alice = std::make_unique<ServerClient>(port, RequestSigner(aliceKey.value()));
    m_bob = std::make_unique<ServerClient>(port, RequestSigner(bobKey));
    m_admin = std::make_unique<ServerClient>(port, RequestSigner(adminKey));
    m_stranger = std::make_unique<ServerClient>(port, RequestSigner(PrivateKey::generate()));
}

void TestLocalServer::cleanupTestCase()
{
    m_server->stop();
    QVERIFY(!m_server->isRunning());
}

QString TestLocalServer::createDataset(const ServerClient &client,
                                       const QString &title,
                                       const QString &description)
{
    QJsonObject payload{{QStringLiteral("title"), title},
                        {QStringLiteral("type"), 0},
                        {QStringLiteral("create_backing_folder"), true}};
    if (!description.isEmpty())
        payload.insert(QStringLiteral("description"), description);
    const ServerClient::Reply reply =
        client.v1(QStringLiteral("dataset"), QStringLiteral("POST"), QJsonValue::Null, payload);
    return reply.response().toObject().value(QLatin1String("dataset_hash")).toString();
}

QString TestLocalServer::createFolder(const ServerClient &client,
                                      const QString &name,
                                      const QString &parent)
{
    QJsonObject body{{QStringLiteral("name"), name}};
    if (!parent.isEmpty())
        body.insert(QStringLiteral("parent"), parent);
    const auto reply = client.v2("POST", "/v2/public/storage/folders", json(body));
    return reply.json().toObject().value(QLatin1String("uuid")).toString();
}

QString TestLocalServer::uploadItem(const QString &folder,
                                    const QByteArray &bytes,
                                    const QString &title)
{
    const QByteArray base = "/v2/public/storage/folders/" + folder.toLatin1();
    const auto slots =
        m_alice->v2("POST", base + "/upload-signed-urls", R"({"itemType": "image", "count": 1})");
    const QJsonObject slot = slots.json()[QLatin1String("results")][0].toObject();
    if (m_alice->raw("PUT", targetOf(slot.value(QLatin1String("signedUrl")).toString()), {}, bytes)
            .status
        != 200)
        return {};
    const QJsonObject image{
        {QStringLiteral("objectUrl"), slot.value(QLatin1String("objectKey"))},
        {QStringLiteral("title"), title},
        {QStringLiteral("placeholderItemUuid"), slot.value(QLatin1String("itemUuid"))}};
    const QJsonObject job{
        {QStringLiteral("dataItems"), QJsonObject{{QStringLiteral("images"), QJsonArray{image}}}}};
    const auto started = m_alice->v2("POST", base + "/data-upload-jobs", json(job));
    const auto state =
        m_alice->v2("GET", base + "/data-upload-jobs/" + started.json().toString().toLatin1());
    return state.json()[QLatin1String("itemsWithNames")][0][QLatin1String("itemUuid")].toString();
}

void TestLocalServer::shouldRefuseUnsignedAndForgedV1Requests()
{
    const QByteArray body = ServerClient::v1Body(QStringLiteral("cloudintegration"),
                                                 QStringLiteral("GET"),
                                                 QJsonValue::Null,
                                                 QJsonValue::Null);
    // Unsigned.
    ServerClient::Reply reply = m_alice->raw("POST", "/public/user", {}, body);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json().toObject().value(QLatin1String("status")).toInt(), 401);
    QCOMPARE(reply.v1Code(), QStringLiteral("AUTHENTICATION_ERROR"));

    // Signed, then the body changed.
    const QByteArray authorization = m_alice->signer().v1Authorization(body);
    QByteArray tampered = body;
    tampered.replace("GET", "PUT");
    reply = m_alice->raw("POST", "/public/user", {{"Authorization", authorization}}, tampered);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.v1Code(), QStringLiteral("AUTHENTICATION_ERROR"));

    // The untampered request goes through.
    reply = m_alice->raw("POST", "/public/user", {{"Authorization", authorization}}, body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().toObject().value(QLatin1String("status")).toInt(), 200);

    // A well-formed key nobody registered.
    reply = m_stranger->v1(QStringLiteral("cloudintegration"),
                           QStringLiteral("GET"),
                           QJsonValue::Null,
                           QJsonValue::Null);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.v1Code(), QStringLiteral("SSH_KEY_NOT_FOUND_ERROR"));
    QVERIFY(!reply.json().toObject().value(QLatin1String("payload")).toString().isEmpty());

    // Nothing else is served either.
    QCOMPARE(m_alice->raw("GET", "/public/user", {}).status, 405);
    QCOMPARE(m_alice->raw("GET", "/", {}).status, 404);
}

void TestLocalServer::shouldRefuseUnsignedAndForgedV2Requests()
{
    const QByteArray target = "/v2/public/datasets/list";
    QCOMPARE(m_alice->v2("GET", target).status, 200);

    ServerClient::Reply reply = m_alice->raw("GET", target, {});
    QCOMPARE(reply.status, 401);
    QVERIFY(!reply.message().isEmpty());
    QCOMPARE(reply.json().toObject().value(QLatin1String("detail")).toString(), reply.message());

    // Signed for one path, sent to another.
    reply = m_alice->raw("GET", "/v2/public/ontologies", m_alice->v2Headers("GET", target, {}));
    QCOMPARE(reply.status, 401);
    // Signed for one query, sent with another.
    reply = m_alice->raw("GET", target + "?titleEq=x", m_alice->v2Headers("GET", target, {}));
    QCOMPARE(reply.status, 401);

    // Body changed after signing (digest and signature both stale).
    const QByteArray body = R"({"title": "x", "createBackingFolder": false})";
    reply = m_alice->raw("POST",
                         "/v2/public/datasets",
                         m_alice->v2Headers("POST", "/v2/public/datasets", body),
                         R"({"title": "y", "createBackingFolder": false})");
    QCOMPARE(reply.status, 401);

    QCOMPARE(m_stranger->v2("GET", target).status, 401);
    QCOMPARE(m_alice->v2("GET", target, {}, -400).status, 401); // expired
    QCOMPARE(m_alice->v2("GET", target, {}, 120).status, 401);  // from the future
    QCOMPARE(m_alice->v2("GET", target, {}, -290).status, 200); // still fresh

    // Signed but unknown: a v2 404 with a message.
    reply = m_alice->v2("GET", "/v2/public/no-such-thing");
    QCOMPARE(reply.status, 404);
    QVERIFY(!reply.message().isEmpty());
}

void TestLocalServer::shouldAcceptPercentDecodedV2Targets()
{
    // SDK 0.1.127 signed the percent-decoded target; the raw one goes on the wire.
    const QByteArray raw = "/v2/public/storage/folders?search=a%20b&pageSize=10";
    const QByteArray decoded = "/v2/public/storage/folders?search=a b&pageSize=10";
    const auto reply = m_alice->raw("GET", raw, m_alice->v2Headers("GET", decoded, {}));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json().toObject().contains(QLatin1String("results")));
}

void TestLocalServer::shouldCreateAndReadDatasetsOverV1()
{
    const auto created =
        m_alice->v1(QStringLiteral("dataset"),
                    QStringLiteral("POST"),
                    QJsonValue::Null,
                    QJsonObject{{QStringLiteral("title"), QStringLiteral("Streets")},
                                {QStringLiteral("type"), 0},
                                {QStringLiteral("create_backing_folder"), true},
                                {QStringLiteral("description"), QStringLiteral("city scenes")}});
    QCOMPARE(created.status, 200);
    const QJsonObject response = created.response().toObject();
    QCOMPARE(keysOf(response),
             setOf({"title", "type", "dataset_hash", "user_hash", "backing_folder_uuid"}));
    QCOMPARE(response.value(QLatin1String("title")).toString(), QStringLiteral("Streets"));
    QCOMPARE(response.value(QLatin1String("type")).toInt(-1), 0);
    const QString hash = response.value(QLatin1String("dataset_hash")).toString();
    QCOMPARE(hash.size(), 36);
    QVERIFY(!response.value(QLatin1String("backing_folder_uuid")).toString().isEmpty());

    // The workspace has no cloud buckets: any other storage location is refused, in words.
    const auto inBucket =
        m_alice->v1(QStringLiteral("dataset"),
                    QStringLiteral("POST"),
                    QJsonValue::Null,
                    QJsonObject{{QStringLiteral("title"), QStringLiteral("On S3")},
                                {QStringLiteral("type"), 1},
                                {QStringLiteral("create_backing_folder"), true}});
    QCOMPARE(inBucket.v1Code(), QStringLiteral("INVALID_ARGUMENTS_ERROR"));

    const auto got =
        m_alice->v1(QStringLiteral("dataset"),
                    QStringLiteral("GET"),
                    QJsonValue::Null,
                    QJsonObject{{QStringLiteral("dataset_access_settings"),
                                 QJsonObject{{QStringLiteral("fetch_client_metadata"), false}}}},
                    QStringLiteral("dataset"),
                    hash);
    QCOMPARE(got.status, 200);
    const QJsonObject dataset = got.response().toObject();
    QCOMPARE(dataset.value(QLatin1String("dataset_hash")).toString(), hash);
    QCOMPARE(dataset.value(QLatin1String("description")).toString(), QStringLiteral("city scenes"));
    QCOMPARE(dataset.value(QLatin1String("dataset_type")).toString(),
             QStringLiteral("CORD_STORAGE"));
    QCOMPARE(dataset.value(QLatin1String("data_rows")).toArray().size(), 0);

    // Listing elements are dataclasses on the SDK side: exactly these keys.
    const auto listed = m_alice->v1(
        QStringLiteral("datasetwithuserrole"),
        QStringLiteral("GET"),
        QJsonValue::Null,
        QJsonObject{{QStringLiteral("filter"),
                     QJsonObject{{QStringLiteral("title_eq"), QStringLiteral("Streets")}}},
                    {QStringLiteral("enable_storage_api"), true}});
    const QJsonArray rows = listed.response().toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(keysOf(rows.first()), setOf({"user_role", "dataset"}));
    QCOMPARE(rows.first().toObject().value(QLatin1String("user_role")).toInt(-1), 0);
    const QJsonObject info = rows.first().toObject().value(QLatin1String("dataset")).toObject();
    QCOMPARE(keysOf(info),
             setOf({"dataset_hash",
                    "user_hash",
                    "title",
                    "description",
                    "type",
                    "created_at",
                    "last_edited_at",
                    "backing_folder_uuid"}));
    QVERIFY(isV1Date(info.value(QLatin1String("created_at"))));
    QVERIFY(isV1Date(info.value(QLatin1String("last_edited_at"))));

    // The same dataset over v2: camelCase, string role, ISO dates.
    const auto v2 = m_alice->v2("GET",
                                "/v2/public/datasets/list?titleEq=Streets"
                                "&includeOrgAccess=False");
    QCOMPARE(v2.status, 200);
    const QJsonArray result = v2.json().toObject().value(QLatin1String("result")).toArray();
    QCOMPARE(result.size(), 1);
    const QJsonObject element = result.first().toObject();
    QCOMPARE(keysOf(element),
             setOf({"datasetUuid",
                    "title",
                    "description",
                    "createdAt",
                    "lastEditedAt",
                    "userRole",
                    "storageLocation",
                    "backingFolderUuid"}));
    QCOMPARE(element.value(QLatin1String("userRole")).toString(), QStringLiteral("admin"));
    QVERIFY(isV2Date(element.value(QLatin1String("createdAt"))));

    // v2 creation.
    const auto made = m_alice->v2("POST",
                                  "/v2/public/datasets",
                                  R"({"title": "No folder", "createBackingFolder": false, )"
                                  R"("legacyCall": false})");
    QCOMPARE(made.status, 200);
    QCOMPARE(keysOf(made.json()), setOf({"datasetUuid", "backingFolderUuid"}));
    QVERIFY(made.json().toObject().value(QLatin1String("backingFolderUuid")).isNull());
}

void TestLocalServer::shouldFilterListings()
{
    const QString red = createDataset(*m_alice, QStringLiteral("car one"), QStringLiteral("red"));
    QTest::qWait(5); // distinct creation instants
    const QString blue = createDataset(*m_alice, QStringLiteral("Car two"), QStringLiteral("blue"));
    QTest::qWait(5);
    const QString boat = createDataset(*m_alice, QStringLiteral("boat"), QStringLiteral("reddish"));

    const auto v1Titles = [&](const QJsonObject &filter) {
        const auto reply = m_alice->v1(QStringLiteral("datasetwithuserrole"),
                                       QStringLiteral("GET"),
                                       QJsonValue::Null,
                                       QJsonObject{{QStringLiteral("filter"), filter}});
        QStringList titles;
        for (const QJsonValue &row : reply.response().toArray())
            titles.append(row[QLatin1String("dataset")][QLatin1String("title")].toString());
        titles.sort();
        return titles;
    };
    QCOMPARE(v1Titles({{QStringLiteral("title_like"), QStringLiteral("%car%")}}),
             QStringList({QStringLiteral("Car two"), QStringLiteral("car one")}));
    // LIKE without wildcards is an exact (case-insensitive) match, as in the SDK's docs.
    QCOMPARE(v1Titles({{QStringLiteral("title_like"), QStringLiteral("car")}}), QStringList());
    QCOMPARE(v1Titles({{QStringLiteral("title_eq"), QStringLiteral("boat")}}),
             QStringList({QStringLiteral("boat")}));
    QCOMPARE(v1Titles({{QStringLiteral("desc_like"), QStringLiteral("red%")},
                       {QStringLiteral("title_like"), QStringLiteral("%o%")}}),
             QStringList({QStringLiteral("boat"), QStringLiteral("car one")}));

    // Dates are instants: "after the blue one was created" excludes it (strictly greater).
    const auto v2 = m_alice->v2("GET", "/v2/public/datasets/list?titleEq=Car+two");
    const QString blueCreated =
        v2.json()[QLatin1String("result")][0][QLatin1String("createdAt")].toString();
    QVERIFY(isV2Date(blueCreated));
    const QByteArray encoded = QUrl::toPercentEncoding(blueCreated);
    const QStringList after = v1Titles({{QStringLiteral("created_after"), blueCreated},
                                        {QStringLiteral("title_like"), QStringLiteral("%o%")}});
    QCOMPARE(after, QStringList({QStringLiteral("boat")}));
    const auto before = m_alice->v2(
        "GET", "/v2/public/datasets/list?createdBefore=" + encoded + "&titleLike=%25car%25");
    QStringList beforeTitles;
    for (const QJsonValue &row : before.json()[QLatin1String("result")].toArray())
        beforeTitles.append(row[QLatin1String("title")].toString());
    QCOMPARE(beforeTitles, QStringList({QStringLiteral("car one")}));

    // v2 datasets/list names the description filters description…, not desc….
    const auto described = m_alice->v2("GET", "/v2/public/datasets/list?descriptionEq=blue");
    QCOMPARE(described.json()[QLatin1String("result")].toArray().size(), 1);
    QCOMPARE(described.json()[QLatin1String("result")][0][QLatin1String("datasetUuid")].toString(),
             blue);

    // An unparseable date is refused in both protocols.
    const auto badV1 = m_alice->v1(
        QStringLiteral("datasetwithuserrole"),
        QStringLiteral("GET"),
        QJsonValue::Null,
        QJsonObject{{QStringLiteral("filter"),
                     QJsonObject{{QStringLiteral("created_after"), QStringLiteral("last week")}}}});
    QCOMPARE(badV1.v1Code(), QStringLiteral("INVALID_DATE_FORMAT_ERROR"));
    QCOMPARE(m_alice->v2("GET", "/v2/public/datasets/list?createdAfter=soon").status, 400);
    QVERIFY(!red.isEmpty() && !boat.isEmpty());
}

void TestLocalServer::shouldCreateProjectsOverV1AndReadThemOverV2()
{
    const QString dataset = createDataset(*m_alice, QStringLiteral("project data"));
    const auto ontology =
        m_alice->v1(QStringLiteral("ontology"),
                    QStringLiteral("POST"),
                    QJsonValue::Null,
                    QJsonObject{{QStringLiteral("title"), QStringLiteral("Labels")},
                                {QStringLiteral("description"), QString()},
                                {QStringLiteral("editor"), QJsonObject()}});
    const QString ontologyHash = ontology.response()[QLatin1String("ontology_hash")].toString();
    QVERIFY(!ontologyHash.isEmpty());

    const auto create = [&](const QJsonObject &payload) {
        return m_alice->v1(
            QStringLiteral("project"), QStringLiteral("POST"), QJsonValue::Null, payload);
    };
    const auto made = create({{QStringLiteral("title"), QStringLiteral("Proj")},
                              {QStringLiteral("description"), QStringLiteral("d")},
                              {QStringLiteral("dataset_hashes"), QJsonArray{dataset}},
                              {QStringLiteral("workflow_type"), QStringLiteral("manual")},
                              {QStringLiteral("ontology_hash"), ontologyHash}});
    QCOMPARE(made.status, 200);
    QVERIFY(made.response().isString()); // the hash as a bare JSON string
    const QString project = made.response().toString();

    // No ontology hash: a new empty ontology is made for the project.
    const auto bare = create({{QStringLiteral("title"), QStringLiteral("Bare")},
                              {QStringLiteral("dataset_hashes"), QJsonArray()}});
    const auto bareProject =
        m_alice->v2("GET", "/v2/public/projects/" + bare.response().toString().toLatin1());
    QCOMPARE(bareProject.status, 200);
    const QString bareOntology = bareProject.json()[QLatin1String("ontologyHash")].toString();
    QVERIFY(!bareOntology.isEmpty() && bareOntology != ontologyHash);
    QCOMPARE(bareProject.json()[QLatin1String("editorOntology")][QLatin1String("objects")]
                 .toArray()
                 .size(),
             0);

    // Benchmark QA needs source projects; with one, it is recorded.
    QCOMPARE(create({{QStringLiteral("title"), QStringLiteral("QA")},
                     {QStringLiteral("workflow_type"), QStringLiteral("benchmark")}})
                 .v1Code(),
             QStringLiteral("INVALID_ARGUMENTS_ERROR"));
    const auto benchmark = create({{QStringLiteral("title"), QStringLiteral("QA")},
                                   {QStringLiteral("workflow_type"), QStringLiteral("benchmark")},
                                   {QStringLiteral("source_projects"), QJsonArray{project}},
                                   {QStringLiteral("workflow_template_id"), 7}});
    QCOMPARE(benchmark.status, 200);

    // v1 read.
    const auto v1 = m_alice->v1(QStringLiteral("project"),
                                QStringLiteral("GET"),
                                QJsonValue::Null,
                                QJsonObject{{QStringLiteral("include_labels_metadata"), false}},
                                QStringLiteral("project"),
                                project);
    const QJsonObject orm = v1.response().toObject();
    QCOMPARE(orm.value(QLatin1String("ontology_hash")).toString(), ontologyHash);
    QCOMPARE(orm.value(QLatin1String("datasets"))[0][QLatin1String("dataset_hash")].toString(),
             dataset);
    QVERIFY(isV1Date(orm.value(QLatin1String("created_at"))));
    // ...and its ontology through the project scope.
    const auto scoped = m_alice->v1(QStringLiteral("ontology"),
                                    QStringLiteral("GET"),
                                    ontologyHash,
                                    QJsonValue::Null,
                                    QStringLiteral("project"),
                                    project);
    QCOMPARE(scoped.response()[QLatin1String("title")].toString(), QStringLiteral("Labels"));
    const auto otherScoped = m_alice->v1(QStringLiteral("ontology"),
                                         QStringLiteral("GET"),
                                         bareOntology,
                                         QJsonValue::Null,
                                         QStringLiteral("project"),
                                         project);
    QCOMPARE(otherScoped.v1Code(), QStringLiteral("RESOURCE_NOT_FOUND_ERROR"));

    const auto listed = m_alice->v1(
        QStringLiteral("projectwithuserrole"),
        QStringLiteral("GET"),
        QJsonValue::Null,
        QJsonObject{{QStringLiteral("filter"),
                     QJsonObject{{QStringLiteral("title_eq"), QStringLiteral("Proj")}}}});
    QCOMPARE(listed.response().toArray().size(), 1);
    QCOMPARE(keysOf(listed.response()[0]), setOf({"user_role", "project"}));

    // v2 read: every ProjectDTO key present.
    const auto v2 = m_alice->v2("GET", "/v2/public/projects/" + project.toLatin1());
    QCOMPARE(v2.status, 200);
    QCOMPARE(keysOf(v2.json()),
             setOf({"projectHash",
                    "projectType",
                    "status",
                    "title",
                    "description",
                    "createdAt",
                    "lastEditedAt",
                    "ontologyHash",
                    "editorOntology",
                    "userRole",
                    "sourceProjects",
                    "workflowManagerUuid",
                    "workflow"}));
    QCOMPARE(v2.json()[QLatin1String("status")].toString(), QStringLiteral("notStarted"));
    QCOMPARE(v2.json()[QLatin1String("projectType")].toString(), QStringLiteral("manual_qa"));
    QCOMPARE(v2.json()[QLatin1String("userRole")].toInt(-1), 0);
    QVERIFY(isV2Date(v2.json()[QLatin1String("lastEditedAt")]));
    const auto qa =
        m_alice->v2("GET", "/v2/public/projects/" + benchmark.response().toString().toLatin1());
    QCOMPARE(qa.json()[QLatin1String("sourceProjects")].toArray(), QJsonArray{project});
    QCOMPARE(qa.json()[QLatin1String("projectType")].toString(), QStringLiteral("workflow"));

    const auto datasets =
        m_alice->v2("GET", "/v2/public/projects/" + project.toLatin1() + "/datasets");
    QCOMPARE(datasets.json()[QLatin1String("results")].toArray().size(), 1);
    QCOMPARE(keysOf(datasets.json()[QLatin1String("results")][0]),
             setOf({"datasetHash", "title", "description"}));
    QCOMPARE(datasets.json()[QLatin1String("results")][0][QLatin1String("title")].toString(),
             QStringLiteral("project data"));

    const auto list = m_alice->v2("GET", "/v2/public/projects?titleEq=Proj&includeOrgAccess=False");
    QCOMPARE(list.json()[QLatin1String("results")].toArray().size(), 1);
    QVERIFY(list.json().toObject().value(QLatin1String("nextPageToken")).isNull());
}

void TestLocalServer::shouldKeepOntologyStructures()
{
    const QJsonObject editor{
        {QStringLiteral("objects"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                                {QStringLiteral("name"), QStringLiteral("car")},
                                {QStringLiteral("color"), QStringLiteral("#D33115")},
                                {QStringLiteral("shape"), QStringLiteral("bounding_box")},
                                {QStringLiteral("featureNodeHash"), QStringLiteral("a1b2c3d4")}}}},
        {QStringLiteral("classifications"), QJsonArray()},
        {QStringLiteral("skeleton_templates"), QJsonArray()}};
    const auto made = m_alice->v2("POST",
                                  "/v2/public/ontologies",
                                  json({{QStringLiteral("title"), QStringLiteral("Vehicles")},
                                        {QStringLiteral("description"), QStringLiteral("cars")},
                                        {QStringLiteral("editor"), editor}}));
    QCOMPARE(made.status, 200);
    QCOMPARE(keysOf(made.json()),
             setOf({"ontologyUuid",
                    "title",
                    "description",
                    "editor",
                    "createdAt",
                    "lastEditedAt",
                    "userRole"}));
    const QByteArray hash = made.json()[QLatin1String("ontologyUuid")].toString().toLatin1();

    const auto v2 = m_alice->v2("GET", "/v2/public/ontologies/" + hash);
    QCOMPARE(v2.json()[QLatin1String("editor")].toObject(), editor);
    QCOMPARE(v2.json()[QLatin1String("userRole")].toInt(-1), 0);

    const auto v1 = m_alice->v1(QStringLiteral("ontology"),
                                QStringLiteral("GET"),
                                QString::fromLatin1(hash),
                                QJsonValue::Null,
                                QStringLiteral("ontology"),
                                QString::fromLatin1(hash));
    QCOMPARE(
        keysOf(v1.response()),
        setOf({"title", "description", "ontology_hash", "editor", "created_at", "last_edited_at"}));
    QCOMPARE(v1.response()[QLatin1String("editor")].toObject(), editor);

    const auto listed = m_alice->v1(
        QStringLiteral("ontologywithuserrole"),
        QStringLiteral("GET"),
        QJsonValue::Null,
        QJsonObject{{QStringLiteral("filter"),
                     QJsonObject{{QStringLiteral("desc_like"), QStringLiteral("%car%")}}}});
    QCOMPARE(listed.response().toArray().size(), 1);
    QCOMPARE(keysOf(listed.response()[0]), setOf({"user_role", "user_email", "ontology"}));
    QCOMPARE(listed.response()[0][QLatin1String("user_email")].toString(),
             QStringLiteral("alice@example.com"));

    const auto v2List = m_alice->v2("GET",
                                    "/v2/public/ontologies?descLike=%25car%25"
                                    "&includeOrgAccess=False");
    QCOMPARE(v2List.json()[QLatin1String("results")].toArray().size(), 1);
}

void TestLocalServer::shouldHideOtherUsersResources()
{
    const QString dataset = createDataset(*m_alice, QStringLiteral("alice private"));
    const QString project =
        m_alice
            ->v1(QStringLiteral("project"),
                 QStringLiteral("POST"),
                 QJsonValue::Null,
                 QJsonObject{{QStringLiteral("title"), QStringLiteral("alice project")},
                             {QStringLiteral("dataset_hashes"), QJsonArray{dataset}}})
            .response()
            .toString();
    const QString missing = QStringLiteral("00000000-0000-4000-8000-000000000000");
    const QJsonObject settings{{QStringLiteral("dataset_access_settings"),
                                QJsonObject{{QStringLiteral("fetch_client_metadata"), false}}}};

    // Bob gets exactly the answer a missing hash gets.
    const auto hidden = m_bob->v1(QStringLiteral("dataset"),
                                  QStringLiteral("GET"),
                                  QJsonValue::Null,
                                  settings,
                                  QStringLiteral("dataset"),
                                  dataset);
    const auto absent = m_bob->v1(QStringLiteral("dataset"),
                                  QStringLiteral("GET"),
                                  QJsonValue::Null,
                                  settings,
                                  QStringLiteral("dataset"),
                                  missing);
    QCOMPARE(hidden.v1Code(), QStringLiteral("RESOURCE_NOT_FOUND_ERROR"));
    QCOMPARE(hidden.status, absent.status);
    QCOMPARE(hidden.body, absent.body);

    const auto hiddenV2 = m_bob->v2("GET", "/v2/public/projects/" + project.toLatin1());
    const auto absentV2 = m_bob->v2("GET", "/v2/public/projects/" + missing.toLatin1());
    QCOMPARE(hiddenV2.status, 404);
    QCOMPARE(hiddenV2.body, absentV2.body);

    // Not listed for Bob; listed for the org admin (without a role of their own) only when
    // organisation access is asked for.
    const auto bobList = m_bob->v2("GET", "/v2/public/datasets/list?titleEq=alice+private");
    QCOMPARE(bobList.json()[QLatin1String("result")].toArray().size(), 0);
    const auto adminOwn = m_admin->v2("GET", "/v2/public/datasets/list?titleEq=alice+private");
    QCOMPARE(adminOwn.json()[QLatin1String("result")].toArray().size(), 0);
    const auto adminList =
        m_admin->v2("GET", "/v2/public/datasets/list?titleEq=alice+private&includeOrgAccess=True");
    QCOMPARE(adminList.json()[QLatin1String("result")].toArray().size(), 1);
    QVERIFY(adminList.json()[QLatin1String("result")][0][QLatin1String("userRole")].isNull());
    QCOMPARE(m_admin->v2("GET", "/v2/public/projects/" + project.toLatin1()).status, 200);

    // Bob cannot build on Alice's dataset or key it.
    const auto borrowed =
        m_bob->v1(QStringLiteral("project"),
                  QStringLiteral("POST"),
                  QJsonValue::Null,
                  QJsonObject{{QStringLiteral("title"), QStringLiteral("mine")},
                              {QStringLiteral("dataset_hashes"), QJsonArray{dataset}}});
    QCOMPARE(borrowed.v1Code(), QStringLiteral("RESOURCE_NOT_FOUND_ERROR"));
    const auto key = m_bob->v1(QStringLiteral("datasetapikey"),
                               QStringLiteral("GET"),
                               QJsonValue::Null,
                               QJsonObject{{QStringLiteral("dataset_hash"), dataset}});
    QCOMPARE(key.v1Code(), QStringLiteral("RESOURCE_NOT_FOUND_ERROR"));
    // And a failed creation left nothing behind.
    const auto bobProjects = m_bob->v2("GET", "/v2/public/projects?titleEq=mine");
    QCOMPARE(bobProjects.json()[QLatin1String("results")].toArray().size(), 0);
}

void TestLocalServer::shouldReportSharedRoles()
{
    const QString dataset = createDataset(*m_alice, QStringLiteral("shared data"));
    const QString project =
        m_alice
            ->v1(QStringLiteral("project"),
                 QStringLiteral("POST"),
                 QJsonValue::Null,
                 QJsonObject{{QStringLiteral("title"), QStringLiteral("shared project")},
                             {QStringLiteral("dataset_hashes"), QJsonArray{dataset}}})
            .response()
            .toString();
    SqliteDatabase &db = m_server->workspace()->database();
    const qint64 bob = UserStore(db).byEmail(QStringLiteral("bob@example.com"))->id;
    RoleStore roles(db);
    roles.grant(ResourceKind::Dataset, dataset, bob, 1); // user
    roles.grant(ResourceKind::Project, project, bob, 3); // annotator-reviewer

    const auto v1 = m_bob->v1(
        QStringLiteral("datasetwithuserrole"),
        QStringLiteral("GET"),
        QJsonValue::Null,
        QJsonObject{{QStringLiteral("filter"),
                     QJsonObject{{QStringLiteral("title_eq"), QStringLiteral("shared data")}}}});
    QCOMPARE(v1.response().toArray().size(), 1);
    QCOMPARE(v1.response()[0][QLatin1String("user_role")].toInt(-1), 1);
    const auto v2 = m_bob->v2("GET", "/v2/public/datasets/list?titleEq=shared+data");
    QCOMPARE(v2.json()[QLatin1String("result")][0][QLatin1String("userRole")].toString(),
             QStringLiteral("user"));
    const auto projects = m_bob->v1(QStringLiteral("projectwithuserrole"),
                                    QStringLiteral("GET"),
                                    QJsonValue::Null,
                                    QJsonObject{});
    QCOMPARE(projects.response().toArray().size(), 1);
    QCOMPARE(projects.response()[0][QLatin1String("user_role")].toInt(-1), 3);
    QCOMPARE(m_bob->v2("GET", "/v2/public/projects/" + project.toLatin1())
                 .json()[QLatin1String("userRole")]
                 .toInt(-1),
             3);

    // Seeing is not administering: keys need the admin role.
    const auto key = m_bob->v1(QStringLiteral("datasetapikey"),
                               QStringLiteral("POST"),
                               QJsonValue::Null,
                               QJsonObject{{QStringLiteral("dataset_hash"), dataset},
                                           {QStringLiteral("title"), QStringLiteral("mine")},
                                           {QStringLiteral("scopes"), QJsonArray()}});
    QCOMPARE(key.status, 403);
    QCOMPARE(key.v1Code(), QStringLiteral("AUTHORISATION_ERROR"));
}

void TestLocalServer::shouldManageApiKeys()
{
    const QString dataset = createDataset(*m_alice, QStringLiteral("keyed"));
    const auto created = m_alice->v1(
        QStringLiteral("datasetapikey"),
        QStringLiteral("POST"),
        QJsonValue::Null,
        QJsonObject{{QStringLiteral("dataset_hash"), dataset},
                    {QStringLiteral("title"), QStringLiteral("ci")},
                    {QStringLiteral("scopes"), QJsonArray{QStringLiteral("dataset.read")}}});
    QCOMPARE(created.status, 200);
    QCOMPARE(keysOf(created.response()),
             setOf({"resource_hash", "api_key", "title", "key_hash", "scopes"}));
    const QString apiKey = created.response()[QLatin1String("api_key")].toString();
    QVERIFY(apiKey.size() >= 32);

    const auto listed = m_alice->v1(QStringLiteral("datasetapikey"),
                                    QStringLiteral("GET"),
                                    QJsonValue::Null,
                                    QJsonObject{{QStringLiteral("dataset_hash"), dataset}});
    QCOMPARE(listed.response().toArray().size(), 1);
    const auto again = m_alice->v1(QStringLiteral("datasetapikey"),
                                   QStringLiteral("PUT"),
                                   QJsonValue::Null,
                                   QJsonObject{{QStringLiteral("dataset_hash"), dataset}});
    QCOMPARE(again.response()[QLatin1String("api_key")].toString(), apiKey);

    const QString project = m_alice
                                ->v1(QStringLiteral("project"),
                                     QStringLiteral("POST"),
                                     QJsonValue::Null,
                                     QJsonObject{{QStringLiteral("title"), QStringLiteral("kp")}})
                                .response()
                                .toString();
    const auto put =
        m_alice->v1(QStringLiteral("projectapikey"), QStringLiteral("PUT"), project, QJsonObject());
    QVERIFY(put.response().isString());
    const auto projectKeys = m_alice->v1(
        QStringLiteral("projectapikey"), QStringLiteral("GET"), project, QJsonValue::Null);
    QCOMPARE(projectKeys.response().toArray().size(), 1);
    QCOMPARE(keysOf(projectKeys.response()[0]), setOf({"api_key", "title", "scopes"}));
    QCOMPARE(projectKeys.response()[0][QLatin1String("api_key")].toString(),
             put.response().toString());
    const auto badScope =
        m_alice->v1(QStringLiteral("projectapikey"),
                    QStringLiteral("POST"),
                    project,
                    QJsonObject{{QStringLiteral("title"), QStringLiteral("x")},
                                {QStringLiteral("scopes"), QJsonArray{QStringLiteral("root")}}});
    QCOMPARE(badScope.v1Code(), QStringLiteral("INVALID_ARGUMENTS_ERROR"));
}

void TestLocalServer::shouldListCloudIntegrations()
{
    QDir(m_dir.path()).mkpath(QStringLiteral("bucket"));
    IntegrationStore integrations(m_server->workspace()->database());
    const IntegrationRecord first =
        integrations.add(QStringLiteral("Bucket"), m_dir.filePath(QStringLiteral("bucket")));
    integrations.add(QStringLiteral("Other"), m_dir.path());

    const auto v1 = m_alice->v1(QStringLiteral("cloudintegration"),
                                QStringLiteral("GET"),
                                QJsonValue::Null,
                                QJsonValue::Null);
    QCOMPARE(v1.response().toArray().size(), 2);
    QCOMPARE(keysOf(v1.response()[0]), setOf({"id", "title"}));
    QCOMPARE(v1.response()[0][QLatin1String("id")].toString(), first.uuid);

    const auto v2 = m_alice->v2("GET",
                                "/v2/public/cloud-integrations?filterIntegrationTitles="
                                "Other&includeOrgAccess=False");
    const QJsonArray result = v2.json()[QLatin1String("result")].toArray();
    QCOMPARE(result.size(), 1);
    QCOMPARE(keysOf(result.first()), setOf({"integrationUuid", "title"}));
    QCOMPARE(result.first()[QLatin1String("title")].toString(), QStringLiteral("Other"));
}

void TestLocalServer::shouldConfineIntegrationsToTheirRoot()
{
    const QDir root(m_dir.filePath(QStringLiteral("confined")));
    QVERIFY(root.mkpath(QStringLiteral("inside")));
    QFile inside(root.filePath(QStringLiteral("inside/a.txt")));
    QVERIFY(inside.open(QIODevice::WriteOnly));
    inside.close();
    QFile outside(m_dir.filePath(QStringLiteral("secret.txt")));
    QVERIFY(outside.open(QIODevice::WriteOnly));
    outside.close();
    QVERIFY(QFile::link(outside.fileName(), root.filePath(QStringLiteral("inside/link.txt"))));

    const IntegrationRecord integration{
        QStringLiteral("x"), QStringLiteral("t"), QFileInfo(root.path()).canonicalFilePath()};
    const QString base = QUrl::fromLocalFile(root.path()).toString();
    QCOMPARE(IntegrationStore::resolve(integration, base + QStringLiteral("/inside/a.txt")),
             QFileInfo(inside).canonicalFilePath());
    QVERIFY(
        IntegrationStore::resolve(integration, base + QStringLiteral("/../secret.txt")).isEmpty());
    QVERIFY(IntegrationStore::resolve(integration, base + QStringLiteral("/inside/link.txt"))
                .isEmpty());
    QVERIFY(IntegrationStore::resolve(integration, QStringLiteral("https://example.com/a.txt"))
                .isEmpty());
    QVERIFY(
        IntegrationStore::resolve(integration, base + QStringLiteral("/missing.txt")).isEmpty());
    // Percent-encoded dots and slashes are decoded before the check, not slipped past it.
    for (const char *escape :
         {"/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/inside%2F..%2F..%2Fsecret.txt"})
        QVERIFY2(
            IntegrationStore::resolve(integration, base + QString::fromLatin1(escape)).isEmpty(),
            escape);
}

void TestLocalServer::shouldRegisterIntegrationFiles()
{
    // The root holds a.png; beside it, outside the root, a secret and a link into the secret.
    const QDir root(m_dir.filePath(QStringLiteral("files")));
    QVERIFY(root.mkpath(QStringLiteral(".")));
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(100, 'p');
    QFile image(root.filePath(QStringLiteral("a.png")));
    QVERIFY(image.open(QIODevice::WriteOnly) && image.write(png) == png.size());
    image.close();
    QFile secret(m_dir.filePath(QStringLiteral("outside.txt")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.close();
    QVERIFY(QFile::link(secret.fileName(), root.filePath(QStringLiteral("link.png"))));
    const IntegrationRecord integration = IntegrationStore(m_server->workspace()->database())
                                              .add(QStringLiteral("Files"), root.path());

    const QString folder = createFolder(*m_alice, QStringLiteral("Linked"));
    const QString base = QUrl::fromLocalFile(root.path()).toString();
    QJsonArray images;
    for (const QString &name : {QStringLiteral("/a.png"),
                                QStringLiteral("/../outside.txt"),
                                QStringLiteral("/link.png")}) {
        images.append(QJsonObject{{QStringLiteral("objectUrl"), QString(base + name)}});
    }
    const QJsonObject job{
        {QStringLiteral("dataItems"), QJsonObject{{QStringLiteral("images"), images}}},
        {QStringLiteral("integrationHash"), integration.uuid},
        {QStringLiteral("ignoreErrors"), true}};
    const QByteArray jobs = "/v2/public/storage/folders/" + folder.toLatin1() + "/data-upload-jobs";
    const auto started = m_alice->v2("POST", jobs, json(job));
    QCOMPARE(started.status, 200);
    const auto state = m_alice->v2("GET", jobs + '/' + started.json().toString().toLatin1());
    QCOMPARE(state.json()[QLatin1String("status")].toString(), QStringLiteral("DONE"));
    QCOMPARE(state.json()[QLatin1String("unitErrors")].toArray().size(), 2);
    const QJsonArray done = state.json()[QLatin1String("itemsWithNames")].toArray();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first()[QLatin1String("name")].toString(), QStringLiteral("a.png"));

    const QByteArray item = done.first()[QLatin1String("itemUuid")].toString().toLatin1();
    const auto got = m_alice->v2("GET", "/v2/public/storage/items/" + item + "?signUrl=True");
    QCOMPARE(got.json()[QLatin1String("integrationHash")].toString(), integration.uuid);
    QCOMPARE(got.json()[QLatin1String("url")].toString(), base + QStringLiteral("/a.png"));
    QCOMPARE(got.json()[QLatin1String("fileSize")].toInteger(), png.size());
    const QByteArray download = targetOf(got.json()[QLatin1String("signedUrl")].toString());
    QCOMPARE(m_alice->raw("GET", download, {}).body, png);

    // An unknown integration is refused outright.
    QJsonObject unknown = job;
    unknown.insert(QStringLiteral("integrationHash"),
                   QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QCOMPARE(m_alice->v2("POST", jobs, json(unknown)).status, 404);
    // Once the file is gone, so is the download.
    QVERIFY(QFile::remove(image.fileName()));
    QCOMPARE(m_alice->raw("GET", download, {}).status, 404);
}

void TestLocalServer::shouldManageStorageFolders()
{
    const auto made = m_alice->v2("POST",
                                  "/v2/public/storage/folders",
                                  R"({"name": "Scans", "description": "d", )"
                                  R"("clientMetadata": "{\"k\": 1}"})");
    QCOMPARE(made.status, 200);
    const QJsonObject folder = made.json().toObject();
    QCOMPARE(keysOf(folder),
             setOf({"uuid",
                    "parent",
                    "name",
                    "description",
                    "clientMetadata",
                    "owner",
                    "createdAt",
                    "lastEditedAt",
                    "userRole",
                    "syncedDatasetHash",
                    "pathToRoot"}));
    QCOMPARE(folder.value(QLatin1String("clientMetadata")).toString(),
             QStringLiteral("{\"k\": 1}"));
    QCOMPARE(folder.value(QLatin1String("owner")).toString(), QStringLiteral("alice@example.com"));
    QCOMPARE(folder.value(QLatin1String("userRole")).toString(), QStringLiteral("admin"));
    QVERIFY(folder.value(QLatin1String("parent")).isNull());
    const QString uuid = folder.value(QLatin1String("uuid")).toString();

    const QString child = createFolder(*m_alice, QStringLiteral("Scans 2024"), uuid);
    const QString grandchild = createFolder(*m_alice, QStringLiteral("January"), child);
    const auto got = m_alice->v2("GET", "/v2/public/storage/folders/" + grandchild.toLatin1());
    const QJsonArray path = got.json()[QLatin1String("pathToRoot")].toArray();
    QCOMPARE(path.size(), 2);
    QCOMPARE(path.at(0)[QLatin1String("uuid")].toString(), child);
    QCOMPARE(path.at(1)[QLatin1String("uuid")].toString(), uuid);
    QCOMPARE(keysOf(path.at(0)), setOf({"uuid", "parentUuid", "name", "syncedDatasetHash"}));

    const auto names = [](const ServerClient::Reply &reply) {
        QStringList result;
        for (const QJsonValue &f : reply.json()[QLatin1String("results")].toArray())
            result.append(f[QLatin1String("name")].toString());
        return result;
    };
    // Top level only, searched case-insensitively.
    QCOMPARE(names(m_alice->v2("GET",
                               "/v2/public/storage/folders?search=scans&isRecursive=False"
                               "&order=name&desc=False&pageSize=100")),
             QStringList({QStringLiteral("Scans")}));
    // The search route looks at every level.
    QCOMPARE(names(m_alice->v2("GET",
                               "/v2/public/storage/search/folders?search=scans"
                               "&order=name&desc=True")),
             QStringList({QStringLiteral("Scans 2024"), QStringLiteral("Scans")}));
    QCOMPARE(
        names(m_alice->v2(
            "GET", "/v2/public/storage/folders/" + uuid.toLatin1() + "/folders?isRecursive=True")),
        QStringList({QStringLiteral("January"), QStringLiteral("Scans 2024")}));
    QCOMPARE(
        names(m_alice->v2(
            "GET", "/v2/public/storage/folders/" + uuid.toLatin1() + "/folders?isRecursive=false")),
        QStringList({QStringLiteral("Scans 2024")}));

    // Dataset-synced filter: backing folders are mirrored by their dataset.
    createDataset(*m_alice, QStringLiteral("Scans mirror"));
    QCOMPARE(names(m_alice->v2("GET",
                               "/v2/public/storage/folders?search=scans"
                               "&datasetSynced=True")),
             QStringList({QStringLiteral("Scans mirror")}));

    QCOMPARE(m_bob->v2("GET", "/v2/public/storage/folders/" + uuid.toLatin1()).status, 404);
    QCOMPARE(m_bob->v2("GET", "/v2/public/storage/folders?includeOrgAccess=True").status, 403);
    QCOMPARE(m_alice->v2("GET", "/v2/public/storage/folders?desc=maybe").status, 400);
    QCOMPARE(m_alice
                 ->v2("POST",
                      "/v2/public/storage/folders",
                      R"({"name": "x", "clientMetadata": "not json"})")
                 .status,
             400);
}

void TestLocalServer::shouldPageResults()
{
    const QString parent = createFolder(*m_alice, QStringLiteral("Pages"));
    for (const char *name : {"p1", "p2", "p3", "p4", "p5"})
        createFolder(*m_alice, QLatin1String(name), parent);
    const QByteArray base = "/v2/public/storage/folders/" + parent.toLatin1()
                            + "/folders?order=name&desc=False&pageSize=2";
    QStringList seen;
    QByteArray target = base;
    for (int pageCount = 1;; ++pageCount) {
        const auto reply = m_alice->v2("GET", target);
        QCOMPARE(reply.status, 200);
        const QJsonArray results = reply.json()[QLatin1String("results")].toArray();
        QVERIFY(results.size() <= 2);
        for (const QJsonValue &folder : results)
            seen.append(folder[QLatin1String("name")].toString());
        const QJsonValue next = reply.json()[QLatin1String("nextPageToken")];
        if (next.isNull()) {
            QCOMPARE(pageCount, 3);
            break;
        }
        target = base + "&pageToken=" + QUrl::toPercentEncoding(next.toString());
    }
    QCOMPARE(seen,
             QStringList({QStringLiteral("p1"),
                          QStringLiteral("p2"),
                          QStringLiteral("p3"),
                          QStringLiteral("p4"),
                          QStringLiteral("p5")}));
    // Oversized pages are clamped rather than refused; junk tokens are refused.
    QCOMPARE(m_alice->v2("GET", base + "&pageSize=5000").status, 200);
    QCOMPARE(m_alice->v2("GET", base + "&pageToken=%21%21").status, 400);
}

void TestLocalServer::shouldUploadAndDownloadThroughSignedUrls()
{
    const QString folder = createFolder(*m_alice, QStringLiteral("Uploads"));
    const auto slots =
        m_alice->v2("POST",
                    "/v2/public/storage/folders/" + folder.toLatin1() + "/upload-signed-urls",
                    R"({"itemType": "image", "count": 1})");
    QCOMPARE(slots.status, 200);
    const QJsonObject slot = slots.json()[QLatin1String("results")][0].toObject();
    QCOMPARE(keysOf(slot), setOf({"itemUuid", "objectKey", "signedUrl"}));
    const QString signedUrl = slot.value(QLatin1String("signedUrl")).toString();
    QVERIFY(signedUrl.startsWith(m_server->baseUrl() + QStringLiteral("/blob-upload/")));

    // A 3 MB PNG-signed body: big enough to arrive in many chunks.
    QByteArray file = QByteArray::fromHex("89504e470d0a1a0a");
    file.append(QByteArray(3 << 20, 'x'));
    const auto put =
        m_alice->raw("PUT",
                     targetOf(signedUrl),
                     {{"Content-Type", "image/png"}, {"Cache-Control", "max-age=86400"}},
                     file);
    QCOMPARE(put.status, 200);
    QVERIFY(put.body.isEmpty());
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex());
    QVERIFY(QFile::exists(m_server->workspace()->blobs().path(sha)));
    QCOMPARE(QFileInfo(m_server->workspace()->blobs().path(sha)).size(), file.size());

    const QString itemUuid = slot.value(QLatin1String("itemUuid")).toString();
    const QJsonObject job{
        {QStringLiteral("dataItems"),
         QJsonObject{{QStringLiteral("images"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("objectUrl"), slot.value(QLatin1String("objectKey"))},
                          {QStringLiteral("title"), QStringLiteral("big.png")},
                          {QStringLiteral("clientMetadata"),
                           QJsonObject{{QStringLiteral("split"), QStringLiteral("train")}}},
                          {QStringLiteral("placeholderItemUuid"), itemUuid}}}},
                     {QStringLiteral("videos"), QJsonArray()}}},
        {QStringLiteral("ignoreErrors"), false}};
    const QByteArray jobsPath =
        "/v2/public/storage/folders/" + folder.toLatin1() + "/data-upload-jobs";
    const auto started = m_alice->v2("POST", jobsPath, json(job));
    QCOMPARE(started.status, 200);
    const QString jobId = started.json().toString();
    QCOMPARE(jobId.size(), 36);
    const auto state = m_alice->v2("GET", jobsPath + '/' + jobId.toLatin1() + "?timeoutSeconds=60");
    QCOMPARE(state.json()[QLatin1String("status")].toString(), QStringLiteral("DONE"));
    QCOMPARE(state.json()[QLatin1String("itemsWithNames")][0][QLatin1String("itemUuid")].toString(),
             itemUuid);
    QCOMPARE(state.json()[QLatin1String("unitsDoneCount")].toInt(), 1);

    // Registering the same upload twice fails as a whole.
    const auto twice = m_alice->v2("POST", jobsPath, json(job));
    const auto failed = m_alice->v2("GET", jobsPath + '/' + twice.json().toString().toLatin1());
    QCOMPARE(failed.json()[QLatin1String("status")].toString(), QStringLiteral("ERROR"));
    QCOMPARE(failed.json()[QLatin1String("unitErrors")].toArray().size(), 1);

    const auto item =
        m_alice->v2("GET", "/v2/public/storage/items/" + itemUuid.toLatin1() + "?signUrl=True");
    QCOMPARE(item.status, 200);
    const QJsonObject dto = item.json().toObject();
    for (const char *key : {"uuid",
                            "parent",
                            "itemType",
                            "name",
                            "description",
                            "clientMetadata",
                            "owner",
                            "createdAt",
                            "lastEditedAt",
                            "isTombstone",
                            "isPlaceholder",
                            "backedDataUnitsCount",
                            "storageLocation",
                            "integrationHash",
                            "url",
                            "signedUrl",
                            "fileSize",
                            "mimeType",
                            "duration",
                            "fps",
                            "height",
                            "width",
                            "dicomInstanceUid",
                            "dicomStudyUid",
                            "dicomSeriesUid",
                            "frameCount",
                            "audioSampleRate",
                            "audioBitDepth",
                            "audioNumChannels",
                            "audioCodec"}) {
        QVERIFY2(dto.contains(QLatin1String(key)), key);
    }
    QCOMPARE(dto.value(QLatin1String("fileSize")).toInteger(), file.size());
    QCOMPARE(dto.value(QLatin1String("mimeType")).toString(), QStringLiteral("image/png"));
    QCOMPARE(dto.value(QLatin1String("clientMetadata")).toString(),
             QStringLiteral("{\"split\":\"train\"}"));
    QCOMPARE(dto.value(QLatin1String("parent")).toString(), folder);

    // Registered: the upload URL can no longer change what the item holds.
    QCOMPARE(m_alice->raw("PUT", targetOf(signedUrl), {}, "replaced").status, 404);

    const QString download = dto.value(QLatin1String("signedUrl")).toString();
    QVERIFY(download.startsWith(m_server->baseUrl() + QStringLiteral("/blob-download/")));
    const auto fetched = m_alice->raw("GET", targetOf(download), {});
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.body.size(), file.size());
    QVERIFY(fetched.body == file);

    // Unsigned by default; listed with signed URLs on request; searchable.
    const auto plain =
        m_alice->v2("GET", "/v2/public/storage/items/" + itemUuid.toLatin1() + "?signUrl=False");
    QVERIFY(plain.json()[QLatin1String("signedUrl")].isNull());
    const auto listed = m_alice->v2(
        "GET", "/v2/public/storage/folders/" + folder.toLatin1() + "/items?signUrls=True");
    QCOMPARE(listed.json()[QLatin1String("results")].toArray().size(), 1);
    QVERIFY(!listed.json()[QLatin1String("results")][0][QLatin1String("signedUrl")].isNull());
    const auto found = m_alice->v2("GET",
                                   "/v2/public/storage/search/items?search=BIG"
                                   "&itemTypes=image&itemTypes=video");
    QCOMPARE(found.json()[QLatin1String("results")].toArray().size(), 1);
    const auto bulk = m_alice->v2("POST",
                                  "/v2/public/storage/items/get-bulk",
                                  json({{QStringLiteral("itemUuids"), QJsonArray{itemUuid}},
                                        {QStringLiteral("signUrls"), false}}));
    QCOMPARE(bulk.json()[QLatin1String("results")][0][QLatin1String("uuid")].toString(), itemUuid);
    QCOMPARE(m_bob->v2("GET", "/v2/public/storage/items/" + itemUuid.toLatin1()).status, 404);
}

void TestLocalServer::shouldRefuseTamperedAndExpiredSignedUrls()
{
    const auto slots = m_alice->v2("GET", "/v2/public/presigned-urls?count=2&uploadItemType=image");
    QCOMPARE(slots.json()[QLatin1String("results")].toArray().size(), 2);
    const QString url =
        slots.json()[QLatin1String("results")][0][QLatin1String("signedUrl")].toString();
    const QByteArray target = targetOf(url);
    const QByteArray body = "hello";

    QByteArray badSig = target;
    badSig.chop(1);
    badSig.append(target.endsWith('0') ? '1' : '0');
    QCOMPARE(m_alice->raw("PUT", badSig, {}, body).status, 403);
    QByteArray otherKey = target;
    otherKey.replace("uploads/", "uploadz/");
    QCOMPARE(m_alice->raw("PUT", otherKey, {}, body).status, 403);
    QByteArray later = target;
    later.replace("expires=", "expires=9");
    QCOMPARE(m_alice->raw("PUT", later, {}, body).status, 403);
    QByteArray unsigned_ = target.left(target.indexOf('?'));
    QCOMPARE(m_alice->raw("PUT", unsigned_, {}, body).status, 403);
    // An upload URL does not download, and vice versa.
    QByteArray asDownload = target;
    asDownload.replace("/blob-upload/", "/blob-download/");
    QCOMPARE(m_alice->raw("GET", asDownload, {}).status, 403);

    // Correctly signed but expired.
    const QString key =
        url.section(QStringLiteral("/blob-upload/"), 1).section(QLatin1Char('?'), 0, 0);
    const qint64 past = QDateTime::currentSecsSinceEpoch() - 10;
    const QString expired = m_server->workspace()->urlSigner().signedPath("PUT", key, past);
    QCOMPARE(m_alice->raw("PUT", expired.toUtf8(), {}, body).status, 403);
    // A validly signed URL for a key the server never handed out.
    const qint64 future = QDateTime::currentSecsSinceEpoch() + 60;
    const QString forged = m_server->workspace()->urlSigner().signedPath(
        "PUT", QStringLiteral("uploads/not-issued"), future);
    QCOMPARE(m_alice->raw("PUT", forged.toUtf8(), {}, body).status, 404);

    QCOMPARE(m_alice->raw("PUT", target, {}, body).status, 200);
    // A retried PUT (its answer lost, say) is fine until an item is registered on the object.
    QCOMPARE(m_alice->raw("PUT", target, {}, body).status, 200);
    // Nothing stays in the temporary folder.
    QCOMPARE(QDir(m_server->workspace()->blobs().root() + QStringLiteral("/tmp"))
                 .entryList(QDir::Files)
                 .size(),
             0);
}

void TestLocalServer::shouldShowBackingFolderItemsAsDataRows()
{
    const auto created =
        m_alice->v1(QStringLiteral("dataset"),
                    QStringLiteral("POST"),
                    QJsonValue::Null,
                    QJsonObject{{QStringLiteral("title"), QStringLiteral("Mirror")},
                                {QStringLiteral("type"), 0},
                                {QStringLiteral("create_backing_folder"), true}});
    const QString dataset = created.response()[QLatin1String("dataset_hash")].toString();
    const QByteArray folder =
        created.response()[QLatin1String("backing_folder_uuid")].toString().toLatin1();
    const auto slots = m_alice->v2("POST",
                                   "/v2/public/storage/folders/" + folder + "/upload-signed-urls",
                                   R"({"itemType": "image", "count": 1})");
    const QJsonObject slot = slots.json()[QLatin1String("results")][0].toObject();
    QCOMPARE(m_alice
                 ->raw("PUT",
                       targetOf(slot.value(QLatin1String("signedUrl")).toString()),
                       {},
                       QByteArray::fromHex("ffd8ffe000104a464946"))
                 .status,
             200);
    const QJsonObject job{
        {QStringLiteral("dataItems"),
         QJsonObject{
             {QStringLiteral("images"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("objectUrl"), slot.value(QLatin1String("objectKey"))},
                  {QStringLiteral("title"), QStringLiteral("frame.jpg")},
                  {QStringLiteral("clientMetadata"), QJsonObject{{QStringLiteral("camera"), 3}}},
                  {QStringLiteral("placeholderItemUuid"),
                   slot.value(QLatin1String("itemUuid"))}}}}}}};
    QCOMPARE(
        m_alice->v2("POST", "/v2/public/storage/folders/" + folder + "/data-upload-jobs", json(job))
            .status,
        200);

    const auto got =
        m_alice->v1(QStringLiteral("dataset"),
                    QStringLiteral("GET"),
                    QJsonValue::Null,
                    QJsonObject{{QStringLiteral("dataset_access_settings"),
                                 QJsonObject{{QStringLiteral("fetch_client_metadata"), true}}}},
                    QStringLiteral("dataset"),
                    dataset);
    const QJsonArray rows = got.response()[QLatin1String("data_rows")].toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    for (const char *key : {"data_hash",
                            "data_title",
                            "data_type",
                            "created_at",
                            "last_edited_at",
                            "width",
                            "height",
                            "file_link",
                            "file_size",
                            "file_type",
                            "storage_location",
                            "frames_per_second",
                            "duration"}) {
        QVERIFY2(row.contains(QLatin1String(key)), key);
    }
    QCOMPARE(row.value(QLatin1String("data_title")).toString(), QStringLiteral("frame.jpg"));
    QCOMPARE(row.value(QLatin1String("data_type")).toString(), QStringLiteral("IMAGE"));
    QCOMPARE(row.value(QLatin1String("file_type")).toString(), QStringLiteral("image/jpeg"));
    QCOMPARE(row.value(QLatin1String("file_size")).toInt(), 10);
    QCOMPARE(row.value(QLatin1String("backing_item_uuid")).toString(),
             slot.value(QLatin1String("itemUuid")).toString());
    QCOMPARE(row.value(QLatin1String("client_metadata"))[QLatin1String("camera")].toInt(), 3);
    QVERIFY(isV1Date(row.value(QLatin1String("created_at"))));

    const auto linked =
        m_alice->v2("GET", "/v2/public/storage/folders/" + folder + "/items?isInDataset=True");
    QCOMPARE(linked.json()[QLatin1String("results")].toArray().size(), 1);
    QCOMPARE(
        linked.json()[QLatin1String("results")][0][QLatin1String("backedDataUnitsCount")].toInt(),
        1);
    const auto unlinked =
        m_alice->v2("GET", "/v2/public/storage/folders/" + folder + "/items?isInDataset=False");
    QCOMPARE(unlinked.json()[QLatin1String("results")].toArray().size(), 0);
}

void TestLocalServer::shouldEditMoveAndDeleteFolders()
{
    const QString a = createFolder(*m_alice, QStringLiteral("Edit A"));
    const QString b = createFolder(*m_alice, QStringLiteral("Edit B"));
    const QString child = createFolder(*m_alice, QStringLiteral("Edit child"), a);
    const QString item =
        uploadItem(child, QByteArray::fromHex("89504e470d0a1a0a"), QStringLiteral("x.png"));
    QVERIFY(!item.isEmpty());
    const auto folderPath = [](const QString &uuid) -> QByteArray {
        return "/v2/public/storage/folders/" + uuid.toLatin1();
    };

    // Edit: only the given fields change.
    auto reply =
        m_alice->v2("PATCH", folderPath(a), R"({"name": "Edited", "clientMetadata": {"x": 1}})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[QLatin1String("name")].toString(), QStringLiteral("Edited"));
    QCOMPARE(reply.json()[QLatin1String("clientMetadata")].toString(), QStringLiteral("{\"x\":1}"));
    QCOMPARE(reply.json()[QLatin1String("description")].toString(), QString());
    QCOMPARE(m_bob->v2("PATCH", folderPath(a), R"({"name": "Bobs"})").status, 404);
    QCOMPARE(m_alice->v2("PATCH", folderPath(a), R"({"name": ""})").status, 400);

    reply = m_alice->v2("PATCH",
                        folderPath(child) + "/items/" + item.toLatin1(),
                        R"({"name": "renamed.png", "description": "d"})");
    QCOMPARE(reply.json()[QLatin1String("name")].toString(), QStringLiteral("renamed.png"));
    QCOMPARE(reply.json()[QLatin1String("description")].toString(), QStringLiteral("d"));
    QCOMPARE(m_alice->v2("PATCH", folderPath(a) + "/items/" + item.toLatin1(), R"({})").status,
             404);

    // Move the child under B; moving B under its own child is refused.
    const QByteArray move = json(
        {{QStringLiteral("folderUuids"), QJsonArray{child}}, {QStringLiteral("newParentUuid"), b}});
    reply = m_alice->v2("POST", "/v2/public/storage/folders/move", move);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("null"));
    reply = m_alice->v2("GET", folderPath(child));
    QCOMPARE(reply.json()[QLatin1String("parent")].toString(), b);
    QCOMPARE(reply.json()[QLatin1String("pathToRoot")][0][QLatin1String("name")].toString(),
             QStringLiteral("Edit B"));
    const QByteArray cycle = json(
        {{QStringLiteral("folderUuids"), QJsonArray{b}}, {QStringLiteral("newParentUuid"), child}});
    QCOMPARE(m_alice->v2("POST", "/v2/public/storage/folders/move", cycle).status, 400);

    reply = m_alice->v2("GET", folderPath(b) + "/summary");
    QCOMPARE(reply.json()[QLatin1String("folders")].toInt(), 1);
    QCOMPARE(reply.json()[QLatin1String("files")].toInt(), 0);
    reply = m_alice->v2("GET", folderPath(child) + "/summary");
    QCOMPARE(reply.json()[QLatin1String("images")].toInt(), 1);
    QCOMPARE(reply.json()[QLatin1String("totalSize")].toInt(), 8);

    // Delete B: its subfolder and item go with it.
    QCOMPARE(m_bob->v2("DELETE", folderPath(b)).status, 404);
    reply = m_alice->v2("DELETE", folderPath(b));
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_alice->v2("GET", folderPath(b)).status, 404);
    QCOMPARE(m_alice->v2("GET", folderPath(child)).status, 404);
    QCOMPARE(m_alice->v2("GET", "/v2/public/storage/items/" + item.toLatin1()).status, 404);
    QCOMPARE(m_alice->v2("GET", folderPath(a)).status, 200);

    // A dataset outlives its deleted backing folder.
    const auto created =
        m_alice->v1(QStringLiteral("dataset"),
                    QStringLiteral("POST"),
                    QJsonValue::Null,
                    QJsonObject{{QStringLiteral("title"), QStringLiteral("orphan")},
                                {QStringLiteral("create_backing_folder"), true}});
    const QString dataset = created.response()[QLatin1String("dataset_hash")].toString();
    const QString backing = created.response()[QLatin1String("backing_folder_uuid")].toString();
    QCOMPARE(m_alice->v2("DELETE", folderPath(backing)).status, 200);
    const auto got = m_alice->v1(QStringLiteral("dataset"),
                                 QStringLiteral("GET"),
                                 QJsonValue::Null,
                                 QJsonObject(),
                                 QStringLiteral("dataset"),
                                 dataset);
    QCOMPARE(got.status, 200);
    QVERIFY(got.response()[QLatin1String("backing_folder_uuid")].isNull());
}

void TestLocalServer::shouldSetTheMetadataSchemaOnBothRoutes()
{
    const QByteArray current = "/v2/public/organisation/client-metadata-schema";
    const QByteArray legacy = "/v2/public/organisation/1/client-metadata-schema";
    auto reply = m_alice->v2("GET", current);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("null"));

    QCOMPARE(m_alice->v2("POST", current, R"({"split": "string"})").status, 403);
    QCOMPARE(m_admin->v2("POST", legacy, R"({"split": "telepathy"})").status, 400);
    reply = m_admin->v2("POST", legacy, R"({"split": "string", "score": "number"})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("null"));

    for (const QByteArray &route : {current, legacy}) {
        reply = m_alice->v2("GET", route);
        QCOMPARE(keysOf(reply.json()),
                 setOf({"uuid", "metadataSchema", "organisationId", "createdAt", "updatedAt"}));
        QCOMPARE(reply.json()[QLatin1String("organisationId")].toInt(), 1);
        QCOMPARE(reply.json()[QLatin1String("metadataSchema")][QLatin1String("score")].toString(),
                 QStringLiteral("number"));
    }
    QCOMPARE(m_alice->v2("GET", "/v2/public/organisation/2/client-metadata-schema").status, 404);
}

void TestLocalServer::shouldListGroups()
{
    const QByteArray route = "/v2/public/user/current-organisation/groups";
    auto reply = m_alice->v2("GET", route);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().toObject(),
             QJsonObject({{QStringLiteral("results"), QJsonArray()},
                          {QStringLiteral("nextPageToken"), QJsonValue::Null}}));
    m_server->workspace()->database().exec(
        QStringLiteral("INSERT INTO groups (hash, name, description, created_at) "
                       "VALUES ('11111111-2222-4333-8444-555555555555', 'Annotators', 'a', 0)"));
    reply = m_alice->v2("GET", route);
    const QJsonObject group = reply.json()[QLatin1String("results")][0].toObject();
    QCOMPARE(keysOf(group), setOf({"groupHash", "name", "description", "createdAt"}));
    QCOMPARE(group.value(QLatin1String("createdAt")).toString(),
             QStringLiteral("1970-01-01T00:00:00+00:00"));
}

void TestLocalServer::shouldAnswerUnknownAndRefusedOperations()
{
    const auto dicom = m_alice->v1(
        QStringLiteral("dicomdeidentifytask"),
        QStringLiteral("POST"),
        QStringLiteral("77777777-7777-4777-8777-777777777777"),
        QJsonObject{{QStringLiteral("dicom_urls"), QJsonArray{QStringLiteral("file:///x.dcm")}}});
    // DICOM de-identification is supported (tst_dicomdeid_server); an unknown integration
    // is not found on both routes.
    QCOMPARE(dicom.status, 404);
    QCOMPARE(dicom.v1Code(), QStringLiteral("RESOURCE_NOT_FOUND_ERROR"));
    // A CVAT export type check on something that is no CVAT XML answers the SDK's error shape.
    const auto cvat =
        m_alice->v1(QStringLiteral("projectimportercvatinfo"),
                    QStringLiteral("POST"),
                    QJsonValue::Null,
                    QJsonObject{{QStringLiteral("annotations_base64"), QStringLiteral("PD94")}});
    QCOMPARE(cvat.status, 200);
    QVERIFY(
        !cvat.response()[QLatin1String("error")][QLatin1String("message")].toString().isEmpty());

    auto reply = m_alice->v2("POST",
                             "/v2/public/dicom-deidentification",
                             R"({"integrationUuid": "77777777-7777-4777-8777-777777777777"})");
    QCOMPARE(reply.status, 404);
    // A CVAT import without annotations is refused; an unknown import job is not found.
    reply = m_alice->v2("POST", "/v2/public/projects/cvat-import", R"({"datasetUuid": "x"})");
    QCOMPARE(reply.status, 400);
    reply = m_alice->v2("GET", "/v2/public/projects/cvat-import/88888888?timeoutSeconds=60");
    QCOMPARE(reply.status, 404);
    // Unknown v1 queries and malformed bodies get envelopes too.
    reply = m_alice->v1(
        QStringLiteral("nonsense"), QStringLiteral("GET"), QJsonValue::Null, QJsonValue::Null);
    QCOMPARE(reply.v1Code(), QStringLiteral("METHOD_NOT_ALLOWED_ERROR"));
    const QByteArray junk = "not json";
    reply = m_alice->raw(
        "POST", "/public/user", {{"Authorization", m_alice->signer().v1Authorization(junk)}}, junk);
    QCOMPARE(reply.v1Code(), QStringLiteral("INVALID_ARGUMENTS_ERROR"));
}

void TestLocalServer::shouldServeConcurrentRequests()
{
    constexpr int kThreads = 6;
    constexpr int kEach = 8;
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                const QByteArray body =
                    json({{QStringLiteral("title"), QStringLiteral("parallel %1-%2").arg(t).arg(i)},
                          {QStringLiteral("createBackingFolder"), true}});
                if (m_alice->v2("POST", "/v2/public/datasets", body).status == 200
                    && m_alice->v2("GET", "/v2/public/datasets/list?titleLike=parallel%25").status
                           == 200)
                    ++ok;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(ok.load(), kThreads * kEach);
    const auto listed = m_alice->v2("GET", "/v2/public/datasets/list?titleLike=parallel%25");
    QCOMPARE(listed.json()[QLatin1String("result")].toArray().size(), kThreads * kEach);
}

void TestLocalServer::shouldKeepDataAcrossRestart()
{
    const QString dataset = createDataset(*m_alice, QStringLiteral("durable"));
    m_server->stop();
    m_server.reset();

    m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    const ServerClient alice(m_server->port(), m_alice->signer());
    const auto got = alice.v1(QStringLiteral("dataset"),
                              QStringLiteral("GET"),
                              QJsonValue::Null,
                              QJsonObject(),
                              QStringLiteral("dataset"),
                              dataset);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.response()[QLatin1String("title")].toString(), QStringLiteral("durable"));
    const ServerClient bob(m_server->port(), m_bob->signer());
    QCOMPARE(bob.v1(QStringLiteral("dataset"),
                    QStringLiteral("GET"),
                    QJsonValue::Null,
                    QJsonObject(),
                    QStringLiteral("dataset"),
                    dataset)
                 .v1Code(),
             QStringLiteral("RESOURCE_NOT_FOUND_ERROR"));
}

void TestLocalServer::shouldEnsureTheLocalUser()
{
    // What the desktop does on first start: a workspace, its user, then serving.
    LocalServer embedded(m_dir.filePath(QStringLiteral("desktop")));
    const PrivateKey key = PrivateKey::generate();
    const PublicKey publicKey = *PublicKey::fromRaw(key.publicKeyRaw());
    QVERIFY2(embedded.ensureUser(QStringLiteral("me@localhost"), publicKey, true),
             qPrintable(embedded.errorString()));
    QVERIFY(embedded.ensureUser(QStringLiteral("me@localhost"), publicKey, true)); // idempotent
    const PublicKey other = *PublicKey::fromRaw(PrivateKey::generate().publicKeyRaw());
    QVERIFY(!embedded.ensureUser(QStringLiteral("me@localhost"), other, true));
    QVERIFY(embedded.errorString().contains(QStringLiteral("another key")));
    QVERIFY(!embedded.ensureUser(QStringLiteral("you@localhost"), publicKey, false));

    QVERIFY(embedded.start());
    const ServerClient me(embedded.port(), RequestSigner(key));
    QCOMPARE(me.v2("GET", "/v2/public/datasets/list").status, 200);
    embedded.stop();
    QVERIFY(!embedded.isRunning());
    // Stopped means closed: nothing answers on the old port any more.
    QCOMPARE(me.v2("GET", "/v2/public/datasets/list").status, -1);
}

QTEST_GUILESS_MAIN(TestLocalServer)
#include "tst_localserver.moc"
