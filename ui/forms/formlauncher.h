#pragma once

#include "client/encordclient.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;

namespace Encord {

class MainWindow;
class ResourcePane;
class StoragePane;

/// Puts the set-up forms into the browser window and opens them: the actions in File → New,
/// Tools and the tool bar, the panes' context menus, filter bars and details, and drops of
/// files onto storage folders. Every form works on the window's current connection and, when
/// it created something, shows it in the browser.
///
/// Forms open window-modal and delete themselves when closed; they are children of the window,
/// so tests find them with findChild().
class FormLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormLauncher)

public:
    /// Runs the ontology editor on @p client over @p parent: the new ontology's hash, or
    /// nullopt when the user cancelled.
    using OntologyCreator =
        std::function<std::optional<QString>(const EncordClient &client, QWidget *parent)>;

    /// Installs the actions into @p window, whose panes ("datasets", "projects", "storage")
    /// must already be added. A child of the window.
    explicit FormLauncher(MainWindow *window);

    /// Gives the project wizard's "New ontology…" something to run.
    void setOntologyCreator(OntologyCreator creator) { m_ontologyCreator = std::move(creator); }

    /// Each opens its form, or does nothing without a connection.
    void newProject(const QStringList &datasetHashes = {});
    void newDataset();
    void newFolder();
    void uploadFiles(const QString &folderUuid,
                     const QString &folderName,
                     const QStringList &paths);
    void chooseFilesToUpload();
    void editMetadataSchema();
    void datasetApiKeys(const QString &datasetHash, const QString &title);
    void projectApiKeys(const QString &projectHash, const QString &title);

    /// Shows a project or dataset in the browser, selected.
    void showProject(const QString &projectHash);
    void showDataset(const QString &datasetHash);

    QAction *newProjectAction() const { return m_newProject; }
    QAction *newDatasetAction() const { return m_newDataset; }
    QAction *newFolderAction() const { return m_newFolder; }
    QAction *uploadAction() const { return m_upload; }
    QAction *metadataSchemaAction() const { return m_metadataSchema; }
    QAction *projectFromDatasetsAction() const { return m_projectFromDatasets; }
    QAction *datasetKeysAction() const { return m_datasetKeys; }
    QAction *projectKeysAction() const { return m_projectKeys; }

private:
    ResourcePane *datasetsPane() const;
    ResourcePane *projectsPane() const;
    StoragePane *storagePane() const;
    void updateActions();

    MainWindow *m_window;
    OntologyCreator m_ontologyCreator;
    QAction *m_newProject;
    QAction *m_newDataset;
    QAction *m_newFolder;
    QAction *m_upload;
    QAction *m_metadataSchema;
    QAction *m_projectFromDatasets;
    QAction *m_datasetKeys;
    QAction *m_projectKeys;
};

} // namespace Encord
