#pragma once

#include "listingfilter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord::Server {

class SqliteDatabase;
struct UserRecord;

/// A project as stored, with the caller's role.
struct ProjectRecord
{
    QString hash;
    QString title;
    QString description;
    QString ontologyHash;
    QString workflowType; ///< "manual" or "benchmark"
    std::optional<QString> workflowTemplateId;
    std::optional<QString> workflowManagerUuid;
    QString status; ///< ProjectStatus, e.g. "notStarted"
    qint64 createdAt = 0;
    qint64 lastEditedAt = 0;
    std::optional<int> role;
    QStringList datasetHashes;
    QStringList sourceProjects;
};

/// What create_project sends (spec §2.4).
struct ProjectDraft
{
    QString title;
    QString description;
    QStringList datasetHashes;
    QString workflowType = QStringLiteral("manual");
    QStringList sourceProjects;
    QString ontologyHash; ///< empty: a new empty ontology is created
    std::optional<QString> workflowTemplateId;
};

/// Projects, seen through one user's roles (0 admin … 4 team manager).
class ProjectStore
{
public:
    ProjectStore(SqliteDatabase &db, const UserRecord &user);

    /// Creates the project in one transaction; its datasets, ontology and source projects
    /// must be visible to the user. Throws RequestError.
    ProjectRecord create(const ProjectDraft &draft);
    /// create() inside the caller's transaction.
    ProjectRecord insert(const ProjectDraft &draft);
    std::optional<ProjectRecord> find(const QString &hash) const;
    /// Throws RequestError::notFound when missing or not visible.
    ProjectRecord get(const QString &hash) const;
    /// Same as get(), but also requires the project admin role (or org admin).
    ProjectRecord getAsAdmin(const QString &hash) const;
    /// The projects the user holds a role on; with @p includeOrgAccess, an organisation
    /// admin also gets the others (with no role).
    QList<ProjectRecord> list(const ListingFilter &filter, bool includeOrgAccess = false) const;

private:
    /// @p orgWide: an organisation admin sees rows without a role of their own.
    QList<ProjectRecord> query(const QString &extraWhere,
                               QList<SqlValue> values,
                               bool orgWide) const;

    SqliteDatabase &m_db;
    const UserRecord &m_user;
};

} // namespace Encord::Server
