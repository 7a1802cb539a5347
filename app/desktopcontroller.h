#pragma once

#include "desktopsession.h"
#include "profilestore.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Encord {

class CvatImportWizard;
class MainWindow;

/// Ties the window to the connection: opens the chosen profile, switches profiles from the
/// menu, runs the profiles dialog, asks for passphrases, and tells the user in a sentence
/// when a connection cannot be made.
class DesktopController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopController)

public:
    DesktopController(MainWindow *window, QSettings *settings = nullptr, QObject *parent = nullptr);
    ~DesktopController() override;

    /// Connects with @p profile; on failure the window shows it as not connected and the
    /// reason is in lastError() (and in a message box when interactive).
    bool connectTo(const ConnectionProfile &profile);
    bool connectTo(const QString &profileName);
    const DesktopSession &session() const { return m_session; }
    const QString &lastError() const { return m_lastError; }
    ProfileStore &profiles() { return m_profiles; }

    /// Opens the CVAT import wizard on @p exportPath (empty: the user picks one); nullptr
    /// when not connected. While one is open it is brought forward instead.
    CvatImportWizard *importCvat(const QString &exportPath);

    /// Whether failures and passphrases use dialogs (off in tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }

private:
    void manageProfiles();
    void updateProfileMenu();

    MainWindow *m_window;
    ProfileStore m_profiles;
    DesktopSession m_session;
    QString m_lastError;
    bool m_interactive = true;
    QPointer<CvatImportWizard> m_cvatWizard;
};

} // namespace Encord
