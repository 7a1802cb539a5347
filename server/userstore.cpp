#include "userstore.h"

#include "auth/publickey.h"
#include "requesterror.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"

#include <QUuid>

namespace Encord::Server {

UserStore::UserStore(SqliteDatabase &db)
    : m_db(db)
{ }

std::optional<UserRecord> UserStore::one(const QString &where, const QString &value) const
{
    SqliteStatement row = m_db.prepare(
        QStringLiteral("SELECT id, email, public_key_hex, org_admin FROM users WHERE ") + where,
        {value});
    if (!row.next())
        return std::nullopt;
    return UserRecord{row.int64(0), row.text(1), row.text(2), row.int64(3) != 0};
}

std::optional<UserRecord> UserStore::byKeyHex(const QString &publicKeyHex) const
{
    return one(QStringLiteral("public_key_hex = ?"), publicKeyHex.toLower());
}

std::optional<UserRecord> UserStore::byId(qint64 id) const
{
    return one(QStringLiteral("id = ?"), QString::number(id));
}

std::optional<UserRecord> UserStore::byEmail(const QString &email) const
{
    return one(QStringLiteral("email = ?"), email);
}

UserRecord UserStore::add(const QString &email, const PublicKey &key, bool orgAdmin)
{
    SqliteTransaction transaction(m_db);
    if (byEmail(email))
        throw RequestError(409,
                           QStringLiteral("RESOURCE_EXISTS_ERROR"),
                           QStringLiteral("A user with this e-mail already exists."));
    if (byKeyHex(key.hex()))
        throw RequestError(409,
                           QStringLiteral("DUPLICATE_SSH_KEY_ERROR"),
                           QStringLiteral("This public key is already registered."));
    m_db.exec(QStringLiteral("INSERT INTO users (email, public_key_hex, org_admin, created_at) "
                             "VALUES (?, ?, ?, ?)"),
              {email, key.hex(), qint64(orgAdmin ? 1 : 0), TimeFormat::nowMs()});
    const qint64 id = m_db.scalar(QStringLiteral("SELECT last_insert_rowid()"));
    transaction.commit();
    return UserRecord{id, email, key.hex(), orgAdmin};
}

QString UserStore::userHash(const QString &email)
{
    static const QUuid ns =
        QUuid::fromString(QLatin1String("6f1c7a3e-2b8d-4e55-9a41-0c2f5b7d9e13"));
    return QUuid::createUuidV5(ns, email.toLower()).toString(QUuid::WithoutBraces);
}

} // namespace Encord::Server
