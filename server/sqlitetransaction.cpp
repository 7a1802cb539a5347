#include "sqlitetransaction.h"

#include "sqlitedatabase.h"

namespace Encord::Server {

SqliteTransaction::SqliteTransaction(SqliteDatabase &db)
    : m_db(db)
{
    m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_done)
        return;
    try {
        m_db.exec(QStringLiteral("ROLLBACK"));
    } catch (...) {
        // Nothing more to do: a failed rollback leaves SQLite to roll back on close.
    }
}

void SqliteTransaction::commit()
{
    m_db.exec(QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace Encord::Server
