#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Encord::Server {

class Workspace;
struct ServerRequest;
struct UserRecord;

/// The storage part of the v2 API for an authenticated user: folders (tree, search, edit,
/// move, delete, summary), items (get, list, search, bulk, edit), signed upload URLs
/// (storage/folders/{uuid}/upload-signed-urls, presigned-urls) and data upload jobs, which
/// turn finished uploads (or files of a local-folder integration) into storage items.
class V2StorageApi
{
public:
    /// @p baseUrl ("http://host:port") prefixes the signed URLs handed out.
    V2StorageApi(Workspace &workspace, const UserRecord &user, QString baseUrl);

    /// Answers GET/POST/PATCH/DELETE storage/… and GET presigned-urls; @p path is the route
    /// below /v2/public/ split at "/". Throws RequestError.
    QJsonValue route(const ServerRequest &request, const QStringList &path);

private:
    QJsonValue folders(const ServerRequest &request, const QStringList &path);
    QJsonValue items(const ServerRequest &request, const QStringList &path);
    QJsonValue uploads(const ServerRequest &request, const QStringList &path);
    QJsonValue startUploadJob(const ServerRequest &request, const QString &folderUuid);

    Workspace &m_workspace;
    const UserRecord &m_user;
    QString m_baseUrl;
};

} // namespace Encord::Server
