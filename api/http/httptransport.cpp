#include "httptransport.h"

#include "core/logging.h"
#include "retrypolicy.h"

#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

#include <algorithm>

namespace Encord {

namespace {

struct ReplyDeleter
{
    void operator()(QNetworkReply *reply) const { reply->deleteLater(); }
};
using ReplyPointer = std::unique_ptr<QNetworkReply, ReplyDeleter>;

// What one attempt produced: an HTTP answer, or a transport failure of some kind.
struct AttemptOutcome
{
    std::optional<HttpResponse> response;
    RetryPolicy::Failure failure = RetryPolicy::Failure::Read;
    ApiError error;
    /// A failure no retry can mend (the file to upload is unreadable).
    bool fatal = false;
};

constexpr qint64 kDecompressionCheckFrom = qint64(1) << 30;
// The most memory reserved up front for an answer from its Content-Length.
constexpr qint64 kReserveAtMost = qint64(256) << 20;

bool isLoopback(const QUrl &url)
{
    const QHostAddress address(url.host());
    return url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
}

bool isConnectFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

QString describeForLog(const HttpRequest &request)
{
    // Never log a signed URL's query string: its signature is a credential.
    QUrl url = request.url;
    if (request.secretQuery && url.hasQuery())
        url.setQuery(QStringLiteral("<redacted>"));
    return QString::fromLatin1(request.method) + QLatin1Char(' ')
           + url.toDisplayString(QUrl::RemoveUserInfo);
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value)
{
    if (value.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const int seconds = value.trimmed().toInt(&isNumber);
    if (isNumber && seconds >= 0)
        return std::chrono::seconds(seconds);
    const QDateTime when =
        QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return std::chrono::milliseconds(
            std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)));
    return std::nullopt;
}

// Sleeps in short slices so that a cancel ends the wait promptly.
QCoro::Task<bool> sleepUnlessCancelled(std::chrono::milliseconds delay,
                                       CancelToken token,
                                       CancelToken shutdown)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < delay.count()) {
        if (token.isCancelled() || shutdown.isCancelled())
            co_return false;
        const auto slice = std::min<qint64>(50, delay.count() - elapsed.elapsed());
        co_await QCoro::sleepFor(std::chrono::milliseconds(std::max<qint64>(slice, 1)));
    }
    co_return !(token.isCancelled() || shutdown.isCancelled());
}

QCoro::Task<AttemptOutcome> attemptOnce(QNetworkAccessManager *network,
                                        HttpRequest request,
                                        RequestsSettings settings,
                                        CancelToken token,
                                        CancelToken shutdown)
{
    QNetworkRequest networkRequest(request.url);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (request.hasJsonBody)
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                                 QByteArrayLiteral("application/json"));
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, HttpTransport::userAgent());
    const bool compress = settings.compression == RequestsSettings::Compression::Always
                          || (settings.compression == RequestsSettings::Compression::Automatic
                              && !isLoopback(request.url));
    if (!compress)
        networkRequest.setRawHeader(QByteArrayLiteral("Accept-Encoding"),
                                    QByteArrayLiteral("identity"));
    // Qt refuses compressed answers that inflate more than 40-fold past 10 MiB, as a defence
    // against decompression bombs; large JSON listings do exactly that. Our servers are
    // trusted, so the check starts only past a size no answer of theirs reaches.
    networkRequest.setDecompressedSafetyCheckThreshold(kDecompressionCheckFrom);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    // HTTP/2 multiplexing would hide per-request connection failures from the retry policy.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // Qt's transfer timeout is a silence timeout, like the SDK's read timeout.
    const auto silence = std::max(settings.readTimeout, settings.connectTimeout);
    networkRequest.setTransferTimeout(int(silence.count()));

    std::unique_ptr<QFile> bodyFile;
    QNetworkReply *sent = nullptr;
    if (!request.bodyFilePath.isEmpty()) {
        bodyFile = std::make_unique<QFile>(request.bodyFilePath);
        if (!bodyFile->open(QIODevice::ReadOnly)) {
            AttemptOutcome outcome;
            outcome.failure = RetryPolicy::Failure::Connect;
            outcome.error = ApiError(ApiError::Kind::InvalidArgument,
                                     QStringLiteral("cannot read %1: %2")
                                         .arg(request.bodyFilePath, bodyFile->errorString()));
            outcome.fatal = true;
            co_return outcome;
        }
        networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, bodyFile->size());
        sent = network->sendCustomRequest(networkRequest, request.method, bodyFile.get());
    } else if (request.hasJsonBody || !request.body.isEmpty()) {
        sent = network->sendCustomRequest(networkRequest, request.method, request.body);
    } else {
        sent = network->sendCustomRequest(networkRequest, request.method);
    }
    ReplyPointer reply(sent);
    if (request.uploadProgress)
        QObject::connect(
            reply.get(), &QNetworkReply::uploadProgress, reply.get(), request.uploadProgress);
    QObject::connect(token.state(), &CancelState::cancelled, reply.get(), &QNetworkReply::abort);
    QObject::connect(shutdown.state(), &CancelState::cancelled, reply.get(), &QNetworkReply::abort);

    // The body is taken as it arrives: one readAll() of a 28 MB listing at the end held the
    // GUI thread for ~20 ms, and draining Qt's buffer as we go keeps one copy, not two.
    QByteArray body;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), [&body, &reply] {
        if (body.isEmpty()) {
            const qint64 declared =
                reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            // A hint only, and a bounded one: the length is the server's word.
            if (declared > 0)
                body.reserve(qsizetype(std::min(declared, kReserveAtMost)));
        }
        body.append(reply->readAll());
    });

    co_await qCoro(reply.get()).waitForFinished();

    AttemptOutcome outcome;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // A 2xx whose body Qt could not decode (a failed decompression) is no answer at all.
    const bool undecodable = reply->error() == QNetworkReply::UnknownContentError
                             && status.toInt() >= 200 && status.toInt() < 300;
    if (status.isValid() && status.toInt() > 0 && !undecodable) {
        HttpResponse response;
        response.status = status.toInt();
        body.append(reply->readAll());
        response.body = std::move(body);
        for (const auto &pair : reply->rawHeaderPairs())
            response.headers.append({pair.first, pair.second});
        outcome.response = std::move(response);
        co_return outcome;
    }

    const auto error = reply->error();
    if (token.isCancelled() || shutdown.isCancelled()) {
        outcome.error = ApiError(ApiError::Kind::Cancelled, {});
    } else if (error == QNetworkReply::OperationCanceledError
               || error == QNetworkReply::TimeoutError) {
        // Nobody cancelled it, so the transfer timeout fired.
        outcome.failure = RetryPolicy::Failure::Read;
        outcome.error = ApiError(ApiError::Kind::Timeout, reply->errorString());
    } else if (isConnectFailure(error)) {
        outcome.failure = RetryPolicy::Failure::Connect;
        outcome.error = ApiError(ApiError::Kind::Network, reply->errorString());
    } else if (undecodable) {
        outcome.failure = RetryPolicy::Failure::Read;
        outcome.error = ApiError(ApiError::Kind::Protocol, reply->errorString());
    } else {
        outcome.failure = RetryPolicy::Failure::Read;
        outcome.error = ApiError(ApiError::Kind::Network, reply->errorString());
    }
    co_return outcome;
}

} // namespace

HttpTransport::HttpTransport(RequestSigner signer, RequestsSettings settings)
    : m_signer(std::move(signer))
    , m_settings(settings)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    m_network->setAutoDeleteReplies(false);
}

HttpTransport::~HttpTransport()
{
    cancelAll();
}

QByteArray HttpTransport::userAgent()
{
    return QByteArrayLiteral("encord-desktop/" ENCORD_VERSION_STRING " qt/") + qVersion();
}

void HttpTransport::cancelAll()
{
    m_shutdown.cancel();
    // Later calls must still work: give them a fresh shutdown token.
    m_shutdown = CancelToken();
}

QCoro::Task<Result<HttpResponse>> HttpTransport::send(std::shared_ptr<HttpTransport> transport,
                                                      HttpRequest request,
                                                      CancelToken token)
{
    const CancelToken shutdown = transport->m_shutdown;
    const RequestsSettings settings = transport->m_settings;
    const QString traceId = QUuid::createUuid().toString(QUuid::Id128);
    request.headers.append({QByteArrayLiteral("X-Cloud-Trace-Context"),
                            traceId.toLatin1() + QByteArrayLiteral("/1;o=1")});

    RetryPolicy policy(settings, request.retryable, request.method);
    for (;;) {
        if (token.isCancelled() || shutdown.isCancelled())
            co_return ApiError(ApiError::Kind::Cancelled, {});

        transport->m_signer.sign(request);
        qCDebug(lcEncordApiHttp).noquote() << describeForLog(request);
        QElapsedTimer timer;
        timer.start();
        AttemptOutcome outcome =
            co_await attemptOnce(transport->m_network.get(), request, settings, token, shutdown);

        std::optional<std::chrono::milliseconds> delay;
        if (outcome.response) {
            HttpResponse &response = *outcome.response;
            response.traceId = traceId;
            qCDebug(lcEncordApiHttp).noquote()
                << describeForLog(request) << "->" << response.status << timer.elapsed() << "ms";
            if (!RetryPolicy::isRetriedStatus(response.status))
                co_return std::move(response);
            std::optional<std::chrono::milliseconds> retryAfter;
            if (RetryPolicy::honoursRetryAfter(response.status))
                retryAfter = parseRetryAfter(response.header("Retry-After"));
            delay = policy.next(RetryPolicy::Failure::Status, retryAfter);
            if (!delay)
                co_return std::move(response); // budget spent: the caller maps the status
        } else {
            if (outcome.error.kind() == ApiError::Kind::Cancelled || outcome.fatal)
                co_return outcome.error;
            outcome.error.setTraceId(traceId);
            qCDebug(lcEncordApiHttp).noquote()
                << describeForLog(request) << "failed:" << outcome.error.message();
            delay = policy.next(outcome.failure);
            if (!delay)
                co_return outcome.error;
        }

        qCDebug(lcEncordApiHttp) << "retry" << policy.retries() << "in" << delay->count() << "ms";
        if (!co_await sleepUnlessCancelled(*delay, token, shutdown))
            co_return ApiError(ApiError::Kind::Cancelled, {});
    }
}

} // namespace Encord
