#pragma once

#include <QIODevice>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace Encord::Cvat {

class CvatArchive;

/// An unpacked export folder or a .zip export (spec cvat-format §1): annotations.xml at the
/// root (or inside one top-level folder), images under images/.
///
/// Only files found when the export was opened can be read: a folder is listed without
/// following symbolic links, an archive without its unsafe entries, so no image name from the
/// XML ("../../etc/passwd", "/etc/passwd") can reach anything outside the export.
class CvatExportFolder
{
public:
    enum class Kind {
        Directory,
        Zip,
    };

    ~CvatExportFolder();
    CvatExportFolder(const CvatExportFolder &) = delete;
    CvatExportFolder &operator=(const CvatExportFolder &) = delete;

    /// Opens the folder or .zip at @p path; nullptr with @p error set (a translated sentence)
    /// when it is neither or holds no annotations.xml.
    static std::unique_ptr<CvatExportFolder> open(const QString &path, QString *error);

    Kind kind() const { return m_kind; }
    const QString &path() const { return m_path; }
    /// A name for the export: the folder's or archive's base name.
    QString displayName() const;

    /// A device reading annotations.xml (streaming, also inside a zip).
    std::unique_ptr<QIODevice> openAnnotations(QString *error = nullptr) const;
    /// Size of annotations.xml in bytes.
    qint64 annotationsSize() const;
    /// annotations.xml on disk for a Directory export; empty for a Zip export.
    QString localAnnotationsPath() const;

    /// True when the export has an images/ folder.
    bool hasImagesFolder() const { return m_hasImages; }
    /// Every file under images/, relative to it, '/'-separated, sorted.
    const QStringList &imageFiles() const { return m_imageFiles; }
    /// A device reading image file @p relative (one of imageFiles()); nullptr otherwise.
    std::unique_ptr<QIODevice> openImage(const QString &relative, QString *error = nullptr) const;
    /// Size of image file @p relative, -1 when unknown.
    qint64 imageSize(const QString &relative) const;
    /// The file on disk for image @p relative of a Directory export; empty for a Zip export
    /// or a name not in imageFiles().
    QString localImagePath(const QString &relative) const;
    /// Writes image @p relative to the file @p destination (for uploads out of a .zip export).
    /// False with @p error set when it is not one of imageFiles() or cannot be copied.
    bool copyImage(const QString &relative, const QString &destination, QString *error) const;
    /// Archive entries refused because their names leave the archive (zip slip attempts).
    QStringList unsafeEntries() const;

private:
    CvatExportFolder() = default;
    QString entryPath(const QString &relativeToRoot) const;

    Kind m_kind = Kind::Directory;
    QString m_path;
    QString m_root; ///< directory: absolute path of the export root; zip: prefix inside it
    std::unique_ptr<CvatArchive> m_archive;
    bool m_hasImages = false;
    QStringList m_imageFiles;
    QSet<QString> m_imageSet;
};

} // namespace Encord::Cvat
