#include "cvatzipentrydevice.h"

#include <zip.h>

namespace Encord::Cvat {

CvatZipEntryDevice::CvatZipEntryDevice(zip_file *file, qint64 size, QObject *parent)
    : QIODevice(parent)
    , m_file(file)
    , m_size(size)
{
    QIODevice::open(QIODevice::ReadOnly);
}

CvatZipEntryDevice::~CvatZipEntryDevice()
{
    CvatZipEntryDevice::close();
}

bool CvatZipEntryDevice::atEnd() const
{
    return (m_eof || m_read >= m_size) && QIODevice::atEnd();
}

void CvatZipEntryDevice::close()
{
    if (m_file) {
        zip_fclose(m_file);
        m_file = nullptr;
    }
    QIODevice::close();
}

qint64 CvatZipEntryDevice::readData(char *data, qint64 maxSize)
{
    if (!m_file || m_eof)
        return -1;
    const zip_int64_t got = zip_fread(m_file, data, zip_uint64_t(maxSize));
    if (got < 0) {
        setErrorString(QString::fromUtf8(zip_error_strerror(zip_file_get_error(m_file))));
        m_eof = true;
        return -1;
    }
    if (got == 0) {
        m_eof = true;
        return -1;
    }
    m_read += got;
    return got;
}

qint64 CvatZipEntryDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace Encord::Cvat
