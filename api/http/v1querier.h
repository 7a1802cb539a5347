#pragma once

#include "core/canceltoken.h"
#include "core/result.h"

#include <QCoroTask>
#include <QJsonValue>
#include <QUrl>

#include <memory>

namespace Encord {

class HttpTransport;

/// Which v1 endpoint and resource headers a call uses (spec §2.1).
enum class V1Scope {
    User,     ///< POST /public/user, empty ResourceType/ResourceID
    Dataset,  ///< POST /public, ResourceType: dataset
    Project,  ///< POST /public, ResourceType: project
    Ontology, ///< POST /public, ResourceType: ontology
};

/// The SDK Querier method a call mirrors; it fixes the logical verb, whether the call is
/// retried, and what counts as success (spec §2.2).
enum class V1CallKind {
    Getter,
    GetMultiple,
    PostMultiple,
    PutMultiple,
    Setter,
    Put,
    Delete
};

/// One v1 JSON-RPC call.
struct V1Call
{
    V1Scope scope = V1Scope::User;
    QString resourceId;
    QString queryType;
    V1CallKind kind = V1CallKind::Getter;
    QJsonValue uid = QJsonValue(QJsonValue::Null);
    QJsonValue payload = QJsonValue(QJsonValue::Null);
};

/// Speaks the single-URL v1 protocol: envelope in, envelope out, errors typed.
class V1Querier
{
public:
    V1Querier(std::shared_ptr<HttpTransport> transport, QUrl domain);

    /// Sends @p call and returns the envelope's "response" member.
    QCoro::Task<Result<QJsonValue>> call(V1Call call, CancelToken token = {}) const;

    /// {"query_type": …, "query_method": …, "values": {"uid": …, "payload": …}}, in the
    /// SDK's key order.
    static QByteArray buildBody(const V1Call &call);
    static QByteArray queryMethod(V1CallKind kind);
    static bool isRetryable(V1CallKind kind);

private:
    std::shared_ptr<HttpTransport> m_transport;
    QUrl m_domain;
};

} // namespace Encord
