#pragma once

#include <QByteArray>

#include <optional>

namespace Encord {

/// Reads and writes the SSH wire encoding (RFC 4251 §5): big-endian uint32 and
/// length-prefixed strings. Used for OpenSSH key containers and public key blobs.
class SshBuffer
{
public:
    explicit SshBuffer(QByteArray data = {});

    /// Consumes exactly @p size raw bytes; nullopt if fewer remain.
    std::optional<QByteArray> readRaw(qsizetype size);
    std::optional<quint32> readUint32();
    /// Consumes one length-prefixed string; nullopt if the length runs past the end.
    std::optional<QByteArray> readString();

    void writeUint32(quint32 value);
    void writeString(const QByteArray &value);
    void writeRaw(const QByteArray &value);

    qsizetype remaining() const { return m_data.size() - m_position; }
    const QByteArray &data() const { return m_data; }

    /// Overwrites the buffer's bytes with zeros (for buffers that held secrets).
    void wipe();

private:
    QByteArray m_data;
    qsizetype m_position = 0;
};

} // namespace Encord
