#pragma once

#include <QByteArray>
#include <QString>

namespace Encord::Server {

/// A complete (non-streamed) HTTP answer produced by a route handler.
struct ServerResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    /// Who made the request, once authenticated: for the request log line only.
    QString userEmail;
};

} // namespace Encord::Server
