#include "helpmenu.h"

#include "aboutdialog.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QUrl>

namespace Encord {

HelpMenu::HelpMenu(AboutInfo about, QString logDirectory, QWidget *parent)
    : QMenu(tr("&Help"), parent)
    , m_info(std::move(about))
    , m_logDirectory(std::move(logDirectory))
    , m_about(new QAction(
          QIcon::fromTheme(QStringLiteral("help-about")), tr("&About Encord Desktop"), this))
    , m_logs(new QAction(
          QIcon::fromTheme(QStringLiteral("folder-open")), tr("Open &Log Folder"), this))
{
    setObjectName(QStringLiteral("helpMenu"));
    m_about->setObjectName(QStringLiteral("aboutAction"));
    m_about->setMenuRole(QAction::AboutRole);
    m_logs->setObjectName(QStringLiteral("logsAction"));
    m_logs->setStatusTip(tr("Show the folder with the log files, to attach them to a report"));

    auto *aboutQt = new QAction(tr("About &Qt"), this);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    connect(m_about, &QAction::triggered, this, [this] { showAbout(); });
    connect(m_logs, &QAction::triggered, this, [this] { openLogFolder(); });
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    addAction(m_logs);
    addSeparator();
    addAction(m_about);
    addAction(aboutQt);
}

QDialog *HelpMenu::showAbout()
{
    if (!m_dialog) {
        m_dialog = new AboutDialog(m_info, parentWidget());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

bool HelpMenu::openLogFolder() const
{
    QDir().mkpath(m_logDirectory);
    return QDesktopServices::openUrl(QUrl::fromLocalFile(m_logDirectory));
}

} // namespace Encord
