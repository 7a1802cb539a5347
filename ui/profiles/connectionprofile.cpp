#include "connectionprofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace Encord {

QString ConnectionProfile::defaultWorkspaceDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("local-workspace"));
}

ConnectionProfile ConnectionProfile::defaultLocal()
{
    ConnectionProfile profile;
    profile.name = QCoreApplication::translate("Encord::ConnectionProfile", "Local workspace");
    profile.kind = Kind::LocalWorkspace;
    profile.workspaceDir = defaultWorkspaceDirectory();
    return profile;
}

} // namespace Encord
