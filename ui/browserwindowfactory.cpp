#include "browserwindowfactory.h"

#include "cloudintegrationlistmodel.h"
#include "datasetdetails.h"
#include "datasetlistmodel.h"
#include "formlauncher.h"
#include "grouplistmodel.h"
#include "ontologydetails.h"
#include "ontologylistmodel.h"
#include "projectdetails.h"
#include "projectlistmodel.h"
#include "resourcepane.h"
#include "storagepane.h"

#include <QIcon>

namespace Encord {

namespace {

// The desktop theme's icon when it has one, else ours.
QIcon themeIcon(const char *themeName, const char *bundledName)
{
    return QIcon::fromTheme(
        QString::fromLatin1(themeName),
        QIcon(QStringLiteral(":/icons/%1.svg").arg(QString::fromLatin1(bundledName))));
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

    // An empty workspace says how to fill it.
    auto *datasets = qobject_cast<ResourcePane *>(window->pane(QStringLiteral("datasets")));
    datasets->setEmptyState(tr("No datasets yet"),
                            tr("Import a CVAT export to get a dataset, an ontology and a project "
                               "with all the labels in one go, or create an empty dataset."),
                            {window->importCvatAction(), forms->newDatasetAction()});
    auto *projects = qobject_cast<ResourcePane *>(window->pane(QStringLiteral("projects")));
    projects->setEmptyState(tr("No projects yet"),
                            tr("A CVAT export becomes a project with its labels; you can also "
                               "drop an export folder or .zip on this window."),
                            {window->importCvatAction(), forms->newProjectAction()});
    return window;
}

} // namespace Encord
