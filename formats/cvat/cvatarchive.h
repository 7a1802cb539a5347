#pragma once

#include <QHash>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <memory>

struct zip;

namespace Encord::Cvat {

/// A .zip export read in place with libzip: nothing is unpacked to disk.
///
/// Zip slip: entries whose names are absolute or climb out with ".." are never listed or
/// opened (they are kept in unsafeEntries() so the caller can report them); the other names
/// are normalised to '/'-separated relative paths.
class CvatArchive
{
public:
    ~CvatArchive();
    CvatArchive(const CvatArchive &) = delete;
    CvatArchive &operator=(const CvatArchive &) = delete;

    /// Opens @p path; nullptr with @p error set when it is no readable zip.
    static std::unique_ptr<CvatArchive> open(const QString &path, QString *error);

    /// Normalised names of the file entries (no directories), in archive order.
    const QStringList &entries() const { return m_names; }
    bool contains(const QString &name) const { return m_index.contains(name); }
    /// Uncompressed size of entry @p name, -1 when absent.
    qint64 entrySize(const QString &name) const;
    /// A device reading entry @p name, decompressing as it goes; nullptr when absent or
    /// unreadable (then @p error says why).
    std::unique_ptr<QIODevice> openEntry(const QString &name, QString *error = nullptr) const;
    /// Raw names of the entries refused as unsafe.
    const QStringList &unsafeEntries() const { return m_unsafe; }

private:
    CvatArchive() = default;

    zip *m_zip = nullptr;
    QStringList m_names;
    QHash<QString, qint64> m_index; ///< normalised name → libzip index
    QStringList m_unsafe;
};

} // namespace Encord::Cvat
