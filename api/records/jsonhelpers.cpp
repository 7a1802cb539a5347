#include "jsonhelpers.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

namespace Encord::Json {

namespace {

QDateTime asUtcIfNaive(const QDateTime &dateTime)
{
    if (!dateTime.isValid() || dateTime.timeSpec() != Qt::LocalTime)
        return dateTime;
    return QDateTime(dateTime.date(), dateTime.time(), QTimeZone::utc());
}

// Qt's RFC 2822 parser of 6.4 refuses the "GMT" zone name that RFC 1123 (HTTP) dates carry.
QDateTime parseRfc1123(const QString &text)
{
    const QDateTime rfc = QDateTime::fromString(text, Qt::RFC2822Date);
    if (rfc.isValid())
        return rfc;
    for (const QLatin1StringView zone : {QLatin1StringView(" GMT"), QLatin1StringView(" UTC")}) {
        if (!text.endsWith(zone))
            continue;
        const QDateTime naive = QLocale::c().toDateTime(
            text.chopped(zone.size()), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (naive.isValid())
            return QDateTime(naive.date(), naive.time(), QTimeZone::utc());
    }
    return {};
}

} // namespace

QDateTime parseDateTime(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};

    if (trimmed.at(0).isLetter())
        return parseRfc1123(trimmed);

    // "YYYY-MM-DD HH:MM:SS[...]" is ISO with a space for the "T".
    if (trimmed.size() > 10 && trimmed.at(10) == QLatin1Char(' '))
        trimmed[10] = QLatin1Char('T');
    if (trimmed.endsWith(QLatin1Char('z')))
        trimmed.back() = QLatin1Char('Z');

    return asUtcIfNaive(QDateTime::fromString(trimmed, Qt::ISODateWithMs));
}

QDateTime dateTimeFromJson(const QJsonValue &value)
{
    return value.isString() ? parseDateTime(value.toString()) : QDateTime();
}

QString toV1DateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QString();
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString toV2DateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QString();
    const QDateTime utc = dateTime.toUTC();
    QString text = utc.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
    const int millis = utc.time().msec();
    if (millis != 0)
        text +=
            QLatin1Char('.') + QString::number(millis * 1000).rightJustified(6, QLatin1Char('0'));
    return text + QLatin1StringView("+00:00");
}

QJsonValue v1DateTimeJson(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(toV1DateTime(dateTime)) : QJsonValue(QJsonValue::Null);
}

QJsonValue v2DateTimeJson(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(toV2DateTime(dateTime)) : QJsonValue(QJsonValue::Null);
}

QString camelToSnake(const QString &name)
{
    QString snake;
    snake.reserve(name.size() + 4);
    for (const QChar c : name) {
        if (c.isUpper()) {
            if (!snake.isEmpty())
                snake += QLatin1Char('_');
            snake += c.toLower();
        } else {
            snake += c;
        }
    }
    return snake;
}

QString snakeToCamel(const QString &name)
{
    QString camel;
    camel.reserve(name.size());
    bool upperNext = false;
    for (const QChar c : name) {
        if (c == QLatin1Char('_') && !camel.isEmpty()) {
            upperNext = true;
            continue;
        }
        camel += upperNext ? c.toUpper() : c;
        upperNext = false;
    }
    return camel;
}

QJsonValue valueOf(const QJsonObject &json, QLatin1StringView name)
{
    const auto hit = json.constFind(name);
    if (hit != json.constEnd())
        return *hit;
    const QString given(name);
    const QString other =
        given.contains(QLatin1Char('_')) ? snakeToCamel(given) : camelToSnake(given);
    return json.value(other);
}

void mergeExtra(QJsonObject &out, const QJsonObject &extra)
{
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it) {
        const QString &key = it.key();
        if (out.contains(key) || out.contains(snakeToCamel(key)) || out.contains(camelToSnake(key)))
            continue;
        out.insert(key, it.value());
    }
}

QJsonArray toArray(const QStringList &strings)
{
    return QJsonArray::fromStringList(strings);
}

QStringList toStringList(const QJsonValue &value)
{
    QJsonArray array;
    if (value.isArray())
        array = value.toArray();
    else if (value.isString())
        array = parseJsonText(value.toString()).toArray();

    QStringList strings;
    strings.reserve(array.size());
    for (const QJsonValue &element : std::as_const(array)) {
        if (element.isString())
            strings.append(element.toString());
    }
    return strings;
}

QString toJsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString();
}

QJsonValue parseJsonText(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QJsonValue::Undefined);
    if (document.isObject())
        return document.object();
    return document.array();
}

} // namespace Encord::Json
