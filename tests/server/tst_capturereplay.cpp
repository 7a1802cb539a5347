// Replays every request the official SDK sent for each seed operation (the recordings in
// shared/spec/sdk-captures, both generations) against a live local server: the captures' fixed
// UUIDs are swapped for real ids created beforehand, every request is signed again with the same
// RFC 8032 test key, and each answer must carry every field the SDK reads for that operation
// (spec §4). The expected fields are data: one _data() row per operation and generation.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "integrationstore.h"
#include "localserver.h"
#include "serverclient.h"
#include "sqlitedatabase.h"
#include "testkeys.h"
#include "testpaths.h"
#include "workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace Encord;
using namespace Encord::Server;

namespace {

// Keys the SDK reads, per shape (spec §4). Joined into the expectation strings below.
const char *const kDataset = "dataset_hash title description dataset_type";
const char *const kDataRow = "data_hash data_title data_type created_at last_edited_at width "
                             "height file_link file_size file_type storage_location "
                             "frames_per_second duration";
const char *const kProjectV1 = "project_hash title description created_at last_edited_at "
                               "editor_ontology datasets label_rows ontology_hash";
const char *const kOntologyV1 = "title description ontology_hash editor created_at "
                                "last_edited_at";
const char *const kCreateDataset = "title type dataset_hash user_hash";
const char *const kDatasetInfo = "dataset_hash user_hash title description type created_at "
                                 "last_edited_at";
const char *const kDatasetApiKey = "resource_hash api_key title key_hash scopes";
const char *const kFolder = "uuid parent name description clientMetadata owner createdAt "
                            "lastEditedAt userRole syncedDatasetHash pathToRoot";
const char *const kItem = "uuid parent itemType name description clientMetadata owner createdAt "
                          "lastEditedAt isTombstone isPlaceholder backedDataUnitsCount "
                          "storageLocation integrationHash url signedUrl fileSize mimeType "
                          "duration fps height width dicomInstanceUid dicomStudyUid "
                          "dicomSeriesUid frameCount";
const char *const kProjectV2 = "projectHash projectType status title description createdAt "
                               "lastEditedAt ontologyHash editorOntology userRole sourceProjects "
                               "workflowManagerUuid workflow";
const char *const kOntologyV2 = "ontologyUuid title description editor createdAt lastEditedAt "
                                "userRole";
const char *const kDatasetV2 = "datasetUuid title description createdAt lastEditedAt userRole "
                               "storageLocation backingFolderUuid";
const char *const kSchema = "uuid metadataSchema organisationId createdAt updatedAt";

// One expectation about the answer to request <n> of an operation:
//   "<n> <path> : k1 k2"   every listed key is present (null allowed, spec §4.6)
//   "<n> <path> = k1 k2"   exactly these keys (frozen dataclasses on the SDK side)
//   "<n> <path> <= k1 k2"  no key outside the list
//   "<n> <path> is string" / "is json"  the value's kind
//   "<n> refused <http> [v1 code]"  a documented refusal instead of success
//   "<n> skip"  not sent (a refused request before it would have supplied its URL)
// A path is "/"-separated; "." is the body itself, "*" every element of a non-empty array.
// Every request without "refused" or "skip" must be answered 200 (v1: envelope status 200).
QString has(int request, const char *path, const char *keys)
{
    return QStringLiteral("%1 %2 : %3").arg(request).arg(QLatin1String(path), QLatin1String(keys));
}

QString exact(int request, const char *path, const char *keys)
{
    return QStringLiteral("%1 %2 = %3").arg(request).arg(QLatin1String(path), QLatin1String(keys));
}

QString only(int request, const char *path, const char *keys)
{
    return QStringLiteral("%1 %2 <= %3").arg(request).arg(QLatin1String(path), QLatin1String(keys));
}

QString kind(int request, const char *path, const char *what)
{
    return QStringLiteral("%1 %2 is %3").arg(request).arg(QLatin1String(path), QLatin1String(what));
}

QString refused(int request, int status, const char *v1Code = "")
{
    return QStringLiteral("%1 refused %2 %3").arg(request).arg(status).arg(QLatin1String(v1Code));
}

// @p body with the fake transport's upload values replaced by those the server gave: the
// legacy images PUT payload and importer map (by file name), and the current import's data
// links (by position in the presigned-urls answer).
QByteArray withRealUploads(const QByteArray &body,
                           const QHash<QString, QJsonObject> &v1Slots,
                           const QJsonArray &uploadSlots)
{
    QJsonObject json = QJsonDocument::fromJson(body).object();
    if (json.isEmpty())
        return body;
    QJsonObject values = json.value(QLatin1String("values")).toObject();
    QJsonValue payload = values.value(QLatin1String("payload"));
    bool changed = false;
    if (payload.isArray() && !v1Slots.isEmpty()) {
        QJsonArray images;
        for (const QJsonValue &image : payload.toArray()) {
            const QString title = image[QLatin1String("title")].toString();
            images.append(v1Slots.contains(title) ? QJsonValue(v1Slots.value(title)) : image);
        }
        payload = images;
        changed = true;
    }
    if (payload.isObject() && !v1Slots.isEmpty()) {
        QJsonObject importer = payload.toObject();
        QJsonObject map = importer.value(QLatin1String("image_title_to_image_hash_map")).toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString title = it.key().section(QLatin1Char('/'), -1);
            if (v1Slots.contains(title))
                it.value() = v1Slots.value(title).value(QLatin1String("data_hash"));
        }
        importer.insert(QStringLiteral("image_title_to_image_hash_map"), map);
        payload = importer;
        changed = true;
    }
    if (changed) {
        values.insert(QStringLiteral("payload"), payload);
        json.insert(QStringLiteral("values"), values);
    }
    if (json.contains(QLatin1String("data")) && !uploadSlots.isEmpty()) {
        QJsonArray data = json.value(QLatin1String("data")).toArray();
        for (qsizetype i = 0; i < data.size() && i < uploadSlots.size(); ++i) {
            QJsonObject entry = data.at(i).toObject();
            entry.insert(QStringLiteral("dataLink"), uploadSlots.at(i)[QLatin1String("objectKey")]);
            data[i] = entry;
        }
        json.insert(QStringLiteral("data"), data);
        changed = true;
    }
    return changed ? QJsonDocument(json).toJson(QJsonDocument::Compact) : body;
}

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The values a path reaches; an empty array on a "*" step is a failure (nothing to check).
bool resolve(const QJsonValue &root, const QString &path, QList<QJsonValue> *out, QString *why)
{
    QList<QJsonValue> current{root};
    if (path == QLatin1String(".")) {
        *out = current;
        return true;
    }
    for (const QString &step : path.split(QLatin1Char('/'))) {
        QList<QJsonValue> next;
        for (const QJsonValue &value : std::as_const(current)) {
            if (step == QLatin1String("*")) {
                const QJsonArray array = value.toArray();
                if (array.isEmpty()) {
                    *why = QStringLiteral("no elements at %1").arg(path);
                    return false;
                }
                for (const QJsonValue &element : array)
                    next.append(element);
            } else {
                if (!value.toObject().contains(step)) {
                    *why = QStringLiteral("no %1 in %2").arg(step, path);
                    return false;
                }
                next.append(value.toObject().value(step));
            }
        }
        current = next;
    }
    *out = current;
    return true;
}

QByteArray compact(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

QByteArray targetOf(const QString &url)
{
    const QUrl parsed(url);
    return RequestSigner::requestTarget(parsed);
}

} // namespace

class TestCaptureReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void shouldServeEveryCapturedRequest_data();
    void shouldServeEveryCapturedRequest();

private:
    /// The captured operation @p op of @p file, or an empty object.
    QJsonObject captured(const QString &file, const QString &op) const;
    QByteArray substitute(QByteArray text) const;

    QTemporaryDir m_dir;
    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<ServerClient> m_client;
    QList<std::pair<QByteArray, QByteArray>> m_ids; ///< fixed capture id → real id
};

void TestCaptureReplay::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(QStringLiteral("encord.server.http.info=false"));
    m_server = std::make_unique<LocalServer>(m_dir.filePath(QStringLiteral("data")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    const auto key = PrivateKey::fromText(EncordTest::rfc8032TestKeyText());
    QVERIFY(key.ok());
    QVERIFY2(m_server->ensureUser(QStringLiteral("sdk@example.com"),
                                  *PublicKey::fromRaw(key.value().publicKeyRaw()),
                                  true),
             qPrintable(m_server->errorString()));
    m_client = std::make_unique<ServerClient>(m_server->port(), RequestSigner(key.value()));
    const ServerClient &c = *m_client;

    // Given a workspace holding one of everything the captures name, made through the API.
    const auto created = c.v2("POST",
                              "/v2/public/datasets",
                              R"({"title": "sports cars", "description": "fast",)"
                              R"( "createBackingFolder": true, "legacyCall": false})");
    QCOMPARE(created.status, 200);
    const QString dataset = created.json()[QLatin1String("datasetUuid")].toString();
    const QString backing = created.json()[QLatin1String("backingFolderUuid")].toString();
    QVERIFY(!backing.isEmpty());

    const auto ontology = c.v2("POST",
                               "/v2/public/ontologies",
                               R"({"title": "Ont", "description": "xray", "editor": )"
                               R"({"objects": [], "classifications": []}})");
    QCOMPARE(ontology.status, 200);
    const QString ontologyHash = ontology.json()[QLatin1String("ontologyUuid")].toString();

    const auto project =
        c.v1(QStringLiteral("project"),
             QStringLiteral("POST"),
             QJsonValue::Null,
             QJsonObject{{QStringLiteral("title"), QStringLiteral("Proj")},
                         {QStringLiteral("description"), QStringLiteral("d")},
                         {QStringLiteral("dataset_hashes"), QJsonArray{dataset}},
                         {QStringLiteral("workflow_type"), QStringLiteral("manual")},
                         {QStringLiteral("ontology_hash"), ontologyHash}});
    QCOMPARE(project.status, 200);
    const QString projectHash = project.response().toString();
    QVERIFY(!projectHash.isEmpty());

    // More top-level folders matching "F" than the SDK's page sizes (50 and 100), so that the
    // captured second-page requests are what the SDK would really send.
    QString folder;
    for (int i = 0; i < 120; ++i) {
        const auto reply =
            c.v2("POST",
                 "/v2/public/storage/folders",
                 QStringLiteral(R"({"name": "F%1"})").arg(i, 3, 10, QLatin1Char('0')).toUtf8());
        QCOMPARE(reply.status, 200);
        if (folder.isEmpty())
            folder = reply.json()[QLatin1String("uuid")].toString();
    }

    // An image in the dataset's backing folder: a storage item and a data row at once.
    const QByteArray base = "/v2/public/storage/folders/" + backing.toLatin1();
    const auto slots =
        c.v2("POST", base + "/upload-signed-urls", R"({"itemType": "image", "count": 1})");
    QCOMPARE(slots.status, 200);
    const QJsonObject slot = slots.json()[QLatin1String("results")][0].toObject();
    const QByteArray png =
        QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwA"
                               "BBAEAghi0mAAAAABJRU5ErkJggg==");
    QCOMPARE(
        c.raw("PUT", targetOf(slot.value(QLatin1String("signedUrl")).toString()), {}, png).status,
        200);
    const QJsonObject image{
        {QStringLiteral("objectUrl"), slot.value(QLatin1String("objectKey"))},
        {QStringLiteral("title"), QStringLiteral("alpha.png")},
        {QStringLiteral("placeholderItemUuid"), slot.value(QLatin1String("itemUuid"))}};
    const QJsonObject job{
        {QStringLiteral("dataItems"), QJsonObject{{QStringLiteral("images"), QJsonArray{image}}}}};
    const auto started = c.v2("POST", base + "/data-upload-jobs", compact(job));
    QCOMPARE(started.status, 200);
    const auto state =
        c.v2("GET", base + "/data-upload-jobs/" + started.json().toString().toLatin1());
    const QString item =
        state.json()[QLatin1String("itemsWithNames")][0][QLatin1String("itemUuid")].toString();
    QVERIFY2(!item.isEmpty(), state.body.constData());

    // Integrations and groups have no API (encord-local-server add-integration / add-group
    // make them): written the way those commands do.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("bucket")));
    const IntegrationRecord integration =
        IntegrationStore(m_server->workspace()->database())
            .add(QStringLiteral("Bucket"), m_dir.filePath(QStringLiteral("bucket")));
    m_server->workspace()->database().exec(
        QStringLiteral("INSERT INTO groups (hash, name, description, created_at) "
                       "VALUES (?,?,?,?)"),
        {QUuid::createUuid().toString(QUuid::WithoutBraces),
         QStringLiteral("Reviewers"),
         QStringLiteral("all reviewers"),
         QDateTime::currentMSecsSinceEpoch()});
    QCOMPARE(
        c.v2("POST", "/v2/public/organisation/client-metadata-schema", R"({"k": "number"})").status,
        200);

    m_ids = {{"11111111-1111-4111-8111-111111111111", dataset.toLatin1()},
             {"22222222-2222-4222-8222-222222222222", projectHash.toLatin1()},
             {"33333333-3333-4333-8333-333333333333", ontologyHash.toLatin1()},
             {"44444444-4444-4444-8444-444444444444", folder.toLatin1()},
             {"55555555-5555-4555-8555-555555555555", item.toLatin1()},
             {"77777777-7777-4777-8777-777777777777", integration.uuid.toLatin1()},
             // Only ever named by refused long-polls: any well-formed id will do.
             {"88888888-8888-4888-8888-888888888888",
              QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()}};
}

void TestCaptureReplay::cleanupTestCase()
{
    m_server->stop();
}

QJsonObject TestCaptureReplay::captured(const QString &file, const QString &op) const
{
    QFile capture(EncordTest::sharedPath(QStringLiteral("spec/sdk-captures/") + file));
    if (!capture.open(QIODevice::ReadOnly))
        return {};
    while (!capture.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(capture.readLine()).object();
        if (line.value(QLatin1String("op")).toString() == op)
            return line;
    }
    return {};
}

QByteArray TestCaptureReplay::substitute(QByteArray text) const
{
    for (const auto &[fixed, real] : m_ids)
        text.replace(fixed, real);
    return text;
}

void TestCaptureReplay::shouldServeEveryCapturedRequest_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QStringList>("expected");

    const QString legacy = QStringLiteral("legacy-429f5f54.jsonl");
    const QString current = QStringLiteral("current-0.1.177.jsonl");
    const auto row = [](const QString &file, const char *op, const QStringList &expected) {
        const QString era = file.section(QLatin1Char('-'), 0, 0);
        QTest::newRow(qPrintable(era + QLatin1Char('/') + QLatin1String(op)))
            << file << QString::fromLatin1(op) << expected;
    };
    // Either generation.
    for (const QString &file : {legacy, current}) {
        row(file,
            "get_dataset",
            {has(0, "response", kDataset), has(0, "response/data_rows/*", kDataRow)});
        row(file,
            "get_projects",
            {exact(0, "response/*", "user_role project"),
             has(0, "response/*/project", kProjectV1)});
        row(file, "create_project", {kind(0, "response", "string")});
        row(file, "list_groups", {has(0, "results/*", "groupHash name description createdAt")});
        row(file, "create_storage_folder", {has(0, ".", kFolder)});
        row(file, "get_storage_folder", {has(0, ".", kFolder)});
    }

    // The legacy generation (commit 429f5f54, SDK 0.1.114): v1 for nearly everything.
    row(legacy, "get_project", {has(0, "response", kProjectV1), has(1, "response", kOntologyV1)});
    row(legacy, "get_ontology", {has(0, "response", kOntologyV1)});
    row(legacy, "create_dataset", {has(0, "response", kCreateDataset)});
    row(legacy,
        "get_datasets",
        {exact(0, "response/*", "user_role dataset"),
         has(0, "response/*/dataset", kDatasetInfo),
         only(0,
              "response/*/dataset",
              "dataset_hash user_hash title description type created_at last_edited_at "
              "backing_folder_uuid")});
    row(legacy,
        "get_ontologies",
        {exact(0, "response/*", "user_role user_email ontology"),
         has(0, "response/*/ontology", kOntologyV1)});
    row(legacy, "create_ontology", {has(0, "response", kOntologyV1)});
    row(legacy, "create_dataset_api_key", {has(0, "response", kDatasetApiKey)});
    row(legacy, "get_dataset_api_keys", {has(0, "response/*", kDatasetApiKey)});
    row(legacy, "get_or_create_dataset_api_key", {has(0, "response", kDatasetApiKey)});
    row(legacy, "create_project_api_key", {kind(0, "response", "string")});
    row(legacy, "get_project_api_keys", {has(0, "response/*", "api_key title scopes")});
    row(legacy, "get_or_create_project_api_key", {kind(0, "response", "string")});
    row(legacy, "get_cloud_integrations", {exact(0, "response/*", "id title")});
    // DICOM de-identification reads files of a local-folder integration or storage items; the
    // captured https:// bucket URL is one this server cannot reach: an invalid argument.
    row(legacy, "deidentify_dicom_files", {refused(0, 400, "INVALID_ARGUMENTS_ERROR")});
    row(legacy,
        "deidentify_dicom_files(no save_conditions)",
        {refused(0, 400, "INVALID_ARGUMENTS_ERROR")});
    row(legacy, "get_client_metadata_schema(org=1)", {has(0, ".", kSchema)});
    row(legacy, "set_client_metadata_schema_from_dict(org=1)", {kind(0, ".", "json")});
    // CVAT import, legacy flow: export type, dataset, a signed URL and a PUT per file, the
    // images registered, then the synchronous importer (its map names the registered rows).
    row(legacy,
        "create_project_from_cvat",
        {has(0, "response/success", "export_type"),
         has(1, "response", kCreateDataset),
         has(2, "response", kDataset),
         exact(3, "response/*", "signed_url data_hash title file_link"),
         exact(5, "response/*", "signed_url data_hash title file_link"),
         kind(7, "response", "json"),
         has(8, "response/success", "project_hash dataset_hash issues"),
         exact(8, "response/success/issues", "errors warnings infos")});

    // The current generation (0.1.177): migrated operations on v2.
    row(current, "get_project", {has(0, ".", kProjectV2), has(1, ".", kOntologyV2)});
    row(current, "get_ontology", {has(0, ".", kOntologyV2)});
    row(current, "create_dataset", {has(0, ".", "datasetUuid backingFolderUuid")});
    row(current, "get_datasets", {has(0, "result/*", kDatasetV2)});
    row(current, "get_ontologies", {has(0, "results/*", kOntologyV2)});
    row(current, "create_ontology", {has(0, ".", kOntologyV2)});
    row(current, "get_cloud_integrations", {exact(0, "result/*", "integrationUuid title")});
    // The SDK itself fails before sending anything (pydantic 1, spec §4.9): nothing to replay.
    row(current, "deidentify_dicom_files", {});
    // The start is refused with a v2 400 (see the legacy rows), so the captured job the
    // long-poll asks for does not exist: 404.
    row(current, "deidentify_dicom_files(no save_conditions)", {refused(0, 400), refused(1, 404)});
    row(current,
        "list_storage_folders",
        {has(0, ".", "results nextPageToken"),
         has(0, "results/*", kFolder),
         has(1, "results/*", kFolder)});
    row(current,
        "find_storage_folders",
        {has(0, ".", "results nextPageToken"),
         has(0, "results/*", kFolder),
         has(1, "results/*", kFolder)});
    row(current, "find_storage_items", {has(0, "results/*", kItem)});
    row(current, "get_storage_item", {has(0, ".", kItem)});
    row(current, "get_client_metadata_schema", {has(0, ".", kSchema)});
    row(current, "set_client_metadata_schema_from_dict", {kind(0, ".", "json")});
    // Uploads, the dataset, the import job and its long-polls; the SDK's follow-up reads are
    // replayed against the seeded project.
    row(current,
        "create_project_from_cvat",
        {has(0, ".", "results nextPageToken"),
         has(0, "results/*", "itemUuid objectKey signedUrl"),
         has(3, ".", "datasetUuid backingFolderUuid"),
         kind(4, ".", "string"),
         has(5, ".", "status projectUuid issues"),
         exact(5, "issues", "errors warnings infos"),
         has(6, ".", "status projectUuid issues"),
         has(7, ".", kProjectV2),
         has(8, ".", kOntologyV2),
         has(9, "results/*", "datasetHash title description")});
}

void TestCaptureReplay::shouldServeEveryCapturedRequest()
{
    QFETCH(QString, file);
    QFETCH(QString, op);
    QFETCH(QStringList, expected);

    const QJsonObject capture = captured(file, op);
    QVERIFY2(!capture.isEmpty(), qPrintable(QStringLiteral("%1 not in %2").arg(op, file)));
    const QJsonArray requests = capture.value(QLatin1String("requests")).toArray();
    if (expected.isEmpty()) {
        QVERIFY(requests.isEmpty());
        return;
    }

    QMap<int, QStringList> byRequest;
    for (const QString &line : std::as_const(expected))
        byRequest[line.section(QLatin1Char(' '), 0, 0).toInt()].append(line);
    QVERIFY(byRequest.lastKey() < requests.size());

    QJsonValue previous;    // the last answer, for page tokens
    QJsonArray uploadSlots; // the last presigned-urls answer, for the upload PUTs
    // Ids only the server hands out (v1 signed URLs per file name, the CVAT import job): the
    // captured requests name the fake transport's values, replaced here by the real ones.
    QHash<QString, QJsonObject> v1Slots;
    QString cvatJob;
    for (int i = 0; i < requests.size(); ++i) {
        const QJsonObject request = requests.at(i).toObject();
        const QStringList checks = byRequest.value(i);
        const QString label = QStringLiteral("%1 request %2").arg(op).arg(i);
        if (checks.size() == 1 && words(checks.first()).value(1) == QLatin1String("skip"))
            continue;

        const QByteArray method = request.value(QLatin1String("method")).toString().toLatin1();
        QUrl url(
            QString::fromUtf8(substitute(request.value(QLatin1String("url")).toString().toUtf8())));
        QByteArray target;
        QByteArray body = substitute(request.value(QLatin1String("body")).toString().toUtf8());
        ServerClient::Headers headers;
        if (url.host() == QLatin1String("upload.example")) {
            // "…/put/<n>": the n-th signed URL of the preceding presigned-urls answer. The
            // captured body only names its size ("<12 bytes of file>").
            // Legacy: "…/put/<file name>", the URL signedimagesurl gave for that file.
            const QString last = url.path().section(QLatin1Char('/'), -1);
            const QString signedUrl =
                v1Slots.contains(last)
                    ? v1Slots.value(last).value(QLatin1String("signed_url")).toString()
                    : uploadSlots.at(last.toInt())[QLatin1String("signedUrl")].toString();
            QVERIFY2(!signedUrl.isEmpty(), qPrintable(label));
            target = targetOf(signedUrl);
            static const QRegularExpression size(QStringLiteral(R"(^<(\d+) bytes)"));
            body = QByteArray(size.match(QString::fromUtf8(body)).captured(1).toInt(), 'x');
        } else {
            QVERIFY2(url.host() == QLatin1String("api.encord.com"), qPrintable(label));
            // The path and query exactly as captured (already percent-encoded by the SDK).
            target = '/' + url.toString().section(QLatin1Char('/'), 3).toUtf8();
            if (target.contains("/cvat-import/") && !cvatJob.isEmpty())
                target = target.left(target.indexOf("/cvat-import/") + 13) + cvatJob.toLatin1()
                         + target.mid(target.indexOf('?'));
            body = withRealUploads(body, v1Slots, uploadSlots);
            if (target.contains("pageToken=page-2")) {
                // The fake transport's token; the SDK sends whatever the last page returned.
                const QString token = previous[QLatin1String("nextPageToken")].toString();
                QVERIFY2(!token.isEmpty(), qPrintable(label + QStringLiteral(": no next page")));
                target.replace("pageToken=page-2",
                               QByteArray("pageToken=" + QUrl::toPercentEncoding(token)));
            }
        }
        const QJsonObject captured = request.value(QLatin1String("headers")).toObject();
        for (auto it = captured.begin(); it != captured.end(); ++it) {
            static const QStringList dropped = {QStringLiteral("authorization"),
                                                QStringLiteral("content-digest"),
                                                QStringLiteral("signature-input"),
                                                QStringLiteral("signature"),
                                                QStringLiteral("content-length")};
            if (!dropped.contains(it.key().toLower()))
                headers.append({it.key().toUtf8(), substitute(it.value().toString().toUtf8())});
        }
        if (captured.contains(QLatin1String("Authorization"))) {
            headers.append({"Authorization", m_client->signer().v1Authorization(body)});
        } else if (captured.contains(QLatin1String("Signature-Input"))) {
            const auto signature = m_client->signer().v2Headers(
                method, target, body, QDateTime::currentSecsSinceEpoch() - 30);
            headers.append({"Content-Digest", signature.contentDigest});
            headers.append({"Signature-Input", signature.signatureInput});
            headers.append({"Signature", signature.signature});
        }

        const ServerClient::Reply reply = m_client->raw(method, target, headers, body);
        const QByteArray why = label.toUtf8() + ": " + reply.body.left(300);
        const QJsonDocument parsed = QJsonDocument::fromJson("[" + reply.body + "]");
        const bool isV1 = target.startsWith("/public");
        previous = reply.json();
        if (target.startsWith("/v2/public/presigned-urls"))
            uploadSlots = previous[QLatin1String("results")].toArray();
        if (body.contains("\"signedimagesurl\"")) {
            for (const QJsonValue &slot : previous[QLatin1String("response")].toArray())
                v1Slots.insert(slot[QLatin1String("title")].toString(), slot.toObject());
        }
        if (target.endsWith("/cvat-import") && previous.isString())
            cvatJob = previous.toString();

        const QStringList refusal = checks.isEmpty() ? QStringList() : words(checks.first());
        if (refusal.value(1) == QLatin1String("refused")) {
            QVERIFY2(reply.status == refusal.value(2).toInt(), why.constData());
            if (isV1) {
                QCOMPARE(reply.v1Code(), refusal.value(3));
                QVERIFY2(!reply.json()[QLatin1String("payload")].toString().isEmpty(),
                         why.constData());
            } else {
                QVERIFY2(!reply.message().isEmpty(), why.constData());
            }
            continue;
        }
        QVERIFY2(reply.status == 200, why.constData());
        if (url.host() == QLatin1String("upload.example"))
            continue;
        QVERIFY2(parsed.isArray() && parsed.array().size() == 1, why.constData());
        if (isV1)
            QVERIFY2(previous[QLatin1String("status")].toInt() == 200, why.constData());

        for (const QString &check : checks) {
            const QStringList parts = words(check);
            QList<QJsonValue> values;
            QString missing;
            QVERIFY2(resolve(previous, parts.at(1), &values, &missing),
                     qPrintable(QStringLiteral("%1: %2").arg(label, missing)));
            const QString relation = parts.at(2);
            const QStringList keys = parts.mid(3);
            for (const QJsonValue &value : std::as_const(values)) {
                const QStringList actual = value.toObject().keys();
                const QString context = QStringLiteral("%1 at %2: %3")
                                            .arg(label, parts.at(1))
                                            .arg(QString::fromUtf8(compact(value).left(400)));
                if (relation == QLatin1String("is")) {
                    if (keys.value(0) == QLatin1String("string"))
                        QVERIFY2(!value.toString().isEmpty(), qPrintable(context));
                    continue; // "json": parsed above
                }
                QVERIFY2(value.isObject(), qPrintable(context));
                if (relation == QLatin1String(":") || relation == QLatin1String("=")) {
                    for (const QString &key : keys)
                        QVERIFY2(actual.contains(key),
                                 qPrintable(key + QStringLiteral(" missing in ") + context));
                }
                if (relation == QLatin1String("=") || relation == QLatin1String("<=")) {
                    for (const QString &key : actual)
                        QVERIFY2(keys.contains(key),
                                 qPrintable(key + QStringLiteral(" unexpected in ") + context));
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestCaptureReplay)
#include "tst_capturereplay.moc"
