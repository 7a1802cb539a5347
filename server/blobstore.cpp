#include "blobstore.h"

#include "blobwriter.h"

#include <QDir>

namespace Encord::Server {

BlobStore::BlobStore(QString root)
    : m_root(std::move(root))
{ }

bool BlobStore::initialise() const
{
    return QDir().mkpath(m_root + QStringLiteral("/tmp"));
}

std::unique_ptr<BlobWriter> BlobStore::createWriter(qint64 maxSize) const
{
    return std::make_unique<BlobWriter>(m_root, maxSize, std::shared_lock(m_collectionLock));
}

QString BlobStore::pathFor(const QString &root, const QString &sha)
{
    return root + QLatin1Char('/') + sha.left(2) + QLatin1Char('/') + sha;
}

} // namespace Encord::Server
