#include "mainwindow.h"

#include "browserpane.h"
#include "helpmenu.h"
#include "paletteicon.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace Encord {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_splitter(new QSplitter(this))
    , m_navigation(new QListWidget(m_splitter))
    , m_stack(new QStackedWidget(m_splitter))
    , m_connectionLabel(new QLabel(this))
{
    setWindowTitle(tr("Encord Desktop"));
    setObjectName(QStringLiteral("mainWindow"));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setUniformItemSizes(true);
    m_navigation->setMinimumWidth(150);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({160, 1040});
    setCentralWidget(m_splitter);

    connect(
        m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    const QIcon refreshIcon = QIcon::fromTheme(QStringLiteral("view-refresh"),
                                               QIcon(QStringLiteral(":/icons/refresh.svg")));
    auto *refresh = new QAction(refreshIcon, tr("&Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    connect(refresh, &QAction::triggered, this, &MainWindow::refreshCurrent);

    auto *quit =
        new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *profiles = new QAction(tr("Connection &Profiles…"), this);
    profiles->setObjectName(QStringLiteral("profilesAction"));
    profiles->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    connect(profiles, &QAction::triggered, this, &MainWindow::manageProfilesRequested);

    m_importCvat = new QAction(
        QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import CVAT Export…"), this);
    m_importCvat->setObjectName(QStringLiteral("importCvatAction"));
    m_importCvat->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    m_importCvat->setStatusTip(tr("Make an Encord project from a CVAT export folder or .zip "
                                  "(you can also drop one on the window)."));
    connect(m_importCvat, &QAction::triggered, this, [this] { Q_EMIT importCvatRequested({}); });
    setAcceptDrops(true);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_newMenu = fileMenu->addMenu(tr("&New"));
    m_newMenu->setObjectName(QStringLiteral("newMenu"));
    fileMenu->addAction(m_importCvat);
    fileMenu->addSeparator();
    m_connectMenu = fileMenu->addMenu(tr("&Connect To"));
    m_connectMenu->setObjectName(QStringLiteral("connectMenu"));
    fileMenu->addAction(profiles);
    fileMenu->addSeparator();
    fileMenu->addAction(quit);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(refresh);

    m_toolsMenu = menuBar()->addMenu(tr("&Tools"));
    m_toolsMenu->setObjectName(QStringLiteral("toolsMenu"));

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(refresh);

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setAccessibleName(tr("Connection"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    resize(1200, 760);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPane(const QString &key,
                         const QString &title,
                         const QIcon &icon,
                         BrowserPane *pane)
{
    auto *item = new QListWidgetItem(navigationIcon(icon), title, m_navigation);
    item->setData(Qt::UserRole, key);
    item->setData(SourceIconRole, icon);
    pane->setObjectName(key + QStringLiteral("Pane"));
    m_stack->addWidget(pane);
    m_panes.append({key, pane});
    connect(pane, &BrowserPane::serverAnswered, this, [this] {
        if (m_client)
            showConnectionState(ConnectionState::Connected);
    });
    connect(pane, &BrowserPane::requestFailed, this, &MainWindow::onPaneRequestFailed);

    // Ctrl+1, Ctrl+2, … jump to the sections in order.
    const int index = int(m_panes.size());
    if (index <= 9) {
        auto *jump = new QAction(this);
        jump->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(index)));
        connect(jump, &QAction::triggered, this, [this, key] { showPane(key); });
        addAction(jump);
    }
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

BrowserPane *MainWindow::pane(const QString &key) const
{
    for (const auto &[paneKey, pane] : m_panes) {
        if (paneKey == key)
            return pane;
    }
    return nullptr;
}

void MainWindow::showPane(const QString &key)
{
    for (int i = 0; i < m_panes.size(); ++i) {
        if (m_panes.at(i).first == key)
            m_navigation->setCurrentRow(i);
    }
}

QString MainWindow::currentPaneKey() const
{
    const int row = m_navigation->currentRow();
    return row >= 0 && row < m_panes.size() ? m_panes.at(row).first : QString();
}

void MainWindow::setConnection(std::optional<EncordClient> client,
                               const QString &profileName,
                               const QString &where)
{
    m_client = client;
    m_profileName = profileName;
    m_where = where;
    // Connecting until a pane's first answer says more; panes drop the old connection's
    // answers, so whatever they report from now on is about this one.
    showConnectionState(client ? ConnectionState::Connecting : ConnectionState::None);
    for (const auto &entry : std::as_const(m_panes))
        entry.second->setClient(client);
    setWindowTitle(tr("%1 — Encord Desktop").arg(profileName));
    Q_EMIT connectionChanged();
}

void MainWindow::showConnectionState(ConnectionState state)
{
    QString text;
    switch (state) {
    case ConnectionState::None:
        text = tr("%1 — not connected").arg(m_profileName);
        break;
    case ConnectionState::Connecting:
        text = tr("%1 — connecting to %2…").arg(m_profileName, m_where);
        break;
    case ConnectionState::Connected:
        text = tr("%1 — connected to %2").arg(m_profileName, m_where);
        break;
    case ConnectionState::Unreachable:
        text = tr("%1 — cannot reach %2").arg(m_profileName, m_where);
        break;
    case ConnectionState::KeyRefused:
        text = tr("%1 — %2 refused the key").arg(m_profileName, m_where);
        break;
    }
    m_connectionLabel->setText(text);
}

void MainWindow::onPaneRequestFailed(const ApiError &error)
{
    if (!m_client)
        return;
    switch (error.kind()) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        showConnectionState(ConnectionState::Unreachable);
        break;
    case ApiError::Kind::Authentication:
        showConnectionState(ConnectionState::KeyRefused);
        break;
    case ApiError::Kind::Cancelled:
        break;
    default:
        // The server answered, if only to refuse this one request.
        showConnectionState(ConnectionState::Connected);
        break;
    }
}

void MainWindow::setProfileNames(const QStringList &names, const QString &current)
{
    m_connectMenu->clear();
    auto *group = new QActionGroup(m_connectMenu);
    for (const QString &name : names) {
        QAction *action = m_connectMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(name == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, name] { Q_EMIT connectRequested(name); });
    }
}

void MainWindow::addHelpMenu(const AboutInfo &about, const QString &logDirectory)
{
    menuBar()->addMenu(new HelpMenu(about, logDirectory, this));
}

void MainWindow::refreshCurrent()
{
    if (auto *current = qobject_cast<BrowserPane *>(m_stack->currentWidget()))
        current->refresh();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    showPane(settings.value(QStringLiteral("mainWindow/section")).toString());
    for (const auto &[key, pane] : std::as_const(m_panes))
        pane->restoreState(QStringLiteral("panes/") + key);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("mainWindow/section"), currentPaneKey());
    for (const auto &[key, pane] : m_panes)
        pane->saveState(QStringLiteral("panes/") + key);
}

QIcon MainWindow::navigationIcon(const QIcon &source) const
{
    // Bundled icons have no theme name; desktop theme icons are left in their own colours.
    return source.name().isEmpty() ? PaletteIcon::make(source, m_navigation->palette()) : source;
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        for (int row = 0; row < m_navigation->count(); ++row) {
            QListWidgetItem *item = m_navigation->item(row);
            item->setIcon(navigationIcon(item->data(SourceIconRole).value<QIcon>()));
        }
    }
    QMainWindow::changeEvent(event);
}

QString MainWindow::droppedExport(const QMimeData *data)
{
    if (!data || !data->hasUrls() || data->urls().size() != 1)
        return {};
    const QUrl url = data->urls().constFirst();
    if (!url.isLocalFile())
        return {};
    const QFileInfo file(url.toLocalFile());
    const bool zip =
        file.isFile() && file.suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) == 0;
    return file.isDir() || zip ? file.absoluteFilePath() : QString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedExport(event->mimeData()).isEmpty() && m_importCvat->isEnabled())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedExport(event->mimeData());
    if (path.isEmpty() || !m_importCvat->isEnabled())
        return;
    event->acceptProposedAction();
    Q_EMIT importCvatRequested(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

} // namespace Encord
