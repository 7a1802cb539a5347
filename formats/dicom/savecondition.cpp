#include "savecondition.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Encord::Dicom {

namespace {

QString normalised(const QString &text)
{
    QString result = text;
    while (!result.isEmpty() && (result.back().isSpace() || result.back() == QChar(0)))
        result.chop(1);
    while (!result.isEmpty() && result.front().isSpace())
        result.remove(0, 1);
    return result;
}

QString tagText(std::uint16_t group, std::uint16_t element)
{
    return QStringLiteral("(%1,%2)")
        .arg(group, 4, 16, QLatin1Char('0'))
        .arg(element, 4, 16, QLatin1Char('0'))
        .toUpper();
}

} // namespace

std::optional<std::pair<std::uint16_t, std::uint16_t>> SaveCondition::parseTag(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(?:x|0x)?\\(?\\s*([0-9a-f]{4})\\s*,?\\s*([0-9a-f]{4})\\s*\\)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return std::pair{static_cast<std::uint16_t>(match.captured(1).toUInt(nullptr, 16)),
                     static_cast<std::uint16_t>(match.captured(2).toUInt(nullptr, 16))};
}

std::optional<SaveCondition> SaveCondition::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<SaveCondition> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    const QString type = json.contains(QLatin1String("conditionType"))
                             ? json.value(QLatin1String("conditionType")).toString()
                             : json.value(QLatin1String("condition_type")).toString();
    const QString tag = json.contains(QLatin1String("dicomTag"))
                            ? json.value(QLatin1String("dicomTag")).toString()
                            : json.value(QLatin1String("dicom_tag")).toString();

    SaveCondition condition;
    if (type.compare(QLatin1String("IN"), Qt::CaseInsensitive) == 0)
        condition.kind = Kind::In;
    else if (type.compare(QLatin1String("NOT_SUBSTR"), Qt::CaseInsensitive) == 0
             || type.compare(QLatin1String("notSubstr"), Qt::CaseInsensitive) == 0)
        condition.kind = Kind::NotSubstr;
    else
        return fail(QStringLiteral("Unknown save condition type \"%1\".").arg(type));

    const auto parsed = parseTag(tag);
    if (!parsed)
        return fail(QStringLiteral("\"%1\" is not a DICOM tag (use GGGGEEEE).").arg(tag));
    condition.group = parsed->first;
    condition.element = parsed->second;

    const QJsonValue value = json.value(QLatin1String("value"));
    if (value.isArray()) {
        for (const QJsonValue &entry : value.toArray())
            condition.values.append(entry.toString());
    } else if (value.isString()) {
        condition.values.append(value.toString());
    } else {
        return fail(QStringLiteral("The save condition on %1 has no value.").arg(tag));
    }
    if (condition.kind == Kind::NotSubstr && condition.values.size() != 1)
        return fail(QStringLiteral("NOT_SUBSTR on %1 needs exactly one string.").arg(tag));
    return condition;
}

QJsonObject SaveCondition::toJson() const
{
    const QString tag = QStringLiteral("%1%2")
                            .arg(group, 4, 16, QLatin1Char('0'))
                            .arg(element, 4, 16, QLatin1Char('0'))
                            .toUpper();
    QJsonObject json{{QStringLiteral("dicomTag"), tag}};
    if (kind == Kind::In) {
        json.insert(QStringLiteral("conditionType"), QStringLiteral("in"));
        json.insert(QStringLiteral("value"), QJsonArray::fromStringList(values));
    } else {
        json.insert(QStringLiteral("conditionType"), QStringLiteral("notSubstr"));
        json.insert(QStringLiteral("value"), values.value(0));
    }
    return json;
}

bool SaveCondition::holds(const std::optional<QStringList> &components) const
{
    if (!components)
        return kind == Kind::NotSubstr;

    QStringList cleaned;
    for (const QString &component : *components)
        cleaned.append(normalised(component));
    const QString whole = cleaned.join(QLatin1Char('\\'));

    if (kind == Kind::NotSubstr)
        return !whole.contains(normalised(values.value(0)), Qt::CaseInsensitive);

    for (const QString &candidate : values) {
        const QString wanted = normalised(candidate);
        if (whole.compare(wanted, Qt::CaseInsensitive) == 0)
            return true;
        for (const QString &component : cleaned) {
            if (component.compare(wanted, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

QString SaveCondition::describe() const
{
    if (kind == Kind::In)
        return tagText(group, element) + QStringLiteral(" in [") + values.join(QStringLiteral(", "))
               + QLatin1Char(']');
    return tagText(group, element) + QStringLiteral(" does not contain \"") + values.value(0)
           + QLatin1Char('"');
}

} // namespace Encord::Dicom
