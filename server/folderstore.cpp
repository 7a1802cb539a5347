#include "folderstore.h"

#include "requesterror.h"
#include "rolestore.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"

#include <QSet>
#include <QUuid>

namespace Encord::Server {

FolderStore::FolderStore(SqliteDatabase &db, const UserRecord &user)
    : m_db(db)
    , m_user(user)
{ }

FolderRecord FolderStore::insert(const QString &name,
                                 const QString &description,
                                 const std::optional<QString> &clientMetadata,
                                 const std::optional<QString> &parent)
{
    if (name.trimmed().isEmpty())
        throw RequestError::invalidArgument(QStringLiteral("A folder needs a name."));
    if (parent)
        get(*parent);
    const qint64 now = TimeFormat::nowMs();
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db.exec(QStringLiteral("INSERT INTO storage_folders (uuid, parent, name, description, "
                             "client_metadata, owner_id, created_at, last_edited_at) "
                             "VALUES (?,?,?,?,?,?,?,?)"),
              {uuid,
               sqlOptional(parent),
               name,
               description,
               sqlOptional(clientMetadata),
               m_user.id,
               now,
               now});
    if (parent) {
        m_db.exec(QStringLiteral("INSERT OR IGNORE INTO roles (kind, resource, user_id, role) "
                                 "SELECT kind, ?, user_id, role FROM roles "
                                 "WHERE kind = 'folder' AND resource = ?"),
                  {uuid, *parent});
    }
    RoleStore(m_db).grant(ResourceKind::Folder, uuid, m_user.id, RoleStore::kAdmin);
    return FolderRecord{uuid,
                        parent,
                        name,
                        description,
                        clientMetadata,
                        m_user.email,
                        now,
                        now,
                        RoleStore::kAdmin,
                        std::nullopt};
}

FolderRecord FolderStore::create(const QString &name,
                                 const QString &description,
                                 const std::optional<QString> &clientMetadata,
                                 const std::optional<QString> &parent)
{
    SqliteTransaction transaction(m_db);
    FolderRecord record = insert(name, description, clientMetadata, parent);
    transaction.commit();
    return record;
}

QList<FolderRecord> FolderStore::query(const QString &extraWhere,
                                       QList<SqlValue> values,
                                       const QString &orderBy) const
{
    const QString sql =
        QStringLiteral("SELECT f.uuid, f.parent, f.name, f.description, "
                       "f.client_metadata, u.email, f.created_at, "
                       "f.last_edited_at, r.role, "
                       "(SELECT hash FROM datasets WHERE backing_folder = f.uuid "
                       "ORDER BY created_at LIMIT 1) "
                       "FROM storage_folders f JOIN users u ON u.id = f.owner_id")
        + RoleStore::joinSql(
            ResourceKind::Folder, QStringLiteral("f"), QStringLiteral("uuid"), QStringLiteral("r"))
        + QStringLiteral(" WHERE ") + RoleStore::visibleCondition(QStringLiteral("r")) + extraWhere
        + QStringLiteral(" ORDER BY ") + orderBy;
    values.prepend(qint64(m_user.orgAdmin ? 1 : 0));
    values.prepend(m_user.id);
    SqliteStatement row = m_db.prepare(sql, values);
    QList<FolderRecord> result;
    while (row.next()) {
        result.append({row.text(0),
                       row.optionalText(1),
                       row.text(2),
                       row.text(3),
                       row.optionalText(4),
                       row.text(5),
                       row.int64(6),
                       row.int64(7),
                       row.isNull(8) ? std::nullopt : std::optional<int>(int(row.int64(8))),
                       row.optionalText(9)});
    }
    return result;
}

std::optional<FolderRecord> FolderStore::find(const QString &uuid) const
{
    const QList<FolderRecord> found =
        query(QStringLiteral(" AND f.uuid = ?"), {uuid}, QStringLiteral("f.uuid"));
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

FolderRecord FolderStore::get(const QString &uuid) const
{
    if (std::optional<FolderRecord> found = find(uuid))
        return *found;
    throw RequestError::notFound(QStringLiteral("Storage folder not found."));
}

QList<FolderRecord> FolderStore::list(const std::optional<QString> &parent,
                                      bool recursive,
                                      const QString &search,
                                      std::optional<bool> datasetSynced,
                                      bool orderByCreation,
                                      bool descending,
                                      qint64 offset,
                                      qint64 limit) const
{
    QString where;
    QList<SqlValue> values;
    if (recursive && parent) {
        where += QStringLiteral(" AND f.uuid IN (WITH RECURSIVE sub(id) AS (SELECT uuid FROM "
                                "storage_folders WHERE parent = ? UNION SELECT s.uuid FROM "
                                "storage_folders s JOIN sub ON s.parent = sub.id) "
                                "SELECT id FROM sub)");
        values.append(*parent);
    } else if (parent) {
        where += QStringLiteral(" AND f.parent = ?");
        values.append(*parent);
    } else if (!recursive) {
        where += QStringLiteral(" AND f.parent IS NULL");
    }
    if (!search.isEmpty()) {
        where += QStringLiteral(" AND instr(lower(f.name), lower(?)) > 0");
        values.append(search);
    }
    if (datasetSynced) {
        where += *datasetSynced
                     ? QStringLiteral(" AND EXISTS (SELECT 1 FROM datasets WHERE backing_folder "
                                      "= f.uuid)")
                     : QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM datasets WHERE "
                                      "backing_folder = f.uuid)");
    }
    const QString direction = descending ? QStringLiteral(" DESC") : QString();
    QString orderBy =
        (orderByCreation ? QStringLiteral("f.created_at") : QStringLiteral("f.name COLLATE NOCASE"))
        + direction + QStringLiteral(", f.uuid") + direction;
    if (limit >= 0) {
        // ORDER BY is the statement's last clause: the window (a page) follows it.
        orderBy += QStringLiteral(" LIMIT ? OFFSET ?");
        values.append(limit);
        values.append(offset);
    }
    return query(where, values, orderBy);
}

FolderRecord FolderStore::getAsAdmin(const QString &uuid) const
{
    FolderRecord folder = get(uuid);
    if (!m_user.orgAdmin && folder.role != RoleStore::kAdmin)
        throw RequestError::forbidden(QStringLiteral("Only folder admins can change a folder."));
    return folder;
}

QStringList FolderStore::subtree(const QString &uuid) const
{
    SqliteStatement row = m_db.prepare(
        QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT s.uuid FROM "
                       "storage_folders s JOIN sub ON s.parent = sub.id) SELECT id FROM sub"),
        {uuid});
    QStringList result;
    while (row.next())
        result.append(row.text(0));
    return result;
}

FolderRecord FolderStore::update(const QString &uuid,
                                 const std::optional<QString> &name,
                                 const std::optional<QString> &description,
                                 const std::optional<QString> &clientMetadata)
{
    SqliteTransaction transaction(m_db);
    getAsAdmin(uuid);
    if (name && name->trimmed().isEmpty())
        throw RequestError::invalidArgument(QStringLiteral("A folder needs a name."));
    m_db.exec(QStringLiteral("UPDATE storage_folders SET name = coalesce(?, name), "
                             "description = coalesce(?, description), "
                             "client_metadata = coalesce(?, client_metadata), last_edited_at = ? "
                             "WHERE uuid = ?"),
              {sqlOptional(name),
               sqlOptional(description),
               sqlOptional(clientMetadata),
               TimeFormat::nowMs(),
               uuid});
    FolderRecord record = get(uuid);
    transaction.commit();
    return record;
}

void FolderStore::remove(const QString &uuid)
{
    SqliteTransaction transaction(m_db);
    getAsAdmin(uuid);
    // Role rows name folders by text, without a foreign key: clear them for the whole subtree.
    for (const QString &folder : subtree(uuid)) {
        m_db.exec(QStringLiteral("DELETE FROM roles WHERE kind = 'folder' AND resource = ?"),
                  {folder});
    }
    m_db.exec(QStringLiteral("DELETE FROM storage_folders WHERE uuid = ?"), {uuid});
    transaction.commit();
}

void FolderStore::move(const QStringList &uuids, const std::optional<QString> &newParent)
{
    SqliteTransaction transaction(m_db);
    if (newParent)
        get(*newParent);
    for (const QString &uuid : uuids) {
        getAsAdmin(uuid);
        if (newParent && subtree(uuid).contains(*newParent))
            throw RequestError::invalidArgument(
                QStringLiteral("A folder cannot move into itself or its own subfolders."));
        m_db.exec(QStringLiteral("UPDATE storage_folders SET parent = ?, last_edited_at = ? "
                                 "WHERE uuid = ?"),
                  {sqlOptional(newParent), TimeFormat::nowMs(), uuid});
    }
    transaction.commit();
}

FolderStore::Summary FolderStore::summary(const QString &uuid) const
{
    get(uuid);
    Summary result;
    result.folders = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM storage_folders WHERE parent = ?"), {uuid});
    SqliteStatement row = m_db.prepare(
        QStringLiteral("SELECT COUNT(*), SUM(item_type = 'image'), SUM(item_type = 'video'), "
                       "COALESCE(SUM(file_size), 0) FROM storage_items WHERE folder = ?"),
        {uuid});
    if (row.next()) {
        result.files = row.int64(0);
        result.images = row.int64(1);
        result.videos = row.int64(2);
        result.totalSize = row.int64(3);
    }
    return result;
}

QList<FolderRecord> FolderStore::pathToRoot(const FolderRecord &folder) const
{
    // Ancestors are reported even where the caller has no role on them: the path is context.
    QList<FolderRecord> path;
    QSet<QString> seen;
    std::optional<QString> next = folder.parent;
    while (next && !seen.contains(*next)) {
        seen.insert(*next);
        SqliteStatement row = m_db.prepare(
            QStringLiteral("SELECT uuid, parent, name, (SELECT hash FROM datasets WHERE "
                           "backing_folder = storage_folders.uuid LIMIT 1) "
                           "FROM storage_folders WHERE uuid = ?"),
            {*next});
        if (!row.next())
            break;
        FolderRecord ancestor;
        ancestor.uuid = row.text(0);
        ancestor.parent = row.optionalText(1);
        ancestor.name = row.text(2);
        ancestor.syncedDataset = row.optionalText(3);
        path.append(ancestor);
        next = ancestor.parent;
    }
    return path;
}

} // namespace Encord::Server
