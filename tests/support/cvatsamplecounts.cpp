#include "cvatsamplecounts.h"

#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

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

// The Encord shape CVAT element @p kind on @p line becomes, and in how many objects (a CVAT
// points element is one point object per point).
QString encordShape(const QString &kind, const QString &line, int *instances)
{
    static const QRegularExpression pointsAttribute(QStringLiteral("\\bpoints=\"([^\"]*)\""));
    static const QRegularExpression rotation(QStringLiteral("\\brotation=\""));
    *instances = 1;
    if (kind == QLatin1String("box"))
        return rotation.match(line).hasMatch() ? QStringLiteral("rotatable_bounding_box")
                                               : QStringLiteral("bounding_box");
    if (kind == QLatin1String("polygon") || kind == QLatin1String("ellipse"))
        return QStringLiteral("polygon");
    if (kind == QLatin1String("polyline"))
        return QStringLiteral("polyline");
    if (kind == QLatin1String("mask"))
        return QStringLiteral("bitmask");
    if (kind == QLatin1String("skeleton"))
        return QStringLiteral("skeleton");
    if (kind == QLatin1String("cuboid"))
        return QStringLiteral("cuboid");
    *instances = int(pointsAttribute.match(line).captured(1).count(QLatin1Char(';'))) + 1;
    return QStringLiteral("point");
}

} // namespace

CvatObjectCounts expectedCvatObjects(const QByteArray &xml)
{
    static const QRegularExpression element(
        QStringLiteral("<(box|polygon|polyline|points|skeleton|ellipse|mask)\\b[^>]*?\\blabel=\"([^"
                       "\"]*)\"([^>]*)"));
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
        int instances = 1;
        const QString shape = encordShape(kind, line, &instances);
        counts[label + QLatin1Char('|') + shape] += instances;
    }
    return counts;
}

CvatObjectCounts expectedCvatObjectsAfterReport(const QByteArray &xml,
                                                const QJsonObject &issues,
                                                const QList<int> &frames,
                                                QStringList *unexplained)
{
    // What the report says was not carried over: lines, and whole images.
    static const QRegularExpression lineNote(QStringLiteral("\\(annotations\\.xml line (\\d+)\\)"));
    QSet<int> droppedLines;
    QSet<QString> missingImages;
    for (const char *severity : {"errors", "warnings"}) {
        for (const QJsonValue &issue : issues.value(QLatin1String(severity)).toArray()) {
            const QString type = issue.toObject().value(QLatin1String("issue_type")).toString();
            for (const QJsonValue &instance :
                 issue.toObject().value(QLatin1String("instances")).toArray()) {
                const QString text = instance.toString();
                const QRegularExpressionMatch line = lineNote.match(text);
                if (line.hasMatch())
                    droppedLines.insert(line.captured(1).toInt());
                if (type == QLatin1String("missing_image"))
                    missingImages.insert(text.section(QStringLiteral(": "), 0, 0));
            }
        }
    }

    static const QRegularExpression element(
        QStringLiteral("<(box|polygon|polyline|points|skeleton|ellipse|mask|cuboid)\\b([^>]*)"));
    static const QRegularExpression labelAttribute(QStringLiteral("\\blabel=\"([^\"]*)\""));
    static const QRegularExpression nameAttribute(QStringLiteral("\\bname=\"([^\"]*)\""));
    static const QRegularExpression frameAttribute(QStringLiteral("\\bframe=\"(\\d+)\""));
    static const QRegularExpression outsideAttribute(QStringLiteral("\\boutside=\"1\""));
    struct Keyframe
    {
        int frame = 0;
        bool outside = false;
        QString key;
        int instances = 1;
    };
    CvatObjectCounts counts;
    QSet<int> explained;
    QString image;
    QString trackLabel;
    bool inTrack = false;
    bool inSkeleton = false;
    QList<Keyframe> keyframes;
    const QStringList lines = QString::fromUtf8(xml).split(QLatin1Char('\n'));
    for (int index = 0; index < lines.size(); ++index) {
        const QString &line = lines.at(index);
        const int number = index + 1;
        if (line.contains(QLatin1String("<image "))) {
            image = nameAttribute.match(line).captured(1);
        } else if (line.contains(QLatin1String("<track "))) {
            inTrack = true;
            trackLabel = labelAttribute.match(line).captured(1);
            keyframes.clear();
        } else if (line.contains(QLatin1String("</track>"))) {
            inTrack = false;
            std::sort(keyframes.begin(), keyframes.end(), [](const Keyframe &a, const Keyframe &b) {
                return a.frame < b.frame;
            });
            for (const int frame : frames) {
                const Keyframe *latest = nullptr;
                for (const Keyframe &keyframe : std::as_const(keyframes)) {
                    if (keyframe.frame <= frame)
                        latest = &keyframe;
                }
                if (latest && !latest->outside)
                    counts[latest->key] += latest->instances;
            }
        }
        if (line.contains(QLatin1String("</skeleton>")))
            inSkeleton = false;
        const QRegularExpressionMatch match = element.match(line);
        if (!match.hasMatch())
            continue;
        const QString kind = match.captured(1);
        if (kind == QLatin1String("skeleton"))
            inSkeleton = true;
        else if (inSkeleton)
            continue; // its nodes are part of the skeleton object
        int instances = 1;
        const QString shape = encordShape(kind, line, &instances);
        if (inTrack) {
            keyframes.append({frameAttribute.match(line).captured(1).toInt(),
                              outsideAttribute.match(line).hasMatch(),
                              trackLabel + QLatin1Char('|') + shape,
                              instances});
            continue;
        }
        if (droppedLines.contains(number)) {
            explained.insert(number);
            continue;
        }
        if (missingImages.contains(image))
            continue;
        counts[labelAttribute.match(line).captured(1) + QLatin1Char('|') + shape] += instances;
    }
    if (unexplained) {
        unexplained->clear();
        for (const int line : std::as_const(droppedLines)) {
            if (!explained.contains(line))
                unexplained->append(QStringLiteral("line %1").arg(line));
        }
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
