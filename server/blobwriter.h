#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QString>

#include <shared_mutex>

namespace Encord::Server {

/// Receives one uploaded object chunk by chunk into a temporary file of the blob folder,
/// hashing as it goes; finish() moves it to its content address. Destroying an unfinished
/// writer removes the temporary file. The writer keeps @p collectionLock (the store's lock,
/// shared) until it is destroyed, so that no collection runs while it exists.
class BlobWriter
{
public:
    /// @p blobRoot is the blob folder; @p maxSize refuses bodies larger than that.
    BlobWriter(const QString &blobRoot,
               qint64 maxSize,
               std::shared_lock<std::shared_mutex> collectionLock = {});
    ~BlobWriter();
    BlobWriter(const BlobWriter &) = delete;
    BlobWriter &operator=(const BlobWriter &) = delete;

    bool isOpen() const { return m_file.isOpen(); }
    /// Appends a chunk; false on a write error or when the size limit is exceeded.
    bool write(const char *data, qint64 size);
    /// Closes, names the file by its SHA-256 and returns the hex digest (empty on failure).
    QString finish();

    qint64 size() const { return m_size; }

private:
    std::shared_lock<std::shared_mutex> m_collectionLock;
    QString m_root;
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_size = 0;
    qint64 m_maxSize;
    bool m_finished = false;
};

} // namespace Encord::Server
