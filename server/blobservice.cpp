#include "blobservice.h"

#include "blobwriter.h"
#include "integrationstore.h"
#include "serverrequest.h"
#include "sqlitedatabase.h"
#include "timeformat.h"
#include "workspace.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QUuid>

namespace Encord::Server {

namespace {

const QString kUploadPrefix = QStringLiteral("/blob-upload/");
const QString kDownloadPrefix = QStringLiteral("/blob-download/");

} // namespace

BlobService::BlobService(Workspace &workspace)
    : m_workspace(workspace)
{ }

BlobService::Decision BlobService::authorize(const ServerRequest &request) const
{
    const QString &prefix = request.method == "PUT" ? kUploadPrefix : kDownloadPrefix;
    if (!request.path.startsWith(prefix))
        return {404, QStringLiteral("Not found."), {}};
    const QString key = request.path.mid(prefix.size());
    bool ok = false;
    const qint64 expires = request.queryValue(QStringLiteral("expires")).toLongLong(&ok);
    const QByteArray signature = request.queryValue(QStringLiteral("sig")).toLatin1();
    if (!ok || signature.isEmpty())
        return {403, QStringLiteral("The URL is not signed."), {}};
    if (expires < QDateTime::currentSecsSinceEpoch())
        return {403, QStringLiteral("The signed URL has expired."), {}};
    if (!m_workspace.urlSigner().verify(
            request.method, key, expires, signature, QDateTime::currentSecsSinceEpoch()))
        return {403, QStringLiteral("The URL signature is invalid."), {}};
    return {200, {}, key};
}

QList<BlobService::UploadSlot> BlobService::issueUploads(qint64 userId,
                                                         int count,
                                                         const QString &baseUrl) const
{
    SqliteDatabase &db = m_workspace.database();
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + kUrlLifetimeSeconds;
    QList<UploadSlot> slots;
    for (int i = 0; i < count; ++i) {
        const QString item = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString key = QStringLiteral("uploads/") + item;
        db.exec(QStringLiteral("INSERT INTO uploads (object_key, user_id, item_uuid, expires_at, "
                               "created_at) VALUES (?,?,?,?,?)"),
                {key, userId, item, expires * 1000, TimeFormat::nowMs()});
        slots.append(
            {item, key, baseUrl + m_workspace.urlSigner().signedPath("PUT", key, expires)});
    }
    return slots;
}

QString BlobService::downloadUrl(const QString &objectKey, const QString &baseUrl) const
{
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + kUrlLifetimeSeconds;
    return baseUrl + m_workspace.urlSigner().signedPath("GET", objectKey, expires);
}

QHash<QString, BlobService::Upload> BlobService::completedUploads(
    qint64 userId, const QStringList &objectKeys) const
{
    constexpr qsizetype kChunk = 500; // well below SQLite's limit on parameters
    QHash<QString, Upload> found;
    for (qsizetype start = 0; start < objectKeys.size(); start += kChunk) {
        const QStringList keys = objectKeys.mid(start, kChunk);
        QList<SqlValue> values{userId};
        for (const QString &key : keys)
            values.append(key);
        QStringList marks(keys.size(), QStringLiteral("?"));
        SqliteStatement row = m_workspace.database().prepare(
            QStringLiteral("SELECT object_key, item_uuid, sha256, size, content_type FROM uploads "
                           "WHERE user_id = ? AND completed_at IS NOT NULL AND object_key IN (")
                + marks.join(QLatin1Char(',')) + QLatin1Char(')'),
            values);
        while (row.next())
            found.insert(row.text(0),
                         Upload{row.text(0), row.text(1), row.text(2), row.int64(3), row.text(4)});
    }
    return found;
}

std::optional<BlobService::Upload> BlobService::completedUpload(qint64 userId,
                                                                const QString &itemUuid,
                                                                const QString &objectKey) const
{
    SqliteStatement row = m_workspace.database().prepare(
        QStringLiteral("SELECT object_key, item_uuid, sha256, size, content_type FROM uploads "
                       "WHERE user_id = ? AND completed_at IS NOT NULL AND "
                       "(item_uuid = ? OR (? = '' AND object_key = ?))"),
        {userId, itemUuid, itemUuid, objectKey});
    if (!row.next())
        return std::nullopt;
    return Upload{row.text(0), row.text(1), row.text(2), row.int64(3), row.text(4)};
}

std::unique_ptr<BlobWriter> BlobService::beginUpload(const QString &objectKey) const
{
    // Rewritable until an item is registered on it (a retried PUT must succeed), fixed after:
    // a registered item must not change under its URL.
    if (m_workspace.database().scalar(
            QStringLiteral("SELECT COUNT(*) FROM uploads u WHERE u.object_key = ? AND NOT EXISTS "
                           "(SELECT 1 FROM storage_items i WHERE i.url = u.object_key AND "
                           "i.integration IS NULL)"),
            {objectKey})
        == 0)
        return nullptr;
    return m_workspace.blobs().createWriter(kMaxUploadSize);
}

bool BlobService::completeUpload(const QString &objectKey,
                                 const QString &sha256,
                                 qint64 size,
                                 const QString &contentType) const
{
    SqliteDatabase &db = m_workspace.database();
    db.exec(QStringLiteral("UPDATE uploads SET sha256 = ?, size = ?, content_type = ?, "
                           "completed_at = ? WHERE object_key = ?"),
            {sha256,
             size,
             contentType.isEmpty() ? SqlValue(nullptr) : SqlValue(contentType),
             TimeFormat::nowMs(),
             objectKey});
    return db.changes() == 1;
}

std::optional<BlobService::Download> BlobService::download(const QString &objectKey) const
{
    SqliteDatabase &db = m_workspace.database();
    QString path;
    qint64 size = 0;
    if (objectKey.startsWith(QLatin1String("items/"))) {
        // An item reached through a local-folder integration: its file, if still inside the root.
        SqliteStatement row = db.prepare(
            QStringLiteral("SELECT integration, url FROM storage_items WHERE uuid = ? AND "
                           "integration IS NOT NULL"),
            {objectKey.mid(6)});
        if (!row.next())
            return std::nullopt;
        const std::optional<IntegrationRecord> integration = IntegrationStore(db).find(row.text(0));
        if (integration)
            path = IntegrationStore::resolve(*integration, row.text(1));
        size = QFileInfo(path).size();
    } else {
        SqliteStatement row =
            db.prepare(QStringLiteral("SELECT sha256, size FROM uploads "
                                      "WHERE object_key = ? AND completed_at IS NOT NULL"),
                       {objectKey});
        if (!row.next())
            return std::nullopt;
        path = m_workspace.blobs().path(row.text(0));
        size = row.int64(1);
    }
    if (path.isEmpty() || !QFileInfo::exists(path))
        return std::nullopt;
    // Serve what the bytes are rather than what the uploader claimed.
    const QString type = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name();
    return Download{path, size, type.toLatin1()};
}

} // namespace Encord::Server
