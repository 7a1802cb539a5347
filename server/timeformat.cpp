#include "timeformat.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace Encord::Server {

qint64 TimeFormat::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString TimeFormat::v1(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString TimeFormat::v2(qint64 ms)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    const QString fraction = ms % 1000 == 0 ? QString() : time.toString(QStringLiteral(".zzz000"));
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + fraction
           + QStringLiteral("+00:00");
}

std::optional<qint64> TimeFormat::parseInstant(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?)"
        R"(\s*(Z|[+-]\d{2}:?\d{2})?$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;

    const QDate date(
        match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    const int msec = match.captured(7).leftJustified(3, QLatin1Char('0')).left(3).toInt();
    const QTime time(
        match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;

    qint64 offsetSeconds = 0;
    const QString zone = match.captured(8).remove(QLatin1Char(':'));
    if (!zone.isEmpty() && zone != QLatin1String("Z")) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        offsetSeconds = sign * (zone.mid(1, 2).toInt() * 3600 + zone.mid(3, 2).toInt() * 60);
    }
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - offsetSeconds * 1000;
}

} // namespace Encord::Server
