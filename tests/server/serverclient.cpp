#include "serverclient.h"

#include "http/pythonjson.h"

#include <QDateTime>
#include <QJsonArray>

#include <httplib.h>

QJsonValue ServerClient::Reply::json() const
{
    // Wrapped so that bare scalars ("null", a string) parse too.
    const QJsonDocument document = QJsonDocument::fromJson("[" + body + "]");
    return document.array().first();
}

ServerClient::ServerClient(int port, Encord::RequestSigner signer)
    : m_port(port)
    , m_signer(std::move(signer))
{ }

ServerClient::~ServerClient() = default;

QByteArray ServerClient::v1Body(const QString &queryType,
                                const QString &queryMethod,
                                const QJsonValue &uid,
                                const QJsonValue &payload)
{
    // The SDK's key order: query_type, query_method, values{uid, payload}.
    return "{\"query_type\": " + Encord::PythonJson::dumps(queryType)
           + ", \"query_method\": " + Encord::PythonJson::dumps(queryMethod)
           + ", \"values\": {\"uid\": " + Encord::PythonJson::dumps(uid)
           + ", \"payload\": " + Encord::PythonJson::dumps(payload) + "}}";
}

ServerClient::Reply ServerClient::v1(const QString &queryType,
                                     const QString &queryMethod,
                                     const QJsonValue &uid,
                                     const QJsonValue &payload,
                                     const QString &resourceType,
                                     const QString &resourceId) const
{
    const QByteArray body = v1Body(queryType, queryMethod, uid, payload);
    const Headers headers = {{"Content-Type", "application/json"},
                             {"ResourceType", resourceType.toUtf8()},
                             {"ResourceID", resourceId.toUtf8()},
                             {"Authorization", m_signer.v1Authorization(body)}};
    return raw("POST", resourceType.isEmpty() ? "/public/user" : "/public", headers, body);
}

ServerClient::Headers ServerClient::v2Headers(const QByteArray &method,
                                              const QByteArray &target,
                                              const QByteArray &body,
                                              qint64 createdOffset) const
{
    const qint64 created = QDateTime::currentSecsSinceEpoch() + createdOffset;
    const auto signature = m_signer.v2Headers(method, target, body, created);
    Headers headers = {{"Content-Digest", signature.contentDigest},
                       {"Signature-Input", signature.signatureInput},
                       {"Signature", signature.signature}};
    if (!body.isEmpty())
        headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return headers;
}

ServerClient::Reply ServerClient::v2(const QByteArray &method,
                                     const QByteArray &target,
                                     const QByteArray &body,
                                     qint64 createdOffset) const
{
    return raw(method, target, v2Headers(method, target, body, createdOffset), body);
}

ServerClient::Reply ServerClient::raw(const QByteArray &method,
                                      const QByteArray &target,
                                      const Headers &headers,
                                      const QByteArray &body) const
{
    httplib::Client client("127.0.0.1", m_port);
    client.set_read_timeout(30, 0);
    // The target goes on the request line byte for byte, as signed.
    client.set_url_encode(false);
    httplib::Request request;
    request.method = method.toStdString();
    request.path = target.toStdString();
    for (const auto &[name, value] : headers)
        request.headers.emplace(name.toStdString(), value.toStdString());
    request.body = body.toStdString();
    if (!body.isEmpty() && !request.has_header("Content-Type"))
        request.headers.emplace("Content-Type", "application/octet-stream");
    httplib::Response response;
    httplib::Error error = httplib::Error::Success;
    if (!client.send(request, response, error))
        return Reply{-1, QByteArray(httplib::to_string(error).c_str())};
    return Reply{response.status, QByteArray::fromStdString(response.body)};
}
