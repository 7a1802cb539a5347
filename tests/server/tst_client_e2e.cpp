// EncordClient against the real local server over loopback, in a temporary workspace: every
// operation a desktop user triggers goes through real signing, real HTTP, real SQLite.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "client/encordclient.h"
#include "integrationstore.h"
#include "localserver.h"
#include "sqlitedatabase.h"
#include "userstore.h"
#include "workspace.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

using namespace Encord;
using Encord::Server::LocalServer;

class TestClientEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void shouldCreateAndListDatasets();
    void shouldCreateOntologyAndProjectAndReadThemBack();
    void shouldFilterListings();
    void shouldManageApiKeys();
    void shouldListCloudIntegrationsAndGroups();
    void shouldSetAndGetMetadataSchema();
    void shouldCreateBrowseAndSearchStorage();
    void shouldUploadIntoFolderAndDownloadThroughSignedUrl();
    void shouldHideOtherUsersResources();
    void shouldShowOrganisationAdminsEverythingOnlyWhenAsked();
    void shouldRefuseUnknownKey();
    void shouldSurviveRestart();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalServer> m_server;
    PrivateKey m_alice;
    PrivateKey m_bob;
    std::optional<EncordClient> m_client;
    std::optional<EncordClient> m_bobClient;
    QString m_datasetHash;
};

void TestClientEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("workspace")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    m_alice = PrivateKey::generate();
    m_bob = PrivateKey::generate();
    Server::UserStore users(m_server->workspace()->database());
    // Alice administers the organisation; Bob is a plain member.
    users.add(
        QStringLiteral("alice@example.com"), *PublicKey::fromRaw(m_alice.publicKeyRaw()), true);
    users.add(QStringLiteral("bob@example.com"), *PublicKey::fromRaw(m_bob.publicKeyRaw()), false);

    RequestsSettings settings;
    settings.backoffFactor = 0.01;
    m_client.emplace(m_alice, QUrl(m_server->baseUrl()), settings);
    m_bobClient.emplace(m_bob, QUrl(m_server->baseUrl()), settings);
}

void TestClientEndToEnd::cleanupTestCase()
{
    m_client.reset();
    m_bobClient.reset();
    m_server.reset();
}

void TestClientEndToEnd::shouldCreateAndListDatasets()
{
    const auto created = QCoro::waitFor(m_client->createDataset(
        QStringLiteral("Street scenes"), StorageLocation::CordStorage, QStringLiteral("cars")));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
    QVERIFY(!created->datasetHash.isEmpty());
    m_datasetHash = created->datasetHash;

    const auto dataset = QCoro::waitFor(m_client->getDataset(m_datasetHash));
    QVERIFY2(dataset.ok(), qPrintable(dataset.ok() ? QString() : dataset.error().message()));
    QCOMPARE(dataset->title, QStringLiteral("Street scenes"));
    QCOMPARE(dataset->description, QStringLiteral("cars"));
    QVERIFY(dataset->dataRows.isEmpty());

    const auto listed = QCoro::waitFor(m_client->getDatasets());
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().datasetHash, m_datasetHash);
    QCOMPARE(listed->first().userRole->value(), DatasetUserRole::Admin);
    QVERIFY(listed->first().createdAt.isValid());
}

void TestClientEndToEnd::shouldCreateOntologyAndProjectAndReadThemBack()
{
    OntologyStructure structure;
    OntologyObject car;
    car.id = 1;
    car.name = QStringLiteral("car");
    car.color = QStringLiteral("#D33115");
    car.shape = Shape::Polygon;
    car.featureNodeHash = QStringLiteral("c0ffee01");
    structure.objects.append(car);
    const auto ontology = QCoro::waitFor(
        m_client->createOntology(QStringLiteral("Vehicles"), QStringLiteral("v"), structure));
    QVERIFY2(ontology.ok(), qPrintable(ontology.ok() ? QString() : ontology.error().message()));
    QCOMPARE(ontology->editor, structure);

    CreateProjectRequest request;
    request.title = QStringLiteral("Label cars");
    request.description = QStringLiteral("first pass");
    request.datasetHashes = {m_datasetHash};
    request.ontologyHash = ontology->ontologyHash;
    const auto projectHash = QCoro::waitFor(m_client->createProject(request));
    QVERIFY2(projectHash.ok(),
             qPrintable(projectHash.ok() ? QString() : projectHash.error().message()));

    const auto project = QCoro::waitFor(m_client->getProject(projectHash.value()));
    QVERIFY2(project.ok(), qPrintable(project.ok() ? QString() : project.error().message()));
    QCOMPARE(project->title, QStringLiteral("Label cars"));
    QCOMPARE(project->ontologyHash, ontology->ontologyHash);
    QCOMPARE(project->editorOntology.objects.size(), 1);
    QCOMPARE(project->editorOntology.objects.first().name, QStringLiteral("car"));

    const auto datasets = QCoro::waitFor(m_client->getProjectDatasets(projectHash.value()));
    QVERIFY(datasets.ok());
    QCOMPARE(datasets->size(), 1);
    QCOMPARE(datasets->first().datasetHash, m_datasetHash);

    const auto projects = QCoro::waitFor(m_client->getProjects());
    QVERIFY(projects.ok());
    QCOMPARE(projects->size(), 1);
    QCOMPARE(projects->first().userRole->value(), ProjectUserRole::Admin);

    const auto fetched = QCoro::waitFor(m_client->getOntology(ontology->ontologyHash));
    QVERIFY(fetched.ok());
    QCOMPARE(fetched->title, QStringLiteral("Vehicles"));
}

void TestClientEndToEnd::shouldFilterListings()
{
    QVERIFY(QCoro::waitFor(
                m_client->createDataset(QStringLiteral("Other"), StorageLocation::CordStorage))
                .ok());
    ListingFilter like;
    like.titleLike = QStringLiteral("%street%"); // LIKE is case-insensitive
    const auto liked = QCoro::waitFor(m_client->getDatasets(like));
    QVERIFY(liked.ok());
    QCOMPARE(liked->size(), 1);
    QCOMPARE(liked->first().title, QStringLiteral("Street scenes"));

    ListingFilter exact;
    exact.titleEq = QStringLiteral("street scenes"); // equality is case-sensitive
    QCOMPARE(QCoro::waitFor(m_client->getDatasets(exact))->size(), 0);

    ListingFilter future;
    future.createdAfter = QDateTime::currentDateTimeUtc().addDays(1);
    QCOMPARE(QCoro::waitFor(m_client->getDatasets(future))->size(), 0);
    ListingFilter past;
    past.createdAfter = QDateTime::currentDateTimeUtc().addDays(-1);
    QCOMPARE(QCoro::waitFor(m_client->getDatasets(past))->size(), 2);

    ListingFilter projectTitle;
    projectTitle.titleEq = QStringLiteral("Label cars");
    QCOMPARE(QCoro::waitFor(m_client->getProjects(projectTitle))->size(), 1);
    ListingFilter ontologyDesc;
    ontologyDesc.descEq = QStringLiteral("nothing like it");
    QCOMPARE(QCoro::waitFor(m_client->getOntologies(ontologyDesc))->size(), 0);
}

void TestClientEndToEnd::shouldManageApiKeys()
{
    const auto created = QCoro::waitFor(
        m_client->createDatasetApiKey(m_datasetHash, QStringLiteral("ci"), {DatasetScope::Read}));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
    QVERIFY(!created->apiKey.isEmpty());
    const auto keys = QCoro::waitFor(m_client->getDatasetApiKeys(m_datasetHash));
    QVERIFY(keys.ok());
    QCOMPARE(keys->size(), 1);
    QCOMPARE(keys->first().title, QStringLiteral("ci"));
    const auto again = QCoro::waitFor(m_client->getOrCreateDatasetApiKey(m_datasetHash));
    QVERIFY(again.ok());

    const auto projects = QCoro::waitFor(m_client->getProjects());
    const QString projectHash = projects->first().projectHash;
    const auto projectKey = QCoro::waitFor(m_client->createProjectApiKey(
        projectHash, QStringLiteral("bot"), {ApiKeyScope::LabelRead, ApiKeyScope::LabelWrite}));
    QVERIFY2(projectKey.ok(),
             qPrintable(projectKey.ok() ? QString() : projectKey.error().message()));
    const auto projectKeys = QCoro::waitFor(m_client->getProjectApiKeys(projectHash));
    QVERIFY(projectKeys.ok());
    QCOMPARE(projectKeys->size(), 1);
    QCOMPARE(projectKeys->first().apiKey, projectKey.value());
    QCOMPARE(projectKeys->first().scopes.size(), 2);
}

void TestClientEndToEnd::shouldListCloudIntegrationsAndGroups()
{
    QTemporaryDir root;
    Server::IntegrationStore(m_server->workspace()->database())
        .add(QStringLiteral("Scans on disk"), root.path());
    const auto integrations = QCoro::waitFor(m_client->getCloudIntegrations());
    QVERIFY2(integrations.ok(),
             qPrintable(integrations.ok() ? QString() : integrations.error().message()));
    QCOMPARE(integrations->size(), 1);
    QCOMPARE(integrations->first().title, QStringLiteral("Scans on disk"));

    const auto groups = QCoro::waitFor(m_client->listGroups());
    QVERIFY2(groups.ok(), qPrintable(groups.ok() ? QString() : groups.error().message()));
}

void TestClientEndToEnd::shouldSetAndGetMetadataSchema()
{
    const auto none = QCoro::waitFor(m_client->getClientMetadataSchema());
    QVERIFY2(none.ok(), qPrintable(none.ok() ? QString() : none.error().message()));
    QVERIFY(!none->has_value());

    ClientMetadataSchema schema;
    schema.metadataSchema.insert(QStringLiteral("split"), ClientMetadataSchemaType::String);
    schema.metadataSchema.insert(QStringLiteral("score"), ClientMetadataSchemaType::Number);
    const auto set = QCoro::waitFor(m_client->setClientMetadataSchemaFromDict(schema));
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().message()));

    const auto got = QCoro::waitFor(m_client->getClientMetadataSchema());
    QVERIFY(got.ok() && got->has_value());
    QCOMPARE((*got.value()).metadataSchema, schema.metadataSchema);

    // The schema is the organisation's: a member may read it but not replace it.
    const auto refused = QCoro::waitFor(m_bobClient->setClientMetadataSchemaFromDict(schema));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), ApiError::Kind::Authorisation);
    const auto seen = QCoro::waitFor(m_bobClient->getClientMetadataSchema());
    QVERIFY(seen.ok() && seen->has_value());
}

void TestClientEndToEnd::shouldCreateBrowseAndSearchStorage()
{
    const auto top =
        QCoro::waitFor(m_client->createStorageFolder(QStringLiteral("Hospital A"),
                                                     QStringLiteral("scans"),
                                                     QJsonObject{{QStringLiteral("site"), 1}}));
    QVERIFY2(top.ok(), qPrintable(top.ok() ? QString() : top.error().message()));
    QCOMPARE(top->clientMetadataObject().value(QStringLiteral("site")).toInt(), 1);
    const auto child = QCoro::waitFor(
        m_client->createStorageFolder(QStringLiteral("CT"), {}, std::nullopt, top->uuid));
    QVERIFY(child.ok());
    QCOMPARE(child->parent, std::optional<QString>(top->uuid));
    QCOMPARE(child->pathToRoot.size(), 1);

    const auto got = QCoro::waitFor(m_client->getStorageFolder(child->uuid));
    QVERIFY(got.ok());
    QCOMPARE(got->name, QStringLiteral("CT"));

    StorageListOptions options;
    const auto listed = QCoro::waitFor(m_client->listStorageFolders(options));
    QVERIFY(listed.ok());
    QVERIFY(std::any_of(listed->begin(), listed->end(), [&](const StorageFolder &f) {
        return f.uuid == top->uuid;
    }));
    QVERIFY(std::none_of(listed->begin(), listed->end(), [&](const StorageFolder &f) {
        return f.uuid == child->uuid;
    }));

    const auto page = QCoro::waitFor(m_client->storageFolderPage(top->uuid, options));
    QVERIFY(page.ok());
    QCOMPARE(page->results.size(), 1);
    QCOMPARE(page->results.first().uuid, child->uuid);

    options.search = QStringLiteral("ct");
    const auto found = QCoro::waitFor(m_client->findStorageFolders(options));
    QVERIFY(found.ok());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().uuid, child->uuid);
}

void TestClientEndToEnd::shouldUploadIntoFolderAndDownloadThroughSignedUrl()
{
    const auto folder = QCoro::waitFor(m_client->createStorageFolder(QStringLiteral("Uploads")));
    QVERIFY(folder.ok());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("frame.png"));
    QByteArray bytes(64 * 1024, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i * 7);
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
    }

    const auto urls =
        QCoro::waitFor(m_client->getFolderUploadUrls(folder->uuid, StorageItemType::Image, 1));
    QVERIFY2(urls.ok(), qPrintable(urls.ok() ? QString() : urls.error().message()));
    const auto put = QCoro::waitFor(m_client->uploadFileToSignedUrl(urls->first().signedUrl, file));
    QVERIFY2(put.ok(), qPrintable(put.ok() ? QString() : put.error().message()));

    const QJsonObject items{
        {QStringLiteral("images"),
         QJsonArray{QJsonObject{{QStringLiteral("objectUrl"), urls->first().objectKey},
                                {QStringLiteral("title"), QStringLiteral("frame.png")},
                                {QStringLiteral("clientMetadata"), QJsonObject{}},
                                {QStringLiteral("placeholderItemUuid"), urls->first().itemUuid}}}}};
    const auto job = QCoro::waitFor(m_client->startDataUploadJob(folder->uuid, items));
    QVERIFY2(job.ok(), qPrintable(job.ok() ? QString() : job.error().message()));
    const auto state = QCoro::waitFor(
        m_client->dataUploadJobResult(folder->uuid, job.value(), std::chrono::seconds(30)));
    QVERIFY(state.ok());
    QCOMPARE(state->status.value(), UploadJobStatus::Done);
    QCOMPARE(state->itemsWithNames.size(), 1);

    const auto item =
        QCoro::waitFor(m_client->getStorageItem(state->itemsWithNames.first().itemUuid, true));
    QVERIFY(item.ok());
    QCOMPARE(item->name, QStringLiteral("frame.png"));
    QCOMPARE(item->fileSize, std::optional<qint64>(bytes.size()));
    QVERIFY(item->signedUrl.has_value());

    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(
        network.get(QNetworkRequest(QUrl::fromEncoded(item->signedUrl->toUtf8()))));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), bytes);
}

void TestClientEndToEnd::shouldHideOtherUsersResources()
{
    const auto listed = QCoro::waitFor(m_bobClient->getDatasets());
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 0);

    const auto missing =
        QCoro::waitFor(m_bobClient->getDataset(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    const auto hidden = QCoro::waitFor(m_bobClient->getDataset(m_datasetHash));
    QVERIFY(!missing.ok());
    QVERIFY(!hidden.ok());
    // Someone else's dataset is indistinguishable from one that does not exist.
    QCOMPARE(hidden.error().kind(), missing.error().kind());
    QCOMPARE(hidden.error().serverCode(), missing.error().serverCode());
    QCOMPARE(hidden.error().message(), missing.error().message());
}

void TestClientEndToEnd::shouldShowOrganisationAdminsEverythingOnlyWhenAsked()
{
    const auto bobs = QCoro::waitFor(
        m_bobClient->createDataset(QStringLiteral("Bob's scans"), StorageLocation::CordStorage));
    QVERIFY(bobs.ok());

    // Alice administers the organisation: her own list has only what she holds a role on…
    const auto own = QCoro::waitFor(m_client->getDatasets());
    QVERIFY(own.ok());
    QVERIFY(std::none_of(own->begin(), own->end(), [&](const DatasetSummary &d) {
        return d.datasetHash == bobs->datasetHash;
    }));
    // …and asking for organisation access adds Bob's dataset, on which she has no role.
    const auto all = QCoro::waitFor(m_client->getDatasets({}, true));
    QVERIFY(all.ok());
    const auto bobsInList = std::find_if(all->begin(), all->end(), [&](const DatasetSummary &d) {
        return d.datasetHash == bobs->datasetHash;
    });
    QVERIFY(bobsInList != all->end());
    QVERIFY(!bobsInList->userRole.has_value());
    QCOMPARE(all->size(), own->size() + 1);

    // She may still open it directly, as an organisation admin.
    QVERIFY(QCoro::waitFor(m_client->getDataset(bobs->datasetHash)).ok());
}

void TestClientEndToEnd::shouldRefuseUnknownKey()
{
    EncordClient stranger(PrivateKey::generate(), QUrl(m_server->baseUrl()));
    const auto v1 = QCoro::waitFor(stranger.getProjects());
    QVERIFY(!v1.ok());
    QCOMPARE(v1.error().kind(), ApiError::Kind::Authentication);
    const auto v2 = QCoro::waitFor(stranger.getDatasets());
    QVERIFY(!v2.ok());
    QCOMPARE(v2.error().kind(), ApiError::Kind::Authentication);
}

void TestClientEndToEnd::shouldSurviveRestart()
{
    m_server->stop();
    m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("workspace")));
    QVERIFY(m_server->start());
    RequestsSettings settings;
    settings.backoffFactor = 0.01;
    EncordClient client(m_alice, QUrl(m_server->baseUrl()), settings);

    const auto dataset = QCoro::waitFor(client.getDataset(m_datasetHash));
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->title, QStringLiteral("Street scenes"));
    QCOMPARE(QCoro::waitFor(client.getProjects())->size(), 1);
}

QTEST_GUILESS_MAIN(TestClientEndToEnd)
#include "tst_client_e2e.moc"
