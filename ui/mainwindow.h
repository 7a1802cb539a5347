#pragma once

#include "aboutinfo.h"
#include "client/encordclient.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QMimeData;
class QMenu;
class QListWidget;
class QSplitter;
class QStackedWidget;
class QToolBar;

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

    /// File → Import CVAT Export…; also offered by empty lists.
    QAction *importCvatAction() const { return m_importCvat; }
    /// The export a drop would import: one local folder or .zip file; empty otherwise.
    static QString droppedExport(const QMimeData *data);

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

    /// The current connection; nullopt when not connected.
    const std::optional<EncordClient> &client() const { return m_client; }

    /// Where other parts add their actions: File → New (at its top), Tools, the tool bar.
    QMenu *newMenu() const { return m_newMenu; }
    QMenu *toolsMenu() const { return m_toolsMenu; }
    QToolBar *mainToolBar() const { return m_toolBar; }

Q_SIGNALS:
    /// File → Connection Profiles…
    void manageProfilesRequested();
    /// File → Connect To → a profile.
    void connectRequested(const QString &profileName);
    /// File → Import CVAT Export… (empty @p path: ask for one), or a folder or .zip dropped
    /// on the window.
    void importCvatRequested(const QString &path);
    /// setConnection() switched to another connection (or none).
    void connectionChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    static constexpr int SourceIconRole = Qt::UserRole + 1;

    /// What the status bar says of the connection.
    enum class ConnectionState {
        None,
        Connecting,
        Connected,
        Unreachable,
        KeyRefused,
    };

    QIcon navigationIcon(const QIcon &source) const;
    void saveWindowState() const;
    void refreshCurrent();
    void showConnectionState(ConnectionState state);
    void onPaneRequestFailed(const ApiError &error);

    QSplitter *m_splitter;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    QLabel *m_connectionLabel;
    QMenu *m_connectMenu;
    QAction *m_importCvat;
    QMenu *m_newMenu;
    QMenu *m_toolsMenu;
    QToolBar *m_toolBar;
    std::optional<EncordClient> m_client;
    QString m_profileName;
    QString m_where;
    QList<std::pair<QString, BrowserPane *>> m_panes;
};

} // namespace Encord
