#pragma once

#include "core/apierror.h"
#include "httpresponse.h"

#include <QJsonObject>

namespace Encord {

/// Turns failed answers into typed ApiErrors (spec §2.3 for v1, §3.2 for v2).
class ErrorMapper
{
public:
    /// A v1 envelope whose "status" is not 200: {"status", "response": [CODE], "payload"}.
    static ApiError fromV1Envelope(const QJsonObject &envelope, const HttpResponse &response);
    /// A v1 error code such as "SSH_KEY_NOT_FOUND_ERROR".
    static ApiError::Kind kindOfV1Code(const QString &code);
    /// Any non-2xx answer without a usable envelope; reads {"message"} or {"detail"}.
    static ApiError fromHttpResponse(const HttpResponse &response);
    static ApiError::Kind kindOfHttpStatus(int status);
};

} // namespace Encord
