#include "ontologystore.h"

#include "requesterror.h"
#include "rolestore.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"

#include <QUuid>

namespace Encord::Server {

QByteArray OntologyStore::emptyEditor()
{
    return QByteArrayLiteral(R"({"objects": [], "classifications": [], "skeleton_templates": []})");
}

OntologyStore::OntologyStore(SqliteDatabase &db, const UserRecord &user)
    : m_db(db)
    , m_user(user)
{ }

OntologyRecord OntologyStore::insert(const QString &title,
                                     const QString &description,
                                     const QByteArray &editor)
{
    if (title.trimmed().isEmpty())
        throw RequestError::invalidArgument(QStringLiteral("An ontology needs a title."));
    const qint64 now = TimeFormat::nowMs();
    OntologyRecord record{QUuid::createUuid().toString(QUuid::WithoutBraces),
                          title,
                          description,
                          editor,
                          m_user.email,
                          now,
                          now,
                          RoleStore::kAdmin};
    m_db.exec(QStringLiteral("INSERT INTO ontologies (hash, title, description, editor, "
                             "creator_id, created_at, last_edited_at) VALUES (?,?,?,?,?,?,?)"),
              {record.hash, title, description, QString::fromUtf8(editor), m_user.id, now, now});
    RoleStore(m_db).grant(ResourceKind::Ontology, record.hash, m_user.id, RoleStore::kAdmin);
    return record;
}

OntologyRecord OntologyStore::create(const QString &title,
                                     const QString &description,
                                     const QByteArray &editor)
{
    SqliteTransaction transaction(m_db);
    OntologyRecord record = insert(title, description, editor);
    transaction.commit();
    return record;
}

QList<OntologyRecord> OntologyStore::query(const QString &extraWhere,
                                           QList<SqlValue> values,
                                           bool checkVisibility,
                                           bool orgWide) const
{
    const QString sql = QStringLiteral("SELECT o.hash, o.title, o.description, o.editor, "
                                       "u.email, o.created_at, o.last_edited_at, r.role "
                                       "FROM ontologies o JOIN users u ON u.id = o.creator_id")
                        + RoleStore::joinSql(ResourceKind::Ontology,
                                             QStringLiteral("o"),
                                             QStringLiteral("hash"),
                                             QStringLiteral("r"))
                        + QStringLiteral(" WHERE ")
                        + (checkVisibility ? RoleStore::visibleCondition(QStringLiteral("r"))
                                           : QStringLiteral("(? IS NOT NULL)"))
                        + extraWhere + QStringLiteral(" ORDER BY o.created_at, o.rowid");
    values.prepend(qint64(m_user.orgAdmin && orgWide ? 1 : 0));
    values.prepend(m_user.id);
    SqliteStatement row = m_db.prepare(sql, values);
    QList<OntologyRecord> result;
    while (row.next()) {
        result.append({row.text(0),
                       row.text(1),
                       row.text(2),
                       row.text(3).toUtf8(),
                       row.text(4),
                       row.int64(5),
                       row.int64(6),
                       row.isNull(7) ? std::nullopt : std::optional<int>(int(row.int64(7)))});
    }
    return result;
}

std::optional<OntologyRecord> OntologyStore::find(const QString &hash) const
{
    const QList<OntologyRecord> found = query(QStringLiteral(" AND o.hash = ?"), {hash}, true);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<OntologyRecord> OntologyStore::findUnchecked(const QString &hash) const
{
    const QList<OntologyRecord> found = query(QStringLiteral(" AND o.hash = ?"), {hash}, false);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

OntologyRecord OntologyStore::get(const QString &hash) const
{
    if (std::optional<OntologyRecord> found = find(hash))
        return *found;
    throw RequestError::notFound(QStringLiteral("Ontology not found."));
}

QList<OntologyRecord> OntologyStore::list(const ListingFilter &filter, bool includeOrgAccess) const
{
    QString where;
    QList<SqlValue> values;
    filter.appendSql(QStringLiteral("o"), where, values);
    return query(where, values, true, includeOrgAccess);
}

} // namespace Encord::Server
