#include "browserwindowfactory.h"

#include "cloudintegrationlistmodel.h"
#include "datasetdetails.h"
#include "datasetlistmodel.h"
#include "formlauncher.h"
#include "grouplistmodel.h"
#include "ontologydetails.h"
#include "ontologyeditordialog.h"
#include "ontologylistmodel.h"
#include "projectdetails.h"
#include "projectlistmodel.h"
#include "resourcepane.h"
#include "storagepane.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCoreApplication>
#include <QIcon>
#include <QMenu>
#include <QTableView>

namespace Encord {

namespace {

// The desktop theme's icon when it has one, else ours.
QIcon themeIcon(const char *themeName, const char *bundledName)
{
    return QIcon::fromTheme(
        QString::fromLatin1(themeName),
        QIcon(QStringLiteral(":/icons/%1.svg").arg(QString::fromLatin1(bundledName))));
}

// File > New > Ontology..., and the Ontologies pane's New and Open Structure.
void addOntologyActions(MainWindow *window)
{
    // In a free function lupdate files a plain tr("…") under the namespace, not the class the
    // text is looked up in; QT_TRANSLATE_NOOP names the context for it.
    const auto localised = [](const char *text) {
        return QCoreApplication::translate("Encord::BrowserWindowFactory", text);
    };
    auto *pane = qobject_cast<ResourcePane *>(window->pane(QStringLiteral("ontologies")));
    auto *create =
        new QAction(QIcon::fromTheme(QStringLiteral("document-new")),
                    localised(QT_TRANSLATE_NOOP("Encord::BrowserWindowFactory", "New &Ontology…")),
                    window);
    create->setObjectName(QStringLiteral("newOntologyAction"));
    create->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+O")));
    QObject::connect(create, &QAction::triggered, window, [window, pane] {
        if (!window->client())
            return;
        OntologyEditorDialog editor(*window->client(), window);
        if (editor.exec() != QDialog::Accepted)
            return;
        window->showPane(QStringLiteral("ontologies"));
        pane->selectWhenListed(editor.createdOntologyHash());
    });
    auto *open = new QAction(
        localised(QT_TRANSLATE_NOOP("Encord::BrowserWindowFactory", "Open &Structure…")), window);
    open->setObjectName(QStringLiteral("openOntologyAction"));
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    QObject::connect(open, &QAction::triggered, window, [window, pane] {
        const QString hash = pane->currentHash();
        if (!window->client() || hash.isEmpty())
            return;
        OntologyEditorDialog::openExisting(*window->client(), hash, window)->show();
    });
    QObject::connect(pane->view(), &QAbstractItemView::activated, open, &QAction::trigger);
    auto enable = [window, create] {
        create->setEnabled(window->client().has_value());
    };
    QObject::connect(window, &MainWindow::connectionChanged, create, enable);
    enable();
    window->newMenu()->addAction(create);
    pane->addContextAction(create, false);
    pane->addContextAction(open, true);
    pane->addBarAction(create);
    pane->setEmptyState(
        localised(QT_TRANSLATE_NOOP("Encord::BrowserWindowFactory", "No ontologies yet")),
        localised(QT_TRANSLATE_NOOP("Encord::BrowserWindowFactory",
                                    "An ontology says what annotators can label: "
                                    "objects with their shapes, and classifications.")),
        {create});
}

} // namespace

std::unique_ptr<MainWindow> BrowserWindowFactory::create()
{
    auto window = std::make_unique<MainWindow>();
    window->setWindowIcon(QIcon(QStringLiteral(":/icons/encord-desktop.svg")));
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Encord::BrowserWindowFactory", text);
    };
    window->addPane(
        QStringLiteral("datasets"),
        tr("Datasets"),
        themeIcon("folder-pictures", "datasets"),
        new ResourcePane(
            new DatasetListModel, tr("dataset"), tr("datasets"), true, new DatasetDetails));
    window->addPane(
        QStringLiteral("projects"),
        tr("Projects"),
        themeIcon("view-list-details", "projects"),
        new ResourcePane(
            new ProjectListModel, tr("project"), tr("projects"), true, new ProjectDetails));
    window->addPane(
        QStringLiteral("ontologies"),
        tr("Ontologies"),
        themeIcon("view-list-tree", "ontologies"),
        new ResourcePane(
            new OntologyListModel, tr("ontology"), tr("ontologies"), true, new OntologyDetails));
    window->addPane(QStringLiteral("storage"),
                    tr("Storage"),
                    themeIcon("drive-harddisk", "storage"),
                    new StoragePane);
    window->addPane(
        QStringLiteral("integrations"),
        tr("Cloud integrations"),
        themeIcon("network-server", "integrations"),
        new ResourcePane(
            new CloudIntegrationListModel, tr("integration"), tr("integrations"), false));
    window->addPane(QStringLiteral("groups"),
                    tr("Groups"),
                    themeIcon("system-users", "groups"),
                    new ResourcePane(new GroupListModel, tr("group"), tr("groups"), false));
    // The set-up forms: File → New, Tools, the tool bar and the panes' menus.
    auto *forms = new FormLauncher(window.get());
    forms->setOntologyCreator(
        [](const EncordClient &client, QWidget *parent) -> std::optional<QString> {
            OntologyEditorDialog editor(client, parent);
            if (editor.exec() != QDialog::Accepted)
                return std::nullopt;
            return editor.createdOntologyHash();
        });
    addOntologyActions(window.get());

    // An empty workspace says how to fill it.
    auto *datasets = qobject_cast<ResourcePane *>(window->pane(QStringLiteral("datasets")));
    datasets->setEmptyState(tr("No datasets yet"),
                            tr("Import a CVAT export to get a dataset, an ontology and a project "
                               "with all the labels in one go, or create an empty dataset."),
                            {window->importCvatAction(), forms->newDatasetAction()},
                            {tr("Import a CVAT Export…"), tr("Create a Dataset…")});
    auto *projects = qobject_cast<ResourcePane *>(window->pane(QStringLiteral("projects")));
    projects->setEmptyState(tr("No projects yet"),
                            tr("A CVAT export becomes a project with its labels; you can also "
                               "drop an export folder or .zip on this window."),
                            {window->importCvatAction(), forms->newProjectAction()},
                            {tr("Import a CVAT Export…"), tr("Create a Project…")});
    return window;
}

} // namespace Encord
