#pragma once

#include "serverresponse.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord::Server {

class Workspace;
struct ServerRequest;
struct UserRecord;

/// The REST style API under /v2/public/ for an authenticated user. Answers are camelCase
/// JSON; "no result" is 200 with body null; errors are {"message", "detail"} with the HTTP
/// status the SDK maps (400 invalid, 403 forbidden, 404 missing or invisible, 405 method).
class V2Api
{
public:
    /// @p baseUrl ("http://host:port") prefixes the signed URLs handed out.
    V2Api(Workspace &workspace, const UserRecord &user, QString baseUrl);

    ServerResponse handle(const ServerRequest &request);

    /// A JSON answer.
    static ServerResponse json(const QJsonValue &value, int status = 200);
    /// An error answer.
    static ServerResponse error(int status, const QString &message);

private:
    ServerResponse listDatasets(const ServerRequest &request);
    QJsonValue route(const ServerRequest &request, const QStringList &path);
    QJsonValue projects(const ServerRequest &request, const QStringList &path);
    QJsonValue cvatImport(const ServerRequest &request, const QStringList &path);
    QJsonValue ontologies(const ServerRequest &request, const QStringList &path);
    QJsonValue datasets(const ServerRequest &request, const QStringList &path);
    QJsonValue organisation(const ServerRequest &request, const QStringList &path);
    QJsonValue dicomDeidentification(const ServerRequest &request, const QStringList &path);

    Workspace &m_workspace;
    const UserRecord &m_user;
    QString m_baseUrl;
};

} // namespace Encord::Server
