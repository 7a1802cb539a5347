#include "v2api.h"

#include "base64fieldsplitter.h"
#include "cvatimportjobs.h"
#include "cvatimportservice.h"
#include "datasetstore.h"
#include "deidjobs.h"
#include "dicomdeidservice.h"
#include "integrationstore.h"
#include "jsonarraywriter.h"
#include "listingfilter.h"
#include "ontologystore.h"
#include "projectstore.h"
#include "records/deidentifyrequest.h"
#include "requesterror.h"
#include "serverrequest.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"
#include "v1format.h"
#include "v2format.h"
#include "v2params.h"
#include "v2storageapi.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QUuid>

namespace Encord::Server {

namespace {

// Listings show what the caller holds a role on; an organisation admin who asks for
// includeOrgAccess gets everything in the organisation.
bool includeOrgAccess(const ServerRequest &request)
{
    return V2Params::boolParam(request, QStringLiteral("includeOrgAccess")).value_or(false);
}

bool matches(const QStringList &path, std::initializer_list<const char *> pattern)
{
    return V2Params::matches(path, pattern);
}

// Value types of the client metadata schema (spec §4.10, plus the richer schema's names).
const QStringList &metadataTypes()
{
    static const QStringList types = {QStringLiteral("number"),
                                      QStringLiteral("string"),
                                      QStringLiteral("boolean"),
                                      QStringLiteral("datetime"),
                                      QStringLiteral("geospatial"),
                                      QStringLiteral("enum"),
                                      QStringLiteral("embedding"),
                                      QStringLiteral("long_string"),
                                      QStringLiteral("text"),
                                      QStringLiteral("uuid"),
                                      QStringLiteral("varchar")};
    return types;
}

} // namespace

V2Api::V2Api(Workspace &workspace, const UserRecord &user, QString baseUrl)
    : m_workspace(workspace)
    , m_user(user)
    , m_baseUrl(std::move(baseUrl))
{ }

ServerResponse V2Api::json(const QJsonValue &value, int status)
{
    ServerResponse response;
    response.status = status;
    // QJsonDocument cannot hold a bare scalar; wrap in an array and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    response.body = wrapped.mid(1, wrapped.size() - 2);
    return response;
}

ServerResponse V2Api::error(int status, const QString &message)
{
    return json(
        QJsonObject{{QStringLiteral("message"), message}, {QStringLiteral("detail"), message}},
        status);
}

ServerResponse V2Api::handle(const ServerRequest &request)
{
    static const QString prefix = QStringLiteral("/v2/public/");
    QString relative = request.path.mid(prefix.size());
    while (relative.endsWith(QLatin1Char('/')))
        relative.chop(1);
    const QStringList path = relative.split(QLatin1Char('/'));
    try {
        // Listings that can be large are written as they are read (see JsonArrayWriter).
        if (request.method == "GET" && matches(path, {"datasets", "list"}))
            return listDatasets(request);
        return json(route(request, path));
    } catch (const RequestError &e) {
        return error(e.httpStatus(), e.message());
    }
}

ServerResponse V2Api::listDatasets(const ServerRequest &request)
{
    const ListingFilter filter = ListingFilter::fromV2(request, QStringLiteral("description"));
    JsonArrayWriter result(R"({"result":[)");
    DatasetStore(m_workspace.database(), m_user)
        .forEachListed(filter, includeOrgAccess(request), [&result](const DatasetRecord &dataset) {
            result.append(V2Format::dataset(dataset));
        });
    ServerResponse response;
    response.body = result.finish("]}");
    return response;
}

QJsonValue V2Api::route(const ServerRequest &request, const QStringList &path)
{
    const QString &head = path.first();
    if (head == QLatin1String("projects"))
        return projects(request, path);
    if (head == QLatin1String("ontologies"))
        return ontologies(request, path);
    if (head == QLatin1String("datasets"))
        return datasets(request, path);
    if (head == QLatin1String("storage") || head == QLatin1String("presigned-urls"))
        return V2StorageApi(m_workspace, m_user, m_baseUrl).route(request, path);
    if (head == QLatin1String("organisation") || head == QLatin1String("user"))
        return organisation(request, path);
    if (request.method == "GET" && matches(path, {"cloud-integrations"})) {
        const QStringList uuids = request.queryValues(QStringLiteral("filterIntegrationUuids"));
        const QStringList titles = request.queryValues(QStringLiteral("filterIntegrationTitles"));
        QJsonArray result;
        for (const IntegrationRecord &integration :
             IntegrationStore(m_workspace.database()).list()) {
            if ((!uuids.isEmpty() && !uuids.contains(integration.uuid))
                || (!titles.isEmpty() && !titles.contains(integration.title)))
                continue;
            result.append(QJsonObject{{QStringLiteral("integrationUuid"), integration.uuid},
                                      {QStringLiteral("title"), integration.title}});
        }
        return QJsonObject{{QStringLiteral("result"), result}};
    }
    if (head == QLatin1String("dicom-deidentification"))
        return dicomDeidentification(request, path);
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2Api::dicomDeidentification(const ServerRequest &request, const QStringList &path)
{
    DeidJobs &jobs = m_workspace.deidJobs();
    if (request.method == "POST" && matches(path, {"dicom-deidentification"})) {
        const DeidentifyRequest body = DeidentifyRequest::fromJson(V2Params::bodyObject(request));
        // Validate now, so that a bad request is a 400/404 here rather than a failed job.
        auto service = std::make_shared<DicomDeidService>(m_workspace, m_user);
        auto plan = std::make_shared<DicomDeidService::Plan>(service->prepare(body));
        return jobs.start(m_user.id, [service, plan](const std::function<bool()> &cancelled) {
            return service->run(*plan, cancelled);
        });
    }
    if (request.method == "GET" && matches(path, {"dicom-deidentification", "*"})) {
        const int seconds =
            std::clamp(request.queryValue(QStringLiteral("timeoutSeconds")).toInt(), 0, 60);
        const std::optional<DeidJobs::Snapshot> state =
            jobs.wait(path.at(1), m_user.id, std::chrono::seconds(seconds));
        if (!state)
            throw RequestError::notFound(QStringLiteral("No such de-identification job."));
        QJsonObject answer;
        switch (state->status) {
        case DeidJobs::Status::Pending:
            answer.insert(QStringLiteral("status"), QStringLiteral("PENDING"));
            break;
        case DeidJobs::Status::Done:
            answer.insert(QStringLiteral("status"), QStringLiteral("DONE"));
            answer.insert(QStringLiteral("urls"), QJsonArray::fromStringList(state->outcome.urls));
            break;
        case DeidJobs::Status::Error:
            answer.insert(QStringLiteral("status"), QStringLiteral("ERROR"));
            answer.insert(QStringLiteral("urls"), QJsonArray::fromStringList(state->outcome.urls));
            answer.insert(QStringLiteral("errors"),
                          QJsonArray::fromStringList(state->outcome.errors));
            break;
        }
        return answer;
    }
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2Api::projects(const ServerRequest &request, const QStringList &path)
{
    SqliteDatabase &db = m_workspace.database();
    ProjectStore store(db, m_user);
    OntologyStore ontologies(db, m_user);
    const auto dto = [&](const ProjectRecord &project) {
        const std::optional<OntologyRecord> ontology =
            ontologies.findUnchecked(project.ontologyHash);
        return V2Format::project(
            project, ontology ? V1Format::editorObject(ontology->editor) : QJsonObject());
    };
    if (path.size() >= 2 && path.at(1) == QLatin1String("cvat-import"))
        return cvatImport(request, path);
    if (request.method == "GET" && matches(path, {"projects"})) {
        QJsonArray all;
        const ListingFilter filter = ListingFilter::fromV2(request, QStringLiteral("desc"));
        for (const ProjectRecord &project : store.list(filter, includeOrgAccess(request)))
            all.append(dto(project));
        return V2Params::page(all, request);
    }
    if (request.method == "GET" && matches(path, {"projects", "*"}))
        return dto(store.get(path.at(1)));
    if (request.method == "GET" && matches(path, {"projects", "*", "datasets"})) {
        const ProjectRecord project = store.get(path.at(1));
        DatasetStore datasets(db, m_user);
        QJsonArray all;
        for (const QString &hash : project.datasetHashes) {
            // Datasets the caller cannot see still belong to the project: name them anyway.
            const std::optional<DatasetRecord> dataset = datasets.find(hash);
            all.append(QJsonObject{
                {QStringLiteral("datasetHash"), hash},
                {QStringLiteral("title"), dataset ? dataset->title : QString()},
                {QStringLiteral("description"), dataset ? dataset->description : QString()}});
        }
        return V2Params::page(all, request);
    }
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2Api::cvatImport(const ServerRequest &request, const QStringList &path)
{
    CvatImportJobs &jobs = m_workspace.cvatImportJobs();
    if (request.method == "POST" && matches(path, {"projects", "cvat-import"})) {
        auto import = std::make_shared<CvatImportRequest>();
        QJsonObject body;
        if (request.bodyFile.isEmpty()) {
            body = V2Params::bodyObject(request);
            import->annotationsXml = QByteArray::fromBase64(
                body.value(QLatin1String("annotationsBase64")).toString().toLatin1());
        } else {
            // A spooled body (see HttpFront): the annotations are decoded from it into a file
            // of their own, a block at a time, and live as long as the import needs them.
            import->annotationsFile = std::make_shared<QTemporaryFile>(
                QDir(m_workspace.dataDir()).filePath(QStringLiteral("cvat-import-XXXXXX.xml")));
            QFile spooled(request.bodyFile);
            if (!import->annotationsFile->open() || !spooled.open(QIODevice::ReadOnly))
                throw RequestError::invalidArgument(
                    QStringLiteral("The server could not store the annotations."));
            QString error;
            std::optional<QJsonObject> others = Base64FieldSplitter::split(
                spooled, "annotationsBase64", *import->annotationsFile, &error);
            if (!others || !import->annotationsFile->flush())
                throw RequestError::invalidArgument(
                    error.isEmpty() ? QStringLiteral("The annotations could not be stored.")
                                    : error);
            import->annotationsFile->close();
            body = *others;
        }
        import->datasetHash = body.value(QLatin1String("datasetUuid")).toString();
        import->reviewMode =
            body.value(QLatin1String("reviewMode")).toString(QStringLiteral("labelled"));
        import->boxesAsPolygons =
            body.value(QLatin1String("transformBoundingBoxesToPolygons")).toBool(false);
        for (const QJsonValue &value : body.value(QLatin1String("data")).toArray()) {
            const QJsonObject entry = value.toObject();
            import->data.append({entry.value(QLatin1String("dataPath")).toString(),
                                 entry.value(QLatin1String("dataLink")).toString(),
                                 QString(),
                                 entry.value(QLatin1String("title")).toString()});
        }
        // A request that cannot succeed is a 400/404 now rather than a failed job; the import
        // itself runs on the job's thread and the answer is the job's id at once.
        CvatImportService(m_workspace, m_user).check(*import);
        Workspace &workspace = m_workspace;
        const UserRecord user = m_user;
        return jobs.start(
            m_user.id, [&workspace, user, import](const auto &cancelled, const auto &record) {
                const auto state = [](const CvatImportOutcome &outcome) {
                    QJsonObject json{
                        {QStringLiteral("status"),
                         outcome.success ? QStringLiteral("DONE") : QStringLiteral("ERROR")},
                        {QStringLiteral("issues"), outcome.issues}};
                    if (outcome.success)
                        json.insert(QStringLiteral("projectUuid"), outcome.projectHash);
                    return json;
                };
                // DONE is stored in the import's own transaction: a project never exists without
                // its job saying so, nor the other way round.
                const CvatImportOutcome outcome =
                    CvatImportService(workspace, user)
                        .run(*import,
                             cancelled,
                             [&](SqliteDatabase &db, const CvatImportOutcome &done) {
                                 record(db, state(done));
                             });
                return state(outcome);
            });
    }
    if (request.method == "GET" && matches(path, {"projects", "cvat-import", "*"})) {
        // Long-poll: held until the job ends or timeoutSeconds (at most 60) pass (spec §5.3).
        const int seconds =
            std::clamp(request.queryValue(QStringLiteral("timeoutSeconds")).toInt(), 0, 60);
        const QJsonObject state = jobs.wait(path.at(2), m_user.id, std::chrono::seconds(seconds));
        if (state.isEmpty())
            throw RequestError::notFound(QStringLiteral("CVAT import job not found."));
        return state;
    }
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2Api::ontologies(const ServerRequest &request, const QStringList &path)
{
    OntologyStore store(m_workspace.database(), m_user);
    if (request.method == "GET" && matches(path, {"ontologies"})) {
        QJsonArray all;
        const ListingFilter filter = ListingFilter::fromV2(request, QStringLiteral("desc"));
        for (const OntologyRecord &ontology : store.list(filter, includeOrgAccess(request)))
            all.append(V2Format::ontology(ontology));
        return V2Params::page(all, request);
    }
    if (request.method == "GET" && matches(path, {"ontologies", "*"}))
        return V2Format::ontology(store.get(path.at(1)));
    if (request.method == "POST" && matches(path, {"ontologies"})) {
        const QJsonObject body = V2Params::bodyObject(request);
        const QJsonValue editor = body.value(QLatin1String("editor"));
        return V2Format::ontology(store.create(
            body.value(QLatin1String("title")).toString(),
            body.value(QLatin1String("description")).toString(),
            editor.isObject() ? QJsonDocument(editor.toObject()).toJson(QJsonDocument::Compact)
                              : OntologyStore::emptyEditor()));
    }
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2Api::datasets(const ServerRequest &request, const QStringList &path)
{
    DatasetStore store(m_workspace.database(), m_user);
    if (request.method == "POST" && matches(path, {"datasets"})) {
        const QJsonObject body = V2Params::bodyObject(request);
        const DatasetRecord dataset =
            store.create(body.value(QLatin1String("title")).toString(),
                         body.value(QLatin1String("description")).toString(),
                         0,
                         body.value(QLatin1String("createBackingFolder")).toBool(true));
        return QJsonObject{
            {QStringLiteral("datasetUuid"), dataset.hash},
            {QStringLiteral("backingFolderUuid"),
             dataset.backingFolder ? QJsonValue(*dataset.backingFolder) : QJsonValue::Null}};
    }
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2Api::organisation(const ServerRequest &request, const QStringList &path)
{
    SqliteDatabase &db = m_workspace.database();
    if (request.method == "GET" && matches(path, {"user", "current-organisation", "groups"})) {
        SqliteStatement row = db.prepare(QStringLiteral(
            "SELECT hash, name, description, created_at FROM groups ORDER BY name, hash"));
        QJsonArray all;
        while (row.next()) {
            all.append(QJsonObject{{QStringLiteral("groupHash"), row.text(0)},
                                   {QStringLiteral("name"), row.text(1)},
                                   {QStringLiteral("description"), row.text(2)},
                                   {QStringLiteral("createdAt"), TimeFormat::v2(row.int64(3))}});
        }
        return V2Params::page(all, request);
    }
    if (matches(path, {"user", "bearer_token"}))
        throw V2Params::notSupported(QStringLiteral("Bearer tokens"));

    // organisation/client-metadata-schema, or the legacy organisation/1/client-metadata-schema.
    const bool current = matches(path, {"organisation", "client-metadata-schema"});
    const bool legacy = matches(path, {"organisation", "*", "client-metadata-schema"});
    if (!current && !legacy)
        throw RequestError::notFound(QStringLiteral("No such route."));
    if (legacy && path.at(1) != QLatin1String("1"))
        throw RequestError::notFound(QStringLiteral("Organisation not found."));

    if (request.method == "GET") {
        SqliteStatement row = db.prepare(QStringLiteral(
            "SELECT uuid, schema, created_at, updated_at FROM metadata_schema WHERE id = 1"));
        if (!row.next())
            return QJsonValue::Null;
        return QJsonObject{
            {QStringLiteral("uuid"), row.text(0)},
            {QStringLiteral("metadataSchema"),
             QJsonDocument::fromJson(row.text(1).toUtf8()).object()},
            {QStringLiteral("organisationId"), 1},
            {QStringLiteral("createdAt"), TimeFormat::v2(row.int64(2))},
            {QStringLiteral("updatedAt"), TimeFormat::v2(row.int64(3))},
        };
    }
    if (request.method == "POST") {
        if (!m_user.orgAdmin)
            throw RequestError::forbidden(
                QStringLiteral("Only organisation admins can set the metadata schema."));
        const QJsonObject schema = V2Params::bodyObject(request);
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (!it.value().isString() || !metadataTypes().contains(it.value().toString()))
                throw RequestError::invalidArgument(
                    QStringLiteral("Unknown metadata type for \"%1\".").arg(it.key()));
        }
        SqliteTransaction transaction(db);
        const qint64 now = TimeFormat::nowMs();
        db.exec(QStringLiteral("INSERT INTO metadata_schema (id, uuid, schema, created_at, "
                               "updated_at) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                               "SET schema = excluded.schema, updated_at = excluded.updated_at"),
                {QUuid::createUuid().toString(QUuid::WithoutBraces),
                 QString::fromUtf8(QJsonDocument(schema).toJson(QJsonDocument::Compact)),
                 now,
                 now});
        transaction.commit();
        return QJsonValue::Null;
    }
    throw RequestError::methodNotAllowed(QStringLiteral("Method not allowed."));
}

} // namespace Encord::Server
