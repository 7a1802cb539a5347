#pragma once

#include <QString>

#include <optional>

namespace Encord {

/// A failed call to an Encord-protocol server, typed the way a caller needs to react to it.
/// The server's own code and message are kept for the log and for the detail line; the UI
/// shows userMessage(), a sentence that says what went wrong and what to do next.
class ApiError
{
public:
    enum class Kind {
        Network,          ///< no connection, refused, dropped, DNS failure
        Timeout,          ///< the server stayed silent for longer than the read timeout
        Cancelled,        ///< the caller aborted the request
        Authentication,   ///< bad or unknown key, bad signature
        Authorisation,    ///< known user without the role the call needs
        NotFound,         ///< no such resource (or not visible to this user)
        InvalidArgument,  ///< the server refused the request's content
        Conflict,         ///< the resource already exists
        RateLimited,      ///< HTTP 429 after retries
        PayloadTooLarge,  ///< HTTP 413 after retries
        MethodNotAllowed, ///< the server does not offer this operation
        ServerFault,      ///< 5xx or an unknown error code
        Protocol,         ///< the answer could not be understood (not JSON, wrong shape)
    };

    ApiError() = default;
    ApiError(Kind kind, QString message);

    Kind kind() const { return m_kind; }
    /// The server's text, or ours when the server gave none.
    const QString &message() const { return m_message; }

    /// v1 error code such as "RESOURCE_NOT_FOUND_ERROR"; empty for v2 and transport errors.
    const QString &serverCode() const { return m_serverCode; }
    void setServerCode(const QString &code) { m_serverCode = code; }

    /// HTTP status of the failing answer, 0 when there was none.
    int httpStatus() const { return m_httpStatus; }
    void setHttpStatus(int status) { m_httpStatus = status; }

    /// Seconds from a Retry-After header, when the server sent one.
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }
    void setRetryAfterSeconds(std::optional<int> seconds) { m_retryAfter = seconds; }

    /// The trace id sent with the request, for support requests.
    const QString &traceId() const { return m_traceId; }
    void setTraceId(const QString &traceId) { m_traceId = traceId; }

    /// One or two sentences for a person: what happened, what to do.
    QString userMessage() const;

    /// Stable lower-case name of a kind, for logs and tests.
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::ServerFault;
    QString m_message;
    QString m_serverCode;
    int m_httpStatus = 0;
    std::optional<int> m_retryAfter;
    QString m_traceId;
};

} // namespace Encord
