#pragma once

#include "auth/privatekey.h"
#include "client/encordclient.h"

#include <QString>

#include <memory>

namespace Encord::Server {
class LocalServer;
}

namespace Encord {

/// A local workspace opened by the desktop app: the workspace server running in-process on a
/// free loopback port, and the local user's key registered with it. The first open of a
/// folder creates everything: the folder, an Ed25519 key readable by the user only
/// (user-key, beside the database), and the user record.
///
/// Folder layout: <dir>/user-key (OpenSSH private key, 0600), <dir>/user-key.pub,
/// <dir>/server/ (the server's data: database, blobs, URL secret).
class LocalWorkspace final
{
    Q_DISABLE_COPY_MOVE(LocalWorkspace)

public:
    ~LocalWorkspace();

    /// Opens or creates the workspace in @p dir and starts its server. On failure, nullptr and
    /// a sentence for the user in @p error.
    static std::unique_ptr<LocalWorkspace> open(const QString &dir, QString *error);

    const QString &directory() const { return m_dir; }
    /// "http://127.0.0.1:<port>"
    QUrl serverUrl() const;
    /// A client signed with the local user's key, talking to this workspace's server.
    EncordClient client() const;
    const QString &userEmail() const { return m_email; }

private:
    LocalWorkspace() = default;

    QString m_dir;
    QString m_email;
    PrivateKey m_key;
    std::unique_ptr<Server::LocalServer> m_server;
};

} // namespace Encord
