#include "apikeystore.h"

#include "datasetstore.h"
#include "projectstore.h"
#include "requesterror.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

namespace Encord::Server {

namespace {

QString newKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

ApiKeyRecord read(SqliteStatement &row)
{
    QStringList scopes;
    const QJsonArray array = QJsonDocument::fromJson(row.text(5).toUtf8()).array();
    for (const QJsonValue &scope : array)
        scopes.append(scope.toString());
    return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), scopes};
}

const QString kColumns =
    QStringLiteral("SELECT key_hash, api_key, kind, resource, title, scopes FROM api_keys ");

} // namespace

const QStringList &ApiKeyStore::datasetScopes()
{
    static const QStringList scopes = {QStringLiteral("dataset.read"),
                                       QStringLiteral("dataset.write")};
    return scopes;
}

const QStringList &ApiKeyStore::projectScopes()
{
    static const QStringList scopes = {QStringLiteral("label.read"),
                                       QStringLiteral("label.write"),
                                       QStringLiteral("model.inference"),
                                       QStringLiteral("model.train"),
                                       QStringLiteral("label_logs.read"),
                                       QStringLiteral("algo.library")};
    return scopes;
}

ApiKeyStore::ApiKeyStore(SqliteDatabase &db, const UserRecord &user)
    : m_db(db)
    , m_user(user)
{ }

void ApiKeyStore::requireAdmin(const QString &kind, const QString &resource) const
{
    if (kind == QLatin1String("dataset"))
        DatasetStore(m_db, m_user).getAsAdmin(resource);
    else
        ProjectStore(m_db, m_user).getAsAdmin(resource);
}

ApiKeyRecord ApiKeyStore::create(const QString &kind,
                                 const QString &resource,
                                 const QString &title,
                                 const QStringList &scopes)
{
    SqliteTransaction transaction(m_db);
    ApiKeyRecord record = insert(kind, resource, title, scopes);
    transaction.commit();
    return record;
}

ApiKeyRecord ApiKeyStore::insert(const QString &kind,
                                 const QString &resource,
                                 const QString &title,
                                 const QStringList &scopes)
{
    const QStringList &known = kind == QLatin1String("dataset") ? datasetScopes() : projectScopes();
    for (const QString &scope : scopes) {
        if (!known.contains(scope))
            throw RequestError::invalidArgument(QStringLiteral("Unknown scope \"%1\".").arg(scope));
    }
    requireAdmin(kind, resource);
    ApiKeyRecord record{QUuid::createUuid().toString(QUuid::WithoutBraces),
                        newKey(),
                        kind,
                        resource,
                        title,
                        scopes};
    m_db.exec(
        QStringLiteral("INSERT INTO api_keys (key_hash, api_key, kind, resource, title, "
                       "scopes, creator_id, created_at) VALUES (?,?,?,?,?,?,?,?)"),
        {record.keyHash,
         record.apiKey,
         kind,
         resource,
         title,
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(scopes)).toJson(QJsonDocument::Compact)),
         m_user.id,
         TimeFormat::nowMs()});
    return record;
}

QList<ApiKeyRecord> ApiKeyStore::list(const QString &kind, const QString &resource) const
{
    requireAdmin(kind, resource);
    SqliteStatement row = m_db.prepare(kColumns
                                           + QStringLiteral("WHERE kind = ? AND resource = ? "
                                                            "ORDER BY created_at, rowid"),
                                       {kind, resource});
    QList<ApiKeyRecord> result;
    while (row.next())
        result.append(read(row));
    return result;
}

ApiKeyRecord ApiKeyStore::getOrCreate(const QString &kind, const QString &resource)
{
    // One transaction, so that two concurrent callers cannot both create a first key.
    SqliteTransaction transaction(m_db);
    const QList<ApiKeyRecord> existing = list(kind, resource);
    if (!existing.isEmpty())
        return existing.first();
    ApiKeyRecord record =
        insert(kind,
               resource,
               QStringLiteral("Default key"),
               kind == QLatin1String("dataset") ? datasetScopes() : projectScopes());
    transaction.commit();
    return record;
}

std::optional<ApiKeyRecord> ApiKeyStore::byKey(SqliteDatabase &db, const QString &apiKey)
{
    SqliteStatement row = db.prepare(kColumns + QStringLiteral("WHERE api_key = ?"), {apiKey});
    if (!row.next())
        return std::nullopt;
    return read(row);
}

} // namespace Encord::Server
