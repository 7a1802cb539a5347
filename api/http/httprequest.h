#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <functional>
#include <utility>

namespace Encord {

/// How a request proves who sent it.
enum class RequestSigning {
    None, ///< signed URLs and other pre-authorised requests
    V1,   ///< Authorization: <key id>:<signature of SHA-256(body)>
    V2,   ///< HTTP message signature headers (Content-Digest, Signature-Input, Signature)
};

/// One HTTP request as the transport sends it. The transport signs it again before every
/// attempt, so a retry after a long back-off still carries a fresh v2 timestamp.
struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    /// Absolute URL. Its query must already be percent-encoded exactly as it is to be sent
    /// (see QueryString), because v2 signatures cover the request target byte for byte.
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// When set, the body is streamed from this file instead (reopened for every attempt);
    /// used for uploads to signed URLs and for API bodies too large to hold, both of which
    /// can be gigabytes.
    QString bodyFilePath;
    /// SHA-256 of the file at bodyFilePath, computed as it was written, for a signed request
    /// whose body is a file: signatures cover the body's digest.
    QByteArray bodyFileSha256;
    /// Called as the body goes out: bytes sent, bytes in all.
    std::function<void(qint64, qint64)> uploadProgress;
    /// Whether a body (possibly empty) is sent with Content-Type: application/json.
    bool hasJsonBody = false;
    /// Idempotent calls may be retried after a read error or a 413/429/500/502/503 answer.
    /// Connection failures are retried for every request, as nothing reached the server.
    bool retryable = true;
    RequestSigning signing = RequestSigning::None;
    /// When true the transport does not log the URL's query (signed URLs carry secrets there).
    bool secretQuery = false;
};

} // namespace Encord
