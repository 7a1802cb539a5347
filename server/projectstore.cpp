#include "projectstore.h"

#include "datasetstore.h"
#include "ontologystore.h"
#include "requesterror.h"
#include "rolestore.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"

#include <QUuid>

namespace Encord::Server {

ProjectStore::ProjectStore(SqliteDatabase &db, const UserRecord &user)
    : m_db(db)
    , m_user(user)
{ }

ProjectRecord ProjectStore::create(const ProjectDraft &draft)
{
    SqliteTransaction transaction(m_db);
    ProjectRecord record = insert(draft);
    transaction.commit();
    return record;
}

ProjectRecord ProjectStore::insert(const ProjectDraft &draft)
{
    if (draft.title.trimmed().isEmpty())
        throw RequestError::invalidArgument(QStringLiteral("A project needs a title."));
    if (draft.workflowType != QLatin1String("manual")
        && draft.workflowType != QLatin1String("benchmark"))
        throw RequestError::invalidArgument(
            QStringLiteral("Unknown workflow type \"%1\".").arg(draft.workflowType));
    if (draft.workflowType == QLatin1String("benchmark") && draft.sourceProjects.isEmpty())
        throw RequestError::invalidArgument(
            QStringLiteral("A benchmark project needs at least one source project."));

    DatasetStore datasets(m_db, m_user);
    for (const QString &hash : draft.datasetHashes)
        datasets.get(hash);
    for (const QString &source : draft.sourceProjects)
        get(source);
    OntologyStore ontologies(m_db, m_user);
    const QString ontologyHash =
        draft.ontologyHash.isEmpty()
            ? ontologies.insert(draft.title, QString(), OntologyStore::emptyEditor()).hash
            : ontologies.get(draft.ontologyHash).hash;

    const qint64 now = TimeFormat::nowMs();
    ProjectRecord record;
    record.hash = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.title = draft.title;
    record.description = draft.description;
    record.ontologyHash = ontologyHash;
    record.workflowType = draft.workflowType;
    record.workflowTemplateId = draft.workflowTemplateId;
    if (draft.workflowTemplateId)
        record.workflowManagerUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.status = QStringLiteral("notStarted");
    record.createdAt = now;
    record.lastEditedAt = now;
    record.role = RoleStore::kAdmin;
    record.datasetHashes = draft.datasetHashes;
    record.datasetHashes.removeDuplicates();
    record.sourceProjects = draft.sourceProjects;
    record.sourceProjects.removeDuplicates();

    m_db.exec(QStringLiteral("INSERT INTO projects (hash, title, description, ontology, "
                             "workflow_type, workflow_template_id, workflow_manager_uuid, status, "
                             "creator_id, created_at, last_edited_at) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
              {record.hash,
               record.title,
               record.description,
               record.ontologyHash,
               record.workflowType,
               sqlOptional(record.workflowTemplateId),
               sqlOptional(record.workflowManagerUuid),
               record.status,
               m_user.id,
               now,
               now});
    for (const QString &dataset : std::as_const(record.datasetHashes)) {
        m_db.exec(QStringLiteral("INSERT INTO project_datasets (project, dataset) VALUES (?,?)"),
                  {record.hash, dataset});
    }
    for (qsizetype i = 0; i < record.sourceProjects.size(); ++i) {
        m_db.exec(QStringLiteral("INSERT INTO project_sources (project, source, position) "
                                 "VALUES (?,?,?)"),
                  {record.hash, record.sourceProjects.at(i), qint64(i)});
    }
    RoleStore(m_db).grant(ResourceKind::Project, record.hash, m_user.id, RoleStore::kAdmin);
    return record;
}

QList<ProjectRecord> ProjectStore::query(const QString &extraWhere,
                                         QList<SqlValue> values,
                                         bool orgWide) const
{
    const QString sql =
        QStringLiteral("SELECT p.hash, p.title, p.description, p.ontology, "
                       "p.workflow_type, p.workflow_template_id, "
                       "p.workflow_manager_uuid, p.status, p.created_at, "
                       "p.last_edited_at, r.role FROM projects p")
        + RoleStore::joinSql(
            ResourceKind::Project, QStringLiteral("p"), QStringLiteral("hash"), QStringLiteral("r"))
        + QStringLiteral(" WHERE ") + RoleStore::visibleCondition(QStringLiteral("r")) + extraWhere
        + QStringLiteral(" ORDER BY p.created_at, p.rowid");
    values.prepend(qint64(m_user.orgAdmin && orgWide ? 1 : 0));
    values.prepend(m_user.id);
    SqliteStatement row = m_db.prepare(sql, values);
    QList<ProjectRecord> result;
    while (row.next()) {
        ProjectRecord record;
        record.hash = row.text(0);
        record.title = row.text(1);
        record.description = row.text(2);
        record.ontologyHash = row.text(3);
        record.workflowType = row.text(4);
        record.workflowTemplateId = row.optionalText(5);
        record.workflowManagerUuid = row.optionalText(6);
        record.status = row.text(7);
        record.createdAt = row.int64(8);
        record.lastEditedAt = row.int64(9);
        if (!row.isNull(10))
            record.role = int(row.int64(10));
        result.append(record);
    }
    for (ProjectRecord &record : result) {
        SqliteStatement datasets =
            m_db.prepare(QStringLiteral("SELECT dataset FROM project_datasets WHERE project = ? "
                                        "ORDER BY rowid"),
                         {record.hash});
        while (datasets.next())
            record.datasetHashes.append(datasets.text(0));
        SqliteStatement sources =
            m_db.prepare(QStringLiteral("SELECT source FROM project_sources WHERE project = ? "
                                        "ORDER BY position"),
                         {record.hash});
        while (sources.next())
            record.sourceProjects.append(sources.text(0));
    }
    return result;
}

std::optional<ProjectRecord> ProjectStore::find(const QString &hash) const
{
    const QList<ProjectRecord> found = query(QStringLiteral(" AND p.hash = ?"), {hash}, true);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

ProjectRecord ProjectStore::get(const QString &hash) const
{
    if (std::optional<ProjectRecord> found = find(hash))
        return *found;
    throw RequestError::notFound(QStringLiteral("Project not found."));
}

ProjectRecord ProjectStore::getAsAdmin(const QString &hash) const
{
    ProjectRecord record = get(hash);
    if (!m_user.orgAdmin && record.role != RoleStore::kAdmin)
        throw RequestError::forbidden(QStringLiteral("Only project admins can do this."));
    return record;
}

QList<ProjectRecord> ProjectStore::list(const ListingFilter &filter, bool includeOrgAccess) const
{
    QString where;
    QList<SqlValue> values;
    filter.appendSql(QStringLiteral("p"), where, values);
    return query(where, values, includeOrgAccess);
}

} // namespace Encord::Server
