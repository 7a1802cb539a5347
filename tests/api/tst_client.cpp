// Every EncordClient operation against recorded SDK traffic (shared/spec/sdk-captures): the
// requests it sends must match what the official SDK sent for the same call (method, target,
// JSON body, the headers that matter, a signature that verifies), and the answers a server
// gives must parse into the right records.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "client/encordclient.h"
#include "loopbackhttpserver.h"
#include "testkeys.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Encord;
using EncordTest::LoopbackHttpServer;
using EncordTest::RecordedRequest;
using EncordTest::ScriptedReply;

namespace {

const QString kDataset = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kProject = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kOntology = QStringLiteral("33333333-3333-4333-8333-333333333333");
const QString kFolder = QStringLiteral("44444444-4444-4444-8444-444444444444");
const QString kItem = QStringLiteral("55555555-5555-4555-8555-555555555555");
const QString kIntegration = QStringLiteral("77777777-7777-4777-8777-777777777777");
const QString kJob = QStringLiteral("88888888-8888-4888-8888-888888888888");

struct CapturedRequest
{
    QByteArray method;
    QByteArray target;     ///< path and query, host removed
    bool absolute = false; ///< a signed upload URL rather than an API route
    QJsonObject headers;
    QByteArray body;
};

QList<CapturedRequest> captured(const QString &generation, const QString &op)
{
    const QString file = generation == QLatin1String("legacy")
                             ? QStringLiteral("spec/sdk-captures/legacy-429f5f54.jsonl")
                             : QStringLiteral("spec/sdk-captures/current-0.1.177.jsonl");
    QFile capture(EncordTest::sharedPath(file));
    if (!capture.open(QIODevice::ReadOnly))
        qFatal("cannot open the SDK capture %s", qPrintable(file));
    QList<CapturedRequest> out;
    while (!capture.atEnd()) {
        const QJsonObject entry = QJsonDocument::fromJson(capture.readLine()).object();
        if (entry.value(QLatin1String("op")).toString() != op)
            continue;
        for (const QJsonValue &value : entry.value(QLatin1String("requests")).toArray()) {
            const QJsonObject request = value.toObject();
            CapturedRequest r;
            r.method = request.value(QLatin1String("method")).toString().toLatin1();
            const QUrl url(request.value(QLatin1String("url")).toString());
            r.absolute = url.host() != QLatin1String("api.encord.com");
            r.target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
            r.headers = request.value(QLatin1String("headers")).toObject();
            r.body = request.value(QLatin1String("body")).toString().toUtf8();
            out.append(r);
        }
        return out;
    }
    qFatal("no capture of %s in %s", qPrintable(op), qPrintable(file));
}

QJsonValue parseJson(const QByteArray &bytes)
{
    return QJsonDocument::fromJson("[" + bytes + "]").array().first();
}

QByteArray json(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

QByteArray v1Ok(const QJsonValue &response)
{
    return json(
        QJsonObject{{QStringLiteral("status"), 200}, {QStringLiteral("response"), response}});
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Project sampleProject()
{
    Project project;
    project.projectHash = kProject;
    project.title = QStringLiteral("Proj");
    project.description = QStringLiteral("d");
    project.ontologyHash = kOntology;
    project.createdAt = at("2024-01-01T10:00:00Z");
    project.lastEditedAt = at("2024-01-02T10:00:00Z");
    project.userRole = ProjectUserRole::Admin;
    return project;
}

Ontology sampleOntology()
{
    Ontology ontology;
    ontology.ontologyHash = kOntology;
    ontology.title = QStringLiteral("Ont");
    ontology.description = QStringLiteral("d");
    ontology.createdAt = at("2024-01-01T10:00:00Z");
    ontology.lastEditedAt = at("2024-01-01T10:00:00Z");
    ontology.userRole = OntologyUserRole::Admin;
    OntologyObject car;
    car.id = 1;
    car.name = QStringLiteral("car");
    car.color = QStringLiteral("#D33115");
    car.shape = Shape::BoundingBox;
    car.featureNodeHash = QStringLiteral("a1b2c3d4");
    ontology.editor.objects.append(car);
    return ontology;
}

StorageFolder sampleFolder()
{
    StorageFolder folder;
    folder.uuid = kFolder;
    folder.name = QStringLiteral("F");
    folder.description = QStringLiteral("d");
    folder.clientMetadata = QStringLiteral("{\"k\": 1}");
    folder.owner = QStringLiteral("me@example.com");
    folder.createdAt = at("2024-01-01T10:00:00Z");
    folder.lastEditedAt = at("2024-01-01T10:00:00Z");
    folder.userRole = StorageUserRole::Admin;
    return folder;
}

StorageItem sampleItem()
{
    StorageItem item;
    item.uuid = kItem;
    item.parent = kFolder;
    item.itemType = StorageItemType::Image;
    item.name = QStringLiteral("a.jpg");
    item.owner = QStringLiteral("me@example.com");
    item.createdAt = at("2024-01-01T10:00:00Z");
    item.lastEditedAt = at("2024-01-01T10:00:00Z");
    item.storageLocation = StorageLocationName::Encord;
    item.signedUrl = QStringLiteral("http://127.0.0.1/blob/a.jpg?sig=x");
    item.fileSize = 12;
    item.width = 2;
    item.height = 2;
    return item;
}

} // namespace

class TestClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldCreateClientFromKeyWithoutRequest();
    void shouldGetDataset();
    void shouldGetProjectWithItsOntology();
    void shouldGetOntology();
    void shouldCreateDataset();
    void shouldCreatePrivateDataset();
    void shouldGetDatasetsWithFilter();
    void shouldDecodeLargeListingsCompletely();
    void shouldGetProjectsWithFilter();
    void shouldGetOntologiesWithFilter();
    void shouldCreateOntology();
    void shouldCreateProject();
    void shouldManageDatasetApiKeys();
    void shouldManageProjectApiKeys();
    void shouldGetDatasetAndProjectClients();
    void shouldGetCloudIntegrations();
    void shouldDeidentifyDicomFiles();
    void shouldListGroups();
    void shouldCreateAndGetStorageFolder();
    void shouldListAndFindStorageFoldersAcrossPages();
    void shouldFindStorageItemsAndGetOne();
    void shouldRefuseItemSearchWithoutCriteria();
    void shouldGetAndSetClientMetadataSchema();
    void shouldCreateProjectFromCvat();
    void shouldReportServerErrorsAsTypedErrors();
    void shouldManageStorageFoldersAndItems();
    void shouldUploadIntoFolderThroughSignedUrls();
    void shouldNeverLogSignaturesOrSignedUrlQueries();

private:
    /// Compares what the server received with the SDK's requests for @p op.
    void expectCaptured(const QString &generation, const QString &op, qsizetype skipFirst = 0);
    void expectCapturedRequest(const RecordedRequest &actual, const CapturedRequest &expected);

    LoopbackHttpServer *m_server = nullptr;
    std::optional<EncordClient> m_client;
    PrivateKey m_key;
};

void TestClient::init()
{
    if (m_key.isNull())
        m_key = PrivateKey::fromText(EncordTest::rfc8032TestKeyText()).value();
    m_server = new LoopbackHttpServer(this);
    QVERIFY(m_server->start());
    RequestsSettings settings;
    settings.backoffFactor = 0.01;
    m_client.emplace(m_key, m_server->url(), settings);
}

void TestClient::cleanup()
{
    m_client.reset();
    delete m_server;
    m_server = nullptr;
}

void TestClient::expectCapturedRequest(const RecordedRequest &actual,
                                       const CapturedRequest &expected)
{
    QCOMPARE(actual.method, expected.method);
    const auto keyId = PublicKey::fromHex(m_key.publicKeyHex().toLatin1());

    if (expected.absolute) { // an upload to a signed URL
        QCOMPARE(actual.header("Content-Type"),
                 expected.headers.value(QLatin1String("Content-Type")).toString().toLatin1());
        QCOMPARE(actual.header("Cache-Control"), QByteArray("max-age=86400"));
        QCOMPARE(actual.header("Content-Length"),
                 expected.headers.value(QLatin1String("Content-Length")).toString().toLatin1());
        QVERIFY(!actual.hasHeader("Authorization") && !actual.hasHeader("Signature"));
        return;
    }

    QCOMPARE(actual.target, expected.target);
    if (!expected.body.isEmpty()) {
        QCOMPARE(actual.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(parseJson(actual.body), parseJson(expected.body));
    } else {
        QVERIFY2(actual.body.isEmpty(), actual.body.constData());
    }

    if (expected.target.startsWith("/public")) {
        QCOMPARE(actual.header("ResourceType"),
                 expected.headers.value(QLatin1String("ResourceType")).toString().toLatin1());
        QCOMPARE(actual.header("ResourceID"),
                 expected.headers.value(QLatin1String("ResourceID")).toString().toLatin1());
        const QList<QByteArray> authorization = actual.header("Authorization").split(':');
        QCOMPARE(authorization.size(), 2);
        QCOMPARE(authorization[0], m_key.publicKeyHex().toLatin1());
        const QByteArray digest = QCryptographicHash::hash(actual.body, QCryptographicHash::Sha256);
        QVERIFY(keyId->verify(digest, QByteArray::fromHex(authorization[1])));
        // Byte-identical bodies give the SDK's exact signature.
        if (actual.body == expected.body)
            QCOMPARE(actual.header("Authorization"),
                     expected.headers.value(QLatin1String("Authorization")).toString().toLatin1());
    } else {
        QCOMPARE(actual.header("Content-Digest"), RequestSigner::contentDigest(actual.body));
        if (actual.body == expected.body)
            QCOMPARE(actual.header("Content-Digest"),
                     expected.headers.value(QLatin1String("Content-Digest")).toString().toLatin1());
        const QByteArray params = actual.header("Signature-Input").mid(11);
        const QByteArray expectedKeyId = "keyid=\"" + m_key.publicKeyHex().toLatin1() + "\"";
        QVERIFY(params.contains(expectedKeyId));
        const QByteArray base = RequestSigner::v2SignatureBase(
            actual.method, actual.target, actual.header("Content-Digest"), params);
        const QByteArray signature = actual.header("Signature");
        QVERIFY(
            keyId->verify(base, QByteArray::fromBase64(signature.mid(12, signature.size() - 13))));
    }
}

void TestClient::expectCaptured(const QString &generation, const QString &op, qsizetype skipFirst)
{
    const QList<CapturedRequest> expected = captured(generation, op);
    const QList<RecordedRequest> actual = m_server->requests().mid(skipFirst);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        expectCapturedRequest(actual.at(i), expected.at(i));
        if (QTest::currentTestFailed()) {
            qWarning() << "request" << i << "of" << op << ":" << actual.at(i).method
                       << actual.at(i).target << actual.at(i).body;
            return;
        }
    }
}

void TestClient::shouldCreateClientFromKeyWithoutRequest()
{
    auto client = EncordClient::createWithSshPrivateKey(
        EncordTest::rfc8032TestKeyText(), {}, m_server->url());
    QVERIFY(client.ok());
    QCOMPARE(client->keyId(), EncordTest::rfc8032PublicKeyHex());
    QCOMPARE(m_server->requests().size(), 0);
    QCOMPARE(EncordClient::defaultDomain(), QUrl(QStringLiteral("https://api.encord.com")));

    auto bad = EncordClient::createWithSshPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nAAA\n");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code(), KeyError::Code::NotOpenSshFormat);
}

void TestClient::shouldGetDataset()
{
    Dataset dataset;
    dataset.datasetHash = kDataset;
    dataset.title = QStringLiteral("My DS");
    dataset.description = QStringLiteral("desc");
    DataRow row;
    row.dataHash = QStringLiteral("d1");
    row.dataTitle = QStringLiteral("a.jpg");
    row.dataType = DataType::Image;
    row.createdAt = at("2024-01-01T10:00:00Z");
    row.lastEditedAt = row.createdAt;
    row.width = 640;
    row.height = 480;
    dataset.dataRows.append(row);
    m_server->setScript({ScriptedReply::json(v1Ok(dataset.toJson()))});

    const auto result = QCoro::waitFor(m_client->getDataset(kDataset));

    QVERIFY(result.ok());
    QCOMPARE(result->title, QStringLiteral("My DS"));
    QCOMPARE(result->dataRows.size(), 1);
    QCOMPARE(result->dataRows.first().width, std::optional<int>(640));
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_dataset"));
}

void TestClient::shouldGetProjectWithItsOntology()
{
    m_server->setHandler([](const RecordedRequest &request) {
        if (request.path().startsWith("/v2/public/projects/"))
            return ScriptedReply::json(json(sampleProject().toV2Json()));
        return ScriptedReply::json(json(sampleOntology().toV2Json()));
    });

    const auto result = QCoro::waitFor(m_client->getProject(kProject));

    QVERIFY(result.ok());
    QCOMPARE(result->projectHash, kProject);
    QCOMPARE(result->ontologyHash, kOntology);
    QCOMPARE(result->editorOntology.objects.size(), 1);
    QCOMPARE(result->editorOntology.objects.first().name, QStringLiteral("car"));
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_project"));
}

void TestClient::shouldGetOntology()
{
    m_server->setScript({ScriptedReply::json(json(sampleOntology().toV2Json()))});

    const auto result = QCoro::waitFor(m_client->getOntology(kOntology));

    QVERIFY(result.ok());
    QCOMPARE(result->title, QStringLiteral("Ont"));
    QCOMPARE(result->editor.objects.first().shape.value(), Shape::BoundingBox);
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_ontology"));
}

void TestClient::shouldCreateDataset()
{
    m_server->setScript(
        {ScriptedReply::json(json(QJsonObject{{QStringLiteral("datasetUuid"), kDataset},
                                              {QStringLiteral("backingFolderUuid"), kFolder}}))});

    const auto result = QCoro::waitFor(m_client->createDataset(
        QStringLiteral("My DS"), StorageLocation::CordStorage, QStringLiteral("desc")));

    QVERIFY(result.ok());
    QCOMPARE(result->datasetHash, kDataset);
    QCOMPARE(result->title, QStringLiteral("My DS"));
    QCOMPARE(result->backingFolderUuid, std::optional<QString>(kFolder));
    expectCaptured(QStringLiteral("current"), QStringLiteral("create_dataset"));
    // A creation is never retried: exactly one request went out.
    QCOMPARE(m_server->requests().size(), 1);
}

void TestClient::shouldCreatePrivateDataset()
{
    m_server->setScript({ScriptedReply::json(
        json(QJsonObject{{QStringLiteral("datasetUuid"), kDataset},
                         {QStringLiteral("backingFolderUuid"), QJsonValue::Null}}))});

    const auto result = QCoro::waitFor(
        m_client->createPrivateDataset(QStringLiteral("Private"), StorageLocation::CordStorage));

    QVERIFY(result.ok());
    QVERIFY(!result->backingFolderUuid);
    const QJsonObject body = parseJson(m_server->requests().first().body).toObject();
    QCOMPARE(body.value(QLatin1String("legacyCall")).toBool(), true);
    QCOMPARE(body.value(QLatin1String("createBackingFolder")).toBool(), false);
    QVERIFY(!body.contains(QLatin1String("description")));
}

void TestClient::shouldGetDatasetsWithFilter()
{
    DatasetSummary summary;
    summary.datasetHash = kDataset;
    summary.title = QStringLiteral("my car set");
    summary.createdAt = at("2024-02-01T00:00:00Z");
    summary.lastEditedAt = summary.createdAt;
    summary.userRole = DatasetUserRole::Admin;
    m_server->setScript({ScriptedReply::json(
        json(QJsonObject{{QStringLiteral("result"), QJsonArray{summary.toV2Json()}}}))});
    ListingFilter filter;
    filter.titleLike = QStringLiteral("%car%");
    filter.createdAfter = at("2024-01-01T00:00:00Z");

    const auto result = QCoro::waitFor(m_client->getDatasets(filter));

    QVERIFY(result.ok());
    QCOMPARE(result->size(), 1);
    QCOMPARE(result->first().title, QStringLiteral("my car set"));
    QCOMPARE(result->first().userRole->value(), DatasetUserRole::Admin);
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_datasets"));
}

void TestClient::shouldDecodeLargeListingsCompletely()
{
    // Large listings are decoded on a worker thread: every record must still arrive, in order.
    QJsonArray results;
    for (int i = 0; i < 5000; ++i) {
        DatasetSummary summary;
        summary.datasetHash = QStringLiteral("hash-%1").arg(i);
        summary.title = QStringLiteral("Dataset %1").arg(i);
        summary.createdAt = at("2024-02-01T00:00:00Z");
        summary.lastEditedAt = summary.createdAt;
        results.append(summary.toV2Json());
    }
    m_server->setScript(
        {ScriptedReply::json(json(QJsonObject{{QStringLiteral("result"), results}}))});

    const auto result = QCoro::waitFor(m_client->getDatasets());

    QVERIFY(result.ok());
    QCOMPARE(result->size(), 5000);
    QCOMPARE(result->first().datasetHash, QStringLiteral("hash-0"));
    QCOMPARE(result->at(4321).title, QStringLiteral("Dataset 4321"));
    QCOMPARE(result->last().datasetHash, QStringLiteral("hash-4999"));
}

void TestClient::shouldGetProjectsWithFilter()
{
    m_server->setScript({ScriptedReply::json(v1Ok(QJsonArray{sampleProject().toV1ListingJson()}))});
    ListingFilter filter;
    filter.titleEq = QStringLiteral("Proj");

    const auto result = QCoro::waitFor(m_client->getProjects(filter));

    QVERIFY(result.ok());
    QCOMPARE(result->size(), 1);
    QCOMPARE(result->first().projectHash, kProject);
    QCOMPARE(result->first().userRole->value(), ProjectUserRole::Admin);
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_projects"));
}

void TestClient::shouldGetOntologiesWithFilter()
{
    m_server->setScript({ScriptedReply::json(
        json(QJsonObject{{QStringLiteral("results"), QJsonArray{sampleOntology().toV2Json()}},
                         {QStringLiteral("nextPageToken"), QJsonValue::Null}}))});
    ListingFilter filter;
    filter.descLike = QStringLiteral("%x%");

    const auto result = QCoro::waitFor(m_client->getOntologies(filter));

    QVERIFY(result.ok());
    QCOMPARE(result->size(), 1);
    QCOMPARE(result->first().ontologyHash, kOntology);
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_ontologies"));
}

void TestClient::shouldCreateOntology()
{
    m_server->setScript({ScriptedReply::json(json(sampleOntology().toV2Json()))});

    const auto result = QCoro::waitFor(
        m_client->createOntology(QStringLiteral("Ont"), QStringLiteral("d"), OntologyStructure()));

    QVERIFY(result.ok());
    QCOMPARE(result->ontologyHash, kOntology);
    expectCaptured(QStringLiteral("current"), QStringLiteral("create_ontology"));
}

void TestClient::shouldCreateProject()
{
    m_server->setScript({ScriptedReply::json(v1Ok(kProject))});
    CreateProjectRequest request;
    request.title = QStringLiteral("Proj");
    request.description = QStringLiteral("d");
    request.datasetHashes = {kDataset};
    request.ontologyHash = kOntology;

    const auto result = QCoro::waitFor(m_client->createProject(request));

    QVERIFY(result.ok());
    QCOMPARE(result.value(), kProject);
    expectCaptured(QStringLiteral("current"), QStringLiteral("create_project"));
}

void TestClient::shouldManageDatasetApiKeys()
{
    DatasetApiKey key;
    key.datasetHash = kDataset;
    key.apiKey = QStringLiteral("secret-key");
    key.title = QStringLiteral("t");
    key.keyHash = QStringLiteral("kh");
    key.scopes = {DatasetScope::Read, DatasetScope::Write};
    m_server->setScript({ScriptedReply::json(v1Ok(key.toJson()))});

    const auto created = QCoro::waitFor(m_client->createDatasetApiKey(
        kDataset, QStringLiteral("t"), {DatasetScope::Read, DatasetScope::Write}));
    QVERIFY(created.ok());
    QCOMPARE(created->apiKey, QStringLiteral("secret-key"));
    expectCaptured(QStringLiteral("legacy"), QStringLiteral("create_dataset_api_key"));

    m_server->clear();
    m_server->setScript({ScriptedReply::json(v1Ok(QJsonArray{key.toJson()}))});
    const auto listed = QCoro::waitFor(m_client->getDatasetApiKeys(kDataset));
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().scopes.size(), 2);
    expectCaptured(QStringLiteral("legacy"), QStringLiteral("get_dataset_api_keys"));

    m_server->clear();
    m_server->setScript({ScriptedReply::json(v1Ok(key.toJson()))});
    const auto got = QCoro::waitFor(m_client->getOrCreateDatasetApiKey(kDataset));
    QVERIFY(got.ok());
    QCOMPARE(got->keyHash, QStringLiteral("kh"));
    expectCaptured(QStringLiteral("legacy"), QStringLiteral("get_or_create_dataset_api_key"));
}

void TestClient::shouldManageProjectApiKeys()
{
    m_server->setScript({ScriptedReply::json(v1Ok(QStringLiteral("project-key")))});
    const auto created = QCoro::waitFor(
        m_client->createProjectApiKey(kProject, QStringLiteral("t"), {ApiKeyScope::LabelRead}));
    QVERIFY(created.ok());
    QCOMPARE(created.value(), QStringLiteral("project-key"));
    expectCaptured(QStringLiteral("legacy"), QStringLiteral("create_project_api_key"));

    m_server->clear();
    const QJsonObject key{{QStringLiteral("api_key"), QStringLiteral("project-key")},
                          {QStringLiteral("title"), QStringLiteral("t")},
                          {QStringLiteral("scopes"), QStringLiteral("[\"label.read\"]")}};
    m_server->setScript({ScriptedReply::json(v1Ok(QJsonArray{key}))});
    const auto listed = QCoro::waitFor(m_client->getProjectApiKeys(kProject));
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().scopes.size(), 1); // scopes as a JSON text are understood
    expectCaptured(QStringLiteral("legacy"), QStringLiteral("get_project_api_keys"));

    m_server->clear();
    m_server->setScript({ScriptedReply::json(v1Ok(QStringLiteral("project-key")))});
    const auto got = QCoro::waitFor(m_client->getOrCreateProjectApiKey(kProject));
    QVERIFY(got.ok());
    expectCaptured(QStringLiteral("legacy"), QStringLiteral("get_or_create_project_api_key"));
}

void TestClient::shouldGetDatasetAndProjectClients()
{
    Dataset dataset;
    dataset.datasetHash = kDataset;
    dataset.title = QStringLiteral("DS");
    m_server->setScript({ScriptedReply::json(v1Ok(dataset.toJson()))});
    const auto datasetClient = QCoro::waitFor(m_client->getDatasetClient(kDataset));
    QVERIFY(datasetClient.ok());
    QCOMPARE(datasetClient->datasetHash, kDataset);

    m_server->clear();
    m_server->setHandler([](const RecordedRequest &request) {
        if (request.path().startsWith("/v2/public/projects/"))
            return ScriptedReply::json(json(sampleProject().toV2Json()));
        return ScriptedReply::json(json(sampleOntology().toV2Json()));
    });
    const auto projectClient = QCoro::waitFor(m_client->getProjectClient(kProject));
    QVERIFY(projectClient.ok());
    QCOMPARE(projectClient->title, QStringLiteral("Proj"));
}

void TestClient::shouldGetCloudIntegrations()
{
    CloudIntegration integration;
    integration.id = kIntegration;
    integration.title = QStringLiteral("bucket");
    m_server->setScript({ScriptedReply::json(
        json(QJsonObject{{QStringLiteral("result"), QJsonArray{integration.toV2Json()}}}))});

    const auto result = QCoro::waitFor(m_client->getCloudIntegrations());

    QVERIFY(result.ok());
    QCOMPARE(result->size(), 1);
    QCOMPARE(result->first().title, QStringLiteral("bucket"));
    QCOMPARE(result->first().id, kIntegration);
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_cloud_integrations"));
}

void TestClient::shouldDeidentifyDicomFiles()
{
    m_server->setScript(
        {ScriptedReply::json(json(kJob)),
         ScriptedReply::json(R"({"status": "PENDING"})"),
         ScriptedReply::json(R"({"status": "DONE", "urls": ["file:///x/deid.dcm"]})")});
    DeidentifyRequest request;
    request.integrationHash = kIntegration;
    request.dicomUrls = {QStringLiteral("https://bucket.example/x.dcm")};
    request.uploadDir = QStringLiteral("deid/");

    const auto result = QCoro::waitFor(m_client->deidentifyDicomFiles(request));

    QVERIFY(result.ok());
    QCOMPARE(result.value(), QStringList{QStringLiteral("file:///x/deid.dcm")});
    // The SDK recorded one PENDING-less poll; ours polled twice, so compare the first two.
    const QList<CapturedRequest> expected = captured(QStringLiteral("current"),
                                                     QStringLiteral("deidentify_dicom_files(no "
                                                                    "save_conditions)"));
    QCOMPARE(m_server->requests().size(), 3);
    expectCapturedRequest(m_server->requests().at(0), expected.at(0));
    expectCapturedRequest(m_server->requests().at(1), expected.at(1));
    expectCapturedRequest(m_server->requests().at(2), expected.at(1));

    // A job the server reports as failed is an error, not a list.
    m_server->clear();
    m_server->setScript(
        {ScriptedReply::json(json(kJob)), ScriptedReply::json(R"({"status": "ERROR"})")});
    const auto failed = QCoro::waitFor(m_client->deidentifyDicomFiles(request));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind(), ApiError::Kind::ServerFault);
}

void TestClient::shouldListGroups()
{
    Group group;
    group.groupHash = QStringLiteral("66666666-6666-4666-8666-666666666666");
    group.name = QStringLiteral("Annotators");
    group.createdAt = at("2024-01-01T10:00:00Z");
    m_server->setScript({ScriptedReply::json(
        json(QJsonObject{{QStringLiteral("results"), QJsonArray{group.toJson()}}}))});

    const auto result = QCoro::waitFor(m_client->listGroups());

    QVERIFY(result.ok());
    QCOMPARE(result->size(), 1);
    QCOMPARE(result->first().name, QStringLiteral("Annotators"));
    expectCaptured(QStringLiteral("current"), QStringLiteral("list_groups"));
}

void TestClient::shouldCreateAndGetStorageFolder()
{
    m_server->setScript({ScriptedReply::json(json(sampleFolder().toJson()))});
    const auto created = QCoro::waitFor(m_client->createStorageFolder(
        QStringLiteral("F"), QStringLiteral("d"), QJsonObject{{QStringLiteral("k"), 1}}));
    QVERIFY(created.ok());
    QCOMPARE(created->uuid, kFolder);
    QCOMPARE(created->clientMetadata, std::optional<QString>(QStringLiteral("{\"k\": 1}")));
    expectCaptured(QStringLiteral("current"), QStringLiteral("create_storage_folder"));

    m_server->clear();
    const auto got = QCoro::waitFor(m_client->getStorageFolder(kFolder));
    QVERIFY(got.ok());
    QCOMPARE(got->name, QStringLiteral("F"));
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_storage_folder"));
}

void TestClient::shouldListAndFindStorageFoldersAcrossPages()
{
    StorageFolder second = sampleFolder();
    second.uuid = QStringLiteral("44444444-4444-4444-8444-000000000002");
    second.name = QStringLiteral("F2");
    const auto pages = [second](const RecordedRequest &request) {
        if (!request.query().contains("pageToken"))
            return ScriptedReply::json(
                json(QJsonObject{{QStringLiteral("results"), QJsonArray{sampleFolder().toJson()}},
                                 {QStringLiteral("nextPageToken"), QStringLiteral("page-2")}}));
        return ScriptedReply::json(
            json(QJsonObject{{QStringLiteral("results"), QJsonArray{second.toJson()}},
                             {QStringLiteral("nextPageToken"), QJsonValue::Null}}));
    };
    m_server->setHandler(pages);
    StorageListOptions options;
    options.search = QStringLiteral("F");
    options.pageSize = 50;

    const auto listed = QCoro::waitFor(m_client->listStorageFolders(options));

    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 2);
    QCOMPARE(listed->at(1).name, QStringLiteral("F2"));
    expectCaptured(QStringLiteral("current"), QStringLiteral("list_storage_folders"));

    m_server->clear();
    options.pageSize = 100;
    const auto found = QCoro::waitFor(m_client->findStorageFolders(options));
    QVERIFY(found.ok());
    QCOMPARE(found->size(), 2);
    expectCaptured(QStringLiteral("current"), QStringLiteral("find_storage_folders"));

    // One page at a time, as a lazy tree asks for it.
    m_server->clear();
    const auto page = QCoro::waitFor(m_client->storageFolderPage(kFolder, options));
    QVERIFY(page.ok());
    QCOMPARE(page->nextPageToken, std::optional<QString>(QStringLiteral("page-2")));
    QCOMPARE(m_server->requests().first().path(),
             QByteArray("/v2/public/storage/folders/") + kFolder.toLatin1() + "/folders");
}

void TestClient::shouldFindStorageItemsAndGetOne()
{
    m_server->setScript({ScriptedReply::json(
        json(QJsonObject{{QStringLiteral("results"), QJsonArray{sampleItem().toJson()}},
                         {QStringLiteral("nextPageToken"), QJsonValue::Null}}))});
    StorageListOptions options;
    options.search = QStringLiteral("a");
    options.signUrls = true;

    const auto found = QCoro::waitFor(m_client->findStorageItems(options));

    QVERIFY(found.ok());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().itemType.value(), StorageItemType::Image);
    expectCaptured(QStringLiteral("current"), QStringLiteral("find_storage_items"));

    m_server->clear();
    m_server->setScript({ScriptedReply::json(json(sampleItem().toJson()))});
    const auto item = QCoro::waitFor(m_client->getStorageItem(kItem, true));
    QVERIFY(item.ok());
    QCOMPARE(item->signedUrl, sampleItem().signedUrl);
    QCOMPARE(item->fileSize, std::optional<qint64>(12));
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_storage_item"));
}

void TestClient::shouldRefuseItemSearchWithoutCriteria()
{
    const auto result = QCoro::waitFor(m_client->findStorageItems(StorageListOptions()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::InvalidArgument);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestClient::shouldGetAndSetClientMetadataSchema()
{
    m_server->setScript({ScriptedReply::json("null")});
    const auto none = QCoro::waitFor(m_client->getClientMetadataSchema());
    QVERIFY(none.ok());
    QVERIFY(!none->has_value());
    expectCaptured(QStringLiteral("current"), QStringLiteral("get_client_metadata_schema"));

    m_server->clear();
    ClientMetadataSchema schema;
    schema.metadataSchema.insert(QStringLiteral("split"), ClientMetadataSchemaType::String);
    QVERIFY(QCoro::waitFor(m_client->setClientMetadataSchemaFromDict(schema)).ok());
    expectCaptured(QStringLiteral("current"),
                   QStringLiteral("set_client_metadata_schema_from_dict"));

    m_server->clear();
    m_server->setScript({ScriptedReply::json(json(
        QJsonObject{{QStringLiteral("uuid"), QStringLiteral("u")},
                    {QStringLiteral("metadataSchema"),
                     QJsonObject{{QStringLiteral("split"), QStringLiteral("string")}}},
                    {QStringLiteral("organisationId"), 1},
                    {QStringLiteral("createdAt"), QStringLiteral("2024-01-01T10:00:00+00:00")},
                    {QStringLiteral("updatedAt"), QStringLiteral("2024-01-01T10:00:00+00:00")}}))});
    const auto some = QCoro::waitFor(m_client->getClientMetadataSchema());
    QVERIFY(some.ok() && some->has_value());
    QCOMPARE((*some.value()).metadataSchema.value(QStringLiteral("split")).value(),
             ClientMetadataSchemaType::String);
}

void TestClient::shouldCreateProjectFromCvat()
{
    // The same two images and annotations the SDK capture used.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("images/sub")));
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    write(QStringLiteral("images/a.jpg"), QByteArray(12, 'j'));
    write(QStringLiteral("images/sub/b.png"), QByteArray(8, 'p'));
    const QJsonObject importBody =
        parseJson(captured(QStringLiteral("current"), QStringLiteral("create_project_from_cvat"))
                      .at(4)
                      .body)
            .toObject();

    const QUrl base = m_server->url();
    m_server->setHandler([base](const RecordedRequest &request) {
        const QByteArray path = request.path();
        if (path == "/v2/public/presigned-urls") {
            QJsonArray results;
            for (int i = 0; i < 2; ++i) {
                results.append(QJsonObject{
                    {QStringLiteral("itemUuid"), QStringLiteral("item-%1").arg(i)},
                    {QStringLiteral("objectKey"), QStringLiteral("blobs/%1").arg(i)},
                    {QStringLiteral("signedUrl"),
                     QString(base.toString() + QStringLiteral("/put/%1?sig=s").arg(i))}});
            }
            return ScriptedReply::json(json(QJsonObject{{QStringLiteral("results"), results}}));
        }
        if (path.startsWith("/put/"))
            return ScriptedReply::json("", 200);
        if (path == "/v2/public/datasets")
            return ScriptedReply::json(
                json(QJsonObject{{QStringLiteral("datasetUuid"), kDataset},
                                 {QStringLiteral("backingFolderUuid"), kFolder}}));
        if (path == "/v2/public/projects/cvat-import")
            return ScriptedReply::json(json(kJob));
        if (path.startsWith("/v2/public/projects/cvat-import/"))
            return ScriptedReply::json(json(QJsonObject{
                {QStringLiteral("status"), QStringLiteral("DONE")},
                {QStringLiteral("projectUuid"), kProject},
                {QStringLiteral("issues"),
                 QJsonObject{
                     {QStringLiteral("errors"), QJsonArray{}},
                     {QStringLiteral("warnings"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("issue_type"), QStringLiteral("polygon too small")},
                          {QStringLiteral("instances"), QJsonArray{QStringLiteral("a.jpg")}}}}},
                     {QStringLiteral("infos"), QJsonArray{}}}}}));
        if (path.endsWith("/datasets"))
            return ScriptedReply::json(json(QJsonObject{
                {QStringLiteral("results"),
                 QJsonArray{QJsonObject{{QStringLiteral("datasetHash"), kDataset},
                                        {QStringLiteral("title"), QStringLiteral("cvat-ds")},
                                        {QStringLiteral("description"), QString()}}}}}));
        return ScriptedReply::json("{}", 404);
    });

    CvatImportInput input;
    input.annotationsXml = QByteArray::fromBase64(
        importBody.value(QLatin1String("annotationsBase64")).toString().toLatin1());
    input.images = {
        {QStringLiteral("a.jpg"), dir.filePath(QStringLiteral("images/a.jpg"))},
        {QStringLiteral("sub/b.png"), dir.filePath(QStringLiteral("images/sub/b.png"))}};
    input.datasetName = QStringLiteral("cvat-ds");
    QList<std::pair<int, int>> progress;

    const auto result =
        QCoro::waitFor(m_client->createProjectFromCvat(input, [&progress](int done, int total) {
            progress.append({done, total});
        }));

    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    QVERIFY(result->success);
    QCOMPARE(result->projectHash, kProject);
    QCOMPARE(result->datasetHash, kDataset);
    QCOMPARE(result->issues.warnings.size(), 1);
    QCOMPARE(progress.last(), std::make_pair(2, 2));

    // Our flow: presigned URLs, two uploads, dataset, import, one poll, project datasets.
    // The SDK's capture polled twice and re-read the project; compare what both send.
    const QList<CapturedRequest> expected =
        captured(QStringLiteral("current"), QStringLiteral("create_project_from_cvat"));
    const auto &actual = m_server->requests();
    QCOMPARE(actual.size(), 7);
    for (int i = 0; i < 6; ++i)
        expectCapturedRequest(actual.at(i), expected.at(i));
    expectCapturedRequest(actual.at(6), expected.last());
    QCOMPARE(actual.at(1).body, QByteArray(12, 'j'));
    QCOMPARE(actual.at(2).body, QByteArray(8, 'p'));
}

void TestClient::shouldReportServerErrorsAsTypedErrors()
{
    m_server->setScript({ScriptedReply::json(
        json(QJsonObject{
            {QStringLiteral("status"), 404},
            {QStringLiteral("response"), QJsonArray{QStringLiteral("RESOURCE_NOT_FOUND_ERROR")}},
            {QStringLiteral("payload"), QStringLiteral("No dataset with that hash.")}}),
        404)});
    const auto dataset = QCoro::waitFor(m_client->getDataset(kDataset));
    QVERIFY(!dataset.ok());
    QCOMPARE(dataset.error().kind(), ApiError::Kind::NotFound);
    QCOMPARE(dataset.error().message(), QStringLiteral("No dataset with that hash."));

    m_server->setScript({ScriptedReply::json(R"({"message": "Ontology title is required"})", 400)});
    const auto ontology =
        QCoro::waitFor(m_client->createOntology(QString(), QString(), OntologyStructure()));
    QVERIFY(!ontology.ok());
    QCOMPARE(ontology.error().kind(), ApiError::Kind::InvalidArgument);
    QVERIFY(ontology.error().userMessage().contains(QStringLiteral("Ontology title is required")));
}

void TestClient::shouldManageStorageFoldersAndItems()
{
    // Requests as spec §3.4 describes them; answers from the records' own writers.
    m_server->setHandler([](const RecordedRequest &request) {
        const QByteArray path = request.path();
        if (path.endsWith("/summary"))
            return ScriptedReply::json(
                R"({"files": 3, "folders": 1, "images": 3, "totalSize": 36.0})");
        if (path.endsWith("/child-items") || path.endsWith("/items"))
            return ScriptedReply::json(
                json(QJsonObject{{QStringLiteral("results"), QJsonArray{sampleItem().toJson()}},
                                 {QStringLiteral("nextPageToken"), QJsonValue::Null}}));
        if (path.endsWith("/get-bulk"))
            return ScriptedReply::json(
                json(QJsonObject{{QStringLiteral("results"), QJsonArray{sampleItem().toJson()}}}));
        if (request.method == "DELETE" || path.endsWith("/move"))
            return ScriptedReply::json("null");
        return ScriptedReply::json(json(sampleFolder().toJson()));
    });

    const auto summary = QCoro::waitFor(m_client->getStorageFolderSummary(kFolder));
    QVERIFY(summary.ok());
    QCOMPARE(summary->images, 3);

    const auto updated = QCoro::waitFor(m_client->updateStorageFolder(
        kFolder, QStringLiteral("G"), std::nullopt, QJsonObject{{QStringLiteral("k"), 2}}));
    QVERIFY(updated.ok());
    const RecordedRequest patch = m_server->requests().last();
    QCOMPARE(patch.method, QByteArray("PATCH"));
    QCOMPARE(parseJson(patch.body),
             QJsonValue(QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("G")},
                 {QStringLiteral("clientMetadata"), QJsonObject{{QStringLiteral("k"), 2}}}}));

    QVERIFY(QCoro::waitFor(m_client->moveStorageFolders({kFolder}, std::nullopt)).ok());
    QCOMPARE(parseJson(m_server->requests().last().body),
             QJsonValue(QJsonObject{{QStringLiteral("folderUuids"), QJsonArray{kFolder}}}));

    QVERIFY(QCoro::waitFor(m_client->deleteStorageFolder(kFolder)).ok());
    QCOMPARE(m_server->requests().last().method, QByteArray("DELETE"));
    QCOMPARE(m_server->requests().last().target,
             QByteArray("/v2/public/storage/folders/") + kFolder.toLatin1());

    StorageListOptions options;
    options.itemTypes = {StorageItemType::Image, StorageItemType::Video};
    options.isInDataset = false;
    const auto items = QCoro::waitFor(m_client->storageItemPage(kFolder, options, {}, true));
    QVERIFY(items.ok());
    QCOMPARE(items->results.size(), 1);
    QVERIFY(!items->hasMore());
    QCOMPARE(m_server->requests().last().query(),
             QByteArray("isRecursive=True&isInDataset=False&itemTypes=image&itemTypes=video"
                        "&order=name&desc=False&pageSize=100&signUrls=False"));

    const auto children = QCoro::waitFor(m_client->getChildItems(kFolder, kItem, true));
    QVERIFY(children.ok());
    QCOMPARE(m_server->requests().last().target,
             QByteArray("/v2/public/storage/folders/") + kFolder.toLatin1() + "/items/"
                 + kItem.toLatin1() + "/child-items?signUrls=True");

    const auto bulk = QCoro::waitFor(m_client->getStorageItems({kItem}, true));
    QVERIFY(bulk.ok());
    QCOMPARE(bulk->size(), 1);
    QCOMPARE(parseJson(m_server->requests().last().body),
             QJsonValue(QJsonObject{{QStringLiteral("itemUuids"), QJsonArray{kItem}},
                                    {QStringLiteral("signUrls"), true}}));
}

void TestClient::shouldUploadIntoFolderThroughSignedUrls()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("scan.png"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray(300 * 1024, 'x'));
    }
    const QUrl base = m_server->url();
    m_server->setHandler([base](const RecordedRequest &request) {
        const QByteArray path = request.path();
        if (path.endsWith("/upload-signed-urls"))
            return ScriptedReply::json(json(
                QJsonObject{{QStringLiteral("results"),
                             QJsonArray{QJsonObject{
                                 {QStringLiteral("itemUuid"), kItem},
                                 {QStringLiteral("objectKey"), QStringLiteral("objects/k1")},
                                 {QStringLiteral("signedUrl"),
                                  QString(base.toString()
                                          + QStringLiteral("/blob/k1?expires=9&sig=abc"))}}}}}));
        if (path == "/blob/k1")
            return ScriptedReply::json("", 200);
        if (path.endsWith("/data-upload-jobs"))
            return ScriptedReply::json(json(kJob));
        return ScriptedReply::json(json(QJsonObject{
            {QStringLiteral("status"), QStringLiteral("DONE")},
            {QStringLiteral("itemsWithNames"),
             QJsonArray{QJsonObject{{QStringLiteral("itemUuid"), kItem},
                                    {QStringLiteral("name"), QStringLiteral("scan.png")}}}},
            {QStringLiteral("errors"), QJsonArray{}},
            {QStringLiteral("unitsPendingCount"), 0},
            {QStringLiteral("unitsDoneCount"), 1},
            {QStringLiteral("unitsErrorCount"), 0},
            {QStringLiteral("unitsCancelledCount"), 0},
            {QStringLiteral("unitErrors"), QJsonArray{}}}));
    });

    const auto urls =
        QCoro::waitFor(m_client->getFolderUploadUrls(kFolder, StorageItemType::Image, 1));
    QVERIFY(urls.ok());
    QCOMPARE(parseJson(m_server->requests().last().body),
             QJsonValue(QJsonObject{{QStringLiteral("itemType"), QStringLiteral("image")},
                                    {QStringLiteral("count"), 1}}));

    qint64 lastSent = 0;
    const auto uploaded = QCoro::waitFor(m_client->uploadFileToSignedUrl(
        urls->first().signedUrl, file, {}, [&lastSent](qint64 sent, qint64) {
            lastSent = std::max(lastSent, sent);
        }));
    QVERIFY(uploaded.ok());
    const RecordedRequest put = m_server->requests().last();
    QCOMPARE(put.method, QByteArray("PUT"));
    QCOMPARE(put.target, QByteArray("/blob/k1?expires=9&sig=abc"));
    QCOMPARE(put.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(put.body.size(), 300 * 1024);
    QCOMPARE(lastSent, 300 * 1024);

    const QJsonObject items{
        {QStringLiteral("images"),
         QJsonArray{QJsonObject{{QStringLiteral("objectUrl"), urls->first().objectKey},
                                {QStringLiteral("title"), QStringLiteral("scan.png")}}}}};
    const auto job = QCoro::waitFor(m_client->startDataUploadJob(kFolder, items));
    QVERIFY(job.ok());
    QCOMPARE(job.value(), kJob);
    const auto state = QCoro::waitFor(m_client->dataUploadJobResult(kFolder, kJob));
    QVERIFY(state.ok());
    QCOMPARE(state->itemsWithNames.size(), 1);
    QVERIFY(state->isFinished());

    // A refused upload (anything but 200) and an unreadable file are clear errors.
    m_server->setScript({ScriptedReply::json(R"({"message": "signature expired"})", 403)});
    const auto refused = QCoro::waitFor(m_client->uploadFileToSignedUrl(
        base.toString() + QStringLiteral("/blob/k1?sig=old"), file));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), ApiError::Kind::Authorisation);
    const auto missing = QCoro::waitFor(
        m_client->uploadFileToSignedUrl(base.toString() + QStringLiteral("/blob/k1?sig=x"),
                                        dir.filePath(QStringLiteral("gone.png"))));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message().contains(QStringLiteral("gone.png")));
}

namespace {
QStringList g_logLines;
void collectLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_logLines << message;
}
} // namespace

void TestClient::shouldNeverLogSignaturesOrSignedUrlQueries()
{
    m_server->setScript({ScriptedReply::json("", 200)});
    QTemporaryDir dir;
    QFile out(dir.filePath(QStringLiteral("a.bin")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("data");
    out.close();

    QLoggingCategory::setFilterRules(QStringLiteral("encord.*=true"));
    g_logLines.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectLog);
    const auto uploaded = QCoro::waitFor(m_client->uploadFileToSignedUrl(
        m_server->url().toString() + QStringLiteral("/blob/k?expires=1&sig=TOPSECRET"),
        out.fileName()));
    m_server->setScript({ScriptedReply::json(v1Ok(QJsonObject{{QStringLiteral("title"), 1}}))});
    const auto dataset = QCoro::waitFor(m_client->getDataset(kDataset));
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(uploaded.ok());
    QVERIFY(dataset.ok());
    QVERIFY(!g_logLines.isEmpty()); // debug logging was on and did say something
    const QByteArray authorization = m_server->requests().last().header("Authorization");
    for (const QString &line : std::as_const(g_logLines)) {
        QVERIFY2(!line.contains(QStringLiteral("TOPSECRET")), qPrintable(line));
        QVERIFY2(!line.contains(QString::fromLatin1(authorization.split(':').last())),
                 qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("OPENSSH")), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
