#pragma once

#include "auth/requestsigner.h"
#include "core/canceltoken.h"
#include "core/result.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "requestssettings.h"

#include <QCoroTask>

#include <memory>

class QNetworkAccessManager;

namespace Encord {

/// Sends signed HTTP requests with the SDK's retry policy over one QNetworkAccessManager.
///
/// Held by shared_ptr: every call's coroutine keeps the transport alive until it finishes,
/// so its owner may drop it at any time. cancelAll() (also run by the destructor of the
/// last owner's handle via shutdown()) aborts every reply in flight and every retry sleep.
/// Lives on, and must be used from, the thread that created it.
class HttpTransport final
{
    Q_DISABLE_COPY_MOVE(HttpTransport)

public:
    HttpTransport(RequestSigner signer, RequestsSettings settings);
    ~HttpTransport();

    const RequestSigner &signer() const { return m_signer; }
    const RequestsSettings &settings() const { return m_settings; }
    void setSettings(const RequestsSettings &settings) { m_settings = settings; }

    /// "encord-desktop/<version> qt/<version>", sent as User-Agent.
    static QByteArray userAgent();

    /// Aborts every request in flight; their results are ApiError::Kind::Cancelled.
    void cancelAll();

    /// Sends @p request, retrying as RetryPolicy allows. Any HTTP answer (also 4xx/5xx after
    /// retries) is a successful result: mapping statuses to errors is the protocol layer's
    /// job. Transport failures are Network, Timeout or Cancelled errors.
    static QCoro::Task<Result<HttpResponse>> send(std::shared_ptr<HttpTransport> transport,
                                                  HttpRequest request,
                                                  CancelToken token = {});

private:
    RequestSigner m_signer;
    RequestsSettings m_settings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    CancelToken m_shutdown;
};

} // namespace Encord
