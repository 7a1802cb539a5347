// The set-up forms reached from the browser window: File → New, the tool bar, Tools, the
// keyboard shortcuts, the panes' context menus and filter bars, and files dropped onto a
// storage folder; what a form created is then selected in the browser.

#include "apikeysdialog.h"
#include "browserwindowfactory.h"
#include "checkablelist.h"
#include "formlauncher.h"
#include "formtestworkspace.h"
#include "metadataschemadialog.h"
#include "newdatasetdialog.h"
#include "newfolderdialog.h"
#include "newprojectwizard.h"
#include "ontologyeditordialog.h"
#include "ontologyeditorwidget.h"
#include "projectbasicspage.h"
#include "projectdatasetspage.h"
#include "resourcelistmodel.h"
#include "resourcepane.h"
#include "storagefoldertreemodel.h"
#include "storageitemlistmodel.h"
#include "storagepane.h"
#include "uploaddialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDragEnterEvent>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

using namespace Encord;

class TestFormLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void shouldOfferTheFormsInTheMenusAndToolBar();
    void shouldSelectANewDatasetInTheDatasetsPane();
    void shouldStartAProjectWithTheSelectedDatasets();
    void shouldOpenTheCreatedProjectInTheBrowser();
    void shouldOpenApiKeysFromThePanes();
    void shouldUploadFilesDroppedOntoAFolder();
    void shouldCreateAFolderUnderTheSelectedOne();
    void shouldCreateAnOntologyFromTheMenuAndOpenItsStructure();

private:
    ResourcePane *pane(const char *key) const
    {
        return qobject_cast<ResourcePane *>(m_window->pane(QString::fromLatin1(key)));
    }
    // The actions the pane's list offers when right-clicked (on empty space: the pane's own).
    QList<QAction *> contextMenuOf(ResourcePane *pane) const
    {
        QList<QAction *> offered;
        QTimer::singleShot(0, pane, [&offered] {
            if (!QTest::qWaitFor([] { return QApplication::activePopupWidget() != nullptr; }))
                return;
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (menu)
                offered = menu->actions();
            QApplication::activePopupWidget()->close();
        });
        const QPoint emptySpace(5, pane->view()->viewport()->height() - 5);
        Q_EMIT pane->view()->customContextMenuRequested(emptySpace);
        return offered;
    }
    template<typename T>
    T *openForm() const
    {
        T *form = nullptr;
        const auto found = [&] {
            const auto forms = m_window->findChildren<T *>();
            for (T *candidate : forms) {
                if (candidate->isVisible())
                    form = candidate;
            }
            return form != nullptr;
        };
        if (!QTest::qWaitFor(found))
            return nullptr;
        return form;
    }

    std::unique_ptr<Testing::FormTestWorkspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    FormLauncher *m_launcher = nullptr;
};

void TestFormLauncher::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("EncordTest"));
    QApplication::setApplicationName(QStringLiteral("tst_formlauncher"));
    QSettings().clear();
    m_workspace = std::make_unique<Testing::FormTestWorkspace>();
    m_window = BrowserWindowFactory::create();
    m_launcher = m_window->findChild<FormLauncher *>();
    QVERIFY(m_launcher);
    // Without a connection the forms are off.
    QVERIFY(!m_launcher->newProjectAction()->isEnabled());
    m_window->setConnection(m_workspace->admin(), QStringLiteral("Test"), QStringLiteral("here"));
    QVERIFY(m_launcher->newProjectAction()->isEnabled());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestFormLauncher::cleanup()
{
    // Close whatever form a test left open.
    const auto dialogs = m_window->findChildren<QDialog *>();
    for (QDialog *dialog : dialogs)
        dialog->close();
    QTest::qWait(10);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestFormLauncher::shouldOfferTheFormsInTheMenusAndToolBar()
{
    const auto newActions = m_window->newMenu()->actions();
    QVERIFY(newActions.contains(m_launcher->newProjectAction()));
    QVERIFY(newActions.contains(m_launcher->newDatasetAction()));
    QVERIFY(newActions.contains(m_launcher->newFolderAction()));
    QVERIFY(m_window->toolsMenu()->actions().contains(m_launcher->metadataSchemaAction()));
    QVERIFY(m_window->mainToolBar()->actions().contains(m_launcher->newProjectAction()));
    QCOMPARE(m_launcher->newProjectAction()->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(m_launcher->newDatasetAction()->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+Shift+N")));

    // The Projects pane offers the wizard beside its status line and in its menu, and the
    // Datasets pane offers it with the selected datasets.
    const auto paneButtons = pane("projects")->findChildren<QToolButton *>();
    QVERIFY(std::any_of(paneButtons.begin(), paneButtons.end(), [this](QToolButton *button) {
        return button->defaultAction() == m_launcher->newProjectAction();
    }));
    QVERIFY(contextMenuOf(pane("projects")).contains(m_launcher->newProjectAction()));
    QVERIFY(contextMenuOf(pane("datasets")).contains(m_launcher->projectFromDatasetsAction()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // Ctrl+N opens the wizard
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(openForm<NewProjectWizard>());
    cleanup();
    // Ctrl+Shift+N the dataset dialog
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(openForm<NewDatasetDialog>());
    cleanup();
    m_launcher->metadataSchemaAction()->trigger();
    QVERIFY(openForm<MetadataSchemaDialog>());
}

void TestFormLauncher::shouldSelectANewDatasetInTheDatasetsPane()
{
    ResourcePane *datasets = pane("datasets");
    m_launcher->newDatasetAction()->trigger();
    auto *dialog = openForm<NewDatasetDialog>();
    QVERIFY(dialog);
    QSignalSpy created(dialog, &NewDatasetDialog::datasetCreated);
    QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Fresh"));
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QTRY_COMPARE(created.count(), 1);
    QTRY_COMPARE(m_window->currentPaneKey(), QStringLiteral("datasets"));
    QTRY_COMPARE(datasets->currentTitle(), QStringLiteral("Fresh"));
    QCOMPARE(datasets->currentHash(), created.first().first().toString());
}

void TestFormLauncher::shouldStartAProjectWithTheSelectedDatasets()
{
    const EncordClient &client = m_workspace->admin();
    for (const char *title : {"Alpha", "Beta", "Gamma"})
        QVERIFY(QCoro::waitFor(
                    client.createDataset(QString::fromLatin1(title), StorageLocation::CordStorage))
                    .ok());
    ResourcePane *datasets = pane("datasets");
    m_window->showPane(QStringLiteral("datasets"));
    datasets->refresh();
    QTRY_COMPARE(datasets->view()->model()->rowCount(), 4);

    // Select Alpha and Gamma (sorted by title: Alpha, Beta, Fresh, Gamma)
    QAbstractItemModel *rows = datasets->view()->model();
    datasets->view()->selectionModel()->select(
        rows->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    datasets->view()->selectionModel()->select(
        rows->index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QStringList chosen = datasets->selectedHashes();
    QCOMPARE(chosen.size(), 2);

    m_launcher->projectFromDatasetsAction()->trigger();
    auto *wizard = openForm<NewProjectWizard>();
    QVERIFY(wizard);
    QCOMPARE(wizard->datasetsPage()->datasetHashes(), chosen);
}

void TestFormLauncher::shouldOpenTheCreatedProjectInTheBrowser()
{
    ResourcePane *projects = pane("projects");
    m_window->showPane(QStringLiteral("projects"));
    m_launcher->newProjectAction()->trigger();
    auto *wizard = openForm<NewProjectWizard>();
    QVERIFY(wizard);
    QTest::keyClicks(wizard->basicsPage()->titleEdit(), QStringLiteral("Opened"));
    wizard->next();
    QTRY_VERIFY(wizard->datasetsPage()->isLoaded());
    wizard->next();
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(NewProjectWizard::SummaryPage));
    wizard->button(QWizard::CommitButton)->click();
    QTRY_COMPARE(wizard->currentId(), int(NewProjectWizard::DonePage));
    const QString hash = wizard->createdProjectHash();
    m_window->showPane(QStringLiteral("datasets"));
    wizard->button(QWizard::FinishButton)->click();

    QTRY_COMPARE(m_window->currentPaneKey(), QStringLiteral("projects"));
    QTRY_COMPARE(projects->currentHash(), hash);
    QCOMPARE(projects->currentTitle(), QStringLiteral("Opened"));
}

void TestFormLauncher::shouldOpenApiKeysFromThePanes()
{
    ResourcePane *projects = pane("projects");
    m_window->showPane(QStringLiteral("projects"));
    QTRY_VERIFY(!projects->currentHash().isEmpty());
    m_launcher->projectKeysAction()->trigger();
    auto *keys = openForm<ApiKeysDialog>();
    QVERIFY(keys);
    QCOMPARE(keys->scopeBoxes().size(), 6);
    QVERIFY(keys->windowTitle().contains(QStringLiteral("Opened")));
    cleanup();

    ResourcePane *datasets = pane("datasets");
    m_window->showPane(QStringLiteral("datasets"));
    datasets->view()->selectRow(0);
    QVERIFY(!datasets->currentHash().isEmpty());
    m_launcher->datasetKeysAction()->trigger();
    keys = openForm<ApiKeysDialog>();
    QVERIFY(keys);
    QCOMPARE(keys->scopeBoxes().size(), 2);
}

void TestFormLauncher::shouldUploadFilesDroppedOntoAFolder()
{
    const auto folder =
        QCoro::waitFor(m_workspace->admin().createStorageFolder(QStringLiteral("Drop zone")));
    QVERIFY(folder.ok());
    m_window->showPane(QStringLiteral("storage"));
    auto *storage = qobject_cast<StoragePane *>(m_window->pane(QStringLiteral("storage")));
    storage->refresh();
    QTRY_VERIFY(storage->folderModel()->indexForUuid(folder->uuid).isValid());
    const QModelIndex target = storage->folderModel()->indexForUuid(folder->uuid);
    storage->folderView()->setCurrentIndex(target);

    QTemporaryDir files;
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(Qt::red);
    QList<QUrl> urls;
    for (const char *name : {"one.png", "two.png"}) {
        const QString path = files.filePath(QString::fromLatin1(name));
        QVERIFY(image.save(path));
        urls << QUrl::fromLocalFile(path);
    }
    QMimeData mime;
    mime.setUrls(urls);
    QWidget *viewport = storage->folderView()->viewport();
    const QPoint at = storage->folderView()->visualRect(target).center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());

    auto *dialog = openForm<UploadDialog>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->closeButton()->isVisible());
    QCOMPARE(dialog->progress()->value(), dialog->progress()->maximum());
    QTRY_COMPARE(storage->itemModel()->rowCount(), 2);
}

void TestFormLauncher::shouldCreateAFolderUnderTheSelectedOne()
{
    auto *storage = qobject_cast<StoragePane *>(m_window->pane(QStringLiteral("storage")));
    m_window->showPane(QStringLiteral("storage"));
    const QString parent = storage->currentFolderUuid();
    QVERIFY(!parent.isEmpty());
    m_launcher->newFolderAction()->trigger();
    auto *dialog = openForm<NewFolderDialog>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isSchemaLoaded());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Inner"));
    dialog->createButton()->click();
    // The tree lists again, opens the parent and selects the new folder.
    QTRY_COMPARE(storage->currentFolderName(), QStringLiteral("Inner"));
    const QModelIndex inner = storage->folderView()->currentIndex();
    QCOMPARE(inner.parent().data(StorageFolderTreeModel::UuidRole).toString(), parent);
}

void TestFormLauncher::shouldCreateAnOntologyFromTheMenuAndOpenItsStructure()
{
    auto *newOntology = m_window->findChild<QAction *>(QStringLiteral("newOntologyAction"));
    auto *openStructure = m_window->findChild<QAction *>(QStringLiteral("openOntologyAction"));
    QVERIFY(newOntology && openStructure);
    QVERIFY(m_window->newMenu()->actions().contains(newOntology));

    // File > New > Ontology opens the editor, modal; fill it in and create
    OntologyStructure structure;
    OntologyObject sign;
    sign.id = 1;
    sign.name = QStringLiteral("stop sign");
    sign.color = QStringLiteral("#D33115");
    sign.shape = Shape::BoundingBox;
    sign.featureNodeHash = QStringLiteral("5709a1b2");
    structure.objects.append(sign);
    bool drove = false;
    QTimer::singleShot(0, m_window.get(), [&] {
        OntologyEditorDialog *editor = openForm<OntologyEditorDialog>();
        if (!editor || editor->isReadOnly())
            return;
        editor->setTitle(QStringLiteral("Road signs"));
        editor->setStructure(structure);
        if (!editor->canCreate())
            return;
        drove = true;
        editor->create(); // the dialog closes itself once the server has answered
    });
    newOntology->trigger();
    QVERIFY(drove);

    // Then the new ontology is selected in the Ontologies pane
    ResourcePane *ontologies = pane("ontologies");
    QTRY_COMPARE(m_window->currentPaneKey(), QStringLiteral("ontologies"));
    QTRY_COMPARE(ontologies->currentTitle(), QStringLiteral("Road signs"));

    // And Open Structure shows it read-only, as the server has it
    openStructure->trigger();
    OntologyEditorDialog *viewer = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        viewer = openForm<OntologyEditorDialog>();
        return viewer && viewer->isReadOnly() && viewer->title() == QStringLiteral("Road signs");
    }));
    QTRY_COMPARE(viewer->editor()->structure().objects.size(), 1);
    QCOMPARE(viewer->editor()->structure().objects.first().name, QStringLiteral("stop sign"));
}

QTEST_MAIN(TestFormLauncher)
#include "tst_formlauncher.moc"
