#pragma once

#include "client/encordclient.h"
#include "connectionprofile.h"
#include "localworkspace.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Encord {

/// The connection the desktop works with: opens a profile (starting the local workspace's
/// server, or loading the key for an Encord deployment) and hands out the client.
class DesktopSession final
{
    Q_DISABLE_COPY_MOVE(DesktopSession)

public:
    /// Asked for a key's passphrase; returns nullopt when the user cancels.
    using PassphrasePrompt = std::function<std::optional<QByteArray>(const QString &why)>;

    DesktopSession() = default;
    ~DesktopSession();

    /// Opens @p profile, closing whatever was open. On failure returns false and a sentence
    /// in errorString(); the previous connection is then gone too.
    bool open(const ConnectionProfile &profile, const PassphrasePrompt &askPassphrase = {});
    void close();

    bool isOpen() const { return m_client.has_value(); }
    const ConnectionProfile &profile() const { return m_profile; }
    std::optional<EncordClient> client() const { return m_client; }
    /// Where the client talks to, for the status bar.
    QString location() const;
    const QString &errorString() const { return m_error; }
    const QStringList &warnings() const { return m_warnings; }

private:
    ConnectionProfile m_profile;
    std::unique_ptr<LocalWorkspace> m_workspace;
    std::optional<EncordClient> m_client;
    QString m_error;
    QStringList m_warnings;
};

} // namespace Encord
