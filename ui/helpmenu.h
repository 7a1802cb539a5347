#pragma once

#include "aboutinfo.h"

#include <QMenu>
#include <QPointer>

namespace Encord {

/// Help: About Encord Desktop (version, library versions, licence), About Qt, and Open Log
/// Folder, which shows the folder the app writes its log files to in the file manager.
class HelpMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpMenu)

public:
    HelpMenu(AboutInfo about, QString logDirectory, QWidget *parent = nullptr);

    QAction *aboutAction() const { return m_about; }
    QAction *logsAction() const { return m_logs; }

    /// Shows Help → About modelessly and returns it (at most one at a time).
    QDialog *showAbout();
    /// Opens the log folder (creating it if need be) with the desktop's file manager.
    bool openLogFolder() const;

private:
    AboutInfo m_info;
    QString m_logDirectory;
    QAction *m_about;
    QAction *m_logs;
    QPointer<QDialog> m_dialog;
};

} // namespace Encord
