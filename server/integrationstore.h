#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Encord::Server {

class SqliteDatabase;

/// A local-folder cloud integration: file:// URLs below root are reachable through it.
struct IntegrationRecord
{
    QString uuid;
    QString title;
    QString root; ///< canonical absolute path
};

/// The organisation's cloud integrations; every user sees all of them.
class IntegrationStore
{
public:
    explicit IntegrationStore(SqliteDatabase &db);

    /// Registers @p rootFolder (must exist) under @p title. Throws RequestError.
    IntegrationRecord add(const QString &title, const QString &rootFolder);
    QList<IntegrationRecord> list() const;
    std::optional<IntegrationRecord> find(const QString &uuid) const;

    /// The local file a file:// URL names, when it lies inside @p integration's root (after
    /// resolving symbolic links and "..") and exists; an empty string otherwise.
    static QString resolve(const IntegrationRecord &integration, const QString &fileUrl);

private:
    SqliteDatabase &m_db;
};

} // namespace Encord::Server
