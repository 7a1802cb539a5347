#include "rolestore.h"

#include "sqlitedatabase.h"

#include <QStringList>

namespace Encord::Server {

RoleStore::RoleStore(SqliteDatabase &db)
    : m_db(db)
{ }

void RoleStore::grant(ResourceKind kind, const QString &resource, qint64 userId, int role)
{
    m_db.exec(QStringLiteral("INSERT INTO roles (kind, resource, user_id, role) VALUES (?,?,?,?) "
                             "ON CONFLICT (kind, resource, user_id) DO UPDATE SET role = "
                             "excluded.role"),
              {kindName(kind), resource, userId, qint64(role)});
}

std::optional<int> RoleStore::roleOf(ResourceKind kind,
                                     const QString &resource,
                                     qint64 userId) const
{
    SqliteStatement row = m_db.prepare(
        QStringLiteral("SELECT role FROM roles WHERE kind = ? AND resource = ? AND user_id = ?"),
        {kindName(kind), resource, userId});
    if (!row.next())
        return std::nullopt;
    return int(row.int64(0));
}

bool RoleStore::exists(ResourceKind kind, const QString &resource) const
{
    QString sql;
    switch (kind) {
    case ResourceKind::Dataset:
        sql = QStringLiteral("SELECT COUNT(*) FROM datasets WHERE hash = ?");
        break;
    case ResourceKind::Project:
        sql = QStringLiteral("SELECT COUNT(*) FROM projects WHERE hash = ?");
        break;
    case ResourceKind::Ontology:
        sql = QStringLiteral("SELECT COUNT(*) FROM ontologies WHERE hash = ?");
        break;
    case ResourceKind::Folder:
        sql = QStringLiteral("SELECT COUNT(*) FROM storage_folders WHERE uuid = ?");
        break;
    }
    return m_db.scalar(sql, {resource}) > 0;
}

std::optional<int> RoleStore::roleFromName(ResourceKind kind, const QString &name)
{
    const QString role = name.toLower();
    if (role == QLatin1String("admin"))
        return kAdmin;
    if (kind == ResourceKind::Project) {
        const QStringList projectRoles = {QStringLiteral("admin"),
                                          QStringLiteral("annotator"),
                                          QStringLiteral("reviewer"),
                                          QStringLiteral("annotator-reviewer"),
                                          QStringLiteral("team-manager")};
        const qsizetype index = projectRoles.indexOf(role);
        return index < 0 ? std::nullopt : std::optional<int>(int(index));
    }
    if (role == QLatin1String("user"))
        return 1;
    return std::nullopt;
}

QString RoleStore::kindName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Dataset:
        return QStringLiteral("dataset");
    case ResourceKind::Project:
        return QStringLiteral("project");
    case ResourceKind::Ontology:
        return QStringLiteral("ontology");
    case ResourceKind::Folder:
        return QStringLiteral("folder");
    }
    return {};
}

QString RoleStore::joinSql(ResourceKind kind,
                           const QString &alias,
                           const QString &keyColumn,
                           const QString &roleAlias)
{
    return QStringLiteral(" LEFT JOIN roles %1 ON %1.kind = '%2' AND %1.resource = %3.%4 "
                          "AND %1.user_id = ? ")
        .arg(roleAlias, kindName(kind), alias, keyColumn);
}

QString RoleStore::visibleCondition(const QString &roleAlias)
{
    return QStringLiteral("(%1.role IS NOT NULL OR ? = 1)").arg(roleAlias);
}

} // namespace Encord::Server
