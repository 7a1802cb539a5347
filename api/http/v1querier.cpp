#include "v1querier.h"

#include "core/logging.h"
#include "errormapper.h"
#include "httptransport.h"
#include "jsonparser.h"
#include "pythonjson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Encord {

namespace {

QByteArray resourceType(V1Scope scope)
{
    switch (scope) {
    case V1Scope::User:
        return QByteArray(""); // sent, but empty, as the SDK does
    case V1Scope::Dataset:
        return QByteArrayLiteral("dataset");
    case V1Scope::Project:
        return QByteArrayLiteral("project");
    case V1Scope::Ontology:
        return QByteArrayLiteral("ontology");
    }
    return {};
}

// Python truthiness, which is what the SDK's getters test the "response" with.
bool isTruthy(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return false;
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble() != 0.0;
    case QJsonValue::String:
        return !value.toString().isEmpty();
    case QJsonValue::Array:
        return !value.toArray().isEmpty();
    case QJsonValue::Object:
        return !value.toObject().isEmpty();
    }
    return false;
}

std::optional<ApiError> checkSuccess(V1CallKind kind, const QJsonValue &response)
{
    const ApiError notFound(ApiError::Kind::NotFound, QStringLiteral("Resource not found."));
    switch (kind) {
    case V1CallKind::Getter:
        if (!isTruthy(response))
            return notFound;
        break;
    case V1CallKind::GetMultiple:
        if (response.isNull() || response.isUndefined())
            return notFound;
        break;
    case V1CallKind::PostMultiple:
    case V1CallKind::PutMultiple:
        if (!response.isArray())
            return notFound;
        break;
    case V1CallKind::Setter:
        if (response.isNull() || response.isUndefined())
            return ApiError(ApiError::Kind::ServerFault, QStringLiteral("Setting failed."));
        break;
    case V1CallKind::Put:
        if (!isTruthy(response))
            return ApiError(ApiError::Kind::ServerFault, QStringLiteral("Update failed."));
        break;
    case V1CallKind::Delete:
        break;
    }
    return std::nullopt;
}

QCoro::Task<Result<QJsonValue>> callImpl(std::shared_ptr<HttpTransport> transport,
                                         QUrl domain,
                                         V1Call call,
                                         CancelToken token)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    QUrl url = domain;
    url.setPath(domain.path()
                + (call.scope == V1Scope::User ? QStringLiteral("/public/user")
                                               : QStringLiteral("/public")));
    request.url = url;
    request.body = V1Querier::buildBody(call);
    request.hasJsonBody = true;
    request.retryable = V1Querier::isRetryable(call.kind);
    request.signing = RequestSigning::V1;
    request.headers = {
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("ResourceType"), resourceType(call.scope)},
        {QByteArrayLiteral("ResourceID"),
         call.scope == V1Scope::User ? QByteArray("") : call.resourceId.toUtf8()},
    };
    qCDebug(lcEncordApi) << "v1" << call.queryType << V1Querier::queryMethod(call.kind);

    auto sent = co_await HttpTransport::send(transport, std::move(request), token);
    if (!sent.ok())
        co_return sent.error();
    const HttpResponse &response = sent.value();

    auto parsed = co_await JsonParser::parseAsync(response.body);
    if (!parsed.ok() || !parsed.value().isObject()) {
        if (!response.isSuccess())
            co_return ErrorMapper::fromHttpResponse(response);
        co_return ApiError(ApiError::Kind::Protocol,
                           QStringLiteral("the answer is not a v1 JSON envelope"));
    }
    const QJsonObject envelope = parsed.value().toObject();
    if (envelope.value(QLatin1String("status")).toInt() != 200)
        co_return ErrorMapper::fromV1Envelope(envelope, response);

    const QJsonValue result = envelope.value(QLatin1String("response"));
    if (auto failure = checkSuccess(call.kind, result)) {
        failure->setTraceId(response.traceId);
        co_return *failure;
    }
    co_return result;
}

} // namespace

V1Querier::V1Querier(std::shared_ptr<HttpTransport> transport, QUrl domain)
    : m_transport(std::move(transport))
    , m_domain(std::move(domain))
{ }

QCoro::Task<Result<QJsonValue>> V1Querier::call(V1Call call, CancelToken token) const
{
    return callImpl(m_transport, m_domain, std::move(call), std::move(token));
}

QByteArray V1Querier::buildBody(const V1Call &call)
{
    return QByteArrayLiteral("{\"query_type\": ") + PythonJson::dumps(call.queryType)
           + QByteArrayLiteral(", \"query_method\": ")
           + PythonJson::dumps(QString::fromLatin1(queryMethod(call.kind)))
           + QByteArrayLiteral(", \"values\": {\"uid\": ") + PythonJson::dumps(call.uid)
           + QByteArrayLiteral(", \"payload\": ") + PythonJson::dumps(call.payload)
           + QByteArrayLiteral("}}");
}

QByteArray V1Querier::queryMethod(V1CallKind kind)
{
    switch (kind) {
    case V1CallKind::Getter:
    case V1CallKind::GetMultiple:
        return QByteArrayLiteral("GET");
    case V1CallKind::PostMultiple:
    case V1CallKind::Setter:
        return QByteArrayLiteral("POST");
    case V1CallKind::PutMultiple:
    case V1CallKind::Put:
        return QByteArrayLiteral("PUT");
    case V1CallKind::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return {};
}

bool V1Querier::isRetryable(V1CallKind kind)
{
    return kind == V1CallKind::Getter || kind == V1CallKind::GetMultiple || kind == V1CallKind::Put;
}

} // namespace Encord
