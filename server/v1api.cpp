#include "v1api.h"

#include "apikeystore.h"
#include "blobservice.h"
#include "cvatimportservice.h"
#include "datasetstore.h"
#include "dicomdeidservice.h"
#include "integrationstore.h"
#include "itemstore.h"
#include "jsonarraywriter.h"
#include "labelrowstore.h"
#include "listingfilter.h"
#include "ontologystore.h"
#include "projectstore.h"
#include "records/deidentifyrequest.h"
#include "requesterror.h"
#include "serverrequest.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "userstore.h"
#include "v1format.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>

namespace Encord::Server {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

// The payload's dataset_hash, required.
QString requiredString(const QJsonObject &payload, const char *key)
{
    const QString value = payload.value(QLatin1String(key)).toString();
    if (value.isEmpty())
        throw RequestError::invalidArgument(
            QStringLiteral("Missing \"%1\".").arg(QLatin1String(key)));
    return value;
}

RequestError notSupported(const QString &what)
{
    return RequestError::notSupported(
        QStringLiteral("%1 is not supported by the local workspace server.").arg(what));
}

} // namespace

V1Api::V1Api(Workspace &workspace, const UserRecord &user, QString baseUrl)
    : m_workspace(workspace)
    , m_user(user)
    , m_baseUrl(std::move(baseUrl))
{ }

ServerResponse V1Api::ok(const QJsonValue &result)
{
    ServerResponse response;
    const QJsonObject envelope{{QStringLiteral("status"), 200},
                               {QStringLiteral("response"), result}};
    response.body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    return response;
}

ServerResponse V1Api::error(int status, const QString &code, const QString &message)
{
    ServerResponse response;
    response.status = status;
    const QJsonObject envelope{{QStringLiteral("status"), status},
                               {QStringLiteral("response"), QJsonArray{code}},
                               {QStringLiteral("payload"), message}};
    response.body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    return response;
}

ServerResponse V1Api::handle(const ServerRequest &request, bool userScope)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400,
                     QStringLiteral("INVALID_ARGUMENTS_ERROR"),
                     QStringLiteral("The request body is not a JSON object."));
    const QJsonObject envelope = document.object();
    const QString type = envelope.value(QLatin1String("query_type")).toString();
    const QString method = envelope.value(QLatin1String("query_method")).toString().toUpper();
    const QJsonObject values = envelope.value(QLatin1String("values")).toObject();
    const QJsonValue uid = values.value(QLatin1String("uid"));
    const QJsonValue payload = values.value(QLatin1String("payload"));
    try {
        // Listings that can be large are written as they are read (see JsonArrayWriter).
        if (userScope && type == QLatin1String("datasetwithuserrole")
            && method == QLatin1String("GET"))
            return listDatasets(payload.toObject());
        if (userScope)
            return ok(userQuery(type, method, uid, payload));
        return ok(resourceQuery(QString::fromUtf8(request.header("resourcetype")).toLower(),
                                QString::fromUtf8(request.header("resourceid")),
                                type,
                                method,
                                uid,
                                payload));
    } catch (const RequestError &e) {
        return error(e.httpStatus(), e.v1Code(), e.message());
    }
}

ServerResponse V1Api::listDatasets(const QJsonObject &payload)
{
    const ListingFilter filter =
        ListingFilter::fromV1(payload.value(QLatin1String("filter")).toObject());
    JsonArrayWriter result(R"({"status":200,"response":[)");
    DatasetStore(m_workspace.database(), m_user)
        .forEachListed(filter, false, [&result](const DatasetRecord &dataset) {
            result.append(QJsonObject{{QStringLiteral("user_role"), dataset.role.value_or(0)},
                                      {QStringLiteral("dataset"), V1Format::datasetInfo(dataset)}});
        });
    ServerResponse response;
    response.body = result.finish("]}");
    return response;
}

QJsonValue V1Api::userQuery(const QString &type,
                            const QString &method,
                            const QJsonValue &uid,
                            const QJsonValue &payloadValue)
{
    SqliteDatabase &db = m_workspace.database();
    const QJsonObject payload = payloadValue.toObject();
    const auto is = [&](const char *t, const char *m) {
        return type == QLatin1String(t) && method == QLatin1String(m);
    };

    if (is("dataset", "POST")) {
        const DatasetRecord dataset =
            DatasetStore(db, m_user)
                .create(payload.value(QLatin1String("title")).toString(),
                        payload.value(QLatin1String("description")).toString(),
                        payload.value(QLatin1String("type")).toInt(0),
                        payload.value(QLatin1String("create_backing_folder")).toBool(true));
        return V1Format::createDatasetResponse(dataset, UserStore::userHash(m_user.email));
    }
    if (is("projectwithuserrole", "GET")) {
        QJsonArray result;
        const ListingFilter filter =
            ListingFilter::fromV1(payload.value(QLatin1String("filter")).toObject());
        DatasetStore datasets(db, m_user);
        OntologyStore ontologies(db, m_user);
        for (const ProjectRecord &project : ProjectStore(db, m_user).list(filter)) {
            QList<DatasetRecord> projectDatasets;
            for (const QString &hash : project.datasetHashes) {
                if (std::optional<DatasetRecord> dataset = datasets.find(hash))
                    projectDatasets.append(*dataset);
            }
            const std::optional<OntologyRecord> ontology =
                ontologies.findUnchecked(project.ontologyHash);
            const QJsonObject editor =
                ontology ? V1Format::editorObject(ontology->editor) : QJsonObject();
            result.append(QJsonObject{
                {QStringLiteral("user_role"), project.role.value_or(0)},
                {QStringLiteral("project"), V1Format::project(project, editor, projectDatasets)}});
        }
        return result;
    }
    if (is("ontologywithuserrole", "GET")) {
        QJsonArray result;
        const ListingFilter filter =
            ListingFilter::fromV1(payload.value(QLatin1String("filter")).toObject());
        for (const OntologyRecord &ontology : OntologyStore(db, m_user).list(filter)) {
            result.append(QJsonObject{{QStringLiteral("user_role"), ontology.role.value_or(0)},
                                      {QStringLiteral("user_email"), m_user.email},
                                      {QStringLiteral("ontology"), V1Format::ontology(ontology)}});
        }
        return result;
    }
    if (is("ontology", "POST")) {
        const QJsonValue editor = payload.value(QLatin1String("editor"));
        const QByteArray editorText =
            editor.isObject() ? QJsonDocument(editor.toObject()).toJson(QJsonDocument::Compact)
                              : OntologyStore::emptyEditor();
        return V1Format::ontology(
            OntologyStore(db, m_user)
                .create(payload.value(QLatin1String("title")).toString(),
                        payload.value(QLatin1String("description")).toString(),
                        editorText));
    }
    if (is("project", "POST")) {
        ProjectDraft draft;
        draft.title = payload.value(QLatin1String("title")).toString();
        draft.description = payload.value(QLatin1String("description")).toString();
        draft.datasetHashes = stringList(payload.value(QLatin1String("dataset_hashes")));
        draft.workflowType =
            payload.value(QLatin1String("workflow_type")).toString(QStringLiteral("manual"));
        draft.sourceProjects = stringList(payload.value(QLatin1String("source_projects")));
        draft.ontologyHash = payload.value(QLatin1String("ontology_hash")).toString();
        const QJsonValue templateId = payload.value(QLatin1String("workflow_template_id"));
        if (!templateId.isUndefined() && !templateId.isNull())
            draft.workflowTemplateId = templateId.isString()
                                           ? templateId.toString()
                                           : QString::number(templateId.toInteger());
        return ProjectStore(db, m_user).create(draft).hash;
    }
    if (type == QLatin1String("datasetapikey")) {
        ApiKeyStore keys(db, m_user);
        const QString dataset = requiredString(payload, "dataset_hash");
        if (method == QLatin1String("POST")) {
            return V1Format::datasetApiKey(
                keys.create(QStringLiteral("dataset"),
                            dataset,
                            payload.value(QLatin1String("title")).toString(),
                            stringList(payload.value(QLatin1String("scopes")))));
        }
        if (method == QLatin1String("GET")) {
            QJsonArray result;
            for (const ApiKeyRecord &key : keys.list(QStringLiteral("dataset"), dataset))
                result.append(V1Format::datasetApiKey(key));
            return result;
        }
        if (method == QLatin1String("PUT"))
            return V1Format::datasetApiKey(keys.getOrCreate(QStringLiteral("dataset"), dataset));
    }
    if (type == QLatin1String("projectapikey")) {
        ApiKeyStore keys(db, m_user);
        const QString project = uid.toString();
        if (project.isEmpty())
            throw RequestError::invalidArgument(QStringLiteral("Missing project hash."));
        if (method == QLatin1String("POST")) {
            return keys
                .create(QStringLiteral("project"),
                        project,
                        payload.value(QLatin1String("title")).toString(),
                        stringList(payload.value(QLatin1String("scopes"))))
                .apiKey;
        }
        if (method == QLatin1String("GET")) {
            QJsonArray result;
            for (const ApiKeyRecord &key : keys.list(QStringLiteral("project"), project))
                result.append(V1Format::projectApiKey(key));
            return result;
        }
        if (method == QLatin1String("PUT"))
            return keys.getOrCreate(QStringLiteral("project"), project).apiKey;
    }
    if (is("cloudintegration", "GET")) {
        QJsonArray result;
        for (const IntegrationRecord &integration : IntegrationStore(db).list()) {
            result.append(QJsonObject{{QStringLiteral("id"), integration.uuid},
                                      {QStringLiteral("title"), integration.title}});
        }
        return result;
    }
    if (is("dicomdeidentifytask", "POST")) {
        // Legacy synchronous call: the integration is the uid, the answer the list of URLs.
        DeidentifyRequest request = DeidentifyRequest::fromJson(payload);
        request.integrationHash = uid.toString();
        const DicomDeidService service(m_workspace, m_user);
        const DicomDeidService::Plan plan = service.prepare(request);
        const DeidJobOutcome outcome = service.run(plan);
        if (!outcome.errors.isEmpty()) {
            // A v1 answer is the list of URLs or an error whose payload is a message (the job
            // route answers ERROR with its URLs); the copies written regardless are named in
            // the message, or the caller could not find them.
            QString message = QStringLiteral("Some files could not be de-identified: ")
                              + outcome.errors.join(QStringLiteral("; "));
            if (!outcome.urls.isEmpty())
                message += QStringLiteral(". Copies written: ") + outcome.urls.join(u", ");
            throw RequestError::invalidArgument(message);
        }
        return QJsonArray::fromStringList(outcome.urls);
    }
    if (is("projectimportercvatinfo", "POST")) {
        QString error;
        const QString exportType = CvatImportService::exportType(
            QByteArray::fromBase64(
                payload.value(QLatin1String("annotations_base64")).toString().toLatin1()),
            &error);
        if (exportType.isEmpty())
            return QJsonObject{
                {QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), error}}}};
        return QJsonObject{
            {QStringLiteral("success"), QJsonObject{{QStringLiteral("export_type"), exportType}}}};
    }
    if (is("projectimporter", "POST"))
        return projectImporter(payload);
    throw RequestError::methodNotAllowed(
        QStringLiteral("Unknown user query %1 %2.").arg(method, type));
}

QJsonValue V1Api::resourceQuery(const QString &resourceType,
                                const QString &resourceId,
                                const QString &type,
                                const QString &method,
                                const QJsonValue &uid,
                                const QJsonValue &payloadValue)
{
    SqliteDatabase &db = m_workspace.database();
    const QJsonObject payload = payloadValue.toObject();
    const auto is = [&](const char *t, const char *m) {
        return type == QLatin1String(t) && method == QLatin1String(m);
    };

    if (resourceType == QLatin1String("dataset")) {
        DatasetStore datasets(db, m_user);
        const DatasetRecord dataset = datasets.get(resourceId);
        if (is("dataset", "GET")) {
            const bool withMetadata = payload.value(QLatin1String("dataset_access_settings"))
                                          .toObject()
                                          .value(QLatin1String("fetch_client_metadata"))
                                          .toBool(false);
            return V1Format::dataset(dataset, datasets.rows(dataset.hash), withMetadata);
        }
        if (is("signedimagesurl", "GET"))
            return signedImageUrls(dataset.hash, uid);
        if (is("images", "PUT"))
            return registerImages(dataset.hash, payloadValue);
        if (type == QLatin1String("signedvideourl") || type == QLatin1String("video"))
            throw notSupported(QStringLiteral("Uploading videos through v1 signed URLs"));
    } else if (resourceType == QLatin1String("project")) {
        const ProjectRecord project = ProjectStore(db, m_user).get(resourceId);
        OntologyStore ontologies(db, m_user);
        if (is("project", "GET")) {
            DatasetStore datasets(db, m_user);
            QList<DatasetRecord> projectDatasets;
            for (const QString &hash : project.datasetHashes) {
                if (std::optional<DatasetRecord> dataset = datasets.find(hash))
                    projectDatasets.append(*dataset);
            }
            const std::optional<OntologyRecord> ontology =
                ontologies.findUnchecked(project.ontologyHash);
            return V1Format::project(project,
                                     ontology ? V1Format::editorObject(ontology->editor)
                                              : QJsonObject(),
                                     projectDatasets);
        }
        if (is("labelrowmetadata", "GET"))
            return labelRowMetadata(project, payload);
        if (is("labelrow", "GET"))
            return labelRows(project, uid);
        // The project scope grants read access to the project's own ontology only.
        if (is("ontology", "GET")) {
            const QString hash = uid.isString() ? uid.toString() : project.ontologyHash;
            const std::optional<OntologyRecord> ontology =
                hash == project.ontologyHash ? ontologies.findUnchecked(hash) : std::nullopt;
            if (!ontology)
                throw RequestError::notFound(QStringLiteral("Ontology not found."));
            return V1Format::ontology(*ontology);
        }
    } else if (resourceType == QLatin1String("ontology")) {
        const OntologyRecord ontology = OntologyStore(db, m_user).get(resourceId);
        if (is("ontology", "GET")) {
            if (uid.isString() && uid.toString() != ontology.hash)
                throw RequestError::notFound(QStringLiteral("Ontology not found."));
            return V1Format::ontology(ontology);
        }
    } else {
        throw RequestError::invalidArgument(
            QStringLiteral("Unknown ResourceType \"%1\".").arg(resourceType));
    }
    throw RequestError::methodNotAllowed(
        QStringLiteral("Unknown %1 query %2 %3.").arg(resourceType, method, type));
}

// list_label_rows: one metadata object per data row of the project's datasets, label rows
// that exist carry their hash and dates; rows without labels only with
// include_uninitialised_labels (as list_label_rows_v2 always asks).
QJsonValue V1Api::labelRowMetadata(const ProjectRecord &project, const QJsonObject &payload)
{
    SqliteDatabase &db = m_workspace.database();
    const bool uninitialised =
        payload.value(QLatin1String("include_uninitialised_labels")).toBool(false);
    const QStringList dataHashes = stringList(payload.value(QLatin1String("data_hashes")));
    const QStringList labelHashes = stringList(payload.value(QLatin1String("label_hashes")));
    const QStringList statuses = stringList(payload.value(QLatin1String("label_statuses")));
    const QString titleEq = payload.value(QLatin1String("data_title_eq")).toString();
    QHash<QString, LabelRowRecord> labelOfData;
    for (const LabelRowRecord &row : LabelRowStore(db).list(project.hash))
        labelOfData.insert(row.dataHash, row);
    const LabelRowStore labelRows(db);
    DatasetStore datasets(db, m_user);
    QJsonArray result;
    for (const QString &datasetHash : project.datasetHashes) {
        DatasetRecord dataset;
        dataset.hash = datasetHash;
        dataset.title = labelRows.datasetTitle(datasetHash);
        for (const DataRowRecord &data : datasets.rows(datasetHash)) {
            const auto label = labelOfData.constFind(data.hash);
            const bool hasLabel = label != labelOfData.constEnd();
            if (!hasLabel && (!uninitialised || !labelHashes.isEmpty()))
                continue;
            if (!dataHashes.isEmpty() && !dataHashes.contains(data.hash))
                continue;
            if (!labelHashes.isEmpty() && !labelHashes.contains(label->hash))
                continue;
            if (!titleEq.isEmpty() && data.title != titleEq)
                continue;
            const QString status = hasLabel ? label->status : QStringLiteral("NOT_LABELLED");
            if (!statuses.isEmpty() && !statuses.contains(status))
                continue;
            result.append(V1Format::labelRowMetadata(dataset, data, hasLabel ? &*label : nullptr));
        }
    }
    return result;
}

// get_label_row (uid: one hash) and get_label_rows (uid: a list): the stored label row JSON.
// A hash of another project is not found, so a project scope reads its own rows only.
QJsonValue V1Api::labelRows(const ProjectRecord &project, const QJsonValue &uid)
{
    const LabelRowStore store(m_workspace.database());
    const auto one = [&](const QString &hash) {
        const std::optional<LabelRowRecord> row = store.find(hash);
        if (!row || row->projectHash != project.hash)
            throw RequestError::notFound(QStringLiteral("Label row %1 not found.").arg(hash));
        return QJsonDocument::fromJson(row->content).object();
    };
    if (uid.isArray()) {
        QJsonArray result;
        for (const QString &hash : stringList(uid))
            result.append(one(hash));
        return result;
    }
    return one(uid.toString());
}

QJsonValue V1Api::projectImporter(const QJsonObject &payload)
{
    CvatImportRequest import;
    import.annotationsXml = QByteArray::fromBase64(payload.value(QLatin1String("cvat"))
                                                       .toObject()
                                                       .value(QLatin1String("annotations_base64"))
                                                       .toString()
                                                       .toLatin1());
    import.datasetHash = requiredString(payload, "dataset_hash");
    import.reviewMode =
        payload.value(QLatin1String("review_mode")).toString(QStringLiteral("labelled"));
    import.boxesAsPolygons =
        payload.value(QLatin1String("transform_bounding_boxes_to_polygons")).toBool(false);
    // ≤0.1.136: path → data hash of a row registered by images PUT. 0.1.137–0.1.145: path →
    // {data_hash, file_link, title}, and the server registers the rows itself.
    const QJsonObject hashes =
        payload.value(QLatin1String("image_title_to_image_hash_map")).toObject();
    for (auto it = hashes.begin(); it != hashes.end(); ++it)
        import.data.append({it.key(), QString(), it.value().toString(), QString()});
    const QJsonObject images = payload.value(QLatin1String("image_title_to_image")).toObject();
    for (auto it = images.begin(); it != images.end(); ++it) {
        const QJsonObject image = it.value().toObject();
        import.data.append({it.key(),
                            image.value(QLatin1String("file_link")).toString(),
                            image.value(QLatin1String("data_hash")).toString(),
                            image.value(QLatin1String("title")).toString()});
    }
    // Synchronous, as the legacy protocol has it: the answer is the outcome.
    const CvatImportOutcome outcome = CvatImportService(m_workspace, m_user).run(import);
    QJsonObject result{{QStringLiteral("issues"), outcome.issues},
                       {QStringLiteral("dataset_hash"), outcome.datasetHash}};
    if (!outcome.success)
        return QJsonObject{{QStringLiteral("error"), result}};
    result.insert(QStringLiteral("project_hash"), outcome.projectHash);
    return QJsonObject{{QStringLiteral("success"), result}};
}

QJsonValue V1Api::signedImageUrls(const QString &datasetHash, const QJsonValue &uid)
{
    DatasetStore(m_workspace.database(), m_user).getAsAdmin(datasetHash);
    // One file name (≤0.1.164) or a list of up to 200 (0.1.165), answered in the same order.
    QStringList titles;
    if (uid.isArray()) {
        for (const QJsonValue &title : uid.toArray())
            titles.append(title.toString());
    } else {
        titles.append(uid.toString());
    }
    if (titles.isEmpty() || titles.size() > 1000)
        throw RequestError::invalidArgument(QStringLiteral("Ask for 1 to 1000 upload URLs."));
    SqliteDatabase &db = m_workspace.database();
    SqliteTransaction transaction(db);
    const QList<BlobService::UploadSlot> slots =
        BlobService(m_workspace).issueUploads(m_user.id, int(titles.size()), m_baseUrl);
    transaction.commit();
    QJsonArray result;
    for (qsizetype i = 0; i < titles.size(); ++i) {
        // The data hash is the item the upload will become once images PUT registers it.
        result.append(QJsonObject{{QStringLiteral("signed_url"), slots.at(i).signedUrl},
                                  {QStringLiteral("data_hash"), slots.at(i).itemUuid},
                                  {QStringLiteral("title"), titles.at(i)},
                                  {QStringLiteral("file_link"), slots.at(i).objectKey}});
    }
    return result;
}

QJsonValue V1Api::registerImages(const QString &datasetHash, const QJsonValue &payload)
{
    SqliteDatabase &db = m_workspace.database();
    SqliteTransaction transaction(db);
    DatasetStore datasets(db, m_user);
    const DatasetRecord dataset = datasets.getAsAdmin(datasetHash);
    if (!dataset.backingFolder)
        throw RequestError::invalidArgument(
            QStringLiteral("The dataset has no storage folder to hold the images."));
    const BlobService blobs(m_workspace);
    ItemStore items(db, m_user);
    for (const QJsonValue &value : payload.toArray()) {
        const QJsonObject image = value.toObject();
        const QString dataHash = image.value(QLatin1String("data_hash")).toString();
        const QString objectKey = image.value(QLatin1String("file_link")).toString();
        const std::optional<BlobService::Upload> upload =
            blobs.completedUpload(m_user.id, dataHash, objectKey);
        if (!upload || upload->objectKey != objectKey)
            throw RequestError::invalidArgument(
                QStringLiteral("No completed upload for %1.")
                    .arg(image.value(QLatin1String("title")).toString()));
        if (items.find(upload->itemUuid))
            continue; // registered by an earlier, retried call
        ItemRecord item;
        item.uuid = upload->itemUuid;
        item.folder = *dataset.backingFolder;
        item.itemType = QStringLiteral("image");
        item.name = image.value(QLatin1String("title")).toString();
        item.url = upload->objectKey;
        item.fileSize = upload->size;
        item.mimeType =
            upload->contentType.isEmpty()
                ? QMimeDatabase().mimeTypeForFile(item.name, QMimeDatabase::MatchExtension).name()
                : upload->contentType;
        datasets.addItemRow(dataset.hash, items.insert(item));
    }
    transaction.commit();
    return true;
}

} // namespace Encord::Server
