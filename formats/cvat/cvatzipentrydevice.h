#pragma once

#include <QIODevice>

struct zip_file;

namespace Encord::Cvat {

/// A read-only, sequential QIODevice over one entry of an open zip archive: the entry is
/// decompressed as it is read, so a large annotations.xml never sits in memory as a whole.
/// The archive must outlive the device.
class CvatZipEntryDevice final : public QIODevice
{
    Q_OBJECT

public:
    /// Takes ownership of @p file (from zip_fopen_index); @p size is the uncompressed size.
    CvatZipEntryDevice(zip_file *file, qint64 size, QObject *parent = nullptr);
    ~CvatZipEntryDevice() override;

    bool isSequential() const override { return true; }
    qint64 size() const override { return m_size; }
    bool atEnd() const override;
    void close() override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    zip_file *m_file = nullptr;
    qint64 m_size = 0;
    qint64 m_read = 0;
    bool m_eof = false;
};

} // namespace Encord::Cvat
