// The set-up forms driven as a user would, under the offscreen platform, against a real local
// server over loopback: typing, validation messages beside the fields, Next and Back, the
// server's refusals shown in the form with nothing lost, the created resources checked
// afterwards through EncordClient, and every control of every form and page named for screen
// readers (AccessibilityAudit) in the states the forms pass through.

#include "accessibilityaudit.h"
#include "apikeysdialog.h"
#include "checkablelist.h"
#include "fieldmessage.h"
#include "formtestworkspace.h"
#include "metadataschemadialog.h"
#include "newdatasetdialog.h"
#include "newfolderdialog.h"
#include "newprojectwizard.h"
#include "ontologystructuremodel.h"
#include "projectbasicspage.h"
#include "projectdatasetspage.h"
#include "projectdonepage.h"
#include "projectontologypage.h"
#include "projectsummarypage.h"
#include "projectworkflowpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace Encord;

namespace {

template<typename T>
T waitOk(QCoro::Task<Result<T>> task)
{
    Result<T> result = QCoro::waitFor(std::move(task));
    if (!result.ok())
        qFatal("setup call failed: %s", qPrintable(result.error().message()));
    return std::move(result).value();
}

QString makeDataset(const EncordClient &client, const QString &title)
{
    return waitOk(client.createDataset(title, StorageLocation::CordStorage)).datasetHash;
}

OntologyStructure carStructure()
{
    OntologyStructure structure;
    OntologyObject car;
    car.id = 1;
    car.name = QStringLiteral("car");
    car.color = QStringLiteral("#D33115");
    car.shape = Shape::Polygon;
    car.featureNodeHash = QStringLiteral("c0ffee01");
    structure.objects.append(car);
    return structure;
}

// Rows of a list widget whose text contains @p text.
QListWidgetItem *itemContaining(QListWidget *list, const QString &text)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().contains(text))
            return list->item(row);
    }
    return nullptr;
}

} // namespace

class TestSetupForms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldCreateADatasetFromTheDialog();
    void shouldShowTheServersRefusalOfAStorageLocation();
    void shouldCreateAProjectThroughEveryStepOfTheWizard();
    void shouldKeepTheWizardOpenWhenTheServerRefuses();
    void shouldStopCreatingOnCancelAndKeepTheWizard();
    void shouldCreateADatasetAndAnOntologyFromInsideTheWizard();
    void shouldAskForSourceProjectsOrATemplateId();
    void shouldCreateAndListDatasetApiKeys();
    void shouldCreateProjectApiKeysWithEveryScope();
    void shouldEditAndSaveTheMetadataSchema();
    void shouldRefuseToSaveTheSchemaForANonAdmin();
    void shouldCreateAFolderWithTypedMetadata();
    void shouldCheckDatesPlacesAndVectorsInATopLevelFolder();

private:
    std::unique_ptr<Testing::FormTestWorkspace> m_workspace;
};

void TestSetupForms::init()
{
    m_workspace = std::make_unique<Testing::FormTestWorkspace>();
}

void TestSetupForms::cleanup()
{
    m_workspace.reset();
}

void TestSetupForms::shouldCreateADatasetFromTheDialog()
{
    const EncordClient &client = m_workspace->admin();
    NewDatasetDialog dialog(client);
    QSignalSpy created(&dialog, &NewDatasetDialog::datasetCreated);
    dialog.show();

    // Nothing typed: Create is off, and no message shouts at the user yet.
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(!dialog.titleMessage()->hasMessage());
    QCOMPARE(dialog.storageCombo()->count(), 5); // every StorageLocation of the spec
    ENCORD_VERIFY_CONTROLS_NAMED(&dialog);

    // Typing then erasing the title says why Create is off, beside the field.
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("X"));
    QTest::keyClick(dialog.titleEdit(), Qt::Key_Backspace);
    QCOMPARE(dialog.titleMessage()->message(), QStringLiteral("A dataset needs a title."));
    QVERIFY(dialog.titleMessage()->isVisible());
    QVERIFY(!dialog.createButton()->isEnabled());
    QTest::keyClicks(dialog.titleEdit(), QString(NewDatasetDialog::kMaxTitleLength + 1, u'a'));
    QVERIFY(dialog.titleMessage()->message().contains(QStringLiteral("at most 255")));
    dialog.titleEdit()->clear();

    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Street scenes"));
    QVERIFY(!dialog.titleMessage()->hasMessage());
    QTest::keyClicks(dialog.descriptionEdit(), QStringLiteral("city, daytime"));
    QVERIFY(dialog.createButton()->isEnabled());
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);

    QTRY_COMPARE(created.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QString hash = dialog.createdDatasetHash();
    const auto datasets = waitOk(client.getDatasets());
    QCOMPARE(datasets.size(), 1);
    QCOMPARE(datasets.first().datasetHash, hash);
    QCOMPARE(datasets.first().title, QStringLiteral("Street scenes"));
    QCOMPARE(datasets.first().description, QStringLiteral("city, daytime"));
}

void TestSetupForms::shouldShowTheServersRefusalOfAStorageLocation()
{
    const EncordClient &client = m_workspace->admin();
    NewDatasetDialog dialog(client);
    dialog.show();
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Bucket data"));
    dialog.storageCombo()->setCurrentIndex(
        dialog.storageCombo()->findText(QStringLiteral("AWS S3")));
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);

    // The server's own words appear in the dialog, which stays open with what was typed.
    QTRY_VERIFY(dialog.errorLabel()->isVisible());
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("keeps files only in its own")),
             qPrintable(dialog.errorLabel()->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.titleEdit()->text(), QStringLiteral("Bucket data"));
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(!dialog.progress()->isVisible());
    QVERIFY(waitOk(client.getDatasets()).isEmpty());
    ENCORD_VERIFY_CONTROLS_NAMED(&dialog);

    // Switching to Encord storage and trying again works.
    dialog.storageCombo()->setCurrentIndex(0);
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog.createdDatasetHash().isEmpty());
    QCOMPARE(waitOk(client.getDatasets()).size(), 1);
}

void TestSetupForms::shouldCreateAProjectThroughEveryStepOfTheWizard()
{
    // Given two datasets, an ontology and an earlier project to benchmark against
    const EncordClient &client = m_workspace->admin();
    const QString streets = makeDataset(client, QStringLiteral("Streets"));
    const QString harbour = makeDataset(client, QStringLiteral("Harbour"));
    makeDataset(client, QStringLiteral("Unrelated"));
    const Ontology vehicles = waitOk(client.createOntology(
        QStringLiteral("Vehicles"), QStringLiteral("things"), carStructure()));
    CreateProjectRequest earlier;
    earlier.title = QStringLiteral("Gold labels");
    earlier.datasetHashes = {streets};
    const QString gold = waitOk(client.createProject(earlier));

    // Started with Streets pre-selected (as from the Datasets pane)
    NewProjectWizard wizard(client, {streets});
    QSignalSpy created(&wizard, &NewProjectWizard::projectCreated);
    QSignalSpy open(&wizard, &NewProjectWizard::openProjectRequested);
    wizard.show();
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QAbstractButton *back = wizard.button(QWizard::BackButton);

    // 1. Basics: Next waits for a title
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::BasicsPage));
    QVERIFY(!next->isEnabled());
    QTest::keyClicks(wizard.basicsPage()->titleEdit(), QStringLiteral(" "));
    QCOMPARE(wizard.basicsPage()->titleMessage()->message(),
             QStringLiteral("A project needs a title."));
    QTest::keyClicks(wizard.basicsPage()->titleEdit(), QStringLiteral("Traffic"));
    QVERIFY(!wizard.basicsPage()->titleMessage()->hasMessage());
    QTest::keyClicks(wizard.basicsPage()->descriptionEdit(), QStringLiteral("cars and boats"));
    QVERIFY(next->isEnabled());
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    next->click();

    // 2. Datasets: listed, Streets ticked, the filter narrows the list
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::DatasetsPage));
    CheckableList *datasets = wizard.datasetsPage()->list();
    QTRY_COMPARE(datasets->listWidget()->count(), 3);
    QCOMPARE(datasets->checkedIds(), QStringList{streets});
    QTest::keyClicks(datasets->filterEdit(), QStringLiteral("harb"));
    QVERIFY(itemContaining(datasets->listWidget(), QStringLiteral("Streets"))->isHidden());
    QListWidgetItem *harbourItem =
        itemContaining(datasets->listWidget(), QStringLiteral("Harbour"));
    QVERIFY(!harbourItem->isHidden());
    harbourItem->setCheckState(Qt::Checked);
    datasets->filterEdit()->clear();
    QCOMPARE(datasets->checkedIds(), (QStringList{streets, harbour}));
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    next->click();

    // 3. Ontology: pick Vehicles, its structure shows in the preview
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::OntologyPage));
    ProjectOntologyPage *ontology = wizard.ontologyPage();
    // Vehicles, and the empty ontology the server made for Gold labels
    QTRY_COMPARE(ontology->ontologyList()->count(), 2);
    QVERIFY(!ontology->newOntologyButton()->isEnabled()); // no editor handed in
    QVERIFY(!next->isEnabled());                          // nothing picked yet
    ontology->ontologyList()->setCurrentItem(
        itemContaining(ontology->ontologyList(), QStringLiteral("Vehicles")));
    QCOMPARE(ontology->preview()->rowCount(), 1);
    QCOMPARE(ontology->preview()->index(0, 0).data().toString(), QStringLiteral("car"));
    QVERIFY(next->isEnabled());
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    next->click();

    // 4. Workflow: manual by default; benchmark against Gold labels
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::WorkflowPage));
    ProjectWorkflowPage *workflow = wizard.workflowPage();
    QVERIFY(workflow->manualChoice()->isChecked());
    QTRY_VERIFY(workflow->isLoaded());
    workflow->benchmarkChoice()->setChecked(true);
    QCOMPARE(workflow->sourcesMessage()->message(),
             QStringLiteral("Tick at least one source project."));
    QVERIFY(!next->isEnabled());
    itemContaining(workflow->sourceProjects()->listWidget(), QStringLiteral("Gold labels"))
        ->setCheckState(Qt::Checked);
    QVERIFY(!workflow->sourcesMessage()->hasMessage());
    QVERIFY(next->isEnabled());
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);

    // Back to the start keeps every value
    back->click();
    QCOMPARE(ontology->ontologyHash(), vehicles.ontologyHash);
    back->click();
    QCOMPARE(datasets->checkedIds(), (QStringList{streets, harbour}));
    back->click();
    QCOMPARE(wizard.basicsPage()->title(), QStringLiteral("Traffic"));
    next->click();
    next->click();
    next->click();
    QVERIFY(workflow->benchmarkChoice()->isChecked());
    QCOMPARE(workflow->sourceProjects()->checkedIds(), QStringList{gold});
    next->click();

    // 5. Summary says what will be made; Create makes it
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::SummaryPage));
    const QString summary = wizard.summaryPage()->summaryLabel()->text();
    for (const char *part : {"Traffic", "Streets", "Harbour", "Vehicles", "Gold labels"})
        QVERIFY2(summary.contains(QLatin1String(part)), part);
    QAbstractButton *create = wizard.button(QWizard::CommitButton);
    QCOMPARE(create->text(), QStringLiteral("&Create"));
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    create->click();

    // 6. Done
    QTRY_COMPARE(wizard.currentId(), int(NewProjectWizard::DonePage));
    QCOMPARE(created.count(), 1);
    const QString hash = wizard.createdProjectHash();
    QVERIFY(wizard.donePage()->messageLabel()->text().contains(hash));
    ENCORD_VERIFY_CONTROLS_NAMED(&wizard);
    wizard.button(QWizard::FinishButton)->click();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), hash);

    const Project project = waitOk(client.getProject(hash));
    QCOMPARE(project.title, QStringLiteral("Traffic"));
    QCOMPARE(project.description, QStringLiteral("cars and boats"));
    QCOMPARE(project.ontologyHash, vehicles.ontologyHash);
    QCOMPARE(project.sourceProjects.value_or(QStringList()), QStringList{gold});
    QStringList projectDatasets;
    for (const ProjectDataset &dataset : waitOk(client.getProjectDatasets(hash)))
        projectDatasets.append(dataset.datasetHash);
    projectDatasets.sort();
    QStringList expected{streets, harbour};
    expected.sort();
    QCOMPARE(projectDatasets, expected);
}

void TestSetupForms::shouldKeepTheWizardOpenWhenTheServerRefuses()
{
    // Given a pre-selected dataset the user cannot see (another user's)
    const EncordClient &client = m_workspace->member();
    const QString mine = makeDataset(client, QStringLiteral("Mine"));
    const QString theirs = makeDataset(m_workspace->admin(), QStringLiteral("Theirs"));
    NewProjectWizard wizard(client, {mine, theirs});
    wizard.show();
    QTest::keyClicks(wizard.basicsPage()->titleEdit(), QStringLiteral("Shared"));
    wizard.next();
    CheckableList *datasets = wizard.datasetsPage()->list();
    QTRY_VERIFY(wizard.datasetsPage()->isLoaded());
    // The unknown one is shown, ticked, for what it is.
    QListWidgetItem *unknown = itemContaining(datasets->listWidget(), theirs);
    QVERIFY(unknown);
    QVERIFY(unknown->text().contains(QStringLiteral("not among your datasets")));
    wizard.next();
    QTRY_VERIFY(wizard.ontologyPage()->isLoaded());
    wizard.ontologyPage()->emptyChoice()->setChecked(true);
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::SummaryPage));

    // When Create is refused
    wizard.button(QWizard::CommitButton)->click();
    QTRY_VERIFY(wizard.summaryPage()->errorLabel()->isVisible());

    // Then the server's message is on the page, the wizard is open and nothing was made
    QVERIFY2(wizard.summaryPage()->errorLabel()->text().contains(QStringLiteral("not found")),
             qPrintable(wizard.summaryPage()->errorLabel()->text()));
    QVERIFY(wizard.isVisible());
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::SummaryPage));
    QVERIFY(waitOk(client.getProjects()).isEmpty());

    // Back keeps everything; unticking the unknown dataset lets Create succeed.
    wizard.back();
    wizard.back();
    wizard.back();
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::DatasetsPage));
    QCOMPARE(wizard.basicsPage()->title(), QStringLiteral("Shared"));
    unknown->setCheckState(Qt::Unchecked);
    QCOMPARE(datasets->checkedIds(), QStringList{mine});
    wizard.next();
    QVERIFY(wizard.ontologyPage()->emptyChoice()->isChecked());
    wizard.next();
    wizard.next();
    wizard.button(QWizard::CommitButton)->click();
    QTRY_COMPARE(wizard.currentId(), int(NewProjectWizard::DonePage));
    const Project project = waitOk(client.getProject(wizard.createdProjectHash()));
    QCOMPARE(project.title, QStringLiteral("Shared"));
    QVERIFY(!project.ontologyHash.isEmpty()); // the server made an empty one
}

void TestSetupForms::shouldStopCreatingOnCancelAndKeepTheWizard()
{
    const EncordClient &client = m_workspace->admin();
    NewProjectWizard wizard(client);
    wizard.show();
    QTest::keyClicks(wizard.basicsPage()->titleEdit(), QStringLiteral("Second thoughts"));
    wizard.next();
    QTRY_VERIFY(wizard.datasetsPage()->isLoaded());
    wizard.next();
    QTRY_VERIFY(wizard.ontologyPage()->isLoaded());
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewProjectWizard::SummaryPage));

    // Cancel pressed while Create is on its way (before the event loop could send it)
    wizard.button(QWizard::CommitButton)->click();
    QVERIFY(wizard.summaryPage()->isBusy());
    QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
    wizard.button(QWizard::CancelButton)->click();

    // stops the request, not the wizard
    QTRY_VERIFY(!wizard.summaryPage()->isBusy());
    QVERIFY(wizard.isVisible());
    QVERIFY(wizard.summaryPage()->errorLabel()->text().contains(QStringLiteral("cancelled")));
    QVERIFY(wizard.button(QWizard::CommitButton)->isEnabled());
    QTest::qWait(100);
    QVERIFY(waitOk(client.getProjects()).isEmpty());

    // and Create still works afterwards
    wizard.button(QWizard::CommitButton)->click();
    QTRY_COMPARE(wizard.currentId(), int(NewProjectWizard::DonePage));
    QCOMPARE(waitOk(client.getProjects()).size(), 1);
}

void TestSetupForms::shouldCreateADatasetAndAnOntologyFromInsideTheWizard()
{
    const EncordClient &client = m_workspace->admin();
    NewProjectWizard wizard(client);
    int editorRuns = 0;
    // Stands in for the ontology editor: makes an ontology the way the editor would.
    wizard.setOntologyCreator([&](QWidget *parent) -> std::optional<QString> {
        ++editorRuns;
        if (!parent)
            return std::nullopt;
        return waitOk(client.createOntology(
                          QStringLiteral("Made in the editor"), QString(), carStructure()))
            .ontologyHash;
    });
    wizard.show();
    QTest::keyClicks(wizard.basicsPage()->titleEdit(), QStringLiteral("Inline"));
    wizard.next();
    QTRY_VERIFY(wizard.datasetsPage()->isLoaded());
    QCOMPARE(wizard.datasetsPage()->list()->listWidget()->count(), 0);

    // "New dataset…" opens the dataset dialog over the wizard; the new dataset comes back ticked
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<NewDatasetDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Made inline"));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    });
    QTest::mouseClick(wizard.datasetsPage()->newDatasetButton(), Qt::LeftButton);
    QTRY_COMPARE(wizard.datasetsPage()->list()->checkedIds().size(), 1);
    QCOMPARE(wizard.datasetsPage()->datasetTitles(), QStringList{QStringLiteral("Made inline")});
    wizard.next();

    // "New ontology…" runs the editor and picks what it made
    QTRY_VERIFY(wizard.ontologyPage()->isLoaded());
    QVERIFY(wizard.ontologyPage()->newOntologyButton()->isEnabled());
    QTest::mouseClick(wizard.ontologyPage()->newOntologyButton(), Qt::LeftButton);
    QCOMPARE(editorRuns, 1);
    QTRY_COMPARE(wizard.ontologyPage()->ontologyTitle(), QStringLiteral("Made in the editor"));
    QCOMPARE(wizard.ontologyPage()->preview()->rowCount(), 1);
    wizard.next();
    wizard.next();
    wizard.button(QWizard::CommitButton)->click();
    QTRY_COMPARE(wizard.currentId(), int(NewProjectWizard::DonePage));
    const Project project = waitOk(client.getProject(wizard.createdProjectHash()));
    QCOMPARE(project.ontologyHash, wizard.ontologyPage()->ontologyHash());
    QCOMPARE(waitOk(client.getProjectDatasets(project.projectHash)).size(), 1);
}

void TestSetupForms::shouldAskForSourceProjectsOrATemplateId()
{
    NewProjectWizard wizard(m_workspace->admin());
    ProjectWorkflowPage *workflow = wizard.workflowPage();
    QVERIFY(workflow->isComplete());
    workflow->templateChoice()->setChecked(true);
    QCOMPARE(workflow->templateMessage()->message(), QStringLiteral("Enter the template's ID."));
    QVERIFY(!workflow->isComplete());
    QTest::keyClicks(workflow->templateEdit(), QStringLiteral("bad id!"));
    QVERIFY(workflow->templateMessage()->message().contains(QStringLiteral("only letters")));
    workflow->templateEdit()->setText(QStringLiteral("tpl-9"));
    QVERIFY(workflow->isComplete());
    QCOMPARE(wizard.request().workflowTemplateId, std::optional<QString>(QStringLiteral("tpl-9")));
    QCOMPARE(wizard.request().workflowSettings.type.value(), ProjectWorkflowType::Manual);
    workflow->manualChoice()->setChecked(true);
    QVERIFY(!wizard.request().workflowTemplateId.has_value());
}

void TestSetupForms::shouldCreateAndListDatasetApiKeys()
{
    const EncordClient &client = m_workspace->admin();
    const QString dataset = makeDataset(client, QStringLiteral("Keys"));
    ApiKeysDialog dialog(client, ApiKeysDialog::Resource::Dataset, dataset, QStringLiteral("Keys"));
    dialog.show();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.keyTable()->rowCount(), 0);
    QCOMPARE(dialog.scopeBoxes().size(), 2); // dataset.read, dataset.write
    QVERIFY(!dialog.createButton()->isEnabled());

    // Validation beside the fields
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("x"));
    QTest::keyClick(dialog.titleEdit(), Qt::Key_Backspace);
    QCOMPARE(dialog.titleMessage()->message(), QStringLiteral("A key needs a title."));
    QCOMPARE(dialog.scopesMessage()->message(), QStringLiteral("Tick at least one scope."));
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("CI reader"));
    dialog.scopeBoxes().at(0)->setChecked(true);
    QVERIFY(!dialog.scopesMessage()->hasMessage());
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(!dialog.secretPanel()->isVisible());

    dialog.createButton()->click();
    QTRY_VERIFY(dialog.secretPanel()->isVisible());
    const QString secret = dialog.secretEdit()->text();
    QVERIFY(!secret.isEmpty());
    QTRY_COMPARE(dialog.keyTable()->rowCount(), 1);
    QCOMPARE(dialog.keyTable()->item(0, 0)->text(), QStringLiteral("CI reader"));
    QCOMPARE(dialog.keyTable()->item(0, 1)->text(), QStringLiteral("dataset.read"));
    // The list never shows a secret.
    for (int column = 0; column < dialog.keyTable()->columnCount(); ++column)
        QVERIFY(!dialog.keyTable()->item(0, column)->text().contains(secret));

    dialog.copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), secret);
    ENCORD_VERIFY_CONTROLS_NAMED(&dialog);

    const auto keys = waitOk(client.getDatasetApiKeys(dataset));
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().apiKey, secret);
    QCOMPARE(keys.first().scopes.size(), 1);
    QCOMPARE(keys.first().scopes.first().value(), DatasetScope::Read);

    // Get or create hands out a key too
    dialog.getOrCreateButton()->click();
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY(!dialog.secretEdit()->text().isEmpty());
    QCOMPARE(dialog.secretEdit()->text(), waitOk(client.getOrCreateDatasetApiKey(dataset)).apiKey);
}

void TestSetupForms::shouldCreateProjectApiKeysWithEveryScope()
{
    const EncordClient &client = m_workspace->admin();
    CreateProjectRequest request;
    request.title = QStringLiteral("Keyed");
    const QString project = waitOk(client.createProject(request));
    ApiKeysDialog dialog(
        client, ApiKeysDialog::Resource::Project, project, QStringLiteral("Keyed"));
    dialog.show();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.scopeBoxes().size(), 6); // every APIKeyScopes value
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("everything"));
    for (QCheckBox *box : dialog.scopeBoxes())
        box->setChecked(true);
    dialog.createButton()->click();
    QTRY_VERIFY(dialog.secretPanel()->isVisible());
    QTRY_COMPARE(dialog.keyTable()->rowCount(), 1);
    ENCORD_VERIFY_CONTROLS_NAMED(&dialog);
    const auto keys = waitOk(client.getProjectApiKeys(project));
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().apiKey, dialog.secretEdit()->text());
    QCOMPARE(keys.first().scopes.size(), 6);
    // Shown once, with the warning that it is a secret, and copied as it is
    bool warned = false;
    for (const QLabel *label : dialog.secretPanel()->findChildren<QLabel *>())
        warned = warned || label->text().contains(QStringLiteral("secret"));
    QVERIFY(warned);
    QVERIFY(dialog.secretEdit()->isReadOnly());
    dialog.copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), keys.first().apiKey);

    // Get-or-create hands back a project's existing key instead of making another
    dialog.getOrCreateButton()->click();
    QTRY_VERIFY(!dialog.isBusy());
    QCOMPARE(dialog.secretEdit()->text(), keys.first().apiKey);
    QCOMPARE(waitOk(client.getProjectApiKeys(project)).size(), 1);

    // A project the user cannot see: the server's refusal is shown in the dialog
    ApiKeysDialog stranger(
        m_workspace->member(), ApiKeysDialog::Resource::Project, project, QStringLiteral("Keyed"));
    stranger.show();
    QTRY_VERIFY(stranger.errorLabel()->isVisible());
    QVERIFY(!stranger.errorLabel()->text().isEmpty());
}

void TestSetupForms::shouldEditAndSaveTheMetadataSchema()
{
    const EncordClient &client = m_workspace->admin();
    ClientMetadataSchema existing;
    existing.metadataSchema.insert(QStringLiteral("split"), ClientMetadataSchemaType::String);
    QVERIFY(QCoro::waitFor(client.setClientMetadataSchemaFromDict(existing)).ok());

    MetadataSchemaDialog dialog(client);
    int confirmations = 0;
    bool confirm = false;
    dialog.setConfirmation([&](QWidget *, int) {
        ++confirmations;
        return confirm;
    });
    dialog.show();
    QTRY_VERIFY(dialog.isLoaded());
    QCOMPARE(dialog.table()->rowCount(), 1);
    QCOMPARE(dialog.table()->item(0, 0)->text(), QStringLiteral("split"));
    const auto *types = qobject_cast<QComboBox *>(dialog.table()->cellWidget(0, 1));
    QCOMPARE(types->count(), 8); // every ClientMetadataSchemaTypes value
    QCOMPARE(types->currentData().toString(), QStringLiteral("string"));

    // Bad keys are named under the table and block Save
    const int row = dialog.addRow(QStringLiteral("split"), QStringLiteral("number"));
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("already in the table")));
    QVERIFY(!dialog.saveButton()->isEnabled());
    dialog.table()->item(row, 0)->setText(QStringLiteral("has space"));
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("only letters")));
    dialog.table()->item(row, 0)->setText(QString());
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("a key is required")));
    dialog.table()->item(row, 0)->setText(QStringLiteral("weight_kg"));
    QVERIFY(!dialog.problemLabel()->isVisible());
    dialog.addRow(QStringLiteral("captured"), QStringLiteral("datetime"));
    QVERIFY(dialog.saveButton()->isEnabled());
    ENCORD_VERIFY_CONTROLS_NAMED(&dialog); // the type combo boxes in the cells too

    // Declining the confirmation sends nothing
    dialog.saveButton()->click();
    QCOMPARE(confirmations, 1);
    QVERIFY(dialog.isVisible());
    QCOMPARE(waitOk(client.getClientMetadataSchema())->metadataSchema.size(), 1);

    confirm = true;
    dialog.saveButton()->click();
    QTRY_VERIFY(!dialog.isVisible());
    const auto saved = waitOk(client.getClientMetadataSchema());
    QVERIFY(saved);
    QCOMPARE(saved->metadataSchema.size(), 3);
    QCOMPARE(saved->metadataSchema.value(QStringLiteral("weight_kg")).value(),
             ClientMetadataSchemaType::Number);
    QCOMPARE(saved->metadataSchema.value(QStringLiteral("captured")).value(),
             ClientMetadataSchemaType::DateTime);
}

void TestSetupForms::shouldRefuseToSaveTheSchemaForANonAdmin()
{
    MetadataSchemaDialog dialog(m_workspace->member());
    dialog.setConfirmation([](QWidget *, int) { return true; });
    dialog.show();
    QTRY_VERIFY(dialog.isLoaded());
    dialog.addRow(QStringLiteral("split"), QStringLiteral("string"));
    dialog.saveButton()->click();
    QTRY_VERIFY(dialog.errorLabel()->isVisible());
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("organisation admins")),
             qPrintable(dialog.errorLabel()->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.table()->rowCount(), 1); // nothing lost
    QVERIFY(!waitOk(m_workspace->admin().getClientMetadataSchema()).has_value());
}

void TestSetupForms::shouldCreateAFolderWithTypedMetadata()
{
    const EncordClient &client = m_workspace->admin();
    ClientMetadataSchema schema;
    schema.metadataSchema.insert(QStringLiteral("site"), ClientMetadataSchemaType::String);
    schema.metadataSchema.insert(QStringLiteral("beds"), ClientMetadataSchemaType::Number);
    schema.metadataSchema.insert(QStringLiteral("public"), ClientMetadataSchemaType::Boolean);
    QVERIFY(QCoro::waitFor(client.setClientMetadataSchemaFromDict(schema)).ok());
    const StorageFolder hospital = waitOk(client.createStorageFolder(QStringLiteral("Hospital")));

    NewFolderDialog dialog(client, hospital.uuid, hospital.name);
    QSignalSpy created(&dialog, &NewFolderDialog::folderCreated);
    dialog.show();
    QTRY_VERIFY(dialog.isSchemaLoaded());
    QVERIFY(dialog.schemaNote()->text().contains(QStringLiteral("beds (number)")));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("a/b"));
    QCOMPARE(dialog.nameMessage()->message(), QStringLiteral("A name cannot contain '/'."));
    dialog.nameEdit()->clear();
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Ward 3"));
    QVERIFY(!dialog.nameMessage()->hasMessage());
    QTest::keyClicks(dialog.descriptionEdit(), QStringLiteral("third floor"));

    // Values are checked against the schema
    const int beds = dialog.addMetadataRow(QStringLiteral("beds"), QStringLiteral("many"));
    QVERIFY(dialog.metadataProblems()->text().contains(QStringLiteral("“beds” needs a number")));
    QVERIFY(!dialog.createButton()->isEnabled());
    dialog.metadataTable()->item(beds, 1)->setText(QStringLiteral("24"));
    const int extra = dialog.addMetadataRow(QStringLiteral("colour"), QStringLiteral("blue"));
    QVERIFY(dialog.metadataProblems()->text().contains(QStringLiteral("not a key of")));
    dialog.metadataTable()->removeRow(extra);
    dialog.addMetadataRow(QStringLiteral("public"), QStringLiteral("false"));
    dialog.addMetadataRow(QStringLiteral("site"), QStringLiteral("North"));
    QVERIFY(!dialog.metadataProblems()->isVisible());
    QVERIFY(dialog.createButton()->isEnabled());
    ENCORD_VERIFY_CONTROLS_NAMED(&dialog);
    dialog.createButton()->click();
    QTRY_COMPARE(created.count(), 1);

    const StorageFolder folder = waitOk(client.getStorageFolder(dialog.createdFolderUuid()));
    QCOMPARE(folder.name, QStringLiteral("Ward 3"));
    QCOMPARE(folder.description, QStringLiteral("third floor"));
    QCOMPARE(folder.parent, std::optional<QString>(hospital.uuid));
    QVERIFY(folder.clientMetadata.has_value());
    const QJsonObject metadata = QJsonDocument::fromJson(folder.clientMetadata->toUtf8()).object();
    QCOMPARE(metadata.value(QLatin1String("beds")), QJsonValue(24.0));
    QCOMPARE(metadata.value(QLatin1String("public")), QJsonValue(false));
    QCOMPARE(metadata.value(QLatin1String("site")), QJsonValue(QStringLiteral("North")));
}

void TestSetupForms::shouldCheckDatesPlacesAndVectorsInATopLevelFolder()
{
    const EncordClient &client = m_workspace->admin();
    ClientMetadataSchema schema;
    schema.metadataSchema.insert(QStringLiteral("scanned"), ClientMetadataSchemaType::DateTime);
    schema.metadataSchema.insert(QStringLiteral("site"), ClientMetadataSchemaType::Geospatial);
    schema.metadataSchema.insert(QStringLiteral("style"), ClientMetadataSchemaType::Embedding);
    QVERIFY(QCoro::waitFor(client.setClientMetadataSchemaFromDict(schema)).ok());

    // No folder selected: the new folder goes at the top
    NewFolderDialog dialog(client, std::nullopt, QString());
    QSignalSpy created(&dialog, &NewFolderDialog::folderCreated);
    dialog.show();
    QTRY_VERIFY(dialog.isSchemaLoaded());
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Intake"));

    struct Case
    {
        const char *key;
        const char *bad;
        const char *hint;
        const char *good;
    };
    const Case cases[] = {
        {"scanned", "last Tuesday", "ISO date", "2024-05-01T10:00:00Z"},
        {"site", "[1, \"two\"]", "GeoJSON", R"({"type": "Point", "coordinates": [13.4, 52.5]})"},
        {"style", "[]", "list of numbers", "[0.1, 0.5, 0.2]"},
    };
    for (const Case &test : cases) {
        const int row =
            dialog.addMetadataRow(QString::fromUtf8(test.key), QString::fromUtf8(test.bad));
        QVERIFY2(dialog.metadataProblems()->text().contains(QString::fromUtf8(test.hint)),
                 qPrintable(dialog.metadataProblems()->text()));
        QVERIFY(!dialog.createButton()->isEnabled());
        dialog.metadataTable()->item(row, 1)->setText(QString::fromUtf8(test.good));
    }
    QVERIFY2(!dialog.metadataProblems()->isVisible(),
             qPrintable(dialog.metadataProblems()->text()));
    dialog.createButton()->click();
    QTRY_COMPARE(created.count(), 1);

    const StorageFolder folder = waitOk(client.getStorageFolder(dialog.createdFolderUuid()));
    QCOMPARE(folder.parent, std::nullopt);
    const QJsonObject metadata = QJsonDocument::fromJson(folder.clientMetadata->toUtf8()).object();
    QCOMPARE(metadata.value(QLatin1String("scanned")).toString(),
             QStringLiteral("2024-05-01T10:00:00Z"));
    QCOMPARE(metadata.value(QLatin1String("site")).toObject().value(QLatin1String("type")),
             QJsonValue(QStringLiteral("Point")));
    QCOMPARE(metadata.value(QLatin1String("style")).toArray().size(), 3);
}

QTEST_MAIN(TestSetupForms)
#include "tst_setupforms.moc"
