#include "datasetstore.h"

#include "folderstore.h"
#include "itemstore.h"
#include "requesterror.h"
#include "rolestore.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"

#include <QHash>
#include <QUuid>

namespace Encord::Server {

DatasetStore::DatasetStore(SqliteDatabase &db, const UserRecord &user)
    : m_db(db)
    , m_user(user)
{ }

DatasetRecord DatasetStore::create(const QString &title,
                                   const QString &description,
                                   int storageType,
                                   bool createBackingFolder)
{
    if (title.trimmed().isEmpty())
        throw RequestError::invalidArgument(QStringLiteral("A dataset needs a title."));
    // The workspace stores files itself (CORD_STORAGE = 0); it has no buckets to put others in.
    if (storageType != 0)
        throw RequestError::invalidArgument(
            QStringLiteral("This workspace keeps files only in its own storage; datasets in "
                           "cloud buckets (AWS S3, GCP, Azure, S3-compatible) need the Encord "
                           "platform."));
    SqliteTransaction transaction(m_db);
    const qint64 now = TimeFormat::nowMs();
    DatasetRecord record{QUuid::createUuid().toString(QUuid::WithoutBraces),
                         title,
                         description,
                         storageType,
                         std::nullopt,
                         m_user.email,
                         now,
                         now,
                         RoleStore::kAdmin};
    if (createBackingFolder) {
        FolderStore folders(m_db, m_user);
        record.backingFolder = folders.insert(title, description, std::nullopt, std::nullopt).uuid;
    }
    m_db.exec(QStringLiteral("INSERT INTO datasets (hash, title, description, storage_type, "
                             "backing_folder, creator_id, created_at, last_edited_at) "
                             "VALUES (?,?,?,?,?,?,?,?)"),
              {record.hash,
               title,
               description,
               qint64(storageType),
               sqlOptional(record.backingFolder),
               m_user.id,
               now,
               now});
    RoleStore(m_db).grant(ResourceKind::Dataset, record.hash, m_user.id, RoleStore::kAdmin);
    transaction.commit();
    return record;
}

QList<DatasetRecord> DatasetStore::query(const QString &extraWhere,
                                         QList<SqlValue> values,
                                         bool orgWide) const
{
    QList<DatasetRecord> result;
    visit(extraWhere, std::move(values), orgWide, [&result](const DatasetRecord &dataset) {
        result.append(dataset);
    });
    return result;
}

void DatasetStore::visit(const QString &extraWhere,
                         QList<SqlValue> values,
                         bool orgWide,
                         const std::function<void(const DatasetRecord &)> &visitor) const
{
    QString sql =
        QStringLiteral("SELECT d.hash, d.title, d.description, d.storage_type, "
                       "d.backing_folder, u.email, d.created_at, d.last_edited_at, r.role "
                       "FROM datasets d JOIN users u ON u.id = d.creator_id")
        + RoleStore::joinSql(
            ResourceKind::Dataset, QStringLiteral("d"), QStringLiteral("hash"), QStringLiteral("r"))
        + QStringLiteral(" WHERE ") + RoleStore::visibleCondition(QStringLiteral("r")) + extraWhere
        + QStringLiteral(" ORDER BY d.created_at, d.rowid");
    values.prepend(qint64(m_user.orgAdmin && orgWide ? 1 : 0));
    values.prepend(m_user.id);
    SqliteStatement row = m_db.prepare(sql, values);
    while (row.next()) {
        visitor({row.text(0),
                 row.text(1),
                 row.text(2),
                 int(row.int64(3)),
                 row.optionalText(4),
                 row.text(5),
                 row.int64(6),
                 row.int64(7),
                 row.isNull(8) ? std::nullopt : std::optional<int>(int(row.int64(8)))});
    }
}

void DatasetStore::forEachListed(const ListingFilter &filter,
                                 bool includeOrgAccess,
                                 const std::function<void(const DatasetRecord &)> &visitor) const
{
    QString where;
    QList<SqlValue> values;
    filter.appendSql(QStringLiteral("d"), where, values);
    visit(where, std::move(values), includeOrgAccess, visitor);
}

std::optional<DatasetRecord> DatasetStore::find(const QString &hash) const
{
    const QList<DatasetRecord> found = query(QStringLiteral(" AND d.hash = ?"), {hash}, true);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

DatasetRecord DatasetStore::get(const QString &hash) const
{
    if (std::optional<DatasetRecord> found = find(hash))
        return *found;
    throw RequestError::notFound(QStringLiteral("Dataset not found."));
}

DatasetRecord DatasetStore::getAsAdmin(const QString &hash) const
{
    DatasetRecord record = get(hash);
    if (!m_user.orgAdmin && record.role != RoleStore::kAdmin)
        throw RequestError::forbidden(QStringLiteral("Only dataset admins can do this."));
    return record;
}

QList<DatasetRecord> DatasetStore::list(const ListingFilter &filter, bool includeOrgAccess) const
{
    QString where;
    QList<SqlValue> values;
    filter.appendSql(QStringLiteral("d"), where, values);
    return query(where, values, includeOrgAccess);
}

int DatasetStore::mirrorItem(const ItemRecord &item)
{
    // Rows take the item's identity so that data_hash and backing_item_uuid agree with storage.
    static const QHash<QString, QString> dataTypes = {
        {QStringLiteral("image"), QStringLiteral("IMAGE")},
        {QStringLiteral("video"), QStringLiteral("VIDEO")},
        {QStringLiteral("audio"), QStringLiteral("AUDIO")},
        {QStringLiteral("nifti"), QStringLiteral("NIFTI")},
        {QStringLiteral("plainText"), QStringLiteral("PLAIN_TEXT")},
        {QStringLiteral("pdf"), QStringLiteral("PDF")}};
    m_db.exec(QStringLiteral("INSERT INTO data_rows (hash, dataset, item, title, data_type, "
                             "file_link, file_size, file_type, width, height, client_metadata, "
                             "created_at, last_edited_at) SELECT ?, hash, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ? FROM datasets WHERE backing_folder = ?"),
              {QUuid::createUuid().toString(QUuid::WithoutBraces),
               item.uuid,
               item.name,
               dataTypes.value(item.itemType, item.itemType.toUpper()),
               sqlOptional(item.url),
               item.fileSize ? SqlValue(*item.fileSize) : SqlValue(nullptr),
               sqlOptional(item.mimeType),
               item.width ? SqlValue(*item.width) : SqlValue(nullptr),
               item.height ? SqlValue(*item.height) : SqlValue(nullptr),
               item.clientMetadata,
               item.createdAt,
               item.lastEditedAt,
               item.folder});
    return m_db.changes();
}

DataRowRecord DatasetStore::rowOfItem(const ItemRecord &item)
{
    DataRowRecord row;
    row.hash = item.uuid;
    row.title = item.name;
    row.dataType = item.itemType.toUpper();
    row.itemUuid = item.uuid;
    row.fileLink = item.url;
    row.fileSize = item.fileSize;
    row.fileType = item.mimeType;
    row.width = item.width;
    row.height = item.height;
    row.createdAt = row.lastEditedAt = item.createdAt;
    return row;
}

DataRowRecord DatasetStore::addItemRow(const QString &datasetHash, const ItemRecord &item)
{
    const DataRowRecord row = rowOfItem(item);
    m_db.exec(QStringLiteral("INSERT INTO data_rows (hash, dataset, item, title, data_type, "
                             "file_link, file_size, file_type, width, height, client_metadata, "
                             "created_at, last_edited_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
              {row.hash,
               datasetHash,
               item.uuid,
               row.title,
               row.dataType,
               sqlOptional(row.fileLink),
               row.fileSize ? SqlValue(*row.fileSize) : SqlValue(nullptr),
               sqlOptional(row.fileType),
               row.width ? SqlValue(*row.width) : SqlValue(nullptr),
               row.height ? SqlValue(*row.height) : SqlValue(nullptr),
               item.clientMetadata,
               row.createdAt,
               row.lastEditedAt});
    return row;
}

QList<DataRowRecord> DatasetStore::rows(const QString &datasetHash) const
{
    SqliteStatement row = m_db.prepare(
        QStringLiteral("SELECT hash, title, data_type, item, file_link, file_size, file_type, "
                       "width, height, client_metadata, created_at, last_edited_at "
                       "FROM data_rows WHERE dataset = ? ORDER BY created_at, rowid"),
        {datasetHash});
    QList<DataRowRecord> result;
    while (row.next()) {
        result.append({row.text(0),
                       row.text(1),
                       row.text(2),
                       row.optionalText(3),
                       row.optionalText(4),
                       row.optionalInt64(5),
                       row.optionalText(6),
                       row.optionalInt64(7),
                       row.optionalInt64(8),
                       row.optionalText(9),
                       row.int64(10),
                       row.int64(11)});
    }
    return result;
}

} // namespace Encord::Server
