#include "testpaths.h"

#include <QDir>
#include <QFileInfo>

namespace EncordTest {

QString sharedDir()
{
    return qEnvironmentVariable("ENCORD_SHARED_DIR");
}

QString sharedPath(const QString &relative)
{
    const QString path = QDir(sharedDir()).filePath(relative);
    if (!QFileInfo::exists(path))
        qFatal("Test data %s is missing: is ENCORD_SHARED_DIR (%s) the shared/ folder?",
               qPrintable(path),
               qPrintable(sharedDir()));
    return path;
}

} // namespace EncordTest
