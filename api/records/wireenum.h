#pragma once

#include <QJsonValue>

namespace Encord {

/// Maps a wire value (a JSON string or number) to the enumerator it names, or to E::Unknown
/// when it names none. Every protocol enum specialises this in enums.cpp.
template<typename E>
E fromWire(const QJsonValue &wire);

/// An enum as read from the wire. A value we know is held as its enumerator and written back in
/// its canonical spelling; a value we do not know becomes E::Unknown and the original JSON value
/// is kept, so that writing the record again reproduces exactly what was read.
///
/// A default-constructed WireEnum is E::Unknown with a null wire value ("not set"); it writes
/// null. Records that have a natural default initialise the member with an enumerator.
template<typename E>
class WireEnum
{
public:
    WireEnum() = default;
    WireEnum(E value)
        : m_value(value)
    { }

    /// Parses a wire value; undefined is treated as null.
    static WireEnum read(const QJsonValue &wire)
    {
        WireEnum result;
        result.m_value = fromWire<E>(wire);
        if (result.m_value == E::Unknown)
            result.m_wire = wire.isUndefined() ? QJsonValue(QJsonValue::Null) : wire;
        return result;
    }

    E value() const { return m_value; }
    bool isUnknown() const { return m_value == E::Unknown; }

    /// The JSON value that was read when it named no known enumerator; null otherwise.
    const QJsonValue &unknownWire() const { return m_wire; }

    /// The canonical wire value (toWire(E), found by argument-dependent lookup), or the kept
    /// original value when unknown.
    QJsonValue toJson() const { return isUnknown() ? m_wire : QJsonValue(toWire(m_value)); }

    /// As toJson(), with the spelling of known values chosen by spell(E) (e.g. v1 versus v2).
    template<typename Spell>
    QJsonValue toJson(Spell spell) const
    {
        return isUnknown() ? m_wire : QJsonValue(spell(m_value));
    }

    friend bool operator==(const WireEnum &a, const WireEnum &b)
    {
        return a.m_value == b.m_value && (!a.isUnknown() || a.m_wire == b.m_wire);
    }
    friend bool operator==(const WireEnum &a, E b) { return a.m_value == b; }

private:
    E m_value = E::Unknown;
    QJsonValue m_wire = QJsonValue(QJsonValue::Null);
};

} // namespace Encord
