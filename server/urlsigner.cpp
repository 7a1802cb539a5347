#include "urlsigner.h"

#include <QMessageAuthenticationCode>

namespace Encord::Server {

UrlSigner::UrlSigner(QByteArray secret)
    : m_secret(std::move(secret))
{ }

QString UrlSigner::signedPath(const QByteArray &method,
                              const QString &objectKey,
                              qint64 expires) const
{
    const QString prefix =
        method == "PUT" ? QStringLiteral("/blob-upload/") : QStringLiteral("/blob-download/");
    return prefix + objectKey + QStringLiteral("?expires=") + QString::number(expires)
           + QStringLiteral("&sig=") + QString::fromLatin1(signature(method, objectKey, expires));
}

bool UrlSigner::verify(const QByteArray &method,
                       const QString &objectKey,
                       qint64 expires,
                       const QByteArray &signature,
                       qint64 now) const
{
    if (expires < now || !isValidObjectKey(objectKey))
        return false;
    const QByteArray expected = this->signature(method, objectKey, expires);
    if (expected.size() != signature.size())
        return false;
    // Constant-time comparison: the time taken must not tell how many characters matched.
    unsigned char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected.at(i) ^ signature.at(i));
    return difference == 0;
}

bool UrlSigner::isValidObjectKey(const QString &objectKey)
{
    if (objectKey.isEmpty() || objectKey.size() > 512 || objectKey.contains(QLatin1String("..")))
        return false;
    for (const QChar c : objectKey) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                        || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
                        || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('/');
        if (!ok)
            return false;
    }
    return !objectKey.startsWith(QLatin1Char('/'));
}

QByteArray UrlSigner::signature(const QByteArray &method,
                                const QString &objectKey,
                                qint64 expires) const
{
    const QByteArray message =
        method + '\n' + objectKey.toUtf8() + '\n' + QByteArray::number(expires);
    return QMessageAuthenticationCode::hash(message, m_secret, QCryptographicHash::Sha256).toHex();
}

} // namespace Encord::Server
