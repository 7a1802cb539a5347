#pragma once

#include <QtGlobal>

#include <chrono>

namespace Encord::Server {

class Workspace;

/// Removes uploaded blobs that nothing uses: an upload (a row of `uploads`, from a signed
/// PUT URL or a folder upload) that no storage item and no data row refers to by its object
/// key, once it is older than the maximum age, loses its row; then every blob file that no
/// remaining upload and no storage item names by its SHA-256, and that was last written
/// before the maximum age, is deleted. Files still being written (blobs/tmp/) are never
/// looked at, and no writer exists while files are deleted (BlobStore's collection lock).
///
/// LocalServer runs it at start and then every hour on a thread of its own.
class BlobCollector
{
public:
    static constexpr std::chrono::milliseconds kDefaultMaxAge = std::chrono::hours(24);

    explicit BlobCollector(Workspace &workspace, std::chrono::milliseconds maxAge = kDefaultMaxAge);

    struct Outcome
    {
        int uploadsRemoved = 0; ///< rows of `uploads`
        int filesRemoved = 0;
        qint64 bytesFreed = 0;
    };
    /// One collection pass as if the time were @p nowMs (ms since the epoch; tests move it).
    /// Throws SqliteError when the database fails.
    Outcome collect(qint64 nowMs) const;
    /// One pass now.
    Outcome collect() const;

private:
    Workspace &m_workspace;
    std::chrono::milliseconds m_maxAge;
};

} // namespace Encord::Server
