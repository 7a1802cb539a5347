#include "formlauncher.h"

#include "apikeysdialog.h"
#include "detailspanel.h"
#include "folderupload.h"
#include "mainwindow.h"
#include "metadataschemadialog.h"
#include "newdatasetdialog.h"
#include "newfolderdialog.h"
#include "newprojectwizard.h"
#include "resourcelistmodel.h"
#include "resourcepane.h"
#include "storageitemlistmodel.h"
#include "storagepane.h"
#include "uploaddialog.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>
#include <QToolBar>

namespace Encord {

namespace {

// Opens @p dialog window-modal; it deletes itself when closed.
void openModal(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
}

} // namespace

FormLauncher::FormLauncher(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_newProject(
          new QAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("New &Project…"), this))
    , m_newDataset(
          new QAction(QIcon::fromTheme(QStringLiteral("folder-new")), tr("New &Dataset…"), this))
    , m_newFolder(
          new QAction(QIcon::fromTheme(QStringLiteral("folder-new")), tr("New &Folder…"), this))
    , m_upload(new QAction(
          QIcon::fromTheme(QStringLiteral("document-send")), tr("&Upload Files…"), this))
    , m_metadataSchema(new QAction(tr("Client &Metadata Schema…"), this))
    , m_projectFromDatasets(new QAction(tr("New Project with These &Datasets…"), this))
    , m_datasetKeys(new QAction(tr("&API Keys…"), this))
    , m_projectKeys(new QAction(tr("&API Keys…"), this))
{
    setObjectName(QStringLiteral("formLauncher"));
    m_newProject->setObjectName(QStringLiteral("newProjectAction"));
    m_newProject->setShortcut(QKeySequence::New);
    m_newDataset->setObjectName(QStringLiteral("newDatasetAction"));
    m_newDataset->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    m_newFolder->setObjectName(QStringLiteral("newFolderAction"));
    m_newFolder->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+N")));
    m_upload->setObjectName(QStringLiteral("uploadAction"));
    m_upload->setShortcut(QKeySequence(QStringLiteral("Ctrl+U")));
    m_metadataSchema->setObjectName(QStringLiteral("metadataSchemaAction"));
    m_projectFromDatasets->setObjectName(QStringLiteral("projectFromDatasetsAction"));
    m_datasetKeys->setObjectName(QStringLiteral("datasetKeysAction"));
    m_datasetKeys->setShortcut(QKeySequence(QStringLiteral("Ctrl+K")));
    m_projectKeys->setObjectName(QStringLiteral("projectKeysAction"));
    m_projectKeys->setShortcut(QKeySequence(QStringLiteral("Ctrl+K")));

    m_window->newMenu()->addAction(m_newProject);
    m_window->newMenu()->addAction(m_newDataset);
    m_window->newMenu()->addAction(m_newFolder);
    m_window->toolsMenu()->addAction(m_upload);
    m_window->toolsMenu()->addAction(m_metadataSchema);
    m_window->mainToolBar()->addSeparator();
    m_window->mainToolBar()->addAction(m_newProject);
    m_window->mainToolBar()->addAction(m_newDataset);
    // Menu shortcuts reach the window wherever the focus is.
    for (QAction *action : {m_newProject, m_newDataset, m_newFolder, m_upload})
        m_window->addAction(action);

    connect(m_newProject, &QAction::triggered, this, [this] { newProject(); });
    connect(m_newDataset, &QAction::triggered, this, &FormLauncher::newDataset);
    connect(m_newFolder, &QAction::triggered, this, &FormLauncher::newFolder);
    connect(m_upload, &QAction::triggered, this, &FormLauncher::chooseFilesToUpload);
    connect(m_metadataSchema, &QAction::triggered, this, &FormLauncher::editMetadataSchema);
    connect(m_projectFromDatasets, &QAction::triggered, this, [this] {
        newProject(datasetsPane()->selectedHashes());
    });
    connect(m_datasetKeys, &QAction::triggered, this, [this] {
        datasetApiKeys(datasetsPane()->currentHash(), datasetsPane()->currentTitle());
    });
    connect(m_projectKeys, &QAction::triggered, this, [this] {
        projectApiKeys(projectsPane()->currentHash(), projectsPane()->currentTitle());
    });

    if (ResourcePane *datasets = datasetsPane()) {
        datasets->setMultiSelection(true);
        datasets->addBarAction(m_newDataset);
        datasets->addContextAction(m_newDataset, false);
        datasets->addContextAction(m_projectFromDatasets, true);
        datasets->addContextAction(m_datasetKeys, true);
        if (datasets->details())
            datasets->details()->addActionButton(m_datasetKeys);
    }
    if (ResourcePane *projects = projectsPane()) {
        projects->addBarAction(m_newProject);
        projects->addContextAction(m_newProject, false);
        projects->addContextAction(m_projectKeys, true);
        if (projects->details())
            projects->details()->addActionButton(m_projectKeys);
    }
    if (StoragePane *storage = storagePane()) {
        storage->addFolderAction(m_newFolder, false);
        storage->addFolderAction(m_upload, true);
        connect(storage, &StoragePane::filesDropped, this, &FormLauncher::uploadFiles);
    }
    connect(m_window, &MainWindow::connectionChanged, this, &FormLauncher::updateActions);
    updateActions();
}

ResourcePane *FormLauncher::datasetsPane() const
{
    return qobject_cast<ResourcePane *>(m_window->pane(QStringLiteral("datasets")));
}

ResourcePane *FormLauncher::projectsPane() const
{
    return qobject_cast<ResourcePane *>(m_window->pane(QStringLiteral("projects")));
}

StoragePane *FormLauncher::storagePane() const
{
    return qobject_cast<StoragePane *>(m_window->pane(QStringLiteral("storage")));
}

void FormLauncher::updateActions()
{
    const bool connected = m_window->client().has_value();
    for (QAction *action : {m_newProject,
                            m_newDataset,
                            m_newFolder,
                            m_upload,
                            m_metadataSchema,
                            m_projectFromDatasets,
                            m_datasetKeys,
                            m_projectKeys})
        action->setEnabled(connected);
}

void FormLauncher::newProject(const QStringList &datasetHashes)
{
    if (!m_window->client())
        return;
    auto *wizard = new NewProjectWizard(*m_window->client(), datasetHashes, m_window);
    if (m_ontologyCreator) {
        const EncordClient client = *m_window->client();
        wizard->setOntologyCreator([client, creator = m_ontologyCreator](QWidget *parent) {
            return creator(client, parent);
        });
    }
    connect(wizard, &NewProjectWizard::openProjectRequested, this, &FormLauncher::showProject);
    openModal(wizard);
}

void FormLauncher::newDataset()
{
    if (!m_window->client())
        return;
    auto *dialog = new NewDatasetDialog(*m_window->client(), m_window);
    connect(dialog, &NewDatasetDialog::datasetCreated, this, &FormLauncher::showDataset);
    openModal(dialog);
}

void FormLauncher::newFolder()
{
    StoragePane *storage = storagePane();
    if (!m_window->client() || !storage)
        return;
    m_window->showPane(QStringLiteral("storage"));
    const QString parentUuid = storage->currentFolderUuid();
    auto *dialog = new NewFolderDialog(*m_window->client(),
                                       parentUuid.isEmpty() ? std::nullopt
                                                            : std::optional<QString>(parentUuid),
                                       storage->currentFolderName(),
                                       m_window);
    connect(
        dialog, &NewFolderDialog::folderCreated, this, [storage, parentUuid](const QString &uuid) {
            storage->selectFolderWhenListed(uuid, parentUuid);
        });
    openModal(dialog);
}

void FormLauncher::chooseFilesToUpload()
{
    StoragePane *storage = storagePane();
    if (!m_window->client() || !storage)
        return;
    const QString folder = storage->currentFolderUuid();
    if (folder.isEmpty()) {
        m_window->showPane(QStringLiteral("storage"));
        return;
    }
    const QString name = storage->currentFolderName();
    auto *chooser = new QFileDialog(m_window, tr("Upload Files into “%1”").arg(name));
    chooser->setFileMode(QFileDialog::ExistingFiles);
    connect(chooser,
            &QFileDialog::filesSelected,
            this,
            [this, folder, name](const QStringList &paths) { uploadFiles(folder, name, paths); });
    openModal(chooser);
}

void FormLauncher::uploadFiles(const QString &folderUuid,
                               const QString &folderName,
                               const QStringList &paths)
{
    if (!m_window->client() || paths.isEmpty())
        return;
    auto *upload = new FolderUpload(*m_window->client(), folderUuid, paths);
    auto *dialog = new UploadDialog(upload, folderName, m_window);
    upload->setParent(dialog);
    connect(upload, &FolderUpload::finished, this, [this, folderUuid] {
        // The folder's items list shows what arrived.
        StoragePane *storage = storagePane();
        if (storage && storage->itemModel()->folder() == folderUuid)
            storage->itemModel()->refresh();
    });
    openModal(dialog);
    upload->start();
}

void FormLauncher::editMetadataSchema()
{
    if (!m_window->client())
        return;
    openModal(new MetadataSchemaDialog(*m_window->client(), m_window));
}

void FormLauncher::datasetApiKeys(const QString &datasetHash, const QString &title)
{
    if (!m_window->client() || datasetHash.isEmpty())
        return;
    openModal(new ApiKeysDialog(
        *m_window->client(), ApiKeysDialog::Resource::Dataset, datasetHash, title, m_window));
}

void FormLauncher::projectApiKeys(const QString &projectHash, const QString &title)
{
    if (!m_window->client() || projectHash.isEmpty())
        return;
    openModal(new ApiKeysDialog(
        *m_window->client(), ApiKeysDialog::Resource::Project, projectHash, title, m_window));
}

void FormLauncher::showProject(const QString &projectHash)
{
    m_window->showPane(QStringLiteral("projects"));
    if (ResourcePane *projects = projectsPane())
        projects->selectWhenListed(projectHash);
}

void FormLauncher::showDataset(const QString &datasetHash)
{
    m_window->showPane(QStringLiteral("datasets"));
    if (ResourcePane *datasets = datasetsPane())
        datasets->selectWhenListed(datasetHash);
}

} // namespace Encord
