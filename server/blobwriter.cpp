#include "blobwriter.h"

#include "blobstore.h"

#include <QDateTime>
#include <QDir>
#include <QUuid>

namespace Encord::Server {

BlobWriter::BlobWriter(const QString &blobRoot,
                       qint64 maxSize,
                       std::shared_lock<std::shared_mutex> collectionLock)
    : m_collectionLock(std::move(collectionLock))
    , m_root(blobRoot)
    , m_file(blobRoot + QStringLiteral("/tmp/") + QUuid::createUuid().toString(QUuid::WithoutBraces)
             + QStringLiteral(".part"))
    , m_maxSize(maxSize)
{
    m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly);
}

BlobWriter::~BlobWriter()
{
    if (!m_finished) {
        m_file.close();
        m_file.remove();
    }
}

bool BlobWriter::write(const char *data, qint64 size)
{
    if (!m_file.isOpen() || m_size + size > m_maxSize)
        return false;
    if (m_file.write(data, size) != size)
        return false;
    m_hash.addData(QByteArrayView(data, size));
    m_size += size;
    return true;
}

QString BlobWriter::finish()
{
    if (!m_file.isOpen() || !m_file.flush())
        return {};
    m_file.close();
    const QString sha = QString::fromLatin1(m_hash.result().toHex());
    const QString target = BlobStore::pathFor(m_root, sha);
    QDir().mkpath(QFileInfo(target).path());
    // Same content already stored: the existing copy serves, this one goes. The copy counts as
    // new again, so that BlobCollector does not take it for an old, forgotten blob.
    if (QFile::exists(target)) {
        m_file.remove();
        QFile existing(target);
        if (existing.open(QIODevice::ReadWrite))
            existing.setFileTime(QDateTime::currentDateTimeUtc(),
                                 QFileDevice::FileModificationTime);
    } else if (!m_file.rename(target)) {
        m_file.remove();
        return {};
    }
    m_finished = true;
    return sha;
}

} // namespace Encord::Server
