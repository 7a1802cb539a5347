#include "querystring.h"

namespace Encord {

QueryString &QueryString::add(const QString &key, const QString &value)
{
    m_items.append({key, value});
    return *this;
}

QueryString &QueryString::add(const QString &key, bool value)
{
    return add(key, value ? QStringLiteral("True") : QStringLiteral("False"));
}

QueryString &QueryString::add(const QString &key, int value)
{
    return add(key, QString::number(value));
}

QueryString &QueryString::add(const QString &key, const QDateTime &value)
{
    const QDateTime utc = value.toUTC();
    QString text = utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (const int ms = utc.time().msec(); ms != 0)
        text += QStringLiteral(".%1").arg(ms * 1000, 6, 10, QLatin1Char('0'));
    return add(key, text + QStringLiteral("+00:00"));
}

QueryString &QueryString::addList(const QString &key, const QStringList &values)
{
    for (const QString &value : values)
        add(key, value);
    return *this;
}

QByteArray QueryString::encodeComponent(const QString &text)
{
    QByteArray encoded = text.toUtf8().toPercentEncoding(QByteArray(" "), QByteArray());
    encoded.replace(' ', '+');
    return encoded;
}

QByteArray QueryString::toEncoded() const
{
    QByteArray out;
    for (const auto &[key, value] : m_items) {
        if (!out.isEmpty())
            out += '&';
        out += encodeComponent(key) + '=' + encodeComponent(value);
    }
    return out;
}

} // namespace Encord
