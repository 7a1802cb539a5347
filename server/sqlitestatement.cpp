#include "sqlitestatement.h"

#include "sqliteerror.h"

#include <sqlite3.h>

namespace Encord::Server {

namespace {

[[noreturn]] void fail(sqlite3 *db, int code)
{
    throw SqliteError(code, db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
}

} // namespace

SqlValue sqlOptional(const std::optional<QString> &value)
{
    if (!value)
        return nullptr;
    return *value;
}

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql)
    : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc);
}

SqliteStatement::~SqliteStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
{ }

SqliteStatement &SqliteStatement::bind(int index, const SqlValue &value)
{
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(value)) {
        rc = sqlite3_bind_null(m_stmt, index);
    } else if (const auto *i = std::get_if<qint64>(&value)) {
        rc = sqlite3_bind_int64(m_stmt, index, *i);
    } else if (const auto *d = std::get_if<double>(&value)) {
        rc = sqlite3_bind_double(m_stmt, index, *d);
    } else if (const auto *s = std::get_if<QString>(&value)) {
        const QByteArray utf8 = s->toUtf8();
        rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    } else if (const auto *b = std::get_if<QByteArray>(&value)) {
        rc = sqlite3_bind_blob(m_stmt, index, b->constData(), int(b->size()), SQLITE_TRANSIENT);
    } else if (const auto *t = std::get_if<SqlUtf8>(&value)) {
        rc = sqlite3_bind_text(
            m_stmt, index, t->bytes.constData(), int(t->bytes.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK)
        fail(m_db, rc);
    return *this;
}

SqliteStatement &SqliteStatement::bindAll(const QList<SqlValue> &values)
{
    for (int i = 0; i < values.size(); ++i)
        bind(i + 1, values.at(i));
    return *this;
}

bool SqliteStatement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, rc);
}

void SqliteStatement::exec()
{
    while (next()) {
    }
}

void SqliteStatement::reset()
{
    // sqlite3_reset repeats the last step's error, which was already thrown: ignored here.
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

std::optional<QString> SqliteStatement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::optional<qint64> SqliteStatement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QByteArray(data, size) : QByteArray();
}

} // namespace Encord::Server
