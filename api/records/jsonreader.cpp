#include "jsonreader.h"

#include <QLatin1StringView>

#include <cmath>

namespace Encord {

JsonReader::JsonReader(const QJsonObject &json)
    : m_json(json)
{ }

bool JsonReader::contains(const Keys &keys) const
{
    for (const char *name : keys) {
        if (!Json::valueOf(m_json, QLatin1StringView(name)).isUndefined())
            return true;
    }
    return false;
}

QJsonValue JsonReader::value(const Keys &keys)
{
    QJsonValue found(QJsonValue::Undefined);
    for (const char *name : keys) {
        const QLatin1StringView key(name);
        const QString spelling(key);
        // Mark every spelling consumed, even after a hit, so none of them lands in `extra`.
        m_consumed.insert(spelling);
        m_consumed.insert(Json::snakeToCamel(spelling));
        m_consumed.insert(Json::camelToSnake(spelling));
        if (found.isUndefined())
            found = Json::valueOf(m_json, key);
    }
    return found;
}

QString JsonReader::string(const Keys &keys, const QString &fallback)
{
    const QJsonValue json = value(keys);
    return json.isString() ? json.toString() : fallback;
}

std::optional<QString> JsonReader::optionalString(const Keys &keys)
{
    const QJsonValue json = value(keys);
    if (!json.isString())
        return std::nullopt;
    return json.toString();
}

bool JsonReader::boolean(const Keys &keys, bool fallback)
{
    return optionalBool(keys).value_or(fallback);
}

std::optional<bool> JsonReader::optionalBool(const Keys &keys)
{
    const QJsonValue json = value(keys);
    if (json.isBool())
        return json.toBool();
    if (json.isDouble())
        return json.toDouble() != 0.0;
    return std::nullopt;
}

qint64 JsonReader::integer(const Keys &keys, qint64 fallback)
{
    return optionalInteger(keys).value_or(fallback);
}

std::optional<qint64> JsonReader::optionalInteger(const Keys &keys)
{
    const QJsonValue json = value(keys);
    if (!json.isDouble())
        return std::nullopt;
    return std::llround(json.toDouble());
}

std::optional<int> JsonReader::optionalInt(const Keys &keys)
{
    const std::optional<qint64> number = optionalInteger(keys);
    if (!number)
        return std::nullopt;
    return static_cast<int>(*number);
}

double JsonReader::number(const Keys &keys, double fallback)
{
    return optionalNumber(keys).value_or(fallback);
}

std::optional<double> JsonReader::optionalNumber(const Keys &keys)
{
    const QJsonValue json = value(keys);
    if (!json.isDouble())
        return std::nullopt;
    return json.toDouble();
}

QDateTime JsonReader::dateTime(const Keys &keys)
{
    return Json::dateTimeFromJson(value(keys));
}

QStringList JsonReader::stringList(const Keys &keys)
{
    return Json::toStringList(value(keys));
}

QJsonObject JsonReader::object(const Keys &keys)
{
    return value(keys).toObject();
}

QJsonArray JsonReader::array(const Keys &keys)
{
    return value(keys).toArray();
}

QJsonObject JsonReader::unconsumed() const
{
    QJsonObject rest;
    for (auto it = m_json.constBegin(); it != m_json.constEnd(); ++it) {
        if (!m_consumed.contains(it.key()))
            rest.insert(it.key(), it.value());
    }
    return rest;
}

} // namespace Encord
