#pragma once

#include <stdexcept>
#include <string>

namespace Encord::Server {

/// Thrown by the SQLite wrapper when the engine reports a failure. Request handlers let it
/// propagate to the router, which answers a server fault after the transaction rolled back.
class SqliteError : public std::runtime_error
{
public:
    SqliteError(int code, const std::string &message)
        : std::runtime_error(message)
        , m_code(code)
    { }

    /// The SQLite result code (SQLITE_BUSY, SQLITE_CONSTRAINT, …).
    int code() const { return m_code; }

private:
    int m_code;
};

} // namespace Encord::Server
