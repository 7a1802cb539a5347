#include "ontologystructurereader.h"

#include "modelformat.h"
#include "records/enums.h"
#include "records/ontologyhelpers.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace Encord {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Encord::OntologyStructureReader", text);
}

constexpr int kMaxListedProblems = 10;

/// Walks a structure object and notes every problem with the place it occurs.
class StructureChecker
{
public:
    QStringList problems;

    void checkStructure(const QJsonObject &structure)
    {
        const QJsonValue objects = structure.value(QLatin1String("objects"));
        const QJsonValue classifications = structure.value(QLatin1String("classifications"));
        if (!objects.isArray())
            note({}, tr("the structure needs an \"objects\" list (it may be empty)"));
        if (!classifications.isArray())
            note({}, tr("the structure needs a \"classifications\" list (it may be empty)"));
        const QJsonValue templates = structure.value(QLatin1String("skeleton_templates"));
        if (!templates.isUndefined() && !templates.isArray())
            note({}, tr("\"skeleton_templates\" must be a list"));

        QSet<int> objectIds;
        const QJsonArray objectList = objects.toArray();
        for (qsizetype i = 0; i < objectList.size(); ++i)
            checkObject(objectList.at(i), QStringLiteral("objects[%1]").arg(i), objectIds);
        QSet<int> classificationIds;
        const QJsonArray classificationList = classifications.toArray();
        for (qsizetype i = 0; i < classificationList.size(); ++i) {
            checkClassification(classificationList.at(i),
                                QStringLiteral("classifications[%1]").arg(i),
                                classificationIds);
        }
    }

private:
    QSet<QString> m_hashes;

    void note(const QString &place, const QString &problem)
    {
        problems.append(place.isEmpty() ? problem : place + QStringLiteral(": ") + problem);
    }

    /// An int id ≥ 1 given as a number or a string of one; 0 when it is neither.
    int checkLocalId(const QJsonObject &json, const QString &place, QSet<int> &siblingIds)
    {
        const QJsonValue value = json.value(QLatin1String("id"));
        bool ok = false;
        int id = 0;
        if (value.isDouble()) {
            id = value.toInt();
            ok = double(id) == value.toDouble();
        } else if (value.isString()) {
            id = value.toString().toInt(&ok);
        }
        if (!ok || id < 1) {
            note(place, tr("\"id\" must be a whole number of 1 or more, such as \"1\""));
            return 0;
        }
        if (siblingIds.contains(id))
            note(place, tr("the id %1 is used twice").arg(id));
        siblingIds.insert(id);
        return id;
    }

    /// A nested id "1.2.3" starting with the parent's uid; empty when it is not one.
    QString checkNestedId(const QJsonObject &json,
                          const QString &place,
                          const QString &parentUid,
                          QSet<QString> &siblingIds)
    {
        const QJsonValue value = json.value(QLatin1String("id"));
        const QString id = value.isDouble() ? QString::number(value.toInteger()) : value.toString();
        const QList<int> path = OntologyHelpers::parseNestedId(id);
        if (id.isEmpty() || path.isEmpty()) {
            note(place, tr("\"id\" must be numbers joined by dots, such as \"1.2\""));
            return {};
        }
        if (!parentUid.isEmpty() && !id.startsWith(parentUid + QLatin1Char('.')))
            note(place,
                 tr("the id \"%1\" does not start with its parent's id \"%2\"").arg(id, parentUid));
        if (siblingIds.contains(id))
            note(place, tr("the id \"%1\" is used twice").arg(id));
        siblingIds.insert(id);
        return id;
    }

    void checkHash(const QJsonObject &json, const QString &place)
    {
        const QString hash = json.value(QLatin1String("featureNodeHash")).toString();
        if (hash.isEmpty()) {
            note(place, tr("\"featureNodeHash\" is missing"));
            return;
        }
        if (m_hashes.contains(hash))
            note(place, tr("the feature node hash \"%1\" is used twice").arg(hash));
        m_hashes.insert(hash);
    }

    bool checkString(const QJsonObject &json, const char *key, const QString &place)
    {
        if (json.value(QLatin1String(key)).isString())
            return true;
        note(place, tr("\"%1\" must be a text").arg(QLatin1String(key)));
        return false;
    }

    void checkOptionalBool(const QJsonObject &json, const char *key, const QString &place)
    {
        const QJsonValue value = json.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isBool())
            note(place, tr("\"%1\" must be true or false").arg(QLatin1String(key)));
    }

    static QString named(const QString &place, const QJsonObject &json, const char *nameKey)
    {
        const QString name = json.value(QLatin1String(nameKey)).toString();
        return name.isEmpty() ? place : place + QStringLiteral(" \"") + name + QLatin1Char('"');
    }

    void checkObject(const QJsonValue &value, const QString &index, QSet<int> &ids)
    {
        if (!value.isObject()) {
            note(index, tr("an object must be a JSON object"));
            return;
        }
        const QJsonObject json = value.toObject();
        const QString place = named(index, json, "name");
        const int id = checkLocalId(json, place, ids);
        checkString(json, "name", place);
        static const QRegularExpression colorPattern(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
        if (!colorPattern.match(json.value(QLatin1String("color")).toString()).hasMatch())
            note(place, tr("\"color\" must be a colour such as \"#D33115\""));
        const QJsonValue shape = json.value(QLatin1String("shape"));
        if (fromWire<Shape>(shape) == Shape::Unknown) {
            note(place,
                 tr("the shape \"%1\" is not a shape of the format (bounding_box, polygon, "
                    "point, skeleton, polyline, rotatable_bounding_box, bitmask, audio, text, "
                    "cuboid, cuboid_2d, segmentation)")
                     .arg(shape.toVariant().toString()));
        }
        checkHash(json, place);
        checkOptionalBool(json, "required", place);
        checkOptionalBool(json, "archived", place);
        checkAttributeList(
            json, "attributes", place, id > 0 ? QString::number(id) : QString(), false);
    }

    void checkClassification(const QJsonValue &value, const QString &index, QSet<int> &ids)
    {
        if (!value.isObject()) {
            note(index, tr("a classification must be a JSON object"));
            return;
        }
        const QJsonObject json = value.toObject();
        const QJsonObject first =
            json.value(QLatin1String("attributes")).toArray().first().toObject();
        const QString place = named(index, first, "name");
        const int id = checkLocalId(json, place, ids);
        checkHash(json, place);
        const QJsonValue level = json.value(QLatin1String("level"));
        if (!level.isUndefined()
            && fromWire<ClassificationLevel>(level) == ClassificationLevel::Unknown)
            note(place, tr("\"level\" can only be \"global\""));
        checkAttributeList(
            json, "attributes", place, id > 0 ? QString::number(id) : QString(), true);
    }

    void checkAttributeList(const QJsonObject &owner,
                            const char *key,
                            const QString &place,
                            const QString &parentUid,
                            bool required)
    {
        const QJsonValue value = owner.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return;
        if (!value.isArray()) {
            note(place, tr("\"%1\" must be a list of attributes").arg(QLatin1String(key)));
            return;
        }
        const QJsonArray attributes = value.toArray();
        if (attributes.isEmpty() && required)
            note(place, tr("a classification needs at least one attribute (its question)"));
        QSet<QString> siblingIds;
        for (qsizetype i = 0; i < attributes.size(); ++i) {
            checkAttribute(attributes.at(i),
                           place + QStringLiteral(".%1[%2]").arg(QLatin1String(key)).arg(i),
                           parentUid,
                           siblingIds);
        }
    }

    void checkAttribute(const QJsonValue &value,
                        const QString &index,
                        const QString &parentUid,
                        QSet<QString> &siblingIds)
    {
        if (!value.isObject()) {
            note(index, tr("an attribute must be a JSON object"));
            return;
        }
        const QJsonObject json = value.toObject();
        const QString place = named(index, json, "name");
        const QString id = checkNestedId(json, place, parentUid, siblingIds);
        checkString(json, "name", place);
        const QJsonValue typeValue = json.value(QLatin1String("type"));
        const AttributeType type = fromWire<AttributeType>(typeValue);
        if (type == AttributeType::Unknown) {
            note(place,
                 tr("the attribute type \"%1\" is not radio, checklist, text or numeric")
                     .arg(typeValue.toVariant().toString()));
        }
        checkHash(json, place);
        if (!json.value(QLatin1String("required")).isBool())
            note(place, tr("\"required\" must be given as true or false"));
        checkOptionalBool(json, "dynamic", place);
        checkOptionalBool(json, "archived", place);

        const QJsonValue options = json.value(QLatin1String("options"));
        if (options.isUndefined())
            return;
        if (type == AttributeType::Text || type == AttributeType::Numeric) {
            note(place, tr("a %1 attribute cannot have options").arg(toWire(type)));
            return;
        }
        if (!options.isArray()) {
            note(place, tr("\"options\" must be a list"));
            return;
        }
        const QJsonArray list = options.toArray();
        QSet<QString> optionIds;
        for (qsizetype i = 0; i < list.size(); ++i) {
            checkOption(list.at(i),
                        place + QStringLiteral(".options[%1]").arg(i),
                        id,
                        type == AttributeType::Radio,
                        optionIds);
        }
    }

    void checkOption(const QJsonValue &value,
                     const QString &index,
                     const QString &parentUid,
                     bool nests,
                     QSet<QString> &siblingIds)
    {
        if (!value.isObject()) {
            note(index, tr("an option must be a JSON object"));
            return;
        }
        const QJsonObject json = value.toObject();
        const QString place = named(index, json, "label");
        const QString id = checkNestedId(json, place, parentUid, siblingIds);
        checkString(json, "label", place);
        const QJsonValue optionValue = json.value(QLatin1String("value"));
        if (!optionValue.isUndefined() && !optionValue.isString())
            note(place, tr("\"value\" must be a text"));
        checkHash(json, place);
        checkOptionalBool(json, "archived", place);
        if (json.contains(QLatin1String("options")) && !nests) {
            note(place, tr("only the options of a radio attribute can hold further attributes"));
            return;
        }
        checkAttributeList(json, "options", place, id, false);
    }
};

QString describeParseError(const QByteArray &json, const QJsonParseError &error)
{
    const QByteArray before = json.left(error.offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return QCoreApplication::translate("Encord::OntologyStructureReader",
                                       "The file is not valid JSON: %1 at line %2, column %3.")
        .arg(error.errorString())
        .arg(line)
        .arg(column);
}

} // namespace

QStringList OntologyStructureReader::problems(const QJsonObject &structure)
{
    StructureChecker checker;
    checker.checkStructure(structure);
    return checker.problems;
}

Result<OntologyStructure, QString> OntologyStructureReader::read(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return describeParseError(json, parseError);
    if (!document.isObject())
        return tr("The file holds a JSON list, not an ontology structure. A structure is an "
                  "object with \"objects\" and \"classifications\" lists.");

    QJsonObject structure = document.object();
    // An ontology as the API returns it carries its structure under "editor".
    if (!structure.contains(QLatin1String("objects"))
        && structure.value(QLatin1String("editor")).isObject())
        structure = structure.value(QLatin1String("editor")).toObject();

    const QStringList found = problems(structure);
    if (found.isEmpty())
        return OntologyStructure::fromJson(structure);

    QStringList lines{tr("The file is not an ontology structure that Encord can read:")};
    for (qsizetype i = 0; i < std::min<qsizetype>(found.size(), kMaxListedProblems); ++i)
        lines.append(QStringLiteral("• ") + found.at(i));
    if (found.size() > kMaxListedProblems)
        lines.append(
            QCoreApplication::translate("Encord::OntologyStructureReader", "…and %1 more.")
                .arg(ModelFormat::count(
                    found.size() - kMaxListedProblems,
                    QCoreApplication::translate("Encord::OntologyStructureReader", "problem"),
                    QCoreApplication::translate("Encord::OntologyStructureReader", "problems"))));
    return lines.join(QLatin1Char('\n'));
}

Result<OntologyStructure, QString> OntologyStructureReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return tr("Could not open %1: %2.").arg(QFileInfo(path).fileName(), file.errorString());
    }
    return read(file.readAll());
}

} // namespace Encord
