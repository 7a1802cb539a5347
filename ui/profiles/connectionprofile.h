#pragma once

#include <QString>
#include <QUrl>

namespace Encord {

/// Where the desktop connects and with which key. Passphrases are never part of a profile:
/// they are asked for when a key needs one.
struct ConnectionProfile
{
    enum class Kind {
        LocalWorkspace, ///< the embedded server on a folder of this computer
        Encord,         ///< an Encord deployment (cloud or a custom URL)
    };
    enum class KeySource {
        File,        ///< keyFile
        Environment, ///< ENCORD_SSH_KEY_FILE, else ENCORD_SSH_KEY
    };

    QString name;
    Kind kind = Kind::LocalWorkspace;
    QString workspaceDir;
    QUrl domain;
    KeySource keySource = KeySource::File;
    QString keyFile;

    /// "Local workspace" on the platform's default folder.
    static ConnectionProfile defaultLocal();
    /// The platform's place for the local workspace (the application data folder).
    static QString defaultWorkspaceDirectory();

    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace Encord
