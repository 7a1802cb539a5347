#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Encord::Server {

class SqliteDatabase;

/// A label row: the labels of one data row in one project, as Encord's label row JSON.
struct LabelRowRecord
{
    QString hash;
    QString projectHash;
    QString dataHash;
    QString status; ///< LabelStatus, e.g. "LABELLED"
    int objectCount = 0;
    int classificationCount = 0;
    QByteArray content; ///< the label row JSON
    qint64 createdAt = 0;
    qint64 lastEditedAt = 0;
};

/// Label rows of projects. Callers check the project's visibility first.
class LabelRowStore
{
public:
    explicit LabelRowStore(SqliteDatabase &db);

    /// Inserts @p row inside the caller's transaction.
    void insert(const LabelRowRecord &row);
    /// The rows of @p projectHash in creation order, with or without their JSON.
    QList<LabelRowRecord> list(const QString &projectHash, bool withContent = false) const;
    std::optional<LabelRowRecord> find(const QString &hash) const;
    /// The title of dataset @p hash without a role check: a project member reads the titles
    /// of the project's datasets even when holding no role on them.
    QString datasetTitle(const QString &hash) const;

private:
    SqliteDatabase &m_db;
};

} // namespace Encord::Server
