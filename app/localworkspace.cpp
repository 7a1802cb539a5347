#include "localworkspace.h"

#include "auth/publickey.h"
#include "localserver.h"
#include "userstore.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcWorkspace, "encord.app.workspace", QtInfoMsg)

namespace Encord {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Encord::LocalWorkspace", text);
}

// Writes @p bytes to @p path atomically with owner-only permissions from the start.
bool writePrivateFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    return file.commit();
}

// The local user's key: read it, or make one on first open.
Result<PrivateKey, QString> loadOrCreateKey(const QString &dir)
{
    const QString keyPath = QDir(dir).filePath(QStringLiteral("user-key"));
    if (QFile::exists(keyPath)) {
        auto key = PrivateKey::fromFile(keyPath);
        if (!key.ok())
            return key.error().message();
        return std::move(key).value();
    }
    const PrivateKey key = PrivateKey::generate();
    const QString comment = QStringLiteral("local-user@encord-desktop");
    if (key.isNull() || !writePrivateFile(keyPath, key.toOpenSshText(comment)))
        return QCoreApplication::translate("Encord::LocalWorkspace",
                                           "Could not write the workspace key to %1. Check "
                                           "that the folder is writable.")
            .arg(QDir::toNativeSeparators(keyPath));
    QFile publicFile(keyPath + QStringLiteral(".pub"));
    if (publicFile.open(QIODevice::WriteOnly))
        publicFile.write(key.publicKeyOpenSsh(comment) + '\n');
    qCInfo(lcWorkspace) << "created a key for the local user in" << dir;
    return key;
}

} // namespace

LocalWorkspace::~LocalWorkspace() = default;

std::unique_ptr<LocalWorkspace> LocalWorkspace::open(const QString &dir, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = tr("Could not create the workspace folder %1.").arg(QDir::toNativeSeparators(dir));
        return nullptr;
    }
    auto key = loadOrCreateKey(dir);
    if (!key.ok()) {
        *error = key.error();
        return nullptr;
    }

    std::unique_ptr<LocalWorkspace> workspace(new LocalWorkspace);
    workspace->m_dir = dir;
    workspace->m_key = std::move(key).value();
    workspace->m_server =
        std::make_unique<Server::LocalServer>(QDir(dir).filePath(QStringLiteral("server")));
    if (!workspace->m_server->start()) {
        *error = tr("Could not start the local workspace server: %1")
                     .arg(workspace->m_server->errorString());
        return nullptr;
    }

    // The first open registers the key; later opens find it. The first user of a workspace
    // administers its organisation.
    Server::UserStore users(workspace->m_server->workspace()->database());
    const QString keyHex = workspace->m_key.publicKeyHex();
    if (const auto user = users.byKeyHex(keyHex)) {
        workspace->m_email = user->email;
    } else {
        workspace->m_email = QStringLiteral("local-user@encord-desktop");
        try {
            users.add(
                workspace->m_email, *PublicKey::fromRaw(workspace->m_key.publicKeyRaw()), true);
        } catch (const std::exception &) {
            *error = tr("Could not register the local user with the workspace in %1.")
                         .arg(QDir::toNativeSeparators(dir));
            return nullptr;
        }
    }
    qCInfo(lcWorkspace) << "local workspace" << dir << "serving on" << workspace->serverUrl();
    return workspace;
}

QUrl LocalWorkspace::serverUrl() const
{
    return QUrl(m_server->baseUrl());
}

EncordClient LocalWorkspace::client() const
{
    return EncordClient(m_key, serverUrl());
}

} // namespace Encord
