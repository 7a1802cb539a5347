#include "sshbuffer.h"

#include <QtEndian>

namespace Encord {

SshBuffer::SshBuffer(QByteArray data)
    : m_data(std::move(data))
{ }

std::optional<QByteArray> SshBuffer::readRaw(qsizetype size)
{
    if (size < 0 || size > remaining())
        return std::nullopt;
    QByteArray out = m_data.mid(m_position, size);
    m_position += size;
    return out;
}

std::optional<quint32> SshBuffer::readUint32()
{
    if (remaining() < 4)
        return std::nullopt;
    const quint32 value = qFromBigEndian<quint32>(m_data.constData() + m_position);
    m_position += 4;
    return value;
}

std::optional<QByteArray> SshBuffer::readString()
{
    const auto length = readUint32();
    if (!length)
        return std::nullopt;
    return readRaw(qsizetype(*length));
}

void SshBuffer::writeUint32(quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    m_data.append(bytes, 4);
}

void SshBuffer::writeString(const QByteArray &value)
{
    writeUint32(quint32(value.size()));
    m_data.append(value);
}

void SshBuffer::writeRaw(const QByteArray &value)
{
    m_data.append(value);
}

void SshBuffer::wipe()
{
    m_data.fill('\0');
}

} // namespace Encord
