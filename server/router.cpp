#include "router.h"

#include "authenticator.h"
#include "serverlogging.h"
#include "serverrequest.h"
#include "v1api.h"
#include "v2api.h"
#include "workspace.h"

#include <QDateTime>

#include <exception>

namespace Encord::Server {

namespace {

// Signed URLs point back at the address the client used to reach us.
QString baseUrlOf(const ServerRequest &request)
{
    const QByteArray host = request.header("host");
    return QStringLiteral("http://")
           + QString::fromLatin1(host.isEmpty() ? QByteArrayLiteral("127.0.0.1") : host);
}

} // namespace

Router::Router(Workspace &workspace)
    : m_workspace(workspace)
{ }

ServerResponse Router::handle(const ServerRequest &request) const
{
    const bool v1User = request.path == QLatin1String("/public/user");
    const bool v1 = v1User || request.path == QLatin1String("/public");
    try {
        if (v1)
            return handleV1(request, v1User);
        if (request.path.startsWith(QLatin1String("/v2/public/")))
            return handleV2(request);
        return V2Api::error(404, QStringLiteral("Not found."));
    } catch (const std::exception &e) {
        qCWarning(lcServer) << "internal error on" << request.method << request.path << e.what();
        const QString message = QStringLiteral("Internal server error.");
        return v1 ? V1Api::error(500, QStringLiteral("UNKNOWN_ERROR"), message)
                  : V2Api::error(500, message);
    }
}

ServerResponse Router::handleV1(const ServerRequest &request, bool userScope) const
{
    if (request.method != "POST")
        return V1Api::error(405,
                            QStringLiteral("METHOD_NOT_ALLOWED_ERROR"),
                            QStringLiteral("v1 endpoints accept POST only."));
    const UserStore users(m_workspace.database());
    const Authenticator::Outcome outcome = Authenticator(users).verifyV1(request);
    if (!outcome.user) {
        qCInfo(lcServerAuth) << "v1 authentication failed:" << outcome.message;
        if (outcome.failure == Authenticator::Failure::UnknownKey)
            return V1Api::error(400, QStringLiteral("SSH_KEY_NOT_FOUND_ERROR"), outcome.message);
        return V1Api::error(401, QStringLiteral("AUTHENTICATION_ERROR"), outcome.message);
    }
    ServerResponse response =
        V1Api(m_workspace, *outcome.user, baseUrlOf(request)).handle(request, userScope);
    response.userEmail = outcome.user->email;
    return response;
}

std::optional<ServerResponse> Router::refuseUnsigned(const ServerRequest &request) const
{
    const UserStore users(m_workspace.database());
    const Authenticator::Outcome outcome =
        Authenticator(users).verifyV2(request, QDateTime::currentSecsSinceEpoch());
    if (outcome.user)
        return std::nullopt;
    qCInfo(lcServerAuth) << "v2 authentication failed before the body:" << outcome.message;
    return V2Api::error(401, outcome.message);
}

ServerResponse Router::handleV2(const ServerRequest &request) const
{
    const UserStore users(m_workspace.database());
    const Authenticator::Outcome outcome =
        Authenticator(users).verifyV2(request, QDateTime::currentSecsSinceEpoch());
    if (!outcome.user) {
        qCInfo(lcServerAuth) << "v2 authentication failed:" << outcome.message;
        return V2Api::error(401, outcome.message);
    }
    ServerResponse response = V2Api(m_workspace, *outcome.user, baseUrlOf(request)).handle(request);
    response.userEmail = outcome.user->email;
    return response;
}

} // namespace Encord::Server
