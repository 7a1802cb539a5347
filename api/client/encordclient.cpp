#include "encordclient.h"

#include "core/logging.h"
#include "http/errormapper.h"
#include "http/httptransport.h"
#include "http/jsonarrayscanner.h"
#include "http/jsonparser.h"
#include "http/pythonjson.h"

#include <QBuffer>
#include <QCoroFuture>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

#include <vector>

namespace Encord {

namespace {

template<typename T>
QList<T> listOf(const QJsonValue &array)
{
    return Json::recordsFromJson<T>(array);
}

// Listings can hold a hundred thousand records: turning that many JSON objects into records
// takes long enough to stall a GUI, so large ones are decoded on a worker thread.
constexpr qsizetype kDecodeOffThreadAbove = 2000;

template<typename T>
QCoro::Task<QList<T>> listOfAsync(QJsonValue array)
{
    if (array.toArray().size() <= kDecodeOffThreadAbove)
        co_return listOf<T>(array);
    // Named, not a temporary in the co_await expression (GCC bug 100611).
    QFuture<QList<T>> decoding = QtConcurrent::run([array] { return listOf<T>(array); });
    co_return co_await decoding;
}

// The records of the array under @p key in a JSON body, decoded element by element so that the
// whole JSON tree of a large listing never exists at once; on a worker thread when large.
template<typename T>
Result<QList<T>> listFromBody(const QByteArray &body, QByteArrayView key)
{
    QList<T> records;
    QJsonParseError problem{};
    const bool shaped = JsonArrayScanner::forEachElement(body, key, [&](QByteArrayView element) {
        const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray::fromRawData(element.data(), element.size()), &problem);
        if (problem.error != QJsonParseError::NoError)
            return false;
        if (document.isObject())
            records.append(T::fromJson(document.object()));
        return true;
    });
    if (shaped)
        return records;
    // Not the expected shape: the whole-document parser says what is wrong, or, for an
    // answer that is valid JSON of another shape, there is simply no list in it.
    const Result<QJsonValue> parsed = JsonParser::parse(body);
    if (!parsed.ok())
        return parsed.error();
    const QJsonValue list =
        key.isEmpty() ? parsed.value() : parsed.value().toObject().value(QLatin1StringView(key));
    return Json::recordsFromJson<T>(list);
}

template<typename T>
QCoro::Task<Result<QList<T>>> listFromBodyAsync(Result<QByteArray> answer, QByteArrayView key)
{
    if (!answer.ok())
        co_return answer.error();
    QByteArray body = std::move(answer).value();
    if (body.size() <= JsonParser::kOffThreadThreshold)
        co_return listFromBody<T>(body, key);
    // Named, not a temporary in the co_await expression (GCC bug 100611).
    QFuture<Result<QList<T>>> decoding =
        QtConcurrent::run([body, key] { return listFromBody<T>(body, key); });
    co_return co_await decoding;
}

// The records of a list answer, or its error.
template<typename T>
QCoro::Task<Result<QList<T>>> listAnswer(Result<QJsonValue> answer)
{
    if (!answer.ok())
        co_return answer.error();
    co_return co_await listOfAsync<T>(answer.value());
}

template<typename T>
Result<T> objectOf(const Result<QJsonValue> &answer)
{
    if (!answer.ok())
        return answer.error();
    if (!answer.value().isObject())
        return ApiError(ApiError::Kind::Protocol, QStringLiteral("expected a JSON object"));
    return T::fromJson(answer.value().toObject());
}

template<typename T>
Result<Page<T>> pageOf(const Result<QJsonObject> &answer)
{
    if (!answer.ok())
        return answer.error();
    return Page<T>::fromJson(answer.value());
}

V2Call v2Get(const QString &path)
{
    V2Call call;
    call.path = path;
    return call;
}

V2Call v2Send(const QByteArray &method, const QString &path, QJsonValue body, bool retryable)
{
    V2Call call;
    call.method = method;
    call.path = path;
    call.body = std::move(body);
    call.retryable = retryable;
    return call;
}

void addFilter(QueryString &query, const ListingFilter &filter, ListingFilter::DescriptionKeys keys)
{
    for (const auto &[key, value] : filter.toV2Query(keys))
        query.add(key, value);
}

// The parameters of the storage listings, in the order the SDK sends them.
QueryString storageQuery(const StorageListOptions &options,
                         bool recursive,
                         const QString &pageToken,
                         bool forItems)
{
    QueryString query;
    if (!options.search.isEmpty())
        query.add(QStringLiteral("search"), options.search);
    query.add(QStringLiteral("isRecursive"), recursive);
    if (forItems) {
        if (options.isInDataset)
            query.add(QStringLiteral("isInDataset"), *options.isInDataset);
        QStringList types;
        for (const StorageItemType type : options.itemTypes)
            types << toWire(type);
        query.addList(QStringLiteral("itemTypes"), types);
    } else if (options.datasetSynced) {
        query.add(QStringLiteral("datasetSynced"), *options.datasetSynced);
    }
    if (options.includeOrgAccess)
        query.add(QStringLiteral("includeOrgAccess"), *options.includeOrgAccess);
    query.add(QStringLiteral("order"), toWire(options.order));
    query.add(QStringLiteral("desc"), options.descending);
    if (!pageToken.isEmpty())
        query.add(QStringLiteral("pageToken"), pageToken);
    query.add(QStringLiteral("pageSize"), std::clamp(options.pageSize, 1, 1000));
    if (forItems)
        query.add(QStringLiteral("signUrls"), options.signUrls);
    return query;
}

// A task that fails at once, for arguments refused before anything is sent.
template<typename T>
QCoro::Task<Result<T>> failedTask(ApiError error)
{
    co_return error;
}

// Every page of a storage listing, decoded.
template<typename T>
QCoro::Task<Result<QList<T>>> allStoragePages(
    V2Client client, QString path, StorageListOptions options, bool forItems, CancelToken token)
{
    auto answer = co_await client.allPages(
        [path, options, forItems](const QString &pageToken) {
            V2Call call = v2Get(path);
            call.query = storageQuery(options, false, pageToken, forItems);
            return call;
        },
        token);
    if (!answer.ok())
        co_return answer.error();
    co_return co_await listOfAsync<T>(answer.value());
}

V1Call v1(V1Scope scope,
          QString resourceId,
          QString queryType,
          V1CallKind kind,
          QJsonValue uid,
          QJsonValue payload)
{
    V1Call call;
    call.scope = scope;
    call.resourceId = std::move(resourceId);
    call.queryType = std::move(queryType);
    call.kind = kind;
    call.uid = std::move(uid);
    call.payload = std::move(payload);
    return call;
}

QJsonValue nullJson()
{
    return QJsonValue(QJsonValue::Null);
}

// A call on /public/user, the endpoint of every user-level v1 operation.
V1Call userCall(QString queryType, V1CallKind kind, QJsonValue uid, QJsonValue payload)
{
    return v1(V1Scope::User, {}, std::move(queryType), kind, std::move(uid), std::move(payload));
}

// The body of POST projects/cvat-import, written to a file: the annotations can be a gigabyte,
// and held as base64 inside a JSON text they took about six times that in memory.
struct CvatImportBody
{
    QByteArray sha256; ///< of the whole file, for the request's signature
    QString error;     ///< empty when written
};

// Reads @p size bytes (fewer only at the end): base64 blocks must be whole multiples of 3
// bytes, or padding would land inside the text.
QByteArray readBlock(QIODevice &device, qint64 size)
{
    QByteArray block = device.read(size);
    while (block.size() < size && !device.atEnd()) {
        const QByteArray more = device.read(size - block.size());
        if (more.isEmpty())
            break;
        block.append(more);
    }
    return block;
}

// Writes {"annotationsBase64":"…", <the keys of @p rest>} to @p path, the annotations (the
// file @p annotationsFile, or @p annotationsXml when there is none) encoded a block at a time,
// hashing what it writes. Runs on a worker thread.
CvatImportBody writeCvatImportBody(const QString &annotationsFile,
                                   const QByteArray &annotationsXml,
                                   const QByteArray &rest,
                                   const QString &path)
{
    CvatImportBody written;
    std::unique_ptr<QIODevice> source;
    if (annotationsFile.isEmpty()) {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(annotationsXml); // shared, not copied
        source = std::move(buffer);
    } else {
        source = std::make_unique<QFile>(annotationsFile);
    }
    if (!source->open(QIODevice::ReadOnly)) {
        written.error =
            QStringLiteral("Cannot read %1: %2").arg(annotationsFile, source->errorString());
        return written;
    }
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        written.error = QStringLiteral("Cannot write %1: %2").arg(path, out.errorString());
        return written;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    bool ok = true;
    const auto write = [&](const QByteArray &bytes) {
        hash.addData(bytes);
        ok = ok && out.write(bytes) == bytes.size();
    };
    constexpr qint64 kBlock = qint64(3) << 20; // a multiple of 3, so blocks join without padding
    write(QByteArrayLiteral("{\"annotationsBase64\":\""));
    while (ok && !source->atEnd()) {
        const QByteArray block = readBlock(*source, kBlock);
        if (block.isEmpty())
            break;
        write(block.toBase64());
    }
    // @p rest is a JSON object with at least one key: its '{' becomes our ','.
    write(QByteArrayLiteral("\","));
    write(rest.mid(1));
    ok = ok && out.flush();
    if (!ok) {
        written.error = QStringLiteral("Cannot write %1: %2").arg(path, out.errorString());
        return written;
    }
    written.sha256 = hash.result();
    return written;
}

ApiError protocolError(const QString &what)
{
    return ApiError(ApiError::Kind::Protocol, what);
}

} // namespace

QUrl EncordClient::defaultDomain()
{
    return QUrl(QStringLiteral("https://api.encord.com"));
}

QUrl EncordClient::usDomain()
{
    return QUrl(QStringLiteral("https://api.us.encord.com"));
}

EncordClient::EncordClient(PrivateKey key, QUrl domain, RequestsSettings settings)
    : m_transport(std::make_shared<HttpTransport>(RequestSigner(std::move(key)), settings))
    , m_domain(domain.adjusted(QUrl::StripTrailingSlash))
    , m_v1(m_transport, m_domain)
    , m_v2(m_transport, m_domain)
{ }

Result<EncordClient, KeyError> EncordClient::createWithSshPrivateKey(const QByteArray &keyText,
                                                                     const QByteArray &passphrase,
                                                                     QUrl domain,
                                                                     RequestsSettings settings)
{
    auto key = PrivateKey::fromText(keyText, passphrase);
    if (!key.ok())
        return key.error();
    return EncordClient(std::move(key).value(), std::move(domain), settings);
}

QString EncordClient::keyId() const
{
    return m_transport->signer().keyId();
}

RequestsSettings EncordClient::requestsSettings() const
{
    return m_transport->settings();
}

void EncordClient::setRequestsSettings(const RequestsSettings &settings)
{
    m_transport->setSettings(settings);
}

void EncordClient::cancelAll()
{
    m_transport->cancelAll();
}

// ---- Datasets ---------------------------------------------------------------------------

QCoro::Task<Result<Dataset>> EncordClient::getDataset(QString datasetHash,
                                                      DatasetAccessSettings accessSettings,
                                                      CancelToken token) const
{
    const V1Querier querier = m_v1;
    const QJsonObject payload{{QStringLiteral("dataset_access_settings"), accessSettings.toJson()}};
    auto answer = co_await querier.call(v1(V1Scope::Dataset,
                                           datasetHash,
                                           QStringLiteral("dataset"),
                                           V1CallKind::Getter,
                                           nullJson(),
                                           payload),
                                        token);
    co_return objectOf<Dataset>(answer);
}

QCoro::Task<Result<CreateDatasetResponse>> EncordClient::createPrivateDataset(
    QString title, StorageLocation location, QString description, CancelToken token) const
{
    const V2Client client = m_v2;
    QJsonObject body{{QStringLiteral("title"), title},
                     {QStringLiteral("createBackingFolder"), false},
                     {QStringLiteral("legacyCall"), true}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    auto answer =
        co_await client.call(v2Send("POST", QStringLiteral("datasets"), body, false), token);
    if (!answer.ok())
        co_return answer.error();
    co_return CreateDatasetResponse::fromV2Json(answer.value().toObject(), title, location);
}

QCoro::Task<Result<CreateDatasetResponse>> EncordClient::createDataset(QString title,
                                                                       StorageLocation location,
                                                                       QString description,
                                                                       bool createBackingFolder,
                                                                       CancelToken token) const
{
    const V2Client client = m_v2;
    QJsonObject body{{QStringLiteral("title"), title},
                     {QStringLiteral("createBackingFolder"), createBackingFolder},
                     {QStringLiteral("legacyCall"), false}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    auto answer =
        co_await client.call(v2Send("POST", QStringLiteral("datasets"), body, false), token);
    if (!answer.ok())
        co_return answer.error();
    if (!answer.value().isObject())
        co_return protocolError(QStringLiteral("expected the new dataset's id"));
    co_return CreateDatasetResponse::fromV2Json(answer.value().toObject(), title, location);
}

QCoro::Task<Result<CreateDatasetResponse>> EncordClient::createDatasetWithLocation(
    QString title,
    StorageLocation location,
    QString description,
    bool createBackingFolder,
    CancelToken token) const
{
    const V1Querier querier = m_v1;
    QJsonObject payload{{QStringLiteral("title"), title},
                        {QStringLiteral("type"), toWire(location)},
                        {QStringLiteral("create_backing_folder"), createBackingFolder}};
    if (!description.isEmpty())
        payload.insert(QStringLiteral("description"), description);
    auto answer = co_await querier.call(
        userCall(QStringLiteral("dataset"), V1CallKind::Setter, nullJson(), payload), token);
    co_return objectOf<CreateDatasetResponse>(answer);
}

QCoro::Task<Result<QList<DatasetSummary>>> EncordClient::getDatasets(ListingFilter filter,
                                                                     bool includeOrgAccess,
                                                                     CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call = v2Get(QStringLiteral("datasets/list"));
    addFilter(call.query, filter, ListingFilter::DescriptionKeys::Long);
    call.query.add(QStringLiteral("includeOrgAccess"), includeOrgAccess);
    // The largest listing of a workspace: decoded without its whole JSON tree.
    auto answer = co_await client.callRaw(call, token);
    co_return co_await listFromBodyAsync<DatasetSummary>(std::move(answer), "result");
}

QCoro::Task<Result<DatasetApiKey>> EncordClient::createDatasetApiKey(QString datasetHash,
                                                                     QString title,
                                                                     QList<DatasetScope> scopes,
                                                                     CancelToken token) const
{
    const V1Querier querier = m_v1;
    QJsonArray scopeValues;
    for (const DatasetScope scope : scopes)
        scopeValues.append(toWire(scope));
    const QJsonObject payload{{QStringLiteral("dataset_hash"), datasetHash},
                              {QStringLiteral("title"), title},
                              {QStringLiteral("scopes"), scopeValues}};
    auto answer = co_await querier.call(
        userCall(QStringLiteral("datasetapikey"), V1CallKind::Setter, nullJson(), payload), token);
    co_return objectOf<DatasetApiKey>(answer);
}

QCoro::Task<Result<QList<DatasetApiKey>>> EncordClient::getDatasetApiKeys(QString datasetHash,
                                                                          CancelToken token) const
{
    const V1Querier querier = m_v1;
    const QJsonObject payload{{QStringLiteral("dataset_hash"), datasetHash}};
    auto answer = co_await querier.call(
        userCall(QStringLiteral("datasetapikey"), V1CallKind::GetMultiple, nullJson(), payload),
        token);
    co_return co_await listAnswer<DatasetApiKey>(std::move(answer));
}

QCoro::Task<Result<DatasetApiKey>> EncordClient::getOrCreateDatasetApiKey(QString datasetHash,
                                                                          CancelToken token) const
{
    const V1Querier querier = m_v1;
    const QJsonObject payload{{QStringLiteral("dataset_hash"), datasetHash}};
    auto answer = co_await querier.call(
        userCall(QStringLiteral("datasetapikey"), V1CallKind::Put, nullJson(), payload), token);
    co_return objectOf<DatasetApiKey>(answer);
}

QCoro::Task<Result<Dataset>> EncordClient::getDatasetClient(QString datasetHash,
                                                            CancelToken token) const
{
    return getDataset(std::move(datasetHash), {}, std::move(token));
}

// ---- Projects ---------------------------------------------------------------------------

QCoro::Task<Result<Project>> EncordClient::getProject(QString projectHash, CancelToken token) const
{
    const V2Client client = m_v2;
    auto projectAnswer =
        co_await client.call(v2Get(QStringLiteral("projects/") + projectHash), token);
    auto project = objectOf<Project>(projectAnswer);
    if (!project.ok() || project->ontologyHash.isEmpty())
        co_return project;
    auto ontologyAnswer =
        co_await client.call(v2Get(QStringLiteral("ontologies/") + project->ontologyHash), token);
    auto ontology = objectOf<Ontology>(ontologyAnswer);
    if (!ontology.ok())
        co_return ontology.error();
    project.value().editorOntology = ontology->editor;
    co_return project;
}

QCoro::Task<Result<QList<Project>>> EncordClient::getProjects(ListingFilter filter,
                                                              CancelToken token) const
{
    const V1Querier querier = m_v1;
    const QJsonObject payload{{QStringLiteral("filter"), filter.toV1Json()}};
    auto answer = co_await querier.call(
        userCall(
            QStringLiteral("projectwithuserrole"), V1CallKind::GetMultiple, nullJson(), payload),
        token);
    co_return co_await listAnswer<Project>(std::move(answer));
}

QCoro::Task<Result<QString>> EncordClient::createProject(CreateProjectRequest request,
                                                         CancelToken token) const
{
    const V1Querier querier = m_v1;
    auto answer = co_await querier.call(
        userCall(QStringLiteral("project"), V1CallKind::Setter, nullJson(), request.toV1Payload()),
        token);
    if (!answer.ok())
        co_return answer.error();
    if (!answer.value().isString())
        co_return protocolError(QStringLiteral("expected the new project's hash"));
    co_return answer.value().toString();
}

QCoro::Task<Result<QString>> EncordClient::createProjectApiKey(QString projectHash,
                                                               QString title,
                                                               QList<ApiKeyScope> scopes,
                                                               CancelToken token) const
{
    const V1Querier querier = m_v1;
    QJsonArray scopeValues;
    for (const ApiKeyScope scope : scopes)
        scopeValues.append(toWire(scope));
    const QJsonObject payload{{QStringLiteral("title"), title},
                              {QStringLiteral("scopes"), scopeValues}};
    auto answer = co_await querier.call(
        userCall(QStringLiteral("projectapikey"), V1CallKind::Setter, projectHash, payload), token);
    if (!answer.ok())
        co_return answer.error();
    co_return answer.value().toString();
}

QCoro::Task<Result<QList<ProjectApiKey>>> EncordClient::getProjectApiKeys(QString projectHash,
                                                                          CancelToken token) const
{
    const V1Querier querier = m_v1;
    auto answer = co_await querier.call(
        userCall(QStringLiteral("projectapikey"), V1CallKind::GetMultiple, projectHash, nullJson()),
        token);
    co_return co_await listAnswer<ProjectApiKey>(std::move(answer));
}

QCoro::Task<Result<QString>> EncordClient::getOrCreateProjectApiKey(QString projectHash,
                                                                    CancelToken token) const
{
    const V1Querier querier = m_v1;
    auto answer = co_await querier.call(
        userCall(QStringLiteral("projectapikey"), V1CallKind::Put, projectHash, QJsonObject{}),
        token);
    if (!answer.ok())
        co_return answer.error();
    co_return answer.value().toString();
}

QCoro::Task<Result<Project>> EncordClient::getProjectClient(QString projectHash,
                                                            CancelToken token) const
{
    return getProject(std::move(projectHash), std::move(token));
}

QCoro::Task<Result<QList<ProjectDataset>>> EncordClient::getProjectDatasets(QString projectHash,
                                                                            CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer = co_await client.page(
        v2Get(QStringLiteral("projects/") + projectHash + QStringLiteral("/datasets")), token);
    if (!answer.ok())
        co_return answer.error();
    co_return co_await listOfAsync<ProjectDataset>(answer.value().value(QLatin1String("results")));
}

QCoro::Task<Result<QList<LabelRowMetadata>>> EncordClient::listLabelRows(QString projectHash,
                                                                         CancelToken token) const
{
    const V1Querier querier = m_v1;
    const QJsonObject payload{{QStringLiteral("include_uninitialised_labels"), true},
                              {QStringLiteral("include_workflow_graph_node"), true}};
    auto answer = co_await querier.call(v1(V1Scope::Project,
                                           projectHash,
                                           QStringLiteral("labelrowmetadata"),
                                           V1CallKind::Getter,
                                           nullJson(),
                                           payload),
                                        token);
    co_return co_await listAnswer<LabelRowMetadata>(std::move(answer));
}

QCoro::Task<Result<LabelRow>> EncordClient::getLabelRow(QString projectHash,
                                                        QString labelHash,
                                                        CancelToken token) const
{
    const V1Querier querier = m_v1;
    const QJsonObject payload{{QStringLiteral("get_signed_url"), false},
                              {QStringLiteral("multi_request"), false}};
    auto answer = co_await querier.call(v1(V1Scope::Project,
                                           projectHash,
                                           QStringLiteral("labelrow"),
                                           V1CallKind::Getter,
                                           QJsonValue(labelHash),
                                           payload),
                                        token);
    co_return objectOf<LabelRow>(answer);
}

// ---- Ontologies -------------------------------------------------------------------------

QCoro::Task<Result<Ontology>> EncordClient::getOntology(QString ontologyHash,
                                                        CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer = co_await client.call(v2Get(QStringLiteral("ontologies/") + ontologyHash), token);
    co_return objectOf<Ontology>(answer);
}

QCoro::Task<Result<QList<Ontology>>> EncordClient::getOntologies(ListingFilter filter,
                                                                 bool includeOrgAccess,
                                                                 CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call = v2Get(QStringLiteral("ontologies"));
    addFilter(call.query, filter, ListingFilter::DescriptionKeys::Short);
    call.query.add(QStringLiteral("includeOrgAccess"), includeOrgAccess);
    auto answer = co_await client.page(call, token);
    if (!answer.ok())
        co_return answer.error();
    co_return co_await listOfAsync<Ontology>(answer.value().value(QLatin1String("results")));
}

QCoro::Task<Result<Ontology>> EncordClient::createOntology(QString title,
                                                           QString description,
                                                           OntologyStructure structure,
                                                           CancelToken token) const
{
    const V2Client client = m_v2;
    const QJsonObject body{{QStringLiteral("title"), title},
                           {QStringLiteral("description"), description},
                           {QStringLiteral("editor"), structure.toJson()}};
    auto answer =
        co_await client.call(v2Send("POST", QStringLiteral("ontologies"), body, false), token);
    co_return objectOf<Ontology>(answer);
}

// ---- Organisation -----------------------------------------------------------------------

QCoro::Task<Result<QList<CloudIntegration>>> EncordClient::getCloudIntegrations(
    QStringList integrationUuids,
    QStringList titles,
    bool includeOrgAccess,
    CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call = v2Get(QStringLiteral("cloud-integrations"));
    call.query.addList(QStringLiteral("filterIntegrationUuids"), integrationUuids);
    call.query.addList(QStringLiteral("filterIntegrationTitles"), titles);
    call.query.add(QStringLiteral("includeOrgAccess"), includeOrgAccess);
    auto answer = co_await client.call(call, token);
    if (!answer.ok())
        co_return answer.error();
    co_return co_await listOfAsync<CloudIntegration>(
        answer.value().toObject().value(QLatin1String("result")));
}

QCoro::Task<Result<QList<Group>>> EncordClient::listGroups(CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer =
        co_await client.page(v2Get(QStringLiteral("user/current-organisation/groups")), token);
    if (!answer.ok())
        co_return answer.error();
    co_return co_await listOfAsync<Group>(answer.value().value(QLatin1String("results")));
}

QCoro::Task<Result<std::optional<ClientMetadataSchema>>> EncordClient::getClientMetadataSchema(
    CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer =
        co_await client.call(v2Get(QStringLiteral("organisation/client-metadata-schema")), token);
    if (!answer.ok())
        co_return answer.error();
    if (answer.value().isNull())
        co_return std::optional<ClientMetadataSchema>();
    co_return std::optional<ClientMetadataSchema>(
        ClientMetadataSchema::fromJson(answer.value().toObject()));
}

QCoro::Task<Result<void>> EncordClient::setClientMetadataSchemaFromDict(ClientMetadataSchema schema,
                                                                        CancelToken token) const
{
    const V2Client client = m_v2;
    if (const QStringList unknown = schema.keysWithUnknownType(); !unknown.isEmpty()) {
        co_return ApiError(ApiError::Kind::InvalidArgument,
                           QStringLiteral("unknown metadata types for: %1")
                               .arg(unknown.join(QStringLiteral(", "))));
    }
    auto answer = co_await client.call(v2Send("POST",
                                              QStringLiteral("organisation/client-metadata-schema"),
                                              schema.toMapping(),
                                              true),
                                       token);
    if (!answer.ok())
        co_return answer.error();
    co_return Result<void>();
}

// ---- Storage ----------------------------------------------------------------------------

QCoro::Task<Result<StorageFolder>> EncordClient::createStorageFolder(
    QString name,
    QString description,
    std::optional<QJsonObject> clientMetadata,
    std::optional<QString> parentFolder,
    CancelToken token) const
{
    const V2Client client = m_v2;
    QJsonObject body{{QStringLiteral("name"), name}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    if (parentFolder)
        body.insert(QStringLiteral("parent"), *parentFolder);
    if (clientMetadata) // the protocol wants the metadata as JSON text here
        body.insert(QStringLiteral("clientMetadata"),
                    QString::fromUtf8(PythonJson::dumps(*clientMetadata)));
    auto answer =
        co_await client.call(v2Send("POST", QStringLiteral("storage/folders"), body, false), token);
    co_return objectOf<StorageFolder>(answer);
}

QCoro::Task<Result<StorageFolder>> EncordClient::getStorageFolder(QString folderUuid,
                                                                  CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer =
        co_await client.call(v2Get(QStringLiteral("storage/folders/") + folderUuid), token);
    co_return objectOf<StorageFolder>(answer);
}

QCoro::Task<Result<QList<StorageFolder>>> EncordClient::listStorageFolders(
    StorageListOptions options, CancelToken token) const
{
    return allStoragePages<StorageFolder>(
        m_v2, QStringLiteral("storage/folders"), options, false, token);
}

QCoro::Task<Result<QList<StorageFolder>>> EncordClient::findStorageFolders(
    StorageListOptions options, CancelToken token) const
{
    return allStoragePages<StorageFolder>(
        m_v2, QStringLiteral("storage/search/folders"), options, false, token);
}

QCoro::Task<Result<Page<StorageFolder>>> EncordClient::storageFolderPage(
    std::optional<QString> parent,
    StorageListOptions options,
    QString pageToken,
    CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call =
        v2Get(parent ? QStringLiteral("storage/folders/") + *parent + QStringLiteral("/folders")
                     : QStringLiteral("storage/folders"));
    call.query = storageQuery(options, false, pageToken, false);
    auto answer = co_await client.page(call, token);
    co_return pageOf<StorageFolder>(answer);
}

QCoro::Task<Result<StorageItem>> EncordClient::getStorageItem(QString itemUuid,
                                                              bool signUrl,
                                                              CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call = v2Get(QStringLiteral("storage/items/") + itemUuid);
    call.query.add(QStringLiteral("signUrl"), signUrl);
    auto answer = co_await client.call(call, token);
    co_return objectOf<StorageItem>(answer);
}

QCoro::Task<Result<QList<StorageItem>>> EncordClient::getStorageItems(QStringList itemUuids,
                                                                      bool signUrls,
                                                                      CancelToken token) const
{
    const V2Client client = m_v2;
    const QJsonObject body{{QStringLiteral("itemUuids"), QJsonArray::fromStringList(itemUuids)},
                           {QStringLiteral("signUrls"), signUrls}};
    auto answer = co_await client.call(
        v2Send("POST", QStringLiteral("storage/items/get-bulk"), body, true), token);
    if (!answer.ok())
        co_return answer.error();
    co_return co_await listOfAsync<StorageItem>(
        answer.value().toObject().value(QLatin1String("results")));
}

QCoro::Task<Result<QList<StorageItem>>> EncordClient::findStorageItems(StorageListOptions options,
                                                                       CancelToken token) const
{
    if (options.search.isEmpty() && options.itemTypes.isEmpty()) {
        return failedTask<QList<StorageItem>>(
            ApiError(ApiError::Kind::InvalidArgument,
                     QStringLiteral("give a search text or item types to search storage")));
    }
    return allStoragePages<StorageItem>(
        m_v2, QStringLiteral("storage/search/items"), options, true, token);
}

QCoro::Task<Result<Page<StorageItem>>> EncordClient::storageItemPage(QString folderUuid,
                                                                     StorageListOptions options,
                                                                     QString pageToken,
                                                                     bool recursive,
                                                                     CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call = v2Get(QStringLiteral("storage/folders/") + folderUuid + QStringLiteral("/items"));
    call.query = storageQuery(options, recursive, pageToken, true);
    auto answer = co_await client.page(call, token);
    co_return pageOf<StorageItem>(answer);
}

QCoro::Task<Result<QList<StorageItem>>> EncordClient::getChildItems(QString folderUuid,
                                                                    QString itemUuid,
                                                                    bool signUrls,
                                                                    CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call =
        v2Get(QStringLiteral("storage/folders/%1/items/%2/child-items").arg(folderUuid, itemUuid));
    call.query.add(QStringLiteral("signUrls"), signUrls);
    auto answer = co_await client.page(call, token);
    if (!answer.ok())
        co_return answer.error();
    co_return co_await listOfAsync<StorageItem>(answer.value().value(QLatin1String("results")));
}

QCoro::Task<Result<StorageFolderSummary>> EncordClient::getStorageFolderSummary(
    QString folderUuid, CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer = co_await client.call(
        v2Get(QStringLiteral("storage/folders/%1/summary").arg(folderUuid)), token);
    co_return objectOf<StorageFolderSummary>(answer);
}

QCoro::Task<Result<StorageFolder>> EncordClient::updateStorageFolder(
    QString folderUuid,
    std::optional<QString> name,
    std::optional<QString> description,
    std::optional<QJsonObject> clientMetadata,
    CancelToken token) const
{
    const V2Client client = m_v2;
    QJsonObject body;
    if (name)
        body.insert(QStringLiteral("name"), *name);
    if (description)
        body.insert(QStringLiteral("description"), *description);
    if (clientMetadata)
        body.insert(QStringLiteral("clientMetadata"), *clientMetadata);
    auto answer = co_await client.call(
        v2Send("PATCH", QStringLiteral("storage/folders/") + folderUuid, body, false), token);
    co_return objectOf<StorageFolder>(answer);
}

QCoro::Task<Result<void>> EncordClient::deleteStorageFolder(QString folderUuid,
                                                            CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call;
    call.method = "DELETE";
    call.path = QStringLiteral("storage/folders/") + folderUuid;
    call.retryable = false;
    auto answer = co_await client.call(call, token);
    if (!answer.ok())
        co_return answer.error();
    co_return Result<void>();
}

QCoro::Task<Result<void>> EncordClient::moveStorageFolders(QStringList folderUuids,
                                                           std::optional<QString> newParent,
                                                           CancelToken token) const
{
    const V2Client client = m_v2;
    QJsonObject body{{QStringLiteral("folderUuids"), QJsonArray::fromStringList(folderUuids)}};
    if (newParent)
        body.insert(QStringLiteral("newParentUuid"), *newParent);
    auto answer = co_await client.call(
        v2Send("POST", QStringLiteral("storage/folders/move"), body, true), token);
    if (!answer.ok())
        co_return answer.error();
    co_return Result<void>();
}

// ---- Uploads ----------------------------------------------------------------------------

QCoro::Task<Result<QList<UploadSignedUrl>>> EncordClient::getFolderUploadUrls(
    QString folderUuid, StorageItemType itemType, int count, CancelToken token) const
{
    const V2Client client = m_v2;
    const QJsonObject body{{QStringLiteral("itemType"), toWire(itemType)},
                           {QStringLiteral("count"), count}};
    auto answer = co_await client.call(
        v2Send("POST",
               QStringLiteral("storage/folders/%1/upload-signed-urls").arg(folderUuid),
               body,
               true),
        token);
    if (!answer.ok())
        co_return answer.error();
    auto urls = listOf<UploadSignedUrl>(answer.value().toObject().value(QLatin1String("results")));
    if (urls.size() != count)
        co_return protocolError(
            QStringLiteral("asked for %1 upload URLs, got %2").arg(count).arg(urls.size()));
    co_return urls;
}

QCoro::Task<Result<QList<UploadSignedUrl>>> EncordClient::getPresignedUrls(int count,
                                                                           StorageItemType itemType,
                                                                           CancelToken token) const
{
    const V2Client client = m_v2;
    V2Call call = v2Get(QStringLiteral("presigned-urls"));
    call.query.add(QStringLiteral("count"), count);
    call.query.add(QStringLiteral("uploadItemType"), toWire(itemType));
    auto answer = co_await client.page(call, token);
    if (!answer.ok())
        co_return answer.error();
    auto urls = listOf<UploadSignedUrl>(answer.value().value(QLatin1String("results")));
    if (urls.size() != count)
        co_return protocolError(
            QStringLiteral("asked for %1 upload URLs, got %2").arg(count).arg(urls.size()));
    co_return urls;
}

QCoro::Task<Result<void>> EncordClient::uploadFileToSignedUrl(
    QString signedUrl,
    QString filePath,
    QByteArray contentType,
    std::function<void(qint64, qint64)> progress,
    CancelToken token) const
{
    const std::shared_ptr<HttpTransport> transport = m_transport;
    HttpRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.url = QUrl::fromEncoded(signedUrl.toUtf8());
    request.bodyFilePath = filePath;
    request.secretQuery = true;
    request.uploadProgress = std::move(progress);
    if (contentType.isEmpty()) {
        const QMimeType type =
            QMimeDatabase().mimeTypeForFile(filePath, QMimeDatabase::MatchExtension);
        if (!type.isDefault())
            contentType = type.name().toLatin1();
    }
    if (!contentType.isEmpty())
        request.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    request.headers.append(
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=86400")});

    auto sent = co_await HttpTransport::send(transport, std::move(request), token);
    if (!sent.ok())
        co_return sent.error();
    if (sent->status != 200) {
        ApiError error = ErrorMapper::fromHttpResponse(sent.value());
        if (error.message().isEmpty())
            error = ApiError(error.kind(),
                             QStringLiteral("the upload of %1 was refused (HTTP %2)")
                                 .arg(QFileInfo(filePath).fileName())
                                 .arg(sent->status));
        co_return error;
    }
    co_return Result<void>();
}

QCoro::Task<Result<QString>> EncordClient::startDataUploadJob(QString folderUuid,
                                                              QJsonObject dataItems,
                                                              bool ignoreErrors,
                                                              CancelToken token) const
{
    const V2Client client = m_v2;
    const QJsonObject body{{QStringLiteral("dataItems"), dataItems},
                           {QStringLiteral("ignoreErrors"), ignoreErrors}};
    auto answer = co_await client.call(
        v2Send("POST",
               QStringLiteral("storage/folders/%1/data-upload-jobs").arg(folderUuid),
               body,
               false),
        token);
    if (!answer.ok())
        co_return answer.error();
    if (!answer.value().isString())
        co_return protocolError(QStringLiteral("expected an upload job id"));
    co_return answer.value().toString();
}

QCoro::Task<Result<UploadJobState>> EncordClient::dataUploadJobResult(QString folderUuid,
                                                                      QString jobUuid,
                                                                      std::chrono::seconds deadline,
                                                                      CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer = co_await client.longPoll(
        QStringLiteral("storage/folders/%1/data-upload-jobs/%2").arg(folderUuid, jobUuid),
        deadline,
        token);
    if (!answer.ok())
        co_return answer.error();
    co_return UploadJobState::fromJson(answer.value());
}

// ---- Jobs -------------------------------------------------------------------------------

QCoro::Task<Result<QStringList>> EncordClient::deidentifyDicomFiles(DeidentifyRequest request,
                                                                    std::chrono::seconds deadline,
                                                                    CancelToken token) const
{
    const EncordClient self = *this;
    auto job = co_await self.startDicomDeidentification(std::move(request), token);
    if (!job.ok())
        co_return job.error();
    auto state = co_await self.dicomDeidentificationResult(job.value(), deadline, token);
    if (!state.ok())
        co_return state.error();
    if (state->status.value() != LongPollStatus::Done)
        co_return ApiError(ApiError::Kind::ServerFault,
                           QStringLiteral("the de-identification job failed on the server"));
    co_return state->urls;
}

QCoro::Task<Result<QString>> EncordClient::startDicomDeidentification(DeidentifyRequest request,
                                                                      CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer = co_await client.call(
        v2Send("POST", QStringLiteral("dicom-deidentification"), request.toV2Body(), false), token);
    if (!answer.ok())
        co_return answer.error();
    if (!answer.value().isString())
        co_return protocolError(QStringLiteral("expected a de-identification job id"));
    co_return answer.value().toString();
}

QCoro::Task<Result<DeidentifyJobState>> EncordClient::dicomDeidentificationResult(
    QString jobUuid, std::chrono::seconds deadline, CancelToken token) const
{
    const V2Client client = m_v2;
    auto answer = co_await client.longPoll(
        QStringLiteral("dicom-deidentification/") + jobUuid, deadline, token);
    if (!answer.ok())
        co_return answer.error();
    co_return DeidentifyJobState::fromJson(answer.value());
}

QCoro::Task<Result<CvatImportResult>> EncordClient::createProjectFromCvat(
    CvatImportInput input,
    std::function<void(int, int)> progress,
    std::chrono::seconds deadline,
    CancelToken token) const
{
    const EncordClient self = *this;
    std::function<void(const CvatImportProgress &)> report;
    if (progress) {
        report = [progress, lastDone = -1](const CvatImportProgress &now) mutable {
            if (now.phase == CvatImportProgress::Phase::Uploading && now.filesDone != lastDone) {
                lastDone = now.filesDone;
                if (now.filesDone > 0)
                    progress(now.filesDone, now.files);
            }
        };
    }
    co_return co_await self.importCvat(std::move(input), std::move(report), deadline, token);
}

namespace {

// The uploads of one CVAT import, shared by its upload workers.
struct CvatUploads
{
    explicit CvatUploads(EncordClient uploader)
        : client(std::move(uploader))
    { }

    EncordClient client;
    const CvatImportInput *input = nullptr;
    QList<UploadSignedUrl> urls; ///< the batch being uploaded, by position
    int batchStart = 0;
    int next = 0; ///< next position in the batch to start
    CancelToken token;
    std::function<void(const CvatImportProgress &)> report;
    CvatImportProgress progress;
    QHash<int, qint64> inFlight; ///< bytes sent so far of each file on its way
    qint64 bytesFinished = 0;
    std::optional<ApiError> failure;

    void publish()
    {
        progress.bytesDone = bytesFinished;
        for (const qint64 sent : std::as_const(inFlight))
            progress.bytesDone += sent;
        if (report)
            report(progress);
    }
};

// One upload worker: takes the next file of the batch until none is left or one failed.
QCoro::Task<void> uploadWorker(std::shared_ptr<CvatUploads> uploads)
{
    while (!uploads->failure && uploads->next < uploads->urls.size()) {
        const int position = uploads->next++;
        const int index = uploads->batchStart + position;
        const QString file = uploads->input->images.at(index).localFile;
        uploads->inFlight.insert(index, 0);
        auto onBytes = [uploads, index](qint64 sent, qint64) {
            uploads->inFlight[index] = sent;
            uploads->publish();
        };
        auto uploaded = co_await uploads->client.uploadFileToSignedUrl(
            uploads->urls.at(position).signedUrl, file, {}, onBytes, uploads->token);
        uploads->inFlight.remove(index);
        if (!uploaded.ok()) {
            if (!uploads->failure)
                uploads->failure = uploaded.error();
            co_return;
        }
        uploads->bytesFinished += QFileInfo(file).size();
        ++uploads->progress.filesDone;
        uploads->publish();
    }
}

} // namespace

QCoro::Task<Result<CvatImportResult>> EncordClient::importCvat(
    CvatImportInput input,
    std::function<void(const CvatImportProgress &)> report,
    std::chrono::seconds deadline,
    CancelToken token) const
{
    const EncordClient self = *this;
    const V2Client client = m_v2;
    const int total = int(input.images.size());
    constexpr int kBatch = 200; // the protocol hands out at most this many URLs per call

    auto uploads = std::make_shared<CvatUploads>(self);
    uploads->input = &input;
    uploads->token = token;
    uploads->report = report;
    uploads->progress.files = total;
    for (const CvatImportInput::Image &image : std::as_const(input.images))
        uploads->progress.bytes += QFileInfo(image.localFile).size();
    uploads->publish();

    QJsonArray data;
    for (int start = 0; start < total; start += kBatch) {
        const int count = std::min(kBatch, total - start);
        auto urls = co_await self.getPresignedUrls(count, StorageItemType::Image, token);
        if (!urls.ok())
            co_return urls.error();
        if (urls->size() != count)
            co_return protocolError(QStringLiteral("asked for %1 upload addresses, got %2")
                                        .arg(count)
                                        .arg(urls->size()));
        uploads->urls = urls.value();
        uploads->batchStart = start;
        uploads->next = 0;
        // Workers are started eagerly and each takes the next file as it finishes one.
        std::vector<QCoro::Task<void>> workers;
        const int parallel = std::clamp(input.parallelUploads, 1, count);
        for (int i = 0; i < parallel; ++i)
            workers.push_back(uploadWorker(uploads));
        for (auto &worker : workers)
            co_await worker;
        if (uploads->failure)
            co_return *uploads->failure;
        for (int i = 0; i < count; ++i) {
            const auto &image = input.images.at(start + i);
            data.append(
                QJsonObject{{QStringLiteral("dataPath"), image.dataPath},
                            {QStringLiteral("dataLink"), urls->at(i).objectKey},
                            {QStringLiteral("title"), QFileInfo(image.localFile).fileName()}});
        }
    }

    uploads->progress.phase = CvatImportProgress::Phase::CreatingDataset;
    uploads->publish();
    auto dataset = co_await self.createDataset(
        input.datasetName, StorageLocation::CordStorage, {}, true, token);
    if (!dataset.ok())
        co_return dataset.error();

    // The annotations go into the body on a worker thread, straight from their file; only the
    // other keys are built here.
    const QByteArray rest =
        PythonJson::dumps(QJsonObject{{QStringLiteral("datasetUuid"), dataset->datasetHash},
                                      {QStringLiteral("reviewMode"), toWire(input.reviewMode)},
                                      {QStringLiteral("data"), data},
                                      {QStringLiteral("transformBoundingBoxesToPolygons"),
                                       input.transformBoundingBoxesToPolygons}});
    data = QJsonArray();
    auto bodyFile = std::make_unique<QTemporaryFile>(
        QDir::temp().filePath(QStringLiteral("encord-cvat-import-XXXXXX.json")));
    if (!bodyFile->open())
        co_return ApiError(ApiError::Kind::InvalidArgument,
                           QStringLiteral("Cannot write the import request to %1: %2")
                               .arg(QDir::tempPath(), bodyFile->errorString()));
    bodyFile->close(); // kept on disk until bodyFile goes
    auto writeBody = [annotationsFile = input.annotationsFile,
                      annotationsXml = input.annotationsXml,
                      rest,
                      path = bodyFile->fileName()] {
        return writeCvatImportBody(annotationsFile, annotationsXml, rest, path);
    };
    // Named, not a temporary in the co_await expression (GCC bug 100611).
    QFuture<CvatImportBody> writing = QtConcurrent::run(std::move(writeBody));
    const CvatImportBody written = co_await writing;
    if (!written.error.isEmpty())
        co_return ApiError(ApiError::Kind::InvalidArgument, written.error);
    V2Call importCall;
    importCall.method = QByteArrayLiteral("POST");
    importCall.path = QStringLiteral("projects/cvat-import");
    importCall.bodyFile = bodyFile->fileName();
    importCall.bodyFileSha256 = written.sha256;
    importCall.retryable = false;
    auto job = co_await client.call(importCall, token);
    bodyFile.reset();
    if (!job.ok())
        co_return job.error();
    if (!job.value().isString())
        co_return protocolError(QStringLiteral("expected a CVAT import job id"));

    uploads->progress.phase = CvatImportProgress::Phase::Importing;
    uploads->publish();
    auto finished = co_await client.longPoll(
        QStringLiteral("projects/cvat-import/") + job.value().toString(), deadline, token);
    if (!finished.ok())
        co_return finished.error();
    const CvatImportJobState state = CvatImportJobState::fromJson(finished.value());

    CvatImportResult result;
    result.datasetHash = dataset->datasetHash;
    result.issues = state.issues.value_or(CvatIssues());
    result.success = state.status.value() == LongPollStatus::Done && state.projectUuid.has_value();
    if (result.success) {
        result.projectHash = *state.projectUuid;
        // The project's own dataset list is the reference for which dataset it uses.
        auto datasets = co_await self.getProjectDatasets(result.projectHash, token);
        if (datasets.ok() && !datasets->isEmpty())
            result.datasetHash = datasets->first().datasetHash;
    }
    co_return result;
}

} // namespace Encord
