#pragma once

#include <chrono>

namespace Encord {

/// Transport settings, with the defaults of the SDK's RequestsSettings (spec §1.8 and §6).
struct RequestsSettings
{
    /// Retries of a retryable request after a read error or a retried status.
    int maxRetries = 3;
    /// Retries after a failure to connect, for every request.
    int connectionRetries = 3;
    /// Sleep before retry k (k ≥ 2) is backoffFactor × 2^(k−1) seconds; the first is immediate.
    double backoffFactor = 1.5;
    /// Longest single back-off sleep.
    std::chrono::milliseconds maxBackoff = std::chrono::seconds(120);
    /// All retries of one request together, as urllib3's "total".
    int totalRetries = 10;
    std::chrono::milliseconds connectTimeout = std::chrono::seconds(180);
    /// Longest silence while waiting for or reading an answer.
    std::chrono::milliseconds readTimeout = std::chrono::seconds(180);
    std::chrono::milliseconds writeTimeout = std::chrono::seconds(180);

    /// Long-poll loops: consecutive transport failures tolerated, and the pause between them.
    int longPollFailures = 3;
    std::chrono::milliseconds longPollFailurePause = std::chrono::seconds(10);
    /// How long the server may hold one long-poll request (at most 60 s on Encord).
    int longPollTimeoutSeconds = 60;

    /// Whether to ask servers for compressed (gzip/deflate) answers. Automatic: everywhere
    /// but on this machine, where compressing costs more time than it saves.
    enum class Compression {
        Automatic,
        Always,
        Never
    };
    Compression compression = Compression::Automatic;
};

} // namespace Encord
