#pragma once

#include "requestssettings.h"

#include <QByteArrayView>

#include <chrono>
#include <optional>

namespace Encord {

/// The retry budget of one request, following the SDK's urllib3 policy (spec §6): separate
/// counts for connection failures, read failures and retried statuses under one total, no
/// sleep before the first retry, exponential back-off after, and Retry-After honoured for
/// 413/429/503.
class RetryPolicy
{
public:
    enum class Failure {
        Connect, ///< the request never reached the server
        Read,    ///< sent, then the connection dropped or went silent
        Status,  ///< an answer with a status in retriedStatuses()
    };

    RetryPolicy(const RequestsSettings &settings, bool retryable, QByteArrayView method);

    /// Records a failed attempt. Returns how long to wait before the next attempt, or
    /// nullopt when the budget for this kind of failure is spent.
    std::optional<std::chrono::milliseconds> next(
        Failure failure, std::optional<std::chrono::milliseconds> retryAfter = std::nullopt);

    /// Retries made so far.
    int retries() const { return m_retries; }

    static bool isRetriedStatus(int status);
    static bool honoursRetryAfter(int status);

private:
    RequestsSettings m_settings;
    bool m_methodRetryable;
    int m_connectLeft;
    int m_readLeft;
    int m_statusLeft;
    int m_totalLeft;
    int m_retries = 0;
};

} // namespace Encord
