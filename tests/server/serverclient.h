#pragma once

#include "auth/requestsigner.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>
#include <utility>

/// A synchronous HTTP client for the server tests, sending requests signed exactly as the SDK
/// signs them (or deliberately not). Wraps httplib::Client so that only its .cpp includes it.
class ServerClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;

        QJsonValue json() const;
        /// v1: the "response" member of the envelope.
        QJsonValue response() const { return json().toObject().value(QLatin1String("response")); }
        /// v1: the error code of an error envelope (first element of "response").
        QString v1Code() const { return response().toArray().first().toString(); }
        /// v2: the "message" of an error.
        QString message() const
        {
            return json().toObject().value(QLatin1String("message")).toString();
        }
    };
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    ServerClient(int port, Encord::RequestSigner signer);
    ~ServerClient();

    /// A v1 call: the SDK's envelope and headers, signed over the exact body bytes.
    Reply v1(const QString &queryType,
             const QString &queryMethod,
             const QJsonValue &uid,
             const QJsonValue &payload,
             const QString &resourceType = {},
             const QString &resourceId = {}) const;
    /// The v1 body the SDK would send.
    static QByteArray v1Body(const QString &queryType,
                             const QString &queryMethod,
                             const QJsonValue &uid,
                             const QJsonValue &payload);

    /// A v2 call, signed with created = now + @p createdOffset (the SDK uses −30).
    Reply v2(const QByteArray &method,
             const QByteArray &target,
             const QByteArray &body = {},
             qint64 createdOffset = -30) const;
    /// The v2 signature headers for a request.
    Headers v2Headers(const QByteArray &method,
                      const QByteArray &target,
                      const QByteArray &body,
                      qint64 createdOffset = -30) const;

    /// Anything, with exactly @p headers (no signing).
    Reply raw(const QByteArray &method,
              const QByteArray &target,
              const Headers &headers,
              const QByteArray &body = {}) const;

    const Encord::RequestSigner &signer() const { return m_signer; }

private:
    int m_port;
    Encord::RequestSigner m_signer;
};
