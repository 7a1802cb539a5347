#include "requestsigner.h"

#include "http/httprequest.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace Encord {

namespace {

void setHeader(HttpRequest &request, const QByteArray &name, const QByteArray &value)
{
    request.headers.removeIf(
        [&](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
    request.headers.append({name, value});
}

} // namespace

RequestSigner::RequestSigner(PrivateKey key)
    : m_key(std::move(key))
    , m_keyId(m_key.publicKeyHex())
{ }

QByteArray RequestSigner::v1Authorization(const QByteArray &body) const
{
    return v1AuthorizationOfDigest(QCryptographicHash::hash(body, QCryptographicHash::Sha256));
}

QByteArray RequestSigner::v1AuthorizationOfDigest(const QByteArray &bodySha256) const
{
    return m_keyId.toLatin1() + ':' + m_key.sign(bodySha256).toHex();
}

RequestSigner::V2Headers RequestSigner::v2Headers(const QByteArray &method,
                                                  const QByteArray &requestTarget,
                                                  const QByteArray &body,
                                                  qint64 created) const
{
    return v2HeadersOfDigest(
        method, requestTarget, QCryptographicHash::hash(body, QCryptographicHash::Sha256), created);
}

RequestSigner::V2Headers RequestSigner::v2HeadersOfDigest(const QByteArray &method,
                                                          const QByteArray &requestTarget,
                                                          const QByteArray &bodySha256,
                                                          qint64 created) const
{
    V2Headers headers;
    headers.contentDigest = contentDigestOfSha256(bodySha256);
    const QByteArray params = v2SignatureParams(created, m_keyId);
    const QByteArray base = v2SignatureBase(method, requestTarget, headers.contentDigest, params);
    headers.signatureInput = QByteArrayLiteral("encord-sig=") + params;
    headers.signature = QByteArrayLiteral("encord-sig=:") + m_key.sign(base).toBase64() + ':';
    return headers;
}

void RequestSigner::sign(HttpRequest &request) const
{
    if (request.signing == RequestSigning::None)
        return;
    // A file body was hashed as it was written; reading it again here would block the caller.
    const QByteArray digest =
        request.bodyFilePath.isEmpty()
            ? QCryptographicHash::hash(request.body, QCryptographicHash::Sha256)
            : request.bodyFileSha256;
    switch (request.signing) {
    case RequestSigning::None:
        return;
    case RequestSigning::V1:
        setHeader(request, QByteArrayLiteral("Authorization"), v1AuthorizationOfDigest(digest));
        return;
    case RequestSigning::V2: {
        constexpr qint64 kBackdateSeconds = 30;
        const qint64 created = QDateTime::currentSecsSinceEpoch() - kBackdateSeconds;
        const V2Headers headers = v2HeadersOfDigest(
            request.method.toUpper(), requestTarget(request.url), digest, created);
        setHeader(request, QByteArrayLiteral("Content-Digest"), headers.contentDigest);
        setHeader(request, QByteArrayLiteral("Signature-Input"), headers.signatureInput);
        setHeader(request, QByteArrayLiteral("Signature"), headers.signature);
        return;
    }
    }
}

QByteArray RequestSigner::contentDigest(const QByteArray &body)
{
    return contentDigestOfSha256(QCryptographicHash::hash(body, QCryptographicHash::Sha256));
}

QByteArray RequestSigner::contentDigestOfSha256(const QByteArray &bodySha256)
{
    return QByteArrayLiteral("sha-256=:") + bodySha256.toBase64() + ':';
}

QByteArray RequestSigner::v2SignatureParams(qint64 created, const QString &keyId)
{
    return QByteArrayLiteral(R"(("@method" "@request-target" "content-digest");created=)")
           + QByteArray::number(created) + QByteArrayLiteral(";keyid=\"") + keyId.toLatin1()
           + QByteArrayLiteral("\";alg=\"ed25519\"");
}

QByteArray RequestSigner::v2SignatureBase(const QByteArray &method,
                                          const QByteArray &requestTarget,
                                          const QByteArray &contentDigest,
                                          const QByteArray &signatureParams)
{
    return QByteArrayLiteral("\"@method\": ") + method + '\n'
           + QByteArrayLiteral("\"@request-target\": ") + requestTarget + '\n'
           + QByteArrayLiteral("\"content-digest\": ") + contentDigest + '\n'
           + QByteArrayLiteral("\"@signature-params\": ") + signatureParams;
}

QByteArray RequestSigner::requestTarget(const QUrl &url)
{
    // Mirrors QHttpNetworkRequest::uri() for a direct (non-proxy) connection.
    QUrl copy = url;
    QUrl::FormattingOptions format(QUrl::RemoveFragment | QUrl::RemoveUserInfo | QUrl::FullyEncoded
                                   | QUrl::RemoveScheme | QUrl::RemoveAuthority);
    if (copy.path().isEmpty())
        copy.setPath(QStringLiteral("/"));
    else
        format |= QUrl::NormalizePathSegments;
    return copy.toEncoded(format);
}

} // namespace Encord
