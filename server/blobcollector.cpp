#include "blobcollector.h"

#include "serverlogging.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace Encord::Server {

namespace {

// An upload nothing refers to: no item registered on its object key (items of integrations
// keep their own paths in url) and no data row linking to it.
const QString kUnreferencedUploads =
    QStringLiteral("FROM uploads AS u WHERE u.created_at < ?1 "
                   "AND (u.completed_at IS NULL OR u.completed_at < ?1) "
                   "AND NOT EXISTS (SELECT 1 FROM storage_items i WHERE i.url = u.object_key "
                   "AND i.integration IS NULL) "
                   "AND NOT EXISTS (SELECT 1 FROM data_rows r WHERE r.file_link = u.object_key)");

} // namespace

BlobCollector::BlobCollector(Workspace &workspace, std::chrono::milliseconds maxAge)
    : m_workspace(workspace)
    , m_maxAge(maxAge)
{ }

BlobCollector::Outcome BlobCollector::collect() const
{
    return collect(TimeFormat::nowMs());
}

BlobCollector::Outcome BlobCollector::collect(qint64 nowMs) const
{
    Outcome outcome;
    const qint64 cutoff = nowMs - qint64(m_maxAge.count());
    SqliteDatabase &db = m_workspace.database();
    {
        SqliteTransaction transaction(db);
        db.exec(QStringLiteral("DELETE ") + kUnreferencedUploads, {cutoff});
        outcome.uploadsRemoved = db.changes();
        transaction.commit();
    }

    // Files are only deleted while no writer exists: a writer keeps the lock shared from its
    // first byte until its upload row is recorded, so every file it produced is named by a
    // row (or is new) by the time the collector looks.
    const auto noWriters = m_workspace.blobs().lockForCollection();
    QSet<QString> referenced;
    SqliteStatement rows = db.prepare(
        QStringLiteral("SELECT sha256 FROM uploads WHERE sha256 IS NOT NULL UNION "
                       "SELECT blob_sha256 FROM storage_items WHERE blob_sha256 IS NOT NULL"),
        {});
    while (rows.next())
        referenced.insert(rows.text(0));

    static const QRegularExpression shardName(QStringLiteral("^[0-9a-f]{2}$"));
    static const QRegularExpression blobName(QStringLiteral("^[0-9a-f]{64}$"));
    const QDateTime fileCutoff = QDateTime::fromMSecsSinceEpoch(cutoff, Qt::UTC);
    const QString root = m_workspace.blobs().root();
    // Only blobs/<2 hex>/<64 hex>: the tmp/ folder of uploads in progress is never entered.
    for (const QString &shard : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!shardName.match(shard).hasMatch())
            continue;
        QDir shardDir(root + QLatin1Char('/') + shard);
        for (const QFileInfo &file : shardDir.entryInfoList(QDir::Files | QDir::NoSymLinks)) {
            const QString sha = file.fileName();
            if (!blobName.match(sha).hasMatch() || !sha.startsWith(shard)
                || referenced.contains(sha) || file.lastModified() >= fileCutoff)
                continue;
            const qint64 size = file.size();
            if (QFile::remove(file.filePath())) {
                ++outcome.filesRemoved;
                outcome.bytesFreed += size;
            }
        }
    }
    if (outcome.uploadsRemoved > 0 || outcome.filesRemoved > 0)
        qCInfo(lcServerBlob).nospace()
            << "collected " << outcome.uploadsRemoved << " unused uploads, " << outcome.filesRemoved
            << " files, " << outcome.bytesFreed << " bytes";
    return outcome;
}

} // namespace Encord::Server
