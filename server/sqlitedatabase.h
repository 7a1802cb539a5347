#pragma once

#include "sqlitestatement.h"

#include <QHash>
#include <QString>

#include <memory>

struct sqlite3;

namespace Encord::Server {

/// One SQLite connection (RAII): WAL journal, foreign keys on, a busy timeout so that
/// concurrent writers from other worker threads wait instead of failing. A connection is used
/// by one thread at a time; the workspace hands each worker thread its own.
class SqliteDatabase
{
public:
    /// Opens (creating if needed) the database file. Throws SqliteError on failure.
    explicit SqliteDatabase(const QString &path);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    /// Prepares @p sql with @p values bound to its parameters.
    SqliteStatement prepare(const QString &sql, const QList<SqlValue> &values = {});
    /// Runs one statement (or several, without parameters, when @p values is empty). A statement
    /// with parameters is prepared once per connection and kept: inserts of many rows (an
    /// import's items, data rows and label rows) then cost a bind and a step each.
    void exec(const QString &sql, const QList<SqlValue> &values = {});
    /// The single integer of a one-row, one-column query; @p fallback when there is no row.
    qint64 scalar(const QString &sql, const QList<SqlValue> &values = {}, qint64 fallback = 0);

    /// Rows changed by the last INSERT/UPDATE/DELETE on this connection.
    int changes() const;

    sqlite3 *handle() const { return m_db; }

private:
    /// Statements of exec() with parameters, by their SQL; bounded (see exec()).
    QHash<QString, std::shared_ptr<SqliteStatement>> m_statements;
    sqlite3 *m_db = nullptr;
};

} // namespace Encord::Server
