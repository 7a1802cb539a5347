#pragma once

#include "privatekey.h"

#include <QByteArray>
#include <QUrl>

namespace Encord {

struct HttpRequest;

/// Signs requests the way Encord servers verify them (spec §1.4 and §1.5). The static
/// helpers are shared with the local server, which rebuilds the same bytes to verify.
class RequestSigner
{
public:
    explicit RequestSigner(PrivateKey key = {});

    const PrivateKey &key() const { return m_key; }
    QString keyId() const { return m_keyId; }

    /// v1: "<public key hex>:<hex of Ed25519(SHA-256(body))>".
    QByteArray v1Authorization(const QByteArray &body) const;
    /// The same from the body's SHA-256 (raw bytes), for bodies signed without being held.
    QByteArray v1AuthorizationOfDigest(const QByteArray &bodySha256) const;

    /// v2 headers for one request. @p created is a Unix time in seconds.
    struct V2Headers
    {
        QByteArray contentDigest;
        QByteArray signatureInput;
        QByteArray signature;
    };
    V2Headers v2Headers(const QByteArray &method,
                        const QByteArray &requestTarget,
                        const QByteArray &body,
                        qint64 created) const;
    /// The same from the body's SHA-256 (raw bytes).
    V2Headers v2HeadersOfDigest(const QByteArray &method,
                                const QByteArray &requestTarget,
                                const QByteArray &bodySha256,
                                qint64 created) const;

    /// Adds the authentication headers that request.signing asks for, replacing any from an
    /// earlier attempt. v2 requests are dated 30 s in the past, as the SDK does, to survive
    /// clock skew.
    void sign(HttpRequest &request) const;

    /// "sha-256=:<base64 of SHA-256(body)>:"
    static QByteArray contentDigest(const QByteArray &body);
    /// The same from the body's SHA-256 (raw bytes).
    static QByteArray contentDigestOfSha256(const QByteArray &bodySha256);
    /// ("@method" "@request-target" "content-digest");created=…;keyid="…";alg="ed25519"
    static QByteArray v2SignatureParams(qint64 created, const QString &keyId);
    /// The four-line signature base that v2 signatures cover.
    static QByteArray v2SignatureBase(const QByteArray &method,
                                      const QByteArray &requestTarget,
                                      const QByteArray &contentDigest,
                                      const QByteArray &signatureParams);
    /// The request target as Qt's HTTP stack writes it on the request line: path and query,
    /// percent-encoded, without fragment.
    static QByteArray requestTarget(const QUrl &url);

private:
    PrivateKey m_key;
    QString m_keyId;
};

} // namespace Encord
