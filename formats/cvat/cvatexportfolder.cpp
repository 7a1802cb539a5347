#include "cvatexportfolder.h"

#include "cvatarchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace Encord::Cvat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CvatExportFolder", text);
}

const QString kAnnotations = QStringLiteral("annotations.xml");
const QString kImages = QStringLiteral("images/");

} // namespace

CvatExportFolder::~CvatExportFolder() = default;

std::unique_ptr<CvatExportFolder> CvatExportFolder::open(const QString &path, QString *error)
{
    const auto failWith = [&](const QString &message) {
        if (error)
            *error = message;
        return nullptr;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return failWith(tr("%1 does not exist.").arg(path));

    std::unique_ptr<CvatExportFolder> folder(new CvatExportFolder);
    folder->m_path = info.absoluteFilePath();
    if (info.isDir()) {
        folder->m_kind = Kind::Directory;
        QDir root(info.absoluteFilePath());
        if (!QFileInfo(root.filePath(kAnnotations)).isFile()) {
            // An export unpacked into a folder of its own: accept exactly one level.
            const QStringList children = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
            if (children.size() == 1
                && QFileInfo(root.filePath(children.first() + QLatin1Char('/') + kAnnotations))
                       .isFile())
                root.cd(children.first());
            else
                return failWith(tr("%1 holds no annotations.xml. Export the task, job or project "
                                   "from CVAT as \"CVAT for images 1.1\" and choose the unpacked "
                                   "folder or the .zip.")
                                    .arg(path));
        }
        folder->m_root = root.absolutePath();
        const QString images = root.filePath(QStringLiteral("images"));
        folder->m_hasImages = QFileInfo(images).isDir();
        if (folder->m_hasImages) {
            // Symbolic links are not followed: nothing outside the export can be listed.
            QDirIterator it(images,
                            QDir::Files | QDir::NoSymLinks | QDir::Hidden,
                            QDirIterator::Subdirectories);
            const QDir base(images);
            while (it.hasNext()) {
                const QString file = it.next();
                folder->m_imageFiles.append(base.relativeFilePath(file));
            }
        }
    } else {
        QString zipError;
        folder->m_archive = CvatArchive::open(info.absoluteFilePath(), &zipError);
        if (!folder->m_archive)
            return failWith(zipError);
        folder->m_kind = Kind::Zip;
        if (!folder->m_archive->contains(kAnnotations)) {
            QStringList candidates;
            for (const QString &entry : folder->m_archive->entries()) {
                if (entry.count(QLatin1Char('/')) == 1
                    && entry.endsWith(QLatin1Char('/') + kAnnotations))
                    candidates.append(entry);
            }
            if (candidates.size() != 1)
                return failWith(tr("The archive %1 holds no annotations.xml at its root. Export "
                                   "from CVAT as \"CVAT for images 1.1\".")
                                    .arg(path));
            folder->m_root = candidates.first().chopped(kAnnotations.size());
        }
        const QString prefix = folder->m_root + kImages;
        for (const QString &entry : folder->m_archive->entries()) {
            if (entry.startsWith(prefix)) {
                folder->m_hasImages = true;
                folder->m_imageFiles.append(entry.mid(prefix.size()));
            }
        }
    }
    folder->m_imageFiles.sort();
    folder->m_imageSet = QSet<QString>(folder->m_imageFiles.cbegin(), folder->m_imageFiles.cend());
    return folder;
}

QString CvatExportFolder::displayName() const
{
    const QFileInfo info(m_path);
    return m_kind == Kind::Zip ? info.completeBaseName() : info.fileName();
}

QString CvatExportFolder::entryPath(const QString &relativeToRoot) const
{
    if (m_kind == Kind::Directory)
        return m_root + QLatin1Char('/') + relativeToRoot;
    return m_root + relativeToRoot;
}

std::unique_ptr<QIODevice> CvatExportFolder::openAnnotations(QString *error) const
{
    if (m_kind == Kind::Zip)
        return m_archive->openEntry(entryPath(kAnnotations), error);
    auto file = std::make_unique<QFile>(entryPath(kAnnotations));
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(file->fileName(), file->errorString());
        return nullptr;
    }
    return file;
}

QString CvatExportFolder::localAnnotationsPath() const
{
    return m_kind == Kind::Directory ? entryPath(kAnnotations) : QString();
}

qint64 CvatExportFolder::annotationsSize() const
{
    if (m_kind == Kind::Zip)
        return m_archive->entrySize(entryPath(kAnnotations));
    return QFileInfo(entryPath(kAnnotations)).size();
}

std::unique_ptr<QIODevice> CvatExportFolder::openImage(const QString &relative,
                                                       QString *error) const
{
    if (!m_imageSet.contains(relative)) {
        if (error)
            *error = tr("The export has no image %1.").arg(relative);
        return nullptr;
    }
    if (m_kind == Kind::Zip)
        return m_archive->openEntry(entryPath(kImages + relative), error);
    auto file = std::make_unique<QFile>(localImagePath(relative));
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(file->fileName(), file->errorString());
        return nullptr;
    }
    return file;
}

qint64 CvatExportFolder::imageSize(const QString &relative) const
{
    if (!m_imageSet.contains(relative))
        return -1;
    if (m_kind == Kind::Zip)
        return m_archive->entrySize(entryPath(kImages + relative));
    return QFileInfo(localImagePath(relative)).size();
}

QString CvatExportFolder::localImagePath(const QString &relative) const
{
    if (m_kind != Kind::Directory || !m_imageSet.contains(relative))
        return {};
    return entryPath(kImages + relative);
}

bool CvatExportFolder::copyImage(const QString &relative,
                                 const QString &destination,
                                 QString *error) const
{
    const std::unique_ptr<QIODevice> source = openImage(relative, error);
    if (!source)
        return false;
    QFile target(destination);
    if (!target.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(destination, target.errorString());
        return false;
    }
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    for (;;) {
        const qint64 got = source->read(chunk.data(), chunk.size());
        if (got < 0 && !source->atEnd()) {
            if (error)
                *error = tr("Cannot read %1: %2").arg(relative, source->errorString());
            return false;
        }
        if (got <= 0)
            break;
        if (target.write(chunk.constData(), got) != got) {
            if (error)
                *error = tr("Cannot write %1: %2").arg(destination, target.errorString());
            return false;
        }
    }
    return true;
}

QStringList CvatExportFolder::unsafeEntries() const
{
    return m_archive ? m_archive->unsafeEntries() : QStringList();
}

} // namespace Encord::Cvat
