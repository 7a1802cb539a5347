#include "v2storageapi.h"

#include "blobservice.h"
#include "datasetstore.h"
#include "folderstore.h"
#include "integrationstore.h"
#include "itemstore.h"
#include "requesterror.h"
#include "serverrequest.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"
#include "v2format.h"
#include "v2params.h"
#include "workspace.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QUuid>

#include <optional>

namespace Encord::Server {

namespace {

bool matches(const QStringList &path, std::initializer_list<const char *> pattern)
{
    return V2Params::matches(path, pattern);
}

// The StorageItemType of the units under @p key of an upload job's "dataItems", for the kinds
// the workspace registers as one file each; nullopt for groups, series and the like.
std::optional<QString> itemTypeOfUnits(const QString &key)
{
    static const std::pair<const char *, const char *> kinds[] = {
        {"images", "image"},
        {"videos", "video"},
        {"audio", "audio"},
        {"nifti", "nifti"},
        {"text", "plainText"},
        {"pdf", "pdf"},
    };
    for (const auto &[unitKey, type] : kinds) {
        if (key == QLatin1String(unitKey))
            return QString::fromLatin1(type);
    }
    return std::nullopt;
}

// Whether upload-signed-urls hands out slots for @p itemType: the types registered above.
bool uploadableItemType(const QString &itemType)
{
    for (const char *key : {"images", "videos", "audio", "nifti", "text", "pdf"}) {
        if (itemTypeOfUnits(QLatin1String(key)) == itemType)
            return true;
    }
    return false;
}

} // namespace

V2StorageApi::V2StorageApi(Workspace &workspace, const UserRecord &user, QString baseUrl)
    : m_workspace(workspace)
    , m_user(user)
    , m_baseUrl(std::move(baseUrl))
{ }

QJsonValue V2StorageApi::route(const ServerRequest &request, const QStringList &path)
{
    if (matches(path, {"presigned-urls"}))
        return uploads(request, path);
    const bool itemRoute = (path.size() >= 2 && path.at(1) == QLatin1String("items"))
                           || matches(path, {"storage", "search", "items"})
                           || (path.size() >= 4 && path.at(1) == QLatin1String("folders")
                               && path.at(3) == QLatin1String("items"));
    if (itemRoute)
        return items(request, path);
    if (path.size() >= 4 && path.at(1) == QLatin1String("folders")
        && (path.at(3) == QLatin1String("upload-signed-urls")
            || path.at(3) == QLatin1String("data-upload-jobs")))
        return uploads(request, path);

    return folders(request, path);
}

QJsonValue V2StorageApi::folders(const ServerRequest &request, const QStringList &path)
{
    FolderStore store(m_workspace.database(), m_user);
    const auto dto = [&](const FolderRecord &folder) {
        return V2Format::folder(folder, store.pathToRoot(folder));
    };
    const auto listFolders = [&](const std::optional<QString> &parent, bool recursive) {
        const bool byCreation =
            request.queryValue(QStringLiteral("order")) == QLatin1String("createdAt");
        const bool orgAccess =
            V2Params::boolParam(request, QStringLiteral("includeOrgAccess")).value_or(false);
        if (orgAccess && !m_user.orgAdmin)
            throw RequestError::forbidden(
                QStringLiteral("Only organisation admins can include organisation access."));
        const auto [offset, size] = V2Params::pageWindow(request);
        const QList<FolderRecord> window =
            store.list(parent,
                       recursive,
                       request.queryValue(QStringLiteral("search")),
                       V2Params::boolParam(request, QStringLiteral("datasetSynced")),
                       byCreation,
                       V2Params::boolParam(request, QStringLiteral("desc")).value_or(false),
                       offset,
                       size + 1);
        return V2Params::windowPage(window, request, dto);
    };

    if (request.method == "POST" && matches(path, {"storage", "folders"})) {
        const QJsonObject body = V2Params::bodyObject(request);
        const QJsonValue metadata = body.value(QLatin1String("clientMetadata"));
        std::optional<QString> metadataText;
        if (metadata.isString())
            metadataText = metadata.toString();
        else if (metadata.isObject())
            metadataText = QString::fromUtf8(
                QJsonDocument(metadata.toObject()).toJson(QJsonDocument::Compact));
        if (metadataText && !QJsonDocument::fromJson(metadataText->toUtf8()).isObject())
            throw RequestError::invalidArgument(
                QStringLiteral("clientMetadata must be a JSON object."));
        if (body.contains(QLatin1String("cloudSyncedFolderParams")))
            throw V2Params::notSupported(QStringLiteral("Cloud-synced folders"));
        const QJsonValue parent = body.value(QLatin1String("parent"));
        return dto(store.create(body.value(QLatin1String("name")).toString(),
                                body.value(QLatin1String("description")).toString(),
                                metadataText,
                                parent.isString() ? std::optional<QString>(parent.toString())
                                                  : std::nullopt));
    }
    if (request.method == "POST" && matches(path, {"storage", "folders", "move"})) {
        const QJsonObject body = V2Params::bodyObject(request);
        QStringList uuids;
        for (const QJsonValue &uuid : body.value(QLatin1String("folderUuids")).toArray())
            uuids.append(uuid.toString());
        store.move(uuids, V2Params::optionalString(body, "newParentUuid"));
        return QJsonValue::Null;
    }
    if (request.method == "PATCH" && matches(path, {"storage", "folders", "*"})) {
        const QJsonObject body = V2Params::bodyObject(request);
        return dto(store.update(path.at(2),
                                V2Params::optionalString(body, "name"),
                                V2Params::optionalString(body, "description"),
                                V2Params::optionalMetadata(body)));
    }
    if (request.method == "DELETE" && matches(path, {"storage", "folders", "*"})) {
        store.remove(path.at(2));
        return QJsonValue::Null;
    }
    if (request.method == "GET" && matches(path, {"storage", "folders", "*", "summary"})) {
        const FolderStore::Summary summary = store.summary(path.at(2));
        QJsonObject result{{QStringLiteral("files"), summary.files},
                           {QStringLiteral("folders"), summary.folders},
                           {QStringLiteral("images"), summary.images},
                           {QStringLiteral("videos"), summary.videos},
                           {QStringLiteral("totalSize"), double(summary.totalSize)}};
        for (const char *zero : {"imageGroups",
                                 "imageSequences",
                                 "dicomFiles",
                                 "dicomSeries",
                                 "niftis",
                                 "audios",
                                 "pdfs",
                                 "plainTexts",
                                 "tombstones",
                                 "uploadJobs"}) {
            result.insert(QLatin1String(zero), 0);
        }
        return result;
    }
    if (request.method == "GET" && matches(path, {"storage", "folders"})) {
        return listFolders(std::nullopt, false);
    }
    if (request.method == "GET" && matches(path, {"storage", "search", "folders"})) {
        return listFolders(std::nullopt, true);
    }
    if (request.method == "GET" && matches(path, {"storage", "folders", "*"}))
        return dto(store.get(path.at(2)));
    if (request.method == "GET" && matches(path, {"storage", "folders", "*", "folders"})) {
        store.get(path.at(2));
        const bool recursive =
            V2Params::boolParam(request, QStringLiteral("isRecursive")).value_or(false);
        return listFolders(path.at(2), recursive);
    }
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2StorageApi::items(const ServerRequest &request, const QStringList &path)
{
    SqliteDatabase &db = m_workspace.database();
    ItemStore store(db, m_user);
    const BlobService blobs(m_workspace);
    const auto dto = [&](const ItemRecord &item, bool sign) {
        if (!sign || !item.url)
            return V2Format::item(item, QString());
        // Integration files are signed by item, uploaded blobs by their object key.
        const QString key = item.integration ? QStringLiteral("items/") + item.uuid : *item.url;
        return V2Format::item(item, blobs.downloadUrl(key, m_baseUrl));
    };
    const auto listItems = [&](const std::optional<QString> &folder, bool recursive) {
        ItemQuery query;
        query.folder = folder;
        query.recursive = recursive;
        query.search = request.queryValue(QStringLiteral("search"));
        query.itemTypes = request.queryValues(QStringLiteral("itemTypes"));
        query.inDataset = V2Params::boolParam(request, QStringLiteral("isInDataset"));
        query.orderByCreation =
            request.queryValue(QStringLiteral("order")) == QLatin1String("createdAt");
        query.descending = V2Params::boolParam(request, QStringLiteral("desc")).value_or(false);
        if (V2Params::boolParam(request, QStringLiteral("includeOrgAccess")).value_or(false)
            && !m_user.orgAdmin)
            throw RequestError::forbidden(
                QStringLiteral("Only organisation admins can include organisation access."));
        const bool sign = V2Params::boolParam(request, QStringLiteral("signUrls")).value_or(false);
        const auto [offset, size] = V2Params::pageWindow(request);
        query.offset = offset;
        query.limit = size + 1;
        return V2Params::windowPage(
            store.list(query), request, [&](const ItemRecord &item) { return dto(item, sign); });
    };

    if (request.method == "GET" && matches(path, {"storage", "items", "*"})) {
        return dto(store.get(path.at(2)),
                   V2Params::boolParam(request, QStringLiteral("signUrl")).value_or(false));
    }
    if (request.method == "POST" && matches(path, {"storage", "items", "get-bulk"})) {
        const QJsonObject body = V2Params::bodyObject(request);
        const bool sign = body.value(QLatin1String("signUrls")).toBool(false);
        QJsonArray results;
        for (const QJsonValue &uuid : body.value(QLatin1String("itemUuids")).toArray())
            results.append(dto(store.get(uuid.toString()), sign));
        return QJsonObject{{QStringLiteral("results"), results},
                           {QStringLiteral("nextPageToken"), QJsonValue::Null}};
    }
    if (request.method == "GET" && matches(path, {"storage", "search", "items"}))
        return listItems(std::nullopt, true);
    if (request.method == "GET" && matches(path, {"storage", "folders", "*", "items"})) {
        FolderStore(db, m_user).get(path.at(2));
        return listItems(
            path.at(2),
            V2Params::boolParam(request, QStringLiteral("isRecursive")).value_or(false));
    }
    if (request.method == "PATCH" && matches(path, {"storage", "folders", "*", "items", "*"})) {
        if (store.get(path.at(4)).folder != path.at(2))
            throw RequestError::notFound(QStringLiteral("Storage item not found."));
        const QJsonObject body = V2Params::bodyObject(request);
        return dto(store.update(path.at(4),
                                V2Params::optionalString(body, "name"),
                                V2Params::optionalString(body, "description"),
                                V2Params::optionalMetadata(body)),
                   false);
    }
    if (request.method == "GET" && matches(path, {"storage", "folders", "*", "items", "*"})) {
        const ItemRecord item = store.get(path.at(4));
        if (item.folder != path.at(2))
            throw RequestError::notFound(QStringLiteral("Storage item not found."));
        return dto(item, V2Params::boolParam(request, QStringLiteral("signUrl")).value_or(false));
    }
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2StorageApi::uploads(const ServerRequest &request, const QStringList &path)
{
    SqliteDatabase &db = m_workspace.database();
    const BlobService blobs(m_workspace);
    const auto slots = [&](int count) {
        if (count < 1 || count > 1000)
            throw RequestError::invalidArgument(QStringLiteral("count must be 1 to 1000."));
        SqliteTransaction transaction(db);
        QJsonArray results;
        for (const BlobService::UploadSlot &slot :
             blobs.issueUploads(m_user.id, count, m_baseUrl)) {
            results.append(QJsonObject{{QStringLiteral("itemUuid"), slot.itemUuid},
                                       {QStringLiteral("objectKey"), slot.objectKey},
                                       {QStringLiteral("signedUrl"), slot.signedUrl}});
        }
        transaction.commit();
        return QJsonObject{{QStringLiteral("results"), results},
                           {QStringLiteral("nextPageToken"), QJsonValue::Null}};
    };

    if (request.method == "GET" && matches(path, {"presigned-urls"}))
        return slots(request.queryValue(QStringLiteral("count")).toInt());
    if (request.method == "POST"
        && matches(path, {"storage", "folders", "*", "upload-signed-urls"})) {
        FolderStore(db, m_user).get(path.at(2));
        const QJsonObject body = V2Params::bodyObject(request);
        const QString type = body.value(QLatin1String("itemType")).toString();
        if (!uploadableItemType(type))
            throw V2Params::notSupported(
                QStringLiteral("Uploading items of type \"%1\"").arg(type));
        return slots(body.value(QLatin1String("count")).toInt(1));
    }
    if (request.method == "GET"
        && matches(path, {"storage", "folders", "*", "data-upload-jobs", "*"})) {
        FolderStore(db, m_user).get(path.at(2));
        SqliteStatement row = db.prepare(
            QStringLiteral("SELECT state FROM upload_jobs WHERE uuid = ? AND folder = ? AND "
                           "user_id = ?"),
            {path.at(4), path.at(2), m_user.id});
        if (!row.next())
            throw RequestError::notFound(QStringLiteral("Upload job not found."));
        return QJsonDocument::fromJson(row.text(0).toUtf8()).object();
    }
    if (request.method == "POST" && matches(path, {"storage", "folders", "*", "data-upload-jobs"}))
        return startUploadJob(request, path.at(2));
    throw RequestError::notFound(QStringLiteral("No such route."));
}

QJsonValue V2StorageApi::startUploadJob(const ServerRequest &request, const QString &folderUuid)
{
    SqliteDatabase &db = m_workspace.database();
    const BlobService blobs(m_workspace);

    const QJsonObject body = V2Params::bodyObject(request);
    // Items listed inline, or (SDK: a JSON file of URLs) as external files of the same shape.
    const QJsonObject data = body.contains(QLatin1String("dataItems"))
                                 ? body.value(QLatin1String("dataItems")).toObject()
                                 : body.value(QLatin1String("externalFiles")).toObject();
    const bool ignoreErrors = body.value(QLatin1String("ignoreErrors")).toBool(false);
    std::optional<SqliteTransaction> transaction(std::in_place, db);
    const FolderRecord folder = FolderStore(db, m_user).get(folderUuid);
    std::optional<IntegrationRecord> integration;
    const QString integrationHash = body.value(QLatin1String("integrationHash")).toString();
    if (!integrationHash.isEmpty()) {
        integration = IntegrationStore(db).find(integrationHash);
        if (!integration)
            throw RequestError::notFound(QStringLiteral("Integration not found."));
    }
    ItemStore items(db, m_user);
    QJsonArray done;
    QJsonArray errors;
    QJsonArray unitErrors;
    QString unitType;
    const auto failUnit = [&](const QString &url, const QString &message) {
        errors.append(message);
        unitErrors.append(QJsonObject{
            {QStringLiteral("objectUrls"), QJsonArray{url}},
            {QStringLiteral("error"), message},
            {QStringLiteral("subtaskUuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("actionDescription"),
             QStringLiteral("register uploaded %1").arg(unitType)}});
    };
    // Units the workspace cannot register as single files (groups, DICOM series, …).
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (!it.value().isArray() || itemTypeOfUnits(it.key()))
            continue;
        unitType = it.key();
        for (const QJsonValue &unit : it.value().toArray())
            failUnit(unit.toObject().value(QLatin1String("objectUrl")).toString(),
                     QStringLiteral("%1 uploads are not supported.").arg(it.key()));
    }
    QList<std::pair<QJsonObject, QString>> units;
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (const std::optional<QString> type = itemTypeOfUnits(it.key())) {
            for (const QJsonValue &unit : it.value().toArray())
                units.append({unit.toObject(), *type});
        }
    }
    for (const auto &[image, itemType] : std::as_const(units)) {
        unitType = itemType;
        const QString url = image.value(QLatin1String("objectUrl")).toString();
        ItemRecord item;
        item.folder = folder.uuid;
        item.itemType = itemType;
        QString localFile;
        if (integration) {
            // Only files that really lie inside the integration's root are reachable.
            localFile = IntegrationStore::resolve(*integration, url);
            if (localFile.isEmpty()) {
                failUnit(url,
                         QStringLiteral("%1 is not a file inside the integration's "
                                        "folder.")
                             .arg(url));
                continue;
            }
            item.integration = integration->uuid;
            item.url = url;
        } else {
            const std::optional<BlobService::Upload> upload = blobs.completedUpload(
                m_user.id, image.value(QLatin1String("placeholderItemUuid")).toString(), url);
            if (!upload) {
                failUnit(url, QStringLiteral("No completed upload for %1.").arg(url));
                continue;
            }
            if (items.find(upload->itemUuid)) {
                failUnit(url, QStringLiteral("%1 is already registered.").arg(url));
                continue;
            }
            item.uuid = upload->itemUuid;
            item.url = upload->objectKey;
            localFile = m_workspace.blobs().path(upload->sha256);
        }
        item.name = image.value(QLatin1String("title")).toString();
        if (item.name.isEmpty())
            item.name = item.url->section(QLatin1Char('/'), -1);
        const QJsonValue metadata = image.value(QLatin1String("clientMetadata"));
        if (metadata.isObject())
            item.clientMetadata = QString::fromUtf8(
                QJsonDocument(metadata.toObject()).toJson(QJsonDocument::Compact));
        item.fileSize = QFileInfo(localFile).size();
        item.mimeType =
            QMimeDatabase().mimeTypeForFile(localFile, QMimeDatabase::MatchContent).name();
        item = items.insert(item);
        DatasetStore(db, m_user).mirrorItem(item);
        done.append(QJsonObject{{QStringLiteral("itemUuid"), item.uuid},
                                {QStringLiteral("name"), item.name}});
    }
    const bool failed = !errors.isEmpty() && !ignoreErrors;
    const QJsonObject state{
        {QStringLiteral("status"), failed ? QStringLiteral("ERROR") : QStringLiteral("DONE")},
        {QStringLiteral("itemsWithNames"), failed ? QJsonArray() : done},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("unitsPendingCount"), 0},
        {QStringLiteral("unitsDoneCount"), failed ? 0 : done.size()},
        {QStringLiteral("unitsErrorCount"), unitErrors.size()},
        {QStringLiteral("unitsCancelledCount"), 0},
        {QStringLiteral("unitErrors"), unitErrors},
        {QStringLiteral("fileName"), QJsonValue::Null},
    };
    const QString job = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (failed) {
        // Nothing of a failed job stays: only its state is recorded, in a new transaction.
        transaction.reset();
        transaction.emplace(db);
    }
    db.exec(QStringLiteral("INSERT INTO upload_jobs (uuid, folder, user_id, state, created_at) "
                           "VALUES (?,?,?,?,?)"),
            {job,
             folder.uuid,
             m_user.id,
             QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)),
             TimeFormat::nowMs()});
    transaction->commit();
    return job;
}

} // namespace Encord::Server
