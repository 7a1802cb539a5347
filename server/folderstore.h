#pragma once

#include "sqlitestatement.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord::Server {

class SqliteDatabase;
struct UserRecord;

/// A storage folder as stored, with the caller's role and the dataset mirroring it.
struct FolderRecord
{
    QString uuid;
    std::optional<QString> parent;
    QString name;
    QString description;
    std::optional<QString> clientMetadata; ///< JSON text
    QString ownerEmail;
    qint64 createdAt = 0;
    qint64 lastEditedAt = 0;
    std::optional<int> role; ///< 0 admin, 1 user; nullopt = org admin without a role
    std::optional<QString> syncedDataset;
};

/// Storage folders, seen through one user's roles. A folder's roles are copied from its
/// parent when it is created, and its creator administers it.
class FolderStore
{
public:
    FolderStore(SqliteDatabase &db, const UserRecord &user);

    /// Inserts a folder inside the caller's transaction. @p parent must be visible.
    FolderRecord insert(const QString &name,
                        const QString &description,
                        const std::optional<QString> &clientMetadata,
                        const std::optional<QString> &parent);
    /// insert() in its own transaction.
    FolderRecord create(const QString &name,
                        const QString &description,
                        const std::optional<QString> &clientMetadata,
                        const std::optional<QString> &parent);

    std::optional<FolderRecord> find(const QString &uuid) const;
    /// Throws RequestError::notFound when missing or not visible.
    FolderRecord get(const QString &uuid) const;

    /// Children of @p parent (nullopt = top level); with @p recursive every descendant.
    /// @p search is a case-insensitive substring of the name; @p datasetSynced filters on
    /// whether a dataset mirrors the folder.
    QList<FolderRecord> list(const std::optional<QString> &parent,
                             bool recursive,
                             const QString &search,
                             std::optional<bool> datasetSynced,
                             bool orderByCreation,
                             bool descending,
                             qint64 offset = 0,
                             qint64 limit = -1) const;

    /// Changes the given fields of a folder the user administers; returns the new state.
    /// Runs in its own transaction. Throws RequestError.
    FolderRecord update(const QString &uuid,
                        const std::optional<QString> &name,
                        const std::optional<QString> &description,
                        const std::optional<QString> &clientMetadata);
    /// Deletes a folder the user administers, with its subfolders and items (datasets that
    /// mirrored them lose their backing folder). Runs in its own transaction.
    void remove(const QString &uuid);
    /// Moves folders the user administers under @p newParent (nullopt = top level). Refuses
    /// to move a folder into itself or its own subtree. Runs in its own transaction.
    void move(const QStringList &uuids, const std::optional<QString> &newParent);
    /// Counts of the folder's direct content: folders, items by type, total bytes.
    struct Summary
    {
        qint64 folders = 0;
        qint64 files = 0;
        qint64 images = 0;
        qint64 videos = 0;
        qint64 totalSize = 0;
    };
    Summary summary(const QString &uuid) const;

    /// The ancestors of @p folder from its parent up to the root.
    QList<FolderRecord> pathToRoot(const FolderRecord &folder) const;

private:
    FolderRecord getAsAdmin(const QString &uuid) const;
    /// @p uuid and every folder below it.
    QStringList subtree(const QString &uuid) const;
    QList<FolderRecord> query(const QString &extraWhere,
                              QList<SqlValue> values,
                              const QString &orderBy) const;

    SqliteDatabase &m_db;
    const UserRecord &m_user;
};

} // namespace Encord::Server
