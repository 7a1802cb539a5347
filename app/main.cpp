// encord-desktop: parses the command line, opens the connection and shows the browser.

#include "aboutinformation.h"
#include "browserwindowfactory.h"
#include "desktopcontroller.h"
#include "logfile.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLoggingCategory>
#include <QTextStream>

namespace {

Q_LOGGING_CATEGORY(lcEncordApp, "encord.app", QtInfoMsg)

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Encord"));
    QCoreApplication::setApplicationName(QStringLiteral("encord-desktop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENCORD_VERSION_STRING));
}

void describeCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Browse and set up Encord annotation projects."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("workspace"),
                      QCoreApplication::translate("main", "Open the local workspace in DIR."),
                      QCoreApplication::translate("main", "DIR")});
    parser.addOption({QStringLiteral("profile"),
                      QCoreApplication::translate("main", "Connect with the saved profile NAME."),
                      QCoreApplication::translate("main", "NAME")});
    parser.addOption(
        {QStringLiteral("import-cvat"),
         QCoreApplication::translate("main",
                                     "Open the CVAT import with the export folder or .zip at PATH."),
         QCoreApplication::translate("main", "PATH")});
}

// --help and --version are answered without a display (in a terminal over SSH, say), so
// before the GUI starts.
bool asksOnlyForInformation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "-?" || argument == "--help-all"
            || argument == "--version" || argument == "-v")
            return true;
    }
    return false;
}

} // namespace

using namespace Encord;

int main(int argc, char *argv[])
{
    if (asksOnlyForInformation(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        Translations::install();
        QCommandLineParser parser;
        describeCommandLine(parser);
        parser.process(app); // prints the answer and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    // Ties the windows to com.encord.desktop.desktop (the Wayland app id, the dock's icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("com.encord.desktop"));
    QApplication::setWindowIcon(QIcon::fromTheme(
        QStringLiteral("com.encord.desktop"), QIcon(QStringLiteral(":/icons/encord-desktop.svg"))));
    Translations::install();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Encord Desktop"));

    QCommandLineParser parser;
    describeCommandLine(parser);
    parser.process(app);

    // After the command line: --help and --version leave no log behind.
    LogFile log(LogFile::defaultDirectory());
    log.install();
    qCInfo(lcEncordApp) << "Encord Desktop" << ENCORD_VERSION_STRING << "starting with Qt"
                        << qVersion() << "in locale" << QLocale().name();

    ProfileStore profiles;
    ConnectionProfile profile = profiles.lastUsed();
    const QString workspaceOption = QStringLiteral("workspace");
    const QString profileOption = QStringLiteral("profile");
    const QString importOption = QStringLiteral("import-cvat");
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
    window->addHelpMenu(AboutInformation::collect(), log.directory());
    DesktopController controller(window.get());
    window->restoreWindowState();
    window->show();
    controller.connectTo(profile);
    if (parser.isSet(importOption))
        controller.importCvat(QFileInfo(parser.value(importOption)).absoluteFilePath());
    const int status = QApplication::exec();
    window.reset();
    qCInfo(lcEncordApp) << "Encord Desktop exits with status" << status;
    return status;
}
