#include "errormapper.h"

#include "jsonparser.h"
#include "retrypolicy.h"

#include <QJsonArray>

namespace Encord {

namespace {

QString payloadText(const QJsonValue &payload)
{
    if (payload.isString())
        return payload.toString();
    if (payload.isObject()) {
        const QJsonObject object = payload.toObject();
        for (const auto key : {QLatin1String("message"), QLatin1String("detail")}) {
            if (object.value(key).isString())
                return object.value(key).toString();
        }
    }
    return {};
}

} // namespace

ApiError::Kind ErrorMapper::kindOfV1Code(const QString &code)
{
    using Kind = ApiError::Kind;
    static const QHash<QString, Kind> kinds = {
        {QStringLiteral("AUTHENTICATION_ERROR"), Kind::Authentication},
        {QStringLiteral("SSH_KEY_NOT_FOUND_ERROR"), Kind::Authentication},
        {QStringLiteral("DUPLICATE_SSH_KEY_ERROR"), Kind::Authentication},
        {QStringLiteral("AUTHORISATION_ERROR"), Kind::Authorisation},
        {QStringLiteral("OPERATION_NOT_ALLOWED"), Kind::Authorisation},
        {QStringLiteral("RESOURCE_NOT_FOUND_ERROR"), Kind::NotFound},
        {QStringLiteral("METHOD_NOT_ALLOWED_ERROR"), Kind::MethodNotAllowed},
        {QStringLiteral("INVALID_ARGUMENTS_ERROR"), Kind::InvalidArgument},
        {QStringLiteral("INVALID_DATE_FORMAT_ERROR"), Kind::InvalidArgument},
        {QStringLiteral("FILE_TYPE_NOT_SUPPORTED_ERROR"), Kind::InvalidArgument},
        {QStringLiteral("FILE_SIZE_NOT_SUPPORTED_ERROR"), Kind::InvalidArgument},
        {QStringLiteral("UPLOAD_OPERATION_NOT_SUPPORTED_ERROR"), Kind::InvalidArgument},
        {QStringLiteral("WRONG_PROJECT_TYPE_ERROR"), Kind::InvalidArgument},
        {QStringLiteral("MULTI_LABEL_LIMIT_ERROR"), Kind::InvalidArgument},
        {QStringLiteral("DETECTION_RANGE_INVALID_ERROR"), Kind::InvalidArgument},
        {QStringLiteral("RESOURCE_EXISTS_ERROR"), Kind::Conflict},
    };
    return kinds.value(code, Kind::ServerFault);
}

ApiError ErrorMapper::fromV1Envelope(const QJsonObject &envelope, const HttpResponse &response)
{
    const QJsonValue codeValue = envelope.value(QLatin1String("response"));
    QString code;
    if (codeValue.isArray() && codeValue.toArray().size() == 1)
        code = codeValue.toArray().first().toString();
    else if (codeValue.isString())
        code = codeValue.toString();

    QString message = payloadText(envelope.value(QLatin1String("payload")));
    ApiError::Kind kind = code.isEmpty() ? kindOfHttpStatus(response.status) : kindOfV1Code(code);
    if (message.isEmpty() && !code.isEmpty() && kind == ApiError::Kind::ServerFault)
        message = code;
    ApiError error(kind, message);
    error.setServerCode(code);
    error.setHttpStatus(response.status);
    error.setTraceId(response.traceId);
    return error;
}

ApiError::Kind ErrorMapper::kindOfHttpStatus(int status)
{
    using Kind = ApiError::Kind;
    switch (status) {
    case 400:
    case 422:
        return Kind::InvalidArgument;
    case 401:
        return Kind::Authentication;
    case 403:
        return Kind::Authorisation;
    case 404:
        return Kind::NotFound;
    case 405:
        return Kind::MethodNotAllowed;
    case 409:
        return Kind::Conflict;
    case 413:
        return Kind::PayloadTooLarge;
    case 429:
        return Kind::RateLimited;
    default:
        return Kind::ServerFault;
    }
}

ApiError ErrorMapper::fromHttpResponse(const HttpResponse &response)
{
    QString message;
    if (const auto parsed = JsonParser::parse(response.body); parsed.ok())
        message = payloadText(parsed.value());
    ApiError error(kindOfHttpStatus(response.status), message);
    error.setHttpStatus(response.status);
    error.setTraceId(response.traceId);
    if (RetryPolicy::honoursRetryAfter(response.status)) {
        bool isNumber = false;
        const int seconds = response.header("Retry-After").trimmed().toInt(&isNumber);
        if (isNumber)
            error.setRetryAfterSeconds(seconds);
    }
    return error;
}

} // namespace Encord
