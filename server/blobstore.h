#pragma once

#include <QString>

#include <memory>
#include <mutex>
#include <shared_mutex>

namespace Encord::Server {

class BlobWriter;

/// The content-addressed blob folder beside the database: blobs/<sha[0:2]>/<sha>, with
/// uploads in progress under blobs/tmp/.
///
/// Every BlobWriter holds the store's collection lock shared for its whole life (from the
/// first byte until the upload is recorded and the writer destroyed); BlobCollector takes it
/// exclusively while it deletes files, so a blob being written is never removed.
class BlobStore
{
public:
    explicit BlobStore(QString root);
    BlobStore(const BlobStore &) = delete;
    BlobStore &operator=(const BlobStore &) = delete;

    const QString &root() const { return m_root; }
    /// Creates the folders; false when that fails.
    bool initialise() const;
    /// A writer for a new upload of at most @p maxSize bytes.
    std::unique_ptr<BlobWriter> createWriter(qint64 maxSize) const;
    /// Where the blob with SHA-256 @p sha (hex) lives.
    QString path(const QString &sha) const { return pathFor(m_root, sha); }
    static QString pathFor(const QString &root, const QString &sha);

    /// Held by BlobCollector while it removes files: no writer exists meanwhile.
    std::unique_lock<std::shared_mutex> lockForCollection() const
    {
        return std::unique_lock(m_collectionLock);
    }

private:
    QString m_root;
    mutable std::shared_mutex m_collectionLock;
};

} // namespace Encord::Server
