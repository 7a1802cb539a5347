#include "labelrowstore.h"

#include "sqlitedatabase.h"

namespace Encord::Server {

namespace {

const QString kColumns = QStringLiteral("hash, project, data_hash, status, object_count, "
                                        "classification_count, created_at, last_edited_at");

LabelRowRecord fromRow(SqliteStatement &row, bool withContent)
{
    LabelRowRecord record;
    record.hash = row.text(0);
    record.projectHash = row.text(1);
    record.dataHash = row.text(2);
    record.status = row.text(3);
    record.objectCount = int(row.int64(4));
    record.classificationCount = int(row.int64(5));
    record.createdAt = row.int64(6);
    record.lastEditedAt = row.int64(7);
    if (withContent)
        record.content = row.text(8).toUtf8();
    return record;
}

} // namespace

LabelRowStore::LabelRowStore(SqliteDatabase &db)
    : m_db(db)
{ }

void LabelRowStore::insert(const LabelRowRecord &row)
{
    m_db.exec(QStringLiteral("INSERT INTO label_rows (hash, project, data_hash, status, "
                             "object_count, classification_count, created_at, last_edited_at, "
                             "content) VALUES (?,?,?,?,?,?,?,?,?)"),
              {row.hash,
               row.projectHash,
               row.dataHash,
               row.status,
               qint64(row.objectCount),
               qint64(row.classificationCount),
               row.createdAt,
               row.lastEditedAt,
               SqlUtf8{row.content}});
}

QList<LabelRowRecord> LabelRowStore::list(const QString &projectHash, bool withContent) const
{
    SqliteStatement row = m_db.prepare(QStringLiteral("SELECT ") + kColumns
                                           + (withContent ? QStringLiteral(", content") : QString())
                                           + QStringLiteral(" FROM label_rows WHERE project = ? "
                                                            "ORDER BY created_at, rowid"),
                                       {projectHash});
    QList<LabelRowRecord> result;
    while (row.next())
        result.append(fromRow(row, withContent));
    return result;
}

std::optional<LabelRowRecord> LabelRowStore::find(const QString &hash) const
{
    SqliteStatement row =
        m_db.prepare(QStringLiteral("SELECT ") + kColumns
                         + QStringLiteral(", content FROM label_rows WHERE hash = ?"),
                     {hash});
    if (!row.next())
        return std::nullopt;
    return fromRow(row, true);
}

QString LabelRowStore::datasetTitle(const QString &hash) const
{
    SqliteStatement row =
        m_db.prepare(QStringLiteral("SELECT title FROM datasets WHERE hash = ?"), {hash});
    return row.next() ? row.text(0) : QString();
}

} // namespace Encord::Server
