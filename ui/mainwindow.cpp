#include "mainwindow.h"

#include "browserpane.h"
#include "helpmenu.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
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
    m_splitter->setSizes({190, 900});
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

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_connectMenu = fileMenu->addMenu(tr("&Connect To"));
    m_connectMenu->setObjectName(QStringLiteral("connectMenu"));
    fileMenu->addAction(profiles);
    fileMenu->addSeparator();
    fileMenu->addAction(quit);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(refresh);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(refresh);

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
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setData(Qt::UserRole, key);
    pane->setObjectName(key + QStringLiteral("Pane"));
    m_stack->addWidget(pane);
    m_panes.append({key, pane});

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
    for (const auto &entry : std::as_const(m_panes))
        entry.second->setClient(client);
    m_connectionLabel->setText(client ? tr("%1 — connected to %2").arg(profileName, where)
                                      : tr("%1 — not connected").arg(profileName));
    setWindowTitle(tr("%1 — Encord Desktop").arg(profileName));
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

} // namespace Encord
