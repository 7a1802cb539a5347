#include "v2client.h"

#include "errormapper.h"
#include "httptransport.h"
#include "jsonparser.h"
#include "pythonjson.h"

#include <QCoroTimer>
#include <QElapsedTimer>

namespace Encord {

namespace {

// A successful answer; any failure as an ApiError.
QCoro::Task<Result<HttpResponse>> send(std::shared_ptr<HttpTransport> transport,
                                       HttpRequest request,
                                       CancelToken token)
{
    auto sent = co_await HttpTransport::send(transport, std::move(request), token);
    if (!sent.ok())
        co_return sent.error();
    if (!sent.value().isSuccess())
        co_return ErrorMapper::fromHttpResponse(sent.value());
    co_return std::move(sent).value();
}

QCoro::Task<Result<QJsonValue>> callImpl(std::shared_ptr<HttpTransport> transport,
                                         HttpRequest request,
                                         CancelToken token)
{
    auto sent = co_await send(std::move(transport), std::move(request), std::move(token));
    if (!sent.ok())
        co_return sent.error();
    auto parsed = co_await JsonParser::parseAsync(sent.value().body);
    if (!parsed.ok()) {
        ApiError error = parsed.error();
        error.setTraceId(sent.value().traceId);
        co_return error;
    }
    co_return parsed.value();
}

QCoro::Task<Result<QByteArray>> callRawImpl(std::shared_ptr<HttpTransport> transport,
                                            HttpRequest request,
                                            CancelToken token)
{
    auto sent = co_await send(std::move(transport), std::move(request), std::move(token));
    if (!sent.ok())
        co_return sent.error();
    co_return std::move(sent).value().body;
}

HttpRequest buildRequest(const QUrl &url, const V2Call &call)
{
    HttpRequest request;
    request.method = call.method;
    request.url = url;
    request.retryable = call.retryable;
    request.signing = RequestSigning::V2;
    if (call.body) {
        request.body = PythonJson::dumps(*call.body);
        request.hasJsonBody = true;
    } else if (!call.bodyFile.isEmpty()) {
        request.bodyFilePath = call.bodyFile;
        request.bodyFileSha256 = call.bodyFileSha256;
        request.hasJsonBody = true;
    }
    return request;
}

} // namespace

V2Client::V2Client(std::shared_ptr<HttpTransport> transport, QUrl domain)
    : m_transport(std::move(transport))
    , m_domain(std::move(domain))
{ }

QUrl V2Client::urlFor(const QString &path, const QueryString &query) const
{
    QString relative = path;
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    QString full = QStringLiteral("/v2/public/") + relative;
    while (full.endsWith(QLatin1Char('/')))
        full.chop(1);
    QUrl url = m_domain;
    url.setPath(full);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query.toEncoded()), QUrl::StrictMode);
    return url;
}

QCoro::Task<Result<QJsonValue>> V2Client::call(V2Call call, CancelToken token) const
{
    return callImpl(m_transport, buildRequest(urlFor(call.path, call.query), call), token);
}

QCoro::Task<Result<QByteArray>> V2Client::callRaw(V2Call call, CancelToken token) const
{
    return callRawImpl(m_transport, buildRequest(urlFor(call.path, call.query), call), token);
}

QCoro::Task<Result<QJsonObject>> V2Client::page(V2Call call, CancelToken token) const
{
    // Copies, not `this`: the coroutine may outlive this V2Client.
    const V2Client self = *this;
    auto answer = co_await self.call(std::move(call), token);
    if (!answer.ok())
        co_return answer.error();
    if (!answer.value().isObject())
        co_return ApiError(ApiError::Kind::Protocol, QStringLiteral("expected a page object"));
    co_return answer.value().toObject();
}

QCoro::Task<Result<QJsonArray>> V2Client::allPages(PageCallFactory makeCall,
                                                   CancelToken token) const
{
    const V2Client self = *this;
    QJsonArray results;
    QString pageToken;
    for (;;) {
        auto answer = co_await self.page(makeCall(pageToken), token);
        if (!answer.ok())
            co_return answer.error();
        const QJsonObject page = answer.value();
        for (const QJsonValue &item : page.value(QLatin1String("results")).toArray())
            results.append(item);
        const QString next = page.value(QLatin1String("nextPageToken")).toString();
        if (next.isEmpty() || next == pageToken)
            co_return results;
        pageToken = next;
    }
}

QCoro::Task<Result<QJsonObject>> V2Client::longPoll(QString path,
                                                    std::chrono::seconds deadline,
                                                    CancelToken token) const
{
    const V2Client self = *this;
    const RequestsSettings settings = m_transport->settings();
    QElapsedTimer elapsed;
    elapsed.start();
    int failures = 0;
    for (;;) {
        const qint64 remaining = deadline.count() - elapsed.elapsed() / 1000;
        if (remaining <= 0)
            co_return ApiError(ApiError::Kind::Timeout,
                               QStringLiteral("the job did not finish in time"));
        V2Call poll;
        poll.path = path;
        const int wait = int(std::min<qint64>(remaining, settings.longPollTimeoutSeconds));
        poll.query.add(QStringLiteral("timeoutSeconds"), wait);

        auto answer = co_await self.call(poll, token);
        if (!answer.ok()) {
            const auto kind = answer.error().kind();
            const bool transient = kind == ApiError::Kind::Network
                                   || kind == ApiError::Kind::Timeout
                                   || kind == ApiError::Kind::ServerFault;
            if (!transient || ++failures >= settings.longPollFailures)
                co_return answer.error();
            co_await QCoro::sleepFor(settings.longPollFailurePause);
            if (token.isCancelled())
                co_return ApiError(ApiError::Kind::Cancelled, {});
            continue;
        }
        failures = 0;
        const QJsonObject state = answer.value().toObject();
        if (state.value(QLatin1String("status")).toString() != QLatin1String("PENDING"))
            co_return state;
    }
}

} // namespace Encord
