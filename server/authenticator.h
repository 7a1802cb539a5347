#pragma once

#include "userstore.h"

#include <QString>

#include <optional>

namespace Encord::Server {

struct ServerRequest;

/// Verifies the signature of a v1 (spec §1.4) or v2 (spec §1.5) request and names its user.
/// Stateless apart from the user lookup; one per request.
class Authenticator
{
public:
    enum class Failure {
        None,
        Missing,      ///< no or malformed authentication headers
        UnknownKey,   ///< well-formed, but no user has this key
        BadSignature, ///< wrong digest or signature
        Expired,      ///< v2 "created" outside the accepted window
    };
    struct Outcome
    {
        std::optional<UserRecord> user;
        Failure failure = Failure::None;
        QString message;
    };

    /// Accepted v2 "created" window around the server clock, in seconds.
    static constexpr qint64 kMaxAgeSeconds = 300;
    static constexpr qint64 kMaxFutureSeconds = 60;

    explicit Authenticator(const UserStore &users);

    /// "Authorization: <key hex>:<hex Ed25519(SHA-256(body))>" over the received body bytes.
    Outcome verifyV1(const ServerRequest &request) const;
    /// Signature-Input / Signature / Content-Digest, checked against the raw request target
    /// and, failing that, its percent-decoded form (SDK 0.1.127 signed the latter).
    Outcome verifyV2(const ServerRequest &request, qint64 nowSeconds) const;

private:
    const UserStore &m_users;
};

} // namespace Encord::Server
