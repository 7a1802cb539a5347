#pragma once

#include <QString>

#include <optional>

namespace Encord::Server {

/// Timestamps as the server stores them (UTC milliseconds since the epoch) and as each
/// protocol spells them.
class TimeFormat
{
public:
    static qint64 nowMs();
    /// v1: "YYYY-MM-DD HH:MM:SS", UTC.
    static QString v1(qint64 ms);
    /// v2: ISO-8601 with an explicit "+00:00" offset; fractional seconds only when non-zero.
    static QString v2(qint64 ms);
    /// Parses a filter value: ISO-8601 with "T" or " ", optional fraction of any length,
    /// optional "Z" or ±HH:MM offset (none = UTC), or a bare date. nullopt when unparseable.
    static std::optional<qint64> parseInstant(const QString &text);
};

} // namespace Encord::Server
