#include "retrypolicy.h"

#include <QByteArray>

#include <cmath>

namespace Encord {

RetryPolicy::RetryPolicy(const RequestsSettings &settings, bool retryable, QByteArrayView method)
    : m_settings(settings)
    // urllib3 retries reads and statuses only for the methods the SDK allows (GET, POST, PUT);
    // DELETE and PATCH are never retried once sent.
    , m_methodRetryable(method == "GET" || method == "POST" || method == "PUT")
    , m_connectLeft(settings.connectionRetries)
    , m_readLeft(retryable ? settings.maxRetries : 0)
    , m_statusLeft(retryable ? settings.maxRetries : 0)
    , m_totalLeft(settings.totalRetries)
{ }

std::optional<std::chrono::milliseconds> RetryPolicy::next(
    Failure failure, std::optional<std::chrono::milliseconds> retryAfter)
{
    int *left = nullptr;
    switch (failure) {
    case Failure::Connect:
        left = &m_connectLeft;
        break;
    case Failure::Read:
        if (!m_methodRetryable)
            return std::nullopt;
        left = &m_readLeft;
        break;
    case Failure::Status:
        if (!m_methodRetryable)
            return std::nullopt;
        left = &m_statusLeft;
        break;
    }
    if (*left <= 0 || m_totalLeft <= 0)
        return std::nullopt;
    --*left;
    --m_totalLeft;
    ++m_retries;

    if (retryAfter)
        return std::min(*retryAfter, m_settings.maxBackoff);
    if (m_retries <= 1)
        return std::chrono::milliseconds(0);
    const double seconds = m_settings.backoffFactor * std::pow(2.0, m_retries - 1);
    const auto delay = std::chrono::milliseconds(qint64(std::llround(seconds * 1000.0)));
    return std::min(delay, m_settings.maxBackoff);
}

bool RetryPolicy::isRetriedStatus(int status)
{
    return status == 413 || status == 429 || status == 500 || status == 502 || status == 503;
}

bool RetryPolicy::honoursRetryAfter(int status)
{
    return status == 413 || status == 429 || status == 503;
}

} // namespace Encord
