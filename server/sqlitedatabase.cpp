#include "sqlitedatabase.h"

#include "sqliteerror.h"

#include <sqlite3.h>

namespace Encord::Server {

SqliteDatabase::SqliteDatabase(const QString &path)
{
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError(rc, message);
    }
    // Writers from other threads queue for up to 10 s rather than failing with SQLITE_BUSY.
    sqlite3_busy_timeout(m_db, 10000);
    exec(QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                        "PRAGMA synchronous=NORMAL;"));
}

SqliteDatabase::~SqliteDatabase()
{
    m_statements.clear(); // finalised before the connection closes
    sqlite3_close_v2(m_db);
}

SqliteStatement SqliteDatabase::prepare(const QString &sql, const QList<SqlValue> &values)
{
    SqliteStatement statement(m_db, sql);
    statement.bindAll(values);
    return statement;
}

void SqliteDatabase::exec(const QString &sql, const QList<SqlValue> &values)
{
    if (values.isEmpty()) {
        char *error = nullptr;
        const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &error);
        if (rc != SQLITE_OK) {
            const std::string message = error ? error : sqlite3_errstr(rc);
            sqlite3_free(error);
            throw SqliteError(rc, message);
        }
        return;
    }
    // Code passes a few fixed SQL texts; the bound only guards against one that is built anew.
    constexpr qsizetype kMaxStatements = 64;
    std::shared_ptr<SqliteStatement> &cached = m_statements[sql];
    if (!cached) {
        if (m_statements.size() > kMaxStatements) {
            m_statements.clear();
            exec(sql, values);
            return;
        }
        cached = std::make_shared<SqliteStatement>(m_db, sql);
    }
    // Held by value: a nested exec() that clears the cache cannot free it under our feet.
    const std::shared_ptr<SqliteStatement> statement = cached;
    struct Rewind
    {
        SqliteStatement &statement;
        ~Rewind() { statement.reset(); }
    } rewind{*statement};
    statement->bindAll(values);
    statement->exec();
}

qint64 SqliteDatabase::scalar(const QString &sql, const QList<SqlValue> &values, qint64 fallback)
{
    SqliteStatement statement = prepare(sql, values);
    if (!statement.next() || statement.isNull(0))
        return fallback;
    return statement.int64(0);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

} // namespace Encord::Server
