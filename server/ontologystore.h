#pragma once

#include "listingfilter.h"

#include <QList>
#include <QString>

#include <optional>

namespace Encord::Server {

class SqliteDatabase;
struct UserRecord;

/// An ontology as stored; editor is the structure JSON exactly as the client sent it.
struct OntologyRecord
{
    QString hash;
    QString title;
    QString description;
    QByteArray editor;
    QString creatorEmail;
    qint64 createdAt = 0;
    qint64 lastEditedAt = 0;
    std::optional<int> role;
};

/// Ontologies, seen through one user's roles (0 admin, 1 user).
class OntologyStore
{
public:
    /// The structure of a new empty ontology.
    static QByteArray emptyEditor();

    OntologyStore(SqliteDatabase &db, const UserRecord &user);

    /// Inserts an ontology administered by the user, inside the caller's transaction.
    OntologyRecord insert(const QString &title,
                          const QString &description,
                          const QByteArray &editor);
    /// insert() in its own transaction.
    OntologyRecord create(const QString &title,
                          const QString &description,
                          const QByteArray &editor);

    std::optional<OntologyRecord> find(const QString &hash) const;
    /// Throws RequestError::notFound when missing or not visible.
    OntologyRecord get(const QString &hash) const;
    /// Without the visibility check: for reading a visible project's ontology.
    std::optional<OntologyRecord> findUnchecked(const QString &hash) const;
    /// The ontologies the user holds a role on; with @p includeOrgAccess, an organisation
    /// admin also gets the others (with no role).
    QList<OntologyRecord> list(const ListingFilter &filter, bool includeOrgAccess = false) const;

private:
    QList<OntologyRecord> query(const QString &extraWhere,
                                QList<SqlValue> values,
                                bool checkVisibility,
                                bool orgWide = true) const;

    SqliteDatabase &m_db;
    const UserRecord &m_user;
};

} // namespace Encord::Server
