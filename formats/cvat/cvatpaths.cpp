#include "cvatpaths.h"

#include <QStringList>

namespace Encord::Cvat {

bool CvatPaths::isSafeRelative(const QString &path)
{
    if (path.isEmpty() || path.contains(QChar(0)))
        return false;
    if (path.startsWith(QLatin1Char('/')) || path.startsWith(QLatin1Char('\\')))
        return false;
    if (path.size() >= 2 && path.at(1) == QLatin1Char(':') && path.at(0).isLetter())
        return false;
    QString slashes = path;
    slashes.replace(QLatin1Char('\\'), QLatin1Char('/'));
    const QStringList parts = slashes.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part == QLatin1String(".."))
            return false;
    }
    return true;
}

QString CvatPaths::normalised(const QString &path)
{
    QString slashes = path;
    slashes.replace(QLatin1Char('\\'), QLatin1Char('/'));
    QStringList parts = slashes.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    parts.removeAll(QStringLiteral("."));
    return parts.join(QLatin1Char('/'));
}

QString CvatPaths::fileName(const QString &path)
{
    return path.section(QLatin1Char('/'), -1);
}

QString CvatPaths::withoutLastSuffix(const QString &name)
{
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    // A dot that starts the file name (".hidden") is no suffix.
    if (dot <= slash + 1)
        return name;
    return name.left(dot);
}

} // namespace Encord::Cvat
