#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace Encord::Server {

/// Text already in UTF-8, bound as TEXT without a round trip through QString (a QByteArray is
/// bound as a BLOB).
struct SqlUtf8
{
    QByteArray bytes;
};

/// A value bound to a statement parameter.
using SqlValue = std::variant<std::nullptr_t, qint64, double, QString, QByteArray, SqlUtf8>;

/// Wraps an optional string: null when empty-optional.
SqlValue sqlOptional(const std::optional<QString> &value);

/// A prepared SQLite statement, finalised on destruction. Parameters are positional (?),
/// numbered from 1; columns are numbered from 0. Errors throw SqliteError.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    SqliteStatement &operator=(SqliteStatement &&) = delete;

    /// Binds @p value to parameter @p index (1-based).
    SqliteStatement &bind(int index, const SqlValue &value);
    /// Binds all @p values to parameters 1…n.
    SqliteStatement &bindAll(const QList<SqlValue> &values);

    /// Advances to the next row; false when the statement is done.
    bool next();
    /// Runs the statement to completion, ignoring any rows.
    void exec();
    /// Makes the statement ready to run again: rewound, parameters unbound.
    void reset();

    bool isNull(int column) const;
    QString text(int column) const;
    std::optional<QString> optionalText(int column) const;
    qint64 int64(int column) const;
    std::optional<qint64> optionalInt64(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace Encord::Server
