#pragma once

#include "serverresponse.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Encord::Server {

class Workspace;
struct ProjectRecord;
struct ServerRequest;
struct UserRecord;

/// The v1 JSON-RPC style endpoints, POST /public (resource scope: ResourceType/ResourceID
/// headers) and POST /public/user (user scope), for an authenticated user. Every answer is the
/// v1 envelope: {"status": 200, "response": …} or {"status": n, "response": [CODE],
/// "payload": message}. Dates are "YYYY-MM-DD HH:MM:SS" UTC.
class V1Api
{
public:
    /// @p baseUrl ("http://host:port") prefixes the signed upload URLs handed out.
    V1Api(Workspace &workspace, const UserRecord &user, QString baseUrl = QString());

    ServerResponse handle(const ServerRequest &request, bool userScope);

    /// The envelope of a successful answer.
    static ServerResponse ok(const QJsonValue &result);
    /// The envelope of an error: HTTP @p status, response [code], payload message.
    static ServerResponse error(int status, const QString &code, const QString &message);

private:
    ServerResponse listDatasets(const QJsonObject &payload);
    QJsonValue userQuery(const QString &type,
                         const QString &method,
                         const QJsonValue &uid,
                         const QJsonValue &payload);
    QJsonValue resourceQuery(const QString &resourceType,
                             const QString &resourceId,
                             const QString &type,
                             const QString &method,
                             const QJsonValue &uid,
                             const QJsonValue &payload);

    QJsonValue projectImporter(const QJsonObject &payload);
    QJsonValue labelRowMetadata(const ProjectRecord &project, const QJsonObject &payload);
    QJsonValue labelRows(const ProjectRecord &project, const QJsonValue &uid);
    QJsonValue signedImageUrls(const QString &datasetHash, const QJsonValue &uid);
    QJsonValue registerImages(const QString &datasetHash, const QJsonValue &payload);

    Workspace &m_workspace;
    const UserRecord &m_user;
    QString m_baseUrl;
};

} // namespace Encord::Server
