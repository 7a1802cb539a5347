#include "cvatarchive.h"

#include "cvatpaths.h"
#include "cvatzipentrydevice.h"

#include <QCoreApplication>
#include <QFile>

#include <zip.h>

namespace Encord::Cvat {

CvatArchive::~CvatArchive()
{
    if (m_zip)
        zip_discard(m_zip);
}

std::unique_ptr<CvatArchive> CvatArchive::open(const QString &path, QString *error)
{
    int code = 0;
    zip *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!archive) {
        zip_error_t zipError;
        zip_error_init_with_code(&zipError, code);
        if (error)
            *error = QCoreApplication::translate("CvatArchive", "%1 is not a readable zip file: %2")
                         .arg(path, QString::fromUtf8(zip_error_strerror(&zipError)));
        zip_error_fini(&zipError);
        return nullptr;
    }
    std::unique_ptr<CvatArchive> result(new CvatArchive);
    result->m_zip = archive;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const char *raw = zip_get_name(archive, zip_uint64_t(i), ZIP_FL_ENC_GUESS);
        if (!raw)
            continue;
        const QString name = QString::fromUtf8(raw);
        if (name.endsWith(QLatin1Char('/')))
            continue; // a directory entry
        if (!CvatPaths::isSafeRelative(name)) {
            result->m_unsafe.append(name);
            continue;
        }
        const QString normalised = CvatPaths::normalised(name);
        if (normalised.isEmpty() || result->m_index.contains(normalised))
            continue;
        result->m_index.insert(normalised, i);
        result->m_names.append(normalised);
    }
    return result;
}

qint64 CvatArchive::entrySize(const QString &name) const
{
    const auto it = m_index.constFind(name);
    if (it == m_index.constEnd())
        return -1;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(m_zip, zip_uint64_t(*it), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return -1;
    return qint64(stat.size);
}

std::unique_ptr<QIODevice> CvatArchive::openEntry(const QString &name, QString *error) const
{
    const auto it = m_index.constFind(name);
    if (it == m_index.constEnd()) {
        if (error)
            *error = QCoreApplication::translate("CvatArchive", "The archive has no %1.").arg(name);
        return nullptr;
    }
    zip_file *file = zip_fopen_index(m_zip, zip_uint64_t(*it), 0);
    if (!file) {
        if (error)
            *error = QCoreApplication::translate("CvatArchive", "Cannot read %1 in the archive: %2")
                         .arg(name, QString::fromUtf8(zip_strerror(m_zip)));
        return nullptr;
    }
    return std::make_unique<CvatZipEntryDevice>(file, entrySize(name));
}

} // namespace Encord::Cvat
