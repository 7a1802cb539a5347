// DICOM de-identification through the real local server over loopback: the current job +
// long-poll route through EncordClient, the legacy synchronous v1 route with SDK-signed
// requests, files of a local-folder integration and storage items, upload_dir confinement.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "client/encordclient.h"
#include "integrationstore.h"
#include "localserver.h"
#include "serverclient.h"
#include "sqlitedatabase.h"
#include "testpaths.h"
#include "userstore.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <qcorotask.h>

using namespace Encord;
using Encord::Server::LocalServer;

namespace {

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// What dcmdump prints for a file (empty when it cannot read it).
QString dump(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("dcmdump"), {QStringLiteral("-q"), path});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromLatin1(process.readAllStandardOutput());
}

QString localPath(const QString &url)
{
    return QUrl(url).toLocalFile();
}

template<typename T>
QString messageOf(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().message();
}

} // namespace

class TestDicomDeidServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void shouldDeidentifyIntegrationFilesNextToThem();
    void shouldWriteIntoUploadDirInsideTheRootOnly();
    void shouldRefuseFilesOutsideTheRoot();
    void shouldApplySaveConditionsAndReportBrokenFiles();
    void shouldKeepJobsToTheirOwner();
    void shouldAnswerTheLegacySynchronousRoute();
    void shouldDeidentifyStorageItemsIntoTheirFolder();

private:
    DeidentifyRequest request(const QStringList &names) const;
    QString url(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_root;
    QString m_outside;
    QString m_integration;
    std::unique_ptr<LocalServer> m_server;
    PrivateKey m_alice;
    PrivateKey m_bob;
    std::optional<EncordClient> m_client;
    std::optional<EncordClient> m_bobClient;
};

void TestDicomDeidServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("ENCORD_DEID_WORKER", ENCORD_DEID_WORKER_BINARY);
    qputenv("ASAN_OPTIONS", "detect_leaks=0");

    // The integration's folder: a study, a broken file, a link that leads outside.
    m_root = m_dir.filePath(QStringLiteral("pacs"));
    m_outside = m_dir.filePath(QStringLiteral("outside"));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/study")));
    QVERIFY(QDir().mkpath(m_outside));
    const QDir samples(EncordTest::sharedPath(QStringLiteral("samples/dicom")));
    for (const QString &name : {QStringLiteral("pydicom_CT_small.dcm"),
                                QStringLiteral("pydicom_MR_small.dcm"),
                                QStringLiteral("pydicom_MR_small_RLE.dcm")})
        QVERIFY(QFile::copy(samples.filePath(name), m_root + QStringLiteral("/study/") + name));
    QVERIFY(QFile::copy(samples.filePath(QStringLiteral("pydicom_CT_small.dcm")),
                        m_outside + QStringLiteral("/secret.dcm")));
    QFile broken(m_root + QStringLiteral("/study/broken.dcm"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(600, 'x'));
    broken.close();
    QVERIFY(QFile::link(m_outside, m_root + QStringLiteral("/escape")));

    m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("workspace")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = PrivateKey::generate();
    m_bob = PrivateKey::generate();
    Server::UserStore users(m_server->workspace()->database());
    users.add(
        QStringLiteral("alice@example.com"), *PublicKey::fromRaw(m_alice.publicKeyRaw()), true);
    users.add(QStringLiteral("bob@example.com"), *PublicKey::fromRaw(m_bob.publicKeyRaw()), false);
    m_integration = Server::IntegrationStore(m_server->workspace()->database())
                        .add(QStringLiteral("PACS export"), m_root)
                        .uuid;
    m_root = QFileInfo(m_root).canonicalFilePath();

    RequestsSettings settings;
    settings.backoffFactor = 0.01;
    m_client.emplace(m_alice, QUrl(m_server->baseUrl()), settings);
    m_bobClient.emplace(m_bob, QUrl(m_server->baseUrl()), settings);
}

void TestDicomDeidServer::cleanupTestCase()
{
    m_client.reset();
    m_bobClient.reset();
    m_server.reset();
}

QString TestDicomDeidServer::url(const QString &name) const
{
    return QUrl::fromLocalFile(m_root + QStringLiteral("/study/") + name).toString();
}

DeidentifyRequest TestDicomDeidServer::request(const QStringList &names) const
{
    DeidentifyRequest request;
    request.integrationHash = m_integration;
    for (const QString &name : names)
        request.dicomUrls.append(url(name));
    return request;
}

void TestDicomDeidServer::shouldDeidentifyIntegrationFilesNextToThem()
{
    const QString ct = m_root + QStringLiteral("/study/pydicom_CT_small.dcm");
    const QByteArray before = hashOf(ct);

    const auto urls = QCoro::waitFor(
        m_client->deidentifyDicomFiles(request({QStringLiteral("pydicom_CT_small.dcm"),
                                                QStringLiteral("pydicom_MR_small_RLE.dcm")}),
                                       std::chrono::seconds(120)));
    QVERIFY2(urls.ok(), qPrintable(messageOf(urls)));
    QCOMPARE(urls->size(), 2);

    static const QRegularExpression name(
        QStringLiteral("^deid_[0-9]{16,}_pydicom_CT_small\\.dcm$"));
    const QString output = localPath(urls->first());
    QCOMPARE(QFileInfo(output).path(), m_root + QStringLiteral("/study"));
    QVERIFY2(name.match(QFileInfo(output).fileName()).hasMatch(), qPrintable(output));
    const QString text = dump(output);
    QVERIFY(text.contains(QStringLiteral("PatientName")));
    QVERIFY(!text.contains(QStringLiteral("PatientID")));
    QVERIFY(!text.contains(QStringLiteral("InstitutionName")));
    QVERIFY(!dump(localPath(urls->at(1))).isEmpty());
    QCOMPARE(hashOf(ct), before);
}

void TestDicomDeidServer::shouldWriteIntoUploadDirInsideTheRootOnly()
{
    // A relative upload_dir is created inside the root.
    DeidentifyRequest inside = request({QStringLiteral("pydicom_MR_small.dcm")});
    inside.uploadDir = QStringLiteral("deid/run1");
    const auto urls =
        QCoro::waitFor(m_client->deidentifyDicomFiles(inside, std::chrono::seconds(120)));
    QVERIFY2(urls.ok(), qPrintable(messageOf(urls)));
    QCOMPARE(QFileInfo(localPath(urls->first())).path(), m_root + QStringLiteral("/deid/run1"));

    // Escapes by "..", by an absolute path, by a file:// URL and through a link all fail,
    // and create nothing.
    for (const QString &escape :
         QStringList{QStringLiteral("../escaped"),
                     m_outside + QStringLiteral("/abs"),
                     QUrl::fromLocalFile(m_outside + QStringLiteral("/url")).toString(),
                     QStringLiteral("escape/through-link")}) {
        DeidentifyRequest outside = request({QStringLiteral("pydicom_MR_small.dcm")});
        outside.uploadDir = escape;
        const auto refused = QCoro::waitFor(m_client->startDicomDeidentification(outside));
        QVERIFY2(!refused.ok(), qPrintable(escape));
        QCOMPARE(refused.error().kind(), ApiError::Kind::InvalidArgument);
    }
    QCOMPARE(QDir(m_outside).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("secret.dcm")});
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("escaped"))));
}

void TestDicomDeidServer::shouldRefuseFilesOutsideTheRoot()
{
    for (const QString &source : QStringList{
             QUrl::fromLocalFile(m_outside + QStringLiteral("/secret.dcm")).toString(),
             QUrl::fromLocalFile(m_root + QStringLiteral("/escape/secret.dcm")).toString(),
             QStringLiteral("file://") + m_root + QStringLiteral("/../outside/secret.dcm")}) {
        DeidentifyRequest outside;
        outside.integrationHash = m_integration;
        outside.dicomUrls = {source};
        const auto refused = QCoro::waitFor(m_client->startDicomDeidentification(outside));
        QVERIFY2(!refused.ok(), qPrintable(source));
        QCOMPARE(refused.error().kind(), ApiError::Kind::InvalidArgument);
    }
    DeidentifyRequest unknown = request({QStringLiteral("pydicom_MR_small.dcm")});
    unknown.integrationHash = QStringLiteral("77777777-7777-4777-8777-777777777777");
    const auto missing = QCoro::waitFor(m_client->startDicomDeidentification(unknown));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind(), ApiError::Kind::NotFound);
    QCOMPARE(QDir(m_outside).entryList(QDir::Files), QStringList{QStringLiteral("secret.dcm")});
}

void TestDicomDeidServer::shouldApplySaveConditionsAndReportBrokenFiles()
{
    // Only CT is saved: the MR fails "Modality in [ct]".
    DeidentifyRequest onlyCt =
        request({QStringLiteral("pydicom_CT_small.dcm"), QStringLiteral("pydicom_MR_small.dcm")});
    onlyCt.uploadDir = QStringLiteral("conditions");
    onlyCt.saveConditions = {
        DeidentifyCondition::in(QStringLiteral("00080060"), {QStringLiteral("ct")})};
    const auto urls =
        QCoro::waitFor(m_client->deidentifyDicomFiles(onlyCt, std::chrono::seconds(120)));
    QVERIFY2(urls.ok(), qPrintable(messageOf(urls)));
    QCOMPARE(urls->size(), 1);
    QVERIFY(urls->first().endsWith(QStringLiteral("_pydicom_CT_small.dcm")));
    QCOMPARE(QDir(m_root + QStringLiteral("/conditions")).entryList(QDir::Files).size(), 1);

    // A broken file makes the job end in ERROR, with the others still written and a reason.
    DeidentifyRequest withBroken =
        request({QStringLiteral("broken.dcm"), QStringLiteral("pydicom_MR_small.dcm")});
    withBroken.uploadDir = QStringLiteral("broken");
    const auto job = QCoro::waitFor(m_client->startDicomDeidentification(withBroken));
    QVERIFY2(job.ok(), qPrintable(messageOf(job)));
    const auto state = QCoro::waitFor(
        m_client->dicomDeidentificationResult(job.value(), std::chrono::seconds(120)));
    QVERIFY2(state.ok(), qPrintable(messageOf(state)));
    QCOMPARE(state->status.value(), LongPollStatus::Error);
    QCOMPARE(state->urls.size(), 1);
    const QJsonArray errors = state->extra.value(QLatin1String("errors")).toArray();
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().toString().contains(QStringLiteral("broken.dcm")));
}

void TestDicomDeidServer::shouldKeepJobsToTheirOwner()
{
    DeidentifyRequest mine = request({QStringLiteral("pydicom_MR_small.dcm")});
    mine.uploadDir = QStringLiteral("owner");
    mine.redactPixelsMode = DeidentifyRedactTextMode::RedactAllText;
    const auto job = QCoro::waitFor(m_client->startDicomDeidentification(mine));
    QVERIFY2(job.ok(), qPrintable(messageOf(job)));
    const auto stolen = QCoro::waitFor(
        m_bobClient->dicomDeidentificationResult(job.value(), std::chrono::seconds(5)));
    QVERIFY(!stolen.ok());
    QCOMPARE(stolen.error().kind(), ApiError::Kind::NotFound);
    const auto state = QCoro::waitFor(
        m_client->dicomDeidentificationResult(job.value(), std::chrono::seconds(120)));
    QVERIFY(state.ok());
    QCOMPARE(state->status.value(), LongPollStatus::Done);
    QCOMPARE(state->urls.size(), 1);
}

void TestDicomDeidServer::shouldAnswerTheLegacySynchronousRoute()
{
    ServerClient legacy(m_server->port(), RequestSigner(m_alice));
    const auto reply = legacy.v1(
        QStringLiteral("dicomdeidentifytask"),
        QStringLiteral("POST"),
        m_integration,
        QJsonObject{
            {QStringLiteral("dicom_urls"), QJsonArray{url(QStringLiteral("pydicom_MR_small.dcm"))}},
            {QStringLiteral("redact_dicom_tags"), true},
            {QStringLiteral("redact_pixels_mode"), QStringLiteral("REDACT_NO_TEXT")},
            {QStringLiteral("save_conditions"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("value"), QStringLiteral("PRIMARY")},
                             {QStringLiteral("dicom_tag"), QStringLiteral("00080008")},
                             {QStringLiteral("condition_type"), QStringLiteral("NOT_SUBSTR")}}}},
            {QStringLiteral("upload_dir"), QStringLiteral("legacy")}});
    QCOMPARE(reply.status, 200);
    const QJsonArray urls = reply.response().toArray();
    QCOMPARE(urls.size(), 1);
    QCOMPARE(QFileInfo(localPath(urls.first().toString())).path(),
             m_root + QStringLiteral("/legacy"));

    const auto refused = legacy.v1(QStringLiteral("dicomdeidentifytask"),
                                   QStringLiteral("POST"),
                                   m_integration,
                                   QJsonObject{{QStringLiteral("dicom_urls"),
                                                QJsonArray{QStringLiteral("file:///etc/passwd")}},
                                               {QStringLiteral("upload_dir"), QJsonValue::Null}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.v1Code(), QStringLiteral("INVALID_ARGUMENTS_ERROR"));

    // A broken file among good ones: a v1 answer is either the list or an error whose payload
    // is its message, so the error stays, and it names the copy that was written all the same
    const auto partly = legacy.v1(
        QStringLiteral("dicomdeidentifytask"),
        QStringLiteral("POST"),
        m_integration,
        QJsonObject{{QStringLiteral("dicom_urls"),
                     QJsonArray{url(QStringLiteral("broken.dcm")),
                                url(QStringLiteral("pydicom_MR_small.dcm"))}},
                    {QStringLiteral("redact_dicom_tags"), true},
                    {QStringLiteral("redact_pixels_mode"), QStringLiteral("REDACT_NO_TEXT")},
                    {QStringLiteral("upload_dir"), QStringLiteral("legacy-broken")}});
    QCOMPARE(partly.status, 400);
    QCOMPARE(partly.v1Code(), QStringLiteral("INVALID_ARGUMENTS_ERROR"));
    const QString message = partly.json().toObject().value(QLatin1String("payload")).toString();
    QVERIFY2(message.contains(QStringLiteral("broken.dcm")), qPrintable(message));
    const QStringList written =
        QDir(m_root + QStringLiteral("/legacy-broken")).entryList(QDir::Files);
    QCOMPARE(written.size(), 1);
    const QString copy =
        QUrl::fromLocalFile(m_root + QStringLiteral("/legacy-broken/") + written.first())
            .toString();
    QVERIFY2(message.contains(copy), qPrintable(message));
}

void TestDicomDeidServer::shouldDeidentifyStorageItemsIntoTheirFolder()
{
    // Given a DICOM file uploaded into a storage folder
    const auto folder = QCoro::waitFor(m_client->createStorageFolder(QStringLiteral("Scans")));
    QVERIFY(folder.ok());
    const QString file =
        EncordTest::sharedPath(QStringLiteral("samples/dicom/pydicom_CT_small.dcm"));
    const auto slots =
        QCoro::waitFor(m_client->getFolderUploadUrls(folder->uuid, StorageItemType::Image, 1));
    QVERIFY2(slots.ok(), qPrintable(messageOf(slots)));
    const auto put =
        QCoro::waitFor(m_client->uploadFileToSignedUrl(slots->first().signedUrl, file));
    QVERIFY(put.ok());
    const QJsonObject items{
        {QStringLiteral("images"),
         QJsonArray{
             QJsonObject{{QStringLiteral("objectUrl"), slots->first().objectKey},
                         {QStringLiteral("title"), QStringLiteral("ct.dcm")},
                         {QStringLiteral("placeholderItemUuid"), slots->first().itemUuid}}}}};
    const auto upload = QCoro::waitFor(m_client->startDataUploadJob(folder->uuid, items));
    QVERIFY(upload.ok());
    const auto uploaded = QCoro::waitFor(
        m_client->dataUploadJobResult(folder->uuid, upload.value(), std::chrono::seconds(30)));
    QVERIFY(uploaded.ok());
    const QString itemUuid = uploaded->itemsWithNames.first().itemUuid;

    // When it is de-identified by its item UUID
    DeidentifyRequest byItem;
    byItem.integrationHash = m_integration;
    byItem.dicomUrls = {itemUuid};
    const auto urls =
        QCoro::waitFor(m_client->deidentifyDicomFiles(byItem, std::chrono::seconds(120)));
    QVERIFY2(urls.ok(), qPrintable(messageOf(urls)));
    QCOMPARE(urls->size(), 1);

    // Then a new item sits in the same folder, its bytes a de-identified DICOM file
    const auto page = QCoro::waitFor(m_client->storageItemPage(folder->uuid, {}));
    QVERIFY(page.ok());
    QCOMPARE(page->results.size(), 2);
    const auto copy =
        std::find_if(page->results.cbegin(), page->results.cend(), [](const StorageItem &item) {
            return item.name.startsWith(QStringLiteral("deid_"));
        });
    QVERIFY(copy != page->results.cend());
    QVERIFY(copy->name.endsWith(QStringLiteral("_ct.dcm")));
    QCOMPARE(copy->url, std::optional<QString>(urls->first()));
}

QTEST_MAIN(TestDicomDeidServer)
#include "tst_dicomdeid_server.moc"
