#pragma once

namespace Encord::Server {

class SqliteDatabase;

/// One write transaction (BEGIN IMMEDIATE, so the write lock is taken up front and concurrent
/// writers wait on the busy timeout instead of failing half-way). Rolled back on destruction
/// unless commit() was called — also when an exception unwinds through it.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteDatabase &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    void commit();

private:
    SqliteDatabase &m_db;
    bool m_done = false;
};

} // namespace Encord::Server
