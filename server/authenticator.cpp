#include "authenticator.h"

#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "serverlogging.h"
#include "serverrequest.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUrl>

namespace Encord::Server {

namespace {

using Outcome = Authenticator::Outcome;
using Failure = Authenticator::Failure;

Outcome failed(Failure failure, const QString &message)
{
    return Outcome{std::nullopt, failure, message};
}

bool isLowerHex(QByteArrayView text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

} // namespace

Authenticator::Authenticator(const UserStore &users)
    : m_users(users)
{ }

Outcome Authenticator::verifyV1(const ServerRequest &request) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    const qsizetype colon = authorization.indexOf(':');
    if (authorization.isEmpty() || colon != 64)
        return failed(Failure::Missing, QStringLiteral("Missing or malformed Authorization."));
    const QByteArray keyHex = authorization.left(colon).toLower();
    const QByteArray signatureHex = authorization.mid(colon + 1);
    if (!isLowerHex(keyHex) || signatureHex.size() != 128 || !isLowerHex(signatureHex))
        return failed(Failure::Missing, QStringLiteral("Missing or malformed Authorization."));

    const std::optional<UserRecord> user = m_users.byKeyHex(QString::fromLatin1(keyHex));
    if (!user)
        return failed(Failure::UnknownKey,
                      QStringLiteral("Your used SSH key does not exist. Please add this SSH key "
                                     "to your user profile."));
    const std::optional<PublicKey> key = PublicKey::fromHex(keyHex);
    const QByteArray digest = request.bodySha256();
    if (!key || !key->verify(digest, QByteArray::fromHex(signatureHex)))
        return failed(Failure::BadSignature, QStringLiteral("The request signature is invalid."));
    return Outcome{user, Failure::None, {}};
}

Outcome Authenticator::verifyV2(const ServerRequest &request, qint64 nowSeconds) const
{
    static const QByteArray prefix = QByteArrayLiteral("encord-sig=");
    static const QByteArray covered =
        QByteArrayLiteral(R"sig(("@method" "@request-target" "content-digest");)sig");
    static const QRegularExpression paramPattern(
        QStringLiteral(R"re(^created=(-?\d+);keyid="([0-9a-fA-F]{64})";alg="([^"]*)"$)re"));

    const QByteArray input = request.header("signature-input").trimmed();
    const QByteArray signatureHeader = request.header("signature").trimmed();
    const QByteArray digestHeader = request.header("content-digest").trimmed();
    if (!input.startsWith(prefix) || !signatureHeader.startsWith(QByteArray(prefix + ':'))
        || !signatureHeader.endsWith(':') || digestHeader.isEmpty())
        return failed(Failure::Missing, QStringLiteral("Missing or malformed request signature."));

    const QByteArray params = input.mid(prefix.size());
    if (!params.startsWith(covered))
        return failed(Failure::Missing, QStringLiteral("Unsupported signature components."));
    const QRegularExpressionMatch match =
        paramPattern.match(QString::fromLatin1(params.mid(covered.size())));
    if (!match.hasMatch() || match.captured(3) != QLatin1String("ed25519"))
        return failed(Failure::Missing, QStringLiteral("Unsupported signature parameters."));

    if (digestHeader != RequestSigner::contentDigestOfSha256(request.bodySha256()))
        return failed(Failure::BadSignature, QStringLiteral("Content-Digest does not match."));

    const qint64 created = match.captured(1).toLongLong();
    if (created < nowSeconds - kMaxAgeSeconds || created > nowSeconds + kMaxFutureSeconds)
        return failed(Failure::Expired, QStringLiteral("The request signature has expired."));

    const QString keyHex = match.captured(2).toLower();
    const std::optional<UserRecord> user = m_users.byKeyHex(keyHex);
    if (!user)
        return failed(Failure::UnknownKey, QStringLiteral("Unknown public key."));
    const std::optional<PublicKey> key = PublicKey::fromHex(keyHex.toLatin1());
    const QByteArray signature =
        QByteArray::fromBase64(signatureHeader.mid(prefix.size() + 1).chopped(1));
    if (!key)
        return failed(Failure::UnknownKey, QStringLiteral("Unknown public key."));

    const QByteArray method = request.method;
    const QByteArray decoded = QByteArray::fromPercentEncoding(request.target);
    for (const QByteArray &target : {request.target, decoded}) {
        const QByteArray base =
            RequestSigner::v2SignatureBase(method, target, digestHeader, params);
        if (key->verify(base, signature))
            return Outcome{user, Failure::None, {}};
    }
    return failed(Failure::BadSignature, QStringLiteral("The request signature is invalid."));
}

} // namespace Encord::Server
