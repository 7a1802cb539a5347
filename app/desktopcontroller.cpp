#include "desktopcontroller.h"

#include "cvatimportwizard.h"
#include "dicomdeidaction.h"
#include "mainwindow.h"
#include "profilesdialog.h"
#include "resourcepane.h"

#include <QInputDialog>
#include <QMessageBox>

namespace Encord {

DesktopController::DesktopController(MainWindow *window, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_profiles(settings)
{
    connect(
        m_window, &MainWindow::manageProfilesRequested, this, &DesktopController::manageProfiles);
    connect(m_window,
            &MainWindow::connectRequested,
            this,
            qOverload<const QString &>(&DesktopController::connectTo));
    connect(m_window, &MainWindow::importCvatRequested, this, &DesktopController::importCvat);
    addDicomDeidAction(
        m_window->toolsMenu(), [window = m_window] { return window->client(); }, m_window);
    updateProfileMenu();
}

DesktopController::~DesktopController() = default;

CvatImportWizard *DesktopController::importCvat(const QString &exportPath)
{
    const std::optional<EncordClient> client = m_session.client();
    if (!client) {
        if (m_interactive)
            QMessageBox::information(m_window,
                                     tr("Import a CVAT Export"),
                                     tr("Connect to a workspace first: the import creates a "
                                        "project there."));
        return nullptr;
    }
    // One import at a time: a second drop brings the running wizard forward.
    if (m_cvatWizard) {
        m_cvatWizard->raise();
        m_cvatWizard->activateWindow();
        return m_cvatWizard;
    }
    auto *wizard = new CvatImportWizard(*client, exportPath, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::NonModal);
    connect(wizard, &CvatImportWizard::openProjectRequested, this, [this](const QString &hash) {
        m_window->showPane(QStringLiteral("projects"));
        if (auto *projects =
                qobject_cast<ResourcePane *>(m_window->pane(QStringLiteral("projects"))))
            projects->selectWhenListed(hash);
        if (auto *datasets = m_window->pane(QStringLiteral("datasets")))
            datasets->refresh();
    });
    m_cvatWizard = wizard;
    wizard->show();
    return wizard;
}

bool DesktopController::connectTo(const QString &profileName)
{
    const auto profile = m_profiles.find(profileName);
    if (!profile) {
        m_lastError = tr("There is no saved profile named \"%1\".").arg(profileName);
        return false;
    }
    return connectTo(*profile);
}

bool DesktopController::connectTo(const ConnectionProfile &profile)
{
    // The old connection's answers must not reach the views: detach them first.
    m_window->setConnection(std::nullopt, profile.name, {});
    const auto askPassphrase = [this](const QString &why) -> std::optional<QByteArray> {
        if (!m_interactive)
            return std::nullopt;
        bool given = false;
        const QString text = QInputDialog::getText(
            m_window, tr("Key Passphrase"), why, QLineEdit::Password, {}, &given);
        return given ? std::optional<QByteArray>(text.toUtf8()) : std::nullopt;
    };
    if (!m_session.open(profile, askPassphrase)) {
        m_lastError = m_session.errorString();
        if (m_interactive)
            QMessageBox::warning(m_window, tr("Could Not Connect"), m_lastError);
        updateProfileMenu();
        return false;
    }
    m_lastError.clear();
    m_window->setConnection(m_session.client(), profile.name, m_session.location());
    m_profiles.setLastUsed(profile.name);
    updateProfileMenu();
    return true;
}

void DesktopController::manageProfiles()
{
    ProfilesDialog dialog(m_profiles.profiles(), m_session.profile().name, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_profiles.setProfiles(dialog.profiles());
    updateProfileMenu();
    if (const auto chosen = m_profiles.find(dialog.selectedProfile()))
        connectTo(*chosen);
}

void DesktopController::updateProfileMenu()
{
    QStringList names;
    for (const ConnectionProfile &profile : m_profiles.profiles())
        names << profile.name;
    m_window->setProfileNames(names, m_session.isOpen() ? m_session.profile().name : QString());
}

} // namespace Encord
