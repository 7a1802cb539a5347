#pragma once

#include "jsonhelpers.h"
#include "wireenum.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace Encord {

/// Tolerant reading of one JSON object into a record. Every getter accepts the key in camelCase
/// and in snake_case (and optionally several alternative names), returns a default when the key
/// is missing, null or of the wrong type, and marks every spelling as consumed, so that
/// unconsumed() yields exactly the keys the record does not know (its `extra`).
///
///     JsonReader reader(json);
///     folder.name = reader.string("name");
///     folder.parent = reader.optionalString("parent");
///     folder.extra = reader.unconsumed();
class JsonReader
{
public:
    /// One key name, or alternatives in order of preference: {"dataset_hash", "datasetUuid"}.
    /// Names are ASCII literals.
    class Keys
    {
    public:
        Keys(const char *name)
            : m_single(name)
        { }
        Keys(std::initializer_list<const char *> names)
            : m_list(names)
        { }

        const char *const *begin() const { return m_single ? &m_single : m_list.begin(); }
        const char *const *end() const { return m_single ? &m_single + 1 : m_list.end(); }

    private:
        const char *m_single = nullptr;
        std::initializer_list<const char *> m_list;
    };

    explicit JsonReader(const QJsonObject &json);

    /// True when any spelling of the keys is present, even with a null value. Consumes nothing.
    bool contains(const Keys &keys) const;

    /// The raw value of the first present name; undefined when none is present.
    QJsonValue value(const Keys &keys);

    QString string(const Keys &keys, const QString &fallback = QString());
    /// nullopt for missing, null or non-string values.
    std::optional<QString> optionalString(const Keys &keys);
    bool boolean(const Keys &keys, bool fallback = false);
    std::optional<bool> optionalBool(const Keys &keys);
    /// Integral numbers; a fractional number is rounded.
    qint64 integer(const Keys &keys, qint64 fallback = 0);
    std::optional<qint64> optionalInteger(const Keys &keys);
    std::optional<int> optionalInt(const Keys &keys);
    double number(const Keys &keys, double fallback = 0.0);
    std::optional<double> optionalNumber(const Keys &keys);
    /// Json::parseDateTime() of a string; invalid otherwise.
    QDateTime dateTime(const Keys &keys);
    /// A list of strings, also from a JSON text holding one.
    QStringList stringList(const Keys &keys);
    QJsonObject object(const Keys &keys);
    QJsonArray array(const Keys &keys);

    /// The enum under the keys; fallback when the key is missing or null.
    template<typename E>
    WireEnum<E> enumValue(const Keys &keys, E fallback)
    {
        const QJsonValue wire = value(keys);
        return wire.isUndefined() || wire.isNull() ? WireEnum<E>(fallback)
                                                   : WireEnum<E>::read(wire);
    }

    /// The enum under the keys; nullopt when the key is missing or null.
    template<typename E>
    std::optional<WireEnum<E>> optionalEnum(const Keys &keys)
    {
        const QJsonValue wire = value(keys);
        if (wire.isUndefined() || wire.isNull())
            return std::nullopt;
        return WireEnum<E>::read(wire);
    }

    /// A list of enums from a JSON array, or from a JSON text holding one.
    template<typename E>
    QList<WireEnum<E>> enumList(const Keys &keys)
    {
        QJsonValue wire = value(keys);
        if (wire.isString())
            wire = Json::parseJsonText(wire.toString());
        QList<WireEnum<E>> list;
        const QJsonArray array = wire.toArray();
        for (const QJsonValue &element : array)
            list.append(WireEnum<E>::read(element));
        return list;
    }

    /// T::fromJson() of each object in the array under the keys.
    template<typename T>
    QList<T> records(const Keys &keys)
    {
        return Json::recordsFromJson<T>(value(keys));
    }

    /// T::fromJson() of the object under the keys; nullopt when it is not an object.
    template<typename T>
    std::optional<T> optionalRecord(const Keys &keys)
    {
        const QJsonValue json = value(keys);
        if (!json.isObject())
            return std::nullopt;
        return T::fromJson(json.toObject());
    }

    /// The keys of the object that no getter has asked for.
    QJsonObject unconsumed() const;

private:
    QJsonObject m_json;
    QSet<QString> m_consumed;
};

} // namespace Encord
