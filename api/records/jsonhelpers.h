#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Small conversions shared by the record types: date spellings of both API generations, key
// spellings, nullable values, lists.

namespace Encord::Json {

/// Reads a date-time in any spelling the SDKs accept: "YYYY-MM-DD HH:MM:SS" (v1), RFC 1123
/// ("Thu, 18 Feb 2021 22:24:59 GMT"), ISO 8601 with or without offset ("Z", "+02:00") and with
/// or without a fraction (microseconds are truncated to milliseconds). A time without offset is
/// UTC. Returns an invalid QDateTime for anything else, including an empty string.
QDateTime parseDateTime(const QString &text);

/// parseDateTime() of a JSON string; invalid for null, numbers and the rest.
QDateTime dateTimeFromJson(const QJsonValue &value);

/// The v1 spelling "YYYY-MM-DD HH:MM:SS" in UTC (the strict form legacy project ORMs demand).
QString toV1DateTime(const QDateTime &dateTime);

/// The v2 spelling: ISO 8601 in UTC with a "+00:00" offset, with ".ffffff" only when the
/// milliseconds are not zero (as Python's isoformat writes it).
QString toV2DateTime(const QDateTime &dateTime);

/// toV1DateTime() / toV2DateTime() as JSON; null for an invalid date-time.
QJsonValue v1DateTimeJson(const QDateTime &dateTime);
QJsonValue v2DateTimeJson(const QDateTime &dateTime);

/// "featureNodeHash" -> "feature_node_hash"; "s3Compatible" -> "s3_compatible".
QString camelToSnake(const QString &name);
/// "feature_node_hash" -> "featureNodeHash" (the SDK's alias rule).
QString snakeToCamel(const QString &name);

/// The value stored under name in either spelling (the given one first); undefined if absent.
QJsonValue valueOf(const QJsonObject &json, QLatin1StringView name);

/// Adds each key of extra to out unless out already holds it in either spelling.
void mergeExtra(QJsonObject &out, const QJsonObject &extra);

/// The value, or JSON null for nullopt.
template<typename T>
QJsonValue nullable(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

/// A JSON array of strings.
QJsonArray toArray(const QStringList &strings);

/// Strings of a JSON array, or of a JSON text holding an array (legacy API-key scopes).
/// Non-string elements are skipped.
QStringList toStringList(const QJsonValue &value);

/// A JSON array built from convert(element) for each element.
template<typename T, typename Convert>
QJsonArray toArray(const QList<T> &list, Convert convert)
{
    QJsonArray array;
    for (const T &element : list)
        array.append(convert(element));
    return array;
}

/// T::fromJson() of each object in a JSON array; other elements are skipped.
template<typename T>
QList<T> recordsFromJson(const QJsonValue &value)
{
    QList<T> records;
    const QJsonArray array = value.toArray();
    records.reserve(array.size());
    for (const QJsonValue &element : array) {
        if (element.isObject())
            records.append(T::fromJson(element.toObject()));
    }
    return records;
}

/// Compact JSON text of an object or array, the way metadata is nested as a string.
QString toJsonText(const QJsonValue &value);

/// Parses JSON text into an object or array value; undefined when the text is not JSON.
QJsonValue parseJsonText(const QString &text);

} // namespace Encord::Json
