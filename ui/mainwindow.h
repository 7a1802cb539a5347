#pragma once

#include "aboutinfo.h"
#include "client/encordclient.h"

#include <QMainWindow>

#include <optional>

class QLabel;
class QMenu;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace Encord {

class BrowserPane;

/// The browser: a navigation list of sections on the left, the selected section's pane on
/// the right, the connection in the status bar. Geometry, splitter and pane state are
/// remembered between runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds a section; @p key names it in saved settings. The window takes ownership.
    void addPane(const QString &key, const QString &title, const QIcon &icon, BrowserPane *pane);
    BrowserPane *pane(const QString &key) const;
    /// Shows the section named @p key.
    void showPane(const QString &key);
    QString currentPaneKey() const;

    /// Switches every pane to @p client; the status bar shows @p profileName and @p where.
    void setConnection(std::optional<EncordClient> client,
                       const QString &profileName,
                       const QString &where);

    /// Restores geometry and view state saved by an earlier run (call after adding panes).
    void restoreWindowState();

    /// Adds the Help menu, last in the menu bar: About (from @p about) and the log folder.
    void addHelpMenu(const AboutInfo &about, const QString &logDirectory);

    /// Fills File → Connect To with @p names, @p current checked.
    void setProfileNames(const QStringList &names, const QString &current);

Q_SIGNALS:
    /// File → Connection Profiles…
    void manageProfilesRequested();
    /// File → Connect To → a profile.
    void connectRequested(const QString &profileName);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void saveWindowState() const;
    void refreshCurrent();

    QSplitter *m_splitter;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    QLabel *m_connectionLabel;
    QMenu *m_connectMenu;
    QList<std::pair<QString, BrowserPane *>> m_panes;
};

} // namespace Encord
