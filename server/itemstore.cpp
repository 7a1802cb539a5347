#include "itemstore.h"

#include "folderstore.h"
#include "requesterror.h"
#include "rolestore.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"

#include <QUuid>

namespace Encord::Server {

ItemStore::ItemStore(SqliteDatabase &db, const UserRecord &user)
    : m_db(db)
    , m_user(user)
{ }

ItemRecord ItemStore::insert(const ItemRecord &item)
{
    FolderStore(m_db, m_user).get(item.folder);
    const ItemRecord record = completed(item);
    insertCompleted(record);
    return record;
}

ItemRecord ItemStore::completed(const ItemRecord &item) const
{
    ItemRecord record = item;
    if (record.uuid.isEmpty())
        record.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (record.clientMetadata.isEmpty())
        record.clientMetadata = QStringLiteral("{}");
    record.ownerEmail = m_user.email;
    record.createdAt = record.lastEditedAt = TimeFormat::nowMs();
    return record;
}

void ItemStore::insertCompleted(const ItemRecord &record)
{
    m_db.exec(QStringLiteral("INSERT INTO storage_items (uuid, folder, item_type, name, "
                             "description, client_metadata, owner_id, created_at, last_edited_at, "
                             "is_placeholder, integration, url, file_size, mime_type, width, "
                             "height) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
              {record.uuid,
               record.folder,
               record.itemType,
               record.name,
               record.description,
               record.clientMetadata,
               m_user.id,
               record.createdAt,
               record.lastEditedAt,
               qint64(record.isPlaceholder ? 1 : 0),
               sqlOptional(record.integration),
               sqlOptional(record.url),
               record.fileSize ? SqlValue(*record.fileSize) : SqlValue(nullptr),
               sqlOptional(record.mimeType),
               record.width ? SqlValue(*record.width) : SqlValue(nullptr),
               record.height ? SqlValue(*record.height) : SqlValue(nullptr)});
}

QList<ItemRecord> ItemStore::select(const QString &extraWhere,
                                    QList<SqlValue> values,
                                    const QString &orderBy) const
{
    const QString sql = QStringLiteral("SELECT i.uuid, i.folder, i.item_type, i.name, "
                                       "i.description, i.client_metadata, u.email, i.created_at, "
                                       "i.last_edited_at, i.is_placeholder, i.integration, i.url, "
                                       "i.file_size, i.mime_type, i.width, i.height, "
                                       "(SELECT COUNT(*) FROM data_rows WHERE item = i.uuid), "
                                       "r.role FROM storage_items i "
                                       "JOIN users u ON u.id = i.owner_id")
                        + RoleStore::joinSql(ResourceKind::Folder,
                                             QStringLiteral("i"),
                                             QStringLiteral("folder"),
                                             QStringLiteral("r"))
                        + QStringLiteral(" WHERE ")
                        + RoleStore::visibleCondition(QStringLiteral("r")) + extraWhere
                        + QStringLiteral(" ORDER BY ") + orderBy;
    values.prepend(qint64(m_user.orgAdmin ? 1 : 0));
    values.prepend(m_user.id);
    SqliteStatement row = m_db.prepare(sql, values);
    QList<ItemRecord> result;
    while (row.next()) {
        ItemRecord record;
        record.uuid = row.text(0);
        record.folder = row.text(1);
        record.itemType = row.text(2);
        record.name = row.text(3);
        record.description = row.text(4);
        record.clientMetadata = row.text(5);
        record.ownerEmail = row.text(6);
        record.createdAt = row.int64(7);
        record.lastEditedAt = row.int64(8);
        record.isPlaceholder = row.int64(9) != 0;
        record.integration = row.optionalText(10);
        record.url = row.optionalText(11);
        record.fileSize = row.optionalInt64(12);
        record.mimeType = row.optionalText(13);
        record.width = row.optionalInt64(14);
        record.height = row.optionalInt64(15);
        record.backedDataUnits = row.int64(16);
        if (!row.isNull(17))
            record.role = int(row.int64(17));
        result.append(record);
    }
    return result;
}

std::optional<ItemRecord> ItemStore::find(const QString &uuid) const
{
    const QList<ItemRecord> found =
        select(QStringLiteral(" AND i.uuid = ?"), {uuid}, QStringLiteral("i.uuid"));
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QSet<QString> ItemStore::existing(const QStringList &uuids) const
{
    constexpr qsizetype kChunk = 500;
    QSet<QString> found;
    for (qsizetype start = 0; start < uuids.size(); start += kChunk) {
        const QStringList chunk = uuids.mid(start, kChunk);
        QList<SqlValue> values;
        for (const QString &uuid : chunk)
            values.append(uuid);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        SqliteStatement row =
            m_db.prepare(QStringLiteral("SELECT uuid FROM storage_items WHERE uuid IN (")
                             + marks.join(QLatin1Char(',')) + QLatin1Char(')'),
                         values);
        while (row.next())
            found.insert(row.text(0));
    }
    return found;
}

ItemRecord ItemStore::get(const QString &uuid) const
{
    if (std::optional<ItemRecord> found = find(uuid))
        return *found;
    throw RequestError::notFound(QStringLiteral("Storage item not found."));
}

ItemRecord ItemStore::update(const QString &uuid,
                             const std::optional<QString> &name,
                             const std::optional<QString> &description,
                             const std::optional<QString> &clientMetadata)
{
    SqliteTransaction transaction(m_db);
    const ItemRecord item = get(uuid);
    if (!m_user.orgAdmin && item.role != RoleStore::kAdmin)
        throw RequestError::forbidden(QStringLiteral("Only folder admins can change an item."));
    if (name && name->trimmed().isEmpty())
        throw RequestError::invalidArgument(QStringLiteral("An item needs a name."));
    m_db.exec(QStringLiteral("UPDATE storage_items SET name = coalesce(?, name), "
                             "description = coalesce(?, description), "
                             "client_metadata = coalesce(?, client_metadata), last_edited_at = ? "
                             "WHERE uuid = ?"),
              {sqlOptional(name),
               sqlOptional(description),
               sqlOptional(clientMetadata),
               TimeFormat::nowMs(),
               uuid});
    ItemRecord record = get(uuid);
    transaction.commit();
    return record;
}

QList<ItemRecord> ItemStore::list(const ItemQuery &query) const
{
    QString where;
    QList<SqlValue> values;
    if (query.folder && query.recursive) {
        where += QStringLiteral(" AND i.folder IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION "
                                "SELECT s.uuid FROM storage_folders s JOIN sub ON s.parent = "
                                "sub.id) SELECT id FROM sub)");
        values.append(*query.folder);
    } else if (query.folder) {
        where += QStringLiteral(" AND i.folder = ?");
        values.append(*query.folder);
    }
    if (!query.search.isEmpty()) {
        where += QStringLiteral(" AND instr(lower(i.name), lower(?)) > 0");
        values.append(query.search);
    }
    if (!query.itemTypes.isEmpty()) {
        QStringList marks;
        for (const QString &type : query.itemTypes) {
            marks.append(QStringLiteral("?"));
            values.append(type);
        }
        where += QStringLiteral(" AND i.item_type IN (") + marks.join(QLatin1Char(','))
                 + QLatin1Char(')');
    }
    if (query.inDataset) {
        where += *query.inDataset
                     ? QStringLiteral(" AND EXISTS (SELECT 1 FROM data_rows WHERE item = i.uuid)")
                     : QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM data_rows WHERE item = "
                                      "i.uuid)");
    }
    const QString direction = query.descending ? QStringLiteral(" DESC") : QString();
    QString orderBy = (query.orderByCreation ? QStringLiteral("i.created_at")
                                             : QStringLiteral("i.name COLLATE NOCASE"))
                      + direction + QStringLiteral(", i.uuid") + direction;
    if (query.limit >= 0) {
        // ORDER BY is the statement's last clause: the window follows it.
        orderBy += QStringLiteral(" LIMIT ? OFFSET ?");
        values.append(query.limit);
        values.append(query.offset);
    }
    return select(where, values, orderBy);
}

} // namespace Encord::Server
