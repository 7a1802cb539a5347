#pragma once

#include <QString>

#include <optional>

namespace Encord::Server {

class SqliteDatabase;

/// What a role row is about; each kind has its own role numbering (the SDK's enums):
/// dataset 0 admin / 1 user; project 0 admin, 1 annotator, 2 reviewer, 3 annotator-reviewer,
/// 4 team manager; ontology 0 admin / 1 user; folder 0 admin / 1 user.
enum class ResourceKind {
    Dataset,
    Project,
    Ontology,
    Folder,
};

/// Role assignments of users on resources. A user sees a resource when they hold a role on
/// it; organisation admins see everything.
class RoleStore
{
public:
    static constexpr int kAdmin = 0;

    explicit RoleStore(SqliteDatabase &db);

    /// Sets (or replaces) @p userId's role on the resource.
    void grant(ResourceKind kind, const QString &resource, qint64 userId, int role);
    std::optional<int> roleOf(ResourceKind kind, const QString &resource, qint64 userId) const;

    /// True when the dataset/project/ontology/folder @p resource exists.
    bool exists(ResourceKind kind, const QString &resource) const;
    /// A role's name ("admin", "user", "annotator", "reviewer", "annotator-reviewer",
    /// "team-manager"; which apply depends on the kind) as its number; nullopt if unknown.
    static std::optional<int> roleFromName(ResourceKind kind, const QString &name);

    /// The kind's name as stored ("dataset", …).
    static QString kindName(ResourceKind kind);
    /// "LEFT JOIN roles <roleAlias> ON … <alias>.<keyColumn> … user_id = ?": one parameter,
    /// the user id. Pair it with visibleCondition().
    static QString joinSql(ResourceKind kind,
                           const QString &alias,
                           const QString &keyColumn,
                           const QString &roleAlias);
    /// "(<roleAlias>.role IS NOT NULL OR ? = 1)": one parameter, 1 for org admins.
    static QString visibleCondition(const QString &roleAlias);

private:
    SqliteDatabase &m_db;
};

} // namespace Encord::Server
