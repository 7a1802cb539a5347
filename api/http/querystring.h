#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

namespace Encord {

/// Builds a URL query the way the SDK's HTTP library writes it (spec §3.1): form encoding
/// (space as '+', everything but letters, digits and "_.-~" percent-encoded), lists as
/// repeated keys, booleans as True/False. Order is kept as added.
class QueryString
{
public:
    QueryString &add(const QString &key, const QString &value);
    QueryString &add(const QString &key, bool value);
    QueryString &add(const QString &key, int value);
    /// ISO-8601 in UTC with "+00:00", as the SDK's pydantic writes datetimes.
    QueryString &add(const QString &key, const QDateTime &value);
    /// One key per value; nothing for an empty list.
    QueryString &addList(const QString &key, const QStringList &values);

    bool isEmpty() const { return m_items.isEmpty(); }
    const QList<std::pair<QString, QString>> &items() const { return m_items; }

    /// The encoded query without the leading '?'.
    QByteArray toEncoded() const;

    /// Percent-encodes one component with the form rules above.
    static QByteArray encodeComponent(const QString &text);

private:
    QList<std::pair<QString, QString>> m_items;
};

} // namespace Encord
