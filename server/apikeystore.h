#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord::Server {

class SqliteDatabase;
struct UserRecord;

/// A dataset or project API key (legacy SDKs, ≤0.1.145).
struct ApiKeyRecord
{
    QString keyHash;
    QString apiKey;
    QString kind; ///< "dataset" or "project"
    QString resource;
    QString title;
    QStringList scopes;
};

/// Resource API keys. Only admins of the resource (or org admins) create or read them.
class ApiKeyStore
{
public:
    static const QStringList &datasetScopes();
    static const QStringList &projectScopes();

    ApiKeyStore(SqliteDatabase &db, const UserRecord &user);

    /// Throws RequestError for an invisible resource, a non-admin caller or an unknown scope.
    ApiKeyRecord create(const QString &kind,
                        const QString &resource,
                        const QString &title,
                        const QStringList &scopes);
    QList<ApiKeyRecord> list(const QString &kind, const QString &resource) const;
    /// The first existing key of the resource, or a new one with every scope.
    ApiKeyRecord getOrCreate(const QString &kind, const QString &resource);
    /// The key record for a raw key, without any user check (API-key authentication).
    static std::optional<ApiKeyRecord> byKey(SqliteDatabase &db, const QString &apiKey);

private:
    /// Inserts a key inside the caller's transaction.
    ApiKeyRecord insert(const QString &kind,
                        const QString &resource,
                        const QString &title,
                        const QStringList &scopes);
    void requireAdmin(const QString &kind, const QString &resource) const;

    SqliteDatabase &m_db;
    const UserRecord &m_user;
};

} // namespace Encord::Server
