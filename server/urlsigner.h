#pragma once

#include <QByteArray>
#include <QString>

namespace Encord::Server {

/// Signs and checks the expiring blob URLs the server hands out instead of cloud storage
/// URLs. A signature is HMAC-SHA256 over the HTTP method, the object key and the expiry
/// (Unix seconds), keyed with the workspace secret; a URL is therefore good for one method on
/// one object until it expires, and any change to it is detected.
class UrlSigner
{
public:
    explicit UrlSigner(QByteArray secret);

    /// Path and query, e.g. "/blob-upload/<key>?expires=…&sig=…". @p method is "PUT" for
    /// uploads (path /blob-upload/) and "GET" for downloads (path /blob-download/).
    QString signedPath(const QByteArray &method, const QString &objectKey, qint64 expires) const;
    /// True when @p signature (hex) matches and @p expires is not before @p now (Unix s).
    bool verify(const QByteArray &method,
                const QString &objectKey,
                qint64 expires,
                const QByteArray &signature,
                qint64 now) const;

    /// Object keys are restricted to a URL-safe alphabet so that a key is its own path.
    static bool isValidObjectKey(const QString &objectKey);

private:
    QByteArray signature(const QByteArray &method, const QString &objectKey, qint64 expires) const;

    QByteArray m_secret;
};

} // namespace Encord::Server
