#include "cvatsamplecounts.h"

#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace EncordTest {

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

CvatObjectCounts expectedCvatObjects(const QByteArray &xml)
{
    static const QRegularExpression element(
        QStringLiteral("<(box|polygon|polyline|points|skeleton|ellipse|mask)\\b[^>]*?\\blabel=\"([^"
                       "\"]*)\"([^>]*)"));
    static const QRegularExpression pointsAttribute(QStringLiteral("\\bpoints=\"([^\"]*)\""));
    static const QRegularExpression rotation(QStringLiteral("\\brotation=\""));
    CvatObjectCounts counts;
    bool inSkeleton = false;
    for (const QString &line : QString::fromUtf8(xml).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = element.match(line);
        if (line.contains(QLatin1String("</skeleton>")))
            inSkeleton = false;
        if (!match.hasMatch())
            continue;
        const QString kind = match.captured(1);
        const QString label = match.captured(2);
        if (kind == QLatin1String("skeleton"))
            inSkeleton = true;
        else if (inSkeleton)
            continue;
        if (label.isEmpty())
            continue;
        QString shape;
        int instances = 1;
        if (kind == QLatin1String("box"))
            shape = rotation.match(line).hasMatch() ? QStringLiteral("rotatable_bounding_box")
                                                    : QStringLiteral("bounding_box");
        else if (kind == QLatin1String("polygon") || kind == QLatin1String("ellipse"))
            shape = QStringLiteral("polygon");
        else if (kind == QLatin1String("polyline"))
            shape = QStringLiteral("polyline");
        else if (kind == QLatin1String("mask"))
            shape = QStringLiteral("bitmask");
        else if (kind == QLatin1String("skeleton"))
            shape = QStringLiteral("skeleton");
        else {
            shape = QStringLiteral("point");
            instances = int(pointsAttribute.match(line).captured(1).count(QLatin1Char(';'))) + 1;
        }
        counts[label + QLatin1Char('|') + shape] += instances;
    }
    return counts;
}

CvatObjectCounts labelRowObjects(const QList<QByteArray> &rows)
{
    CvatObjectCounts counts;
    for (const QByteArray &row : rows) {
        const QJsonObject units =
            QJsonDocument::fromJson(row).object().value(QLatin1String("data_units")).toObject();
        for (const QJsonValue &unit : units) {
            const QJsonArray objects = unit.toObject()
                                           .value(QLatin1String("labels"))
                                           .toObject()
                                           .value(QLatin1String("objects"))
                                           .toArray();
            for (const QJsonValue &object : objects) {
                counts[object[QLatin1String("name")].toString() + QLatin1Char('|')
                       + object[QLatin1String("shape")].toString()] += 1;
            }
        }
    }
    return counts;
}

bool makeCvatSampleExport(const QString &sample, const QString &folder)
{
    const QString source = sharedPath(QStringLiteral("samples/cvat/") + sample);
    if (!writeFile(folder + QStringLiteral("/annotations.xml"),
                   readFile(source + QStringLiteral("/annotations.xml"))))
        return false;
    for (const QByteArray &line : readFile(source + QStringLiteral("/images.tsv")).split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QString relative = QString::fromUtf8(line.split('\t').last());
        const QString shipped = source + QStringLiteral("/images/") + relative;
        const QByteArray bytes =
            QFileInfo::exists(shipped) ? readFile(shipped) : "placeholder " + line;
        if (!writeFile(folder + QStringLiteral("/images/") + relative, bytes))
            return false;
    }
    return true;
}

} // namespace EncordTest
