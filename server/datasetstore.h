#pragma once

#include "listingfilter.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Encord::Server {

class SqliteDatabase;
struct ItemRecord;
struct UserRecord;

/// A dataset as stored, with the caller's role (nullopt when visible only as org admin).
struct DatasetRecord
{
    QString hash;
    QString title;
    QString description;
    int storageType = 0; ///< StorageLocation: 0 = Encord storage
    std::optional<QString> backingFolder;
    QString creatorEmail;
    qint64 createdAt = 0;
    qint64 lastEditedAt = 0;
    std::optional<int> role;
};

/// A data unit of a dataset.
struct DataRowRecord
{
    QString hash;
    QString title;
    QString dataType; ///< upper case, e.g. "IMAGE"
    std::optional<QString> itemUuid;
    std::optional<QString> fileLink;
    std::optional<qint64> fileSize;
    std::optional<QString> fileType;
    std::optional<qint64> width;
    std::optional<qint64> height;
    std::optional<QString> clientMetadata; ///< JSON text
    qint64 createdAt = 0;
    qint64 lastEditedAt = 0;
};

/// Datasets and their data rows, seen through one user's roles.
class DatasetStore
{
public:
    DatasetStore(SqliteDatabase &db, const UserRecord &user);

    /// Creates a dataset the user administers, with a backing storage folder when asked.
    /// Runs in its own transaction.
    DatasetRecord create(const QString &title,
                         const QString &description,
                         int storageType,
                         bool createBackingFolder);
    /// Throws RequestError::notFound when missing or not visible.
    DatasetRecord get(const QString &hash) const;
    std::optional<DatasetRecord> find(const QString &hash) const;
    /// The datasets the user holds a role on; with @p includeOrgAccess, an organisation
    /// admin also gets the others (with no role).
    QList<DatasetRecord> list(const ListingFilter &filter, bool includeOrgAccess = false) const;
    /// As list(), one record at a time: a listing of a large workspace never holds every
    /// record at once.
    void forEachListed(const ListingFilter &filter,
                       bool includeOrgAccess,
                       const std::function<void(const DatasetRecord &)> &visit) const;
    QList<DataRowRecord> rows(const QString &datasetHash) const;

    /// Adds @p item as a data row to every dataset mirroring its folder, inside the caller's
    /// transaction. Returns how many rows were added.
    int mirrorItem(const ItemRecord &item);

    /// Adds @p item to dataset @p datasetHash as a data row whose hash is the item's uuid, inside
    /// the caller's transaction.
    DataRowRecord addItemRow(const QString &datasetHash, const ItemRecord &item);
    /// The data row addItemRow() makes of @p item, not stored.
    static DataRowRecord rowOfItem(const ItemRecord &item);

    /// Same as get(), but also requires the dataset admin role (or org admin).
    DatasetRecord getAsAdmin(const QString &hash) const;

private:
    /// @p orgWide: an organisation admin sees rows without a role of their own.
    QList<DatasetRecord> query(const QString &extraWhere,
                               QList<SqlValue> values,
                               bool orgWide) const;
    void visit(const QString &extraWhere,
               QList<SqlValue> values,
               bool orgWide,
               const std::function<void(const DatasetRecord &)> &visitor) const;

    SqliteDatabase &m_db;
    const UserRecord &m_user;
};

} // namespace Encord::Server
