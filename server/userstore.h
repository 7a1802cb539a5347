#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Encord {
class PublicKey;
}

namespace Encord::Server {

class SqliteDatabase;

/// A workspace user: one e-mail, one registered Ed25519 key.
struct UserRecord
{
    qint64 id = 0;
    QString email;
    QString publicKeyHex;
    bool orgAdmin = false;
};

/// The users of the workspace organisation (id 1).
class UserStore
{
public:
    explicit UserStore(SqliteDatabase &db);

    std::optional<UserRecord> byKeyHex(const QString &publicKeyHex) const;
    std::optional<UserRecord> byId(qint64 id) const;
    std::optional<UserRecord> byEmail(const QString &email) const;

    /// Registers a user. Throws RequestError (RESOURCE_EXISTS_ERROR / DUPLICATE_SSH_KEY_ERROR)
    /// when the e-mail or the key is taken.
    UserRecord add(const QString &email, const PublicKey &key, bool orgAdmin);

    /// A stable opaque id for a user (the "user_hash" of v1 answers), derived from the e-mail.
    static QString userHash(const QString &email);

private:
    std::optional<UserRecord> one(const QString &where, const QString &value) const;

    SqliteDatabase &m_db;
};

} // namespace Encord::Server
