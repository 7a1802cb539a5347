#include "ontologyhelpers.h"

#include "ontologystructure.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

namespace Encord::OntologyHelpers {

namespace {

template<typename Element>
int nextNestedLocalId(const QList<Element> &siblings)
{
    QList<int> ids;
    ids.reserve(siblings.size());
    for (const Element &element : siblings)
        ids.append(localIdOf(element.id));
    return nextLocalId(ids);
}

void collectHashes(const QList<OntologyAttribute> &attributes, QSet<QString> &hashes)
{
    for (const OntologyAttribute &attribute : attributes) {
        hashes.insert(attribute.featureNodeHash);
        for (const OntologyOption &option : attribute.options) {
            hashes.insert(option.featureNodeHash);
            collectHashes(option.attributes, hashes);
        }
    }
}

} // namespace

const QStringList &availableColors()
{
    static const QStringList colors{
        QStringLiteral("#D33115"), QStringLiteral("#E27300"), QStringLiteral("#16406C"),
        QStringLiteral("#FE9200"), QStringLiteral("#FCDC00"), QStringLiteral("#DBDF00"),
        QStringLiteral("#A4DD00"), QStringLiteral("#68CCCA"), QStringLiteral("#73D8FF"),
        QStringLiteral("#AEA1FF"), QStringLiteral("#FCC400"), QStringLiteral("#B0BC00"),
        QStringLiteral("#68BC00"), QStringLiteral("#16A5A5"), QStringLiteral("#009CE0"),
        QStringLiteral("#7B64FF"), QStringLiteral("#FA28FF"), QStringLiteral("#B3B3B3"),
        QStringLiteral("#9F0500"), QStringLiteral("#C45100"), QStringLiteral("#FB9E00"),
        QStringLiteral("#808900"), QStringLiteral("#194D33"), QStringLiteral("#0C797D"),
        QStringLiteral("#0062B1"), QStringLiteral("#653294"), QStringLiteral("#AB149E"),
    };
    return colors;
}

QString nextObjectColor(const QList<OntologyObject> &objects)
{
    const QStringList &colors = availableColors();
    if (objects.isEmpty())
        return colors.first();
    const qsizetype last = colors.indexOf(objects.last().color);
    if (last < 0)
        return colors.first();
    return colors.at((last + 1) % colors.size());
}

int nextLocalId(const QList<int> &siblingLocalIds)
{
    if (siblingLocalIds.isEmpty())
        return 1;
    return *std::max_element(siblingLocalIds.cbegin(), siblingLocalIds.cend()) + 1;
}

int nextObjectId(const QList<OntologyObject> &objects)
{
    QList<int> ids;
    for (const OntologyObject &object : objects)
        ids.append(object.id);
    return nextLocalId(ids);
}

int nextClassificationId(const QList<OntologyClassification> &classifications)
{
    QList<int> ids;
    for (const OntologyClassification &classification : classifications)
        ids.append(classification.id);
    return nextLocalId(ids);
}

int nextAttributeLocalId(const QList<OntologyAttribute> &siblings)
{
    return nextNestedLocalId(siblings);
}

int nextOptionLocalId(const QList<OntologyOption> &siblings)
{
    return nextNestedLocalId(siblings);
}

QString nestedId(const QList<int> &path)
{
    QStringList parts;
    parts.reserve(path.size());
    for (const int part : path)
        parts.append(QString::number(part));
    return parts.join(QLatin1Char('.'));
}

QList<int> parseNestedId(const QString &id)
{
    QList<int> path;
    const QStringList parts = id.split(QLatin1Char('.'));
    for (const QString &part : parts) {
        bool ok = false;
        const int number = part.toInt(&ok);
        if (!ok || number < 0)
            return {};
        path.append(number);
    }
    return path;
}

QString childId(const QString &parentId, int localId)
{
    return parentId + QLatin1Char('.') + QString::number(localId);
}

int localIdOf(const QString &nestedId)
{
    const QList<int> path = parseNestedId(nestedId);
    return path.isEmpty() ? 0 : path.last();
}

QString newFeatureNodeHash()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

QString newNestedFeatureHash()
{
    QByteArray bytes(6, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(bytes.toBase64());
}

QString optionValueFromLabel(const QString &label)
{
    QString value;
    value.reserve(label.size());
    for (const QChar c : label)
        value += c.isSpace() ? QChar(QLatin1Char('_')) : c;
    return value.toLower();
}

QSet<QString> featureNodeHashes(const OntologyStructure &structure)
{
    QSet<QString> hashes;
    for (const OntologyObject &object : structure.objects) {
        hashes.insert(object.featureNodeHash);
        collectHashes(object.attributes, hashes);
    }
    for (const OntologyClassification &classification : structure.classifications) {
        hashes.insert(classification.featureNodeHash);
        collectHashes(classification.attributes, hashes);
    }
    return hashes;
}

} // namespace Encord::OntologyHelpers
