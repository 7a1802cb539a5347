// encord-desktop: parses the command line, opens the connection and shows the browser.

#include "browserwindowfactory.h"
#include "desktopcontroller.h"
#include "mainwindow.h"
#include "profilestore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

using namespace Encord;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Encord"));
    QApplication::setApplicationName(QStringLiteral("encord-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("Encord Desktop"));
    QApplication::setApplicationVersion(QStringLiteral(ENCORD_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse and set up Encord annotation projects."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QApplication::translate("main", "Open the local workspace in DIR."),
        QStringLiteral("DIR"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate("main", "Connect with the saved profile NAME."),
        QStringLiteral("NAME"));
    const QCommandLineOption importOption(
        QStringLiteral("import-cvat"),
        QApplication::translate("main",
                                "Open the CVAT import with the export folder or .zip at PATH."),
        QStringLiteral("PATH"));
    parser.addOption(workspaceOption);
    parser.addOption(profileOption);
    parser.addOption(importOption);
    parser.process(app);

    ProfileStore profiles;
    ConnectionProfile profile = profiles.lastUsed();
    if (parser.isSet(workspaceOption)) {
        // A folder given on the command line is opened as it is, not saved as a profile.
        profile = ConnectionProfile::defaultLocal();
        profile.workspaceDir = parser.value(workspaceOption);
        profile.name = QApplication::translate("main", "Workspace %1")
                           .arg(QDir(profile.workspaceDir).dirName());
    } else if (parser.isSet(profileOption)) {
        const auto saved = profiles.find(parser.value(profileOption));
        if (!saved) {
            QTextStream(stderr) << QApplication::translate("main",
                                                           "There is no saved profile named "
                                                           "\"%1\".\n")
                                       .arg(parser.value(profileOption));
            return 2;
        }
        profile = *saved;
    }

    auto window = BrowserWindowFactory::create();
    DesktopController controller(window.get());
    window->restoreWindowState();
    window->show();
    controller.connectTo(profile);
    if (parser.isSet(importOption))
        controller.importCvat(QFileInfo(parser.value(importOption)).absoluteFilePath());
    const int status = QApplication::exec();
    window.reset();
    return status;
}
