#pragma once

#include <QString>

#include <memory>

namespace Encord::Server {

class BlobWriter;

/// The content-addressed blob folder beside the database: blobs/<sha[0:2]>/<sha>, with
/// uploads in progress under blobs/tmp/.
class BlobStore
{
public:
    explicit BlobStore(QString root);

    const QString &root() const { return m_root; }
    /// Creates the folders; false when that fails.
    bool initialise() const;
    /// A writer for a new upload of at most @p maxSize bytes.
    std::unique_ptr<BlobWriter> createWriter(qint64 maxSize) const;
    /// Where the blob with SHA-256 @p sha (hex) lives.
    QString path(const QString &sha) const { return pathFor(m_root, sha); }
    static QString pathFor(const QString &root, const QString &sha);

private:
    QString m_root;
};

} // namespace Encord::Server
