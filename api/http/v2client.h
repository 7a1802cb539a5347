#pragma once

#include "core/canceltoken.h"
#include "core/result.h"
#include "querystring.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Encord {

class HttpTransport;

/// One v2 REST call (spec §3): a path under /v2/public/, a query, an optional JSON body.
struct V2Call
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path;
    QueryString query;
    std::optional<QJsonValue> body;
    /// A JSON body written to a file beforehand (instead of body), with its SHA-256: for
    /// bodies too large to hold in memory.
    QString bodyFile;
    QByteArray bodyFileSha256;
    /// Creations are not retried after they may have reached the server.
    bool retryable = true;
};

/// Speaks the v2 REST protocol: signed requests, camelCase JSON, pages and long polls.
class V2Client
{
public:
    V2Client(std::shared_ptr<HttpTransport> transport, QUrl domain);

    /// The parsed JSON answer; "200 null" and "204" give null.
    QCoro::Task<Result<QJsonValue>> call(V2Call call, CancelToken token = {}) const;
    /// As call(), but the successful answer's body is returned unparsed, for answers large
    /// enough to be decoded piece by piece (JsonArrayScanner).
    QCoro::Task<Result<QByteArray>> callRaw(V2Call call, CancelToken token = {}) const;

    /// Builds the call for one page given the previous page's nextPageToken (empty for the
    /// first page), so that each endpoint keeps its own parameter order.
    using PageCallFactory = std::function<V2Call(const QString &pageToken)>;

    /// One page: {"results": [...], "nextPageToken": …}.
    QCoro::Task<Result<QJsonObject>> page(V2Call call, CancelToken token = {}) const;

    /// Follows nextPageToken until the last page and returns every "results" element.
    QCoro::Task<Result<QJsonArray>> allPages(PageCallFactory makeCall,
                                             CancelToken token = {}) const;

    /// Repeats GET @p path?timeoutSeconds=N while the answer's "status" is "PENDING", up to
    /// @p deadline; tolerates a few consecutive transport failures (spec §3.4). Returns the
    /// first answer whose status is anything else.
    QCoro::Task<Result<QJsonObject>> longPoll(QString path,
                                              std::chrono::seconds deadline,
                                              CancelToken token = {}) const;

    /// The absolute URL of a v2 path, built as the SDK does (no trailing slash).
    QUrl urlFor(const QString &path, const QueryString &query = {}) const;

private:
    std::shared_ptr<HttpTransport> m_transport;
    QUrl m_domain;
};

} // namespace Encord
