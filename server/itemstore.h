#pragma once

#include "sqlitestatement.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord::Server {

class SqliteDatabase;
struct UserRecord;

/// A storage item as stored. Visible to whoever sees its folder.
struct ItemRecord
{
    QString uuid;
    QString folder;
    QString itemType; ///< StorageItemType, e.g. "image"
    QString name;
    QString description;
    QString clientMetadata; ///< JSON text, "{}" when none
    QString ownerEmail;
    qint64 createdAt = 0;
    qint64 lastEditedAt = 0;
    bool isPlaceholder = false;
    std::optional<QString> integration;
    std::optional<QString> url; ///< object key of the blob (or file:// URL for integrations)
    std::optional<qint64> fileSize;
    std::optional<QString> mimeType;
    std::optional<qint64> width;
    std::optional<qint64> height;
    qint64 backedDataUnits = 0;
    std::optional<int> role;
};

/// Criteria of item listings (spec §3.4, ListItemsParams).
struct ItemQuery
{
    std::optional<QString> folder; ///< nullopt: every visible folder
    bool recursive = false;
    QString search;        ///< case-insensitive substring of the name
    QStringList itemTypes; ///< empty: all
    std::optional<bool> inDataset;
    bool orderByCreation = false;
    bool descending = false;
    /// A window of the ordered result (a page): skip @c offset rows, return at most @c limit
    /// (-1: all). Listings of big folders must not read every item for every page.
    qint64 offset = 0;
    qint64 limit = -1;
};

/// Storage items, seen through one user's folder roles.
class ItemStore
{
public:
    ItemStore(SqliteDatabase &db, const UserRecord &user);

    /// Inserts an item into a visible folder, inside the caller's transaction.
    ItemRecord insert(const ItemRecord &item);
    /// @p item as insert() would store it (uuid, metadata, owner and times filled in), without
    /// storing it or checking its folder: for writers that check once and insert many later.
    ItemRecord completed(const ItemRecord &item) const;
    /// Stores an item completed() made, inside the caller's transaction; no folder check.
    void insertCompleted(const ItemRecord &item);
    std::optional<ItemRecord> find(const QString &uuid) const;
    /// Which of @p uuids are items already, in any folder, visible to the user or not.
    QSet<QString> existing(const QStringList &uuids) const;
    /// Throws RequestError::notFound when missing or not visible.
    ItemRecord get(const QString &uuid) const;
    QList<ItemRecord> list(const ItemQuery &query) const;
    /// Changes the given fields of an item whose folder the user administers. Runs in its own
    /// transaction. Throws RequestError.
    ItemRecord update(const QString &uuid,
                      const std::optional<QString> &name,
                      const std::optional<QString> &description,
                      const std::optional<QString> &clientMetadata);

private:
    QList<ItemRecord> select(const QString &extraWhere,
                             QList<SqlValue> values,
                             const QString &orderBy) const;

    SqliteDatabase &m_db;
    const UserRecord &m_user;
};

} // namespace Encord::Server
