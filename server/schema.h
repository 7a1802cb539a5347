#pragma once

namespace Encord::Server {

class SqliteDatabase;

/// The workspace database schema and its migrations. The schema version is SQLite's
/// user_version; each migration runs in its own transaction, so a crash leaves the database at
/// the last completed version. Timestamps are stored as UTC milliseconds since the epoch.
class Schema
{
public:
    /// The version this build writes.
    static int currentVersion();
    /// Brings @p db up to currentVersion(). Throws SqliteError, or std::runtime_error when the
    /// database is newer than this build.
    static void migrate(SqliteDatabase &db);
};

} // namespace Encord::Server
