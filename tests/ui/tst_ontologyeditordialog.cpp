// The ontology editor dialog driven as a user would, under the offscreen platform, against a
// real local server over loopback: the title is checked as it is typed, the structure is built
// with the toolbar buttons and the property fields, Create sends it, and the ontology read back
// through EncordClient::getOntology is the one that was built, a skeleton's template included.
// A server that refuses leaves the
// dialog open with everything kept; an existing ontology opens read-only. Every control has a
// name for screen readers, whichever kind of node the property form shows.

#include "accessibilityaudit.h"
#include "auth/privatekey.h"
#include "errorbanner.h"
#include "fieldmessage.h"
#include "localserver.h"
#include "modeltestserver.h"
#include "ontologyeditmodel.h"
#include "ontologyeditordialog.h"
#include "ontologyeditorwidget.h"
#include "skeletonedgemodel.h"
#include "skeletonkeypointmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include <memory>

using namespace Encord;

namespace {

template<typename T>
T *child(const QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

/// Clicks the toolbar button of the editor action @p name, as a user would.
void clickAction(const QWidget *dialog, const char *name)
{
    auto *action = child<QAction>(dialog, name);
    auto *bar = child<QToolBar>(dialog, "editorToolBar");
    QWidget *button = bar->widgetForAction(action);
    QVERIFY2(button, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
}

/// Replaces the text of the focused name field, as typing after an "add" does.
void typeName(const QWidget *dialog, const char *field, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, field);
    QVERIFY2(edit->isVisible(), field);
    QCOMPARE(edit->selectedText(), edit->text());
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

/// Opens the cell @p column of @p row for editing with F2, as a user would, and returns the
/// editor that took the keyboard.
QWidget *editCell(QTableView *table, int row, int column)
{
    table->setFocus(Qt::OtherFocusReason);
    table->setCurrentIndex(table->model()->index(row, column));
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = table->focusWidget();
    if (!editor || editor == table)
        qFatal("no editor opened in %s", qPrintable(table->objectName()));
    return editor;
}

/// Clicks "Add keypoint" and types @p name into the name cell it opens.
void addKeypoint(const QWidget *dialog, const QString &name)
{
    auto *table = child<QTableView>(dialog, "keypointTable");
    QTest::mouseClick(child<QPushButton>(dialog, "addKeypointButton"), Qt::LeftButton);
    auto *editor = qobject_cast<QLineEdit *>(table->focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->selectedText(), editor->text());
    QTest::keyClicks(editor, name);
    // The view takes the text in once the editor has handled Return, through the event loop.
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(table->model()->index(table->model()->rowCount() - 1, 0).data().toString(), name);
}

QString selectedName(const OntologyEditorDialog &dialog)
{
    return dialog.editor()->treeView()->currentIndex().data(OntologyEditModel::NameRole).toString();
}

} // namespace

class TestOntologyEditorDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldCheckTheTitleAsItIsTyped();
    void shouldCreateTheOntologyBuiltWithTheButtons();
    void shouldCreateASkeletonWithItsTemplate();
    void shouldHoldCreateBackWhileTheStructureHasProblems();
    void shouldUndoAndRedoFromTheToolbar();
    void shouldImportAStructureFileOrExplainWhyNot();
    void shouldKeepEverythingWhenTheServerRefuses();
    void shouldShowAnExistingOntologyReadOnly();

private:
    std::unique_ptr<OntologyEditorDialog> newDialog() const;

    Testing::ModelTestServer m_server;
};

void TestOntologyEditorDialog::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

std::unique_ptr<OntologyEditorDialog> TestOntologyEditorDialog::newDialog() const
{
    auto dialog = std::make_unique<OntologyEditorDialog>(m_server.alice());
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qFatal("the dialog did not show");
    return dialog;
}

void TestOntologyEditorDialog::shouldCheckTheTitleAsItIsTyped()
{
    const auto dialog = newDialog();
    auto *title = child<QLineEdit>(dialog.get(), "titleEdit");
    auto *create = child<QPushButton>(dialog.get(), "createButton");

    // Given: an untouched form: a quiet hint, and nothing to create yet.
    QCOMPARE(dialog->titleMessage(), QStringLiteral("Required."));
    QVERIFY(!create->isEnabled());

    // When: a title is typed, the message goes and Create is offered.
    QTest::keyClicks(title, QStringLiteral("Roads"));
    QCOMPARE(dialog->titleMessage(), QString());
    QVERIFY(create->isEnabled());

    // When: it is erased again, the field explains what is missing.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(title, Qt::Key_Backspace);
    QCOMPARE(dialog->titleMessage(), QStringLiteral("A title is required."));
    QVERIFY(child<QLabel>(dialog.get(), "titleMessage")->isVisible());
    QVERIFY(!create->isEnabled());

    QTest::keyClicks(title, QStringLiteral("   "));
    QCOMPARE(dialog->titleMessage(), QStringLiteral("A title needs more than spaces."));
    QVERIFY(!create->isEnabled());
}

void TestOntologyEditorDialog::shouldCreateTheOntologyBuiltWithTheButtons()
{
    const auto dialog = newDialog();
    QAbstractItemModelTester tester(dialog->editor()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "titleEdit"), QStringLiteral("Street scenes"));
    QTest::keyClicks(child<QPlainTextEdit>(dialog.get(), "descriptionEdit"),
                     QStringLiteral("Cars and the weather"));

    // An object: a required polygon named Car.
    clickAction(dialog.get(), "addObjectAction");
    typeName(dialog.get(), "objectNameEdit", QStringLiteral("Car"));
    QTest::keyClick(child<QComboBox>(dialog.get(), "shapeCombo"), Qt::Key_Down);
    QTest::mouseClick(
        child<QCheckBox>(dialog.get(), "objectRequiredCheck"), Qt::LeftButton, {}, QPoint(4, 4));
    // Its colour picked in the colour dialog the button opens.
    QTimer::singleShot(0, dialog.get(), [] {
        QColorDialog *picker = nullptr;
        QTRY_VERIFY((picker = qobject_cast<QColorDialog *>(QApplication::activeModalWidget())));
        picker->setCurrentColor(QColor(QStringLiteral("#16406C")));
        picker->accept();
    });
    QTest::mouseClick(child<QPushButton>(dialog.get(), "colorButton"), Qt::LeftButton);
    QCOMPARE(child<QPushButton>(dialog.get(), "colorButton")->text(), QStringLiteral("#16406C"));
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    ENCORD_VERIFY_CONTROLS_NAMED(dialog.get());

    // Its radio attribute with two options, the first asking one more question.
    clickAction(dialog.get(), "addAttributeAction");
    typeName(dialog.get(), "attributeNameEdit", QStringLiteral("Colour"));
    clickAction(dialog.get(), "addOptionAction");
    typeName(dialog.get(), "optionLabelEdit", QStringLiteral("Dark Red"));
    clickAction(dialog.get(), "addOptionAction");
    typeName(dialog.get(), "optionLabelEdit", QStringLiteral("Blue"));
    ENCORD_VERIFY_CONTROLS_NAMED(dialog.get());
    QTest::keyClick(dialog->editor()->treeView(), Qt::Key_Up);
    QCOMPARE(selectedName(*dialog), QStringLiteral("Dark Red"));
    clickAction(dialog.get(), "addAttributeAction");
    typeName(dialog.get(), "attributeNameEdit", QStringLiteral("Shade"));
    auto *type = child<QComboBox>(dialog.get(), "attributeTypeCombo");
    QTest::keyClick(type, Qt::Key_Down);
    QTest::keyClick(type, Qt::Key_Down);
    QCOMPARE(type->currentText(), QStringLiteral("Text"));
    ENCORD_VERIFY_CONTROLS_NAMED(dialog.get());

    // Return after a name does not create the ontology; it hands the keyboard to the tree.
    QTest::keyClick(child<QLineEdit>(dialog.get(), "attributeNameEdit"), Qt::Key_Return);
    QVERIFY(!child<QProgressBar>(dialog.get(), "progressBar")->isVisible());
    QVERIFY(dialog->editor()->treeView()->hasFocus());

    // A checklist classification with one answer.
    clickAction(dialog.get(), "addClassificationAction");
    typeName(dialog.get(), "classificationNameEdit", QStringLiteral("Weather"));
    QTest::keyClick(child<QComboBox>(dialog.get(), "classificationTypeCombo"), Qt::Key_Down);
    clickAction(dialog.get(), "addOptionAction");
    typeName(dialog.get(), "optionLabelEdit", QStringLiteral("Sunny"));
    ENCORD_VERIFY_CONTROLS_NAMED(dialog.get());

    // The JSON tab shows what will be sent.
    child<QTabWidget>(dialog.get(), "editorTabs")->setCurrentIndex(1);
    QVERIFY(child<QPlainTextEdit>(dialog.get(), "jsonView")->isReadOnly());
    ENCORD_VERIFY_CONTROLS_NAMED(dialog.get());
    const QString shown = child<QPlainTextEdit>(dialog.get(), "jsonView")->toPlainText();
    QCOMPARE(QJsonDocument::fromJson(shown.toUtf8()).object(), dialog->editor()->model()->toJson());

    // When: Create.
    auto *create = child<QPushButton>(dialog.get(), "createButton");
    QVERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);
    // While the one request runs: progress shown, the form kept but not editable.
    QVERIFY(child<QProgressBar>(dialog.get(), "progressBar")->isVisible());
    QVERIFY(!create->isEnabled());
    QVERIFY(!child<QLineEdit>(dialog.get(), "titleEdit")->isEnabled());
    QCOMPARE(child<QLineEdit>(dialog.get(), "titleEdit")->text(), QStringLiteral("Street scenes"));
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!dialog->createdOntologyHash().isEmpty());

    // Then: the server holds exactly the structure that was built.
    const Result<Ontology> stored =
        QCoro::waitFor(m_server.alice().getOntology(dialog->createdOntologyHash()));
    ENCORD_VERIFY_OK(stored);
    QCOMPARE(stored->title, QStringLiteral("Street scenes"));
    QCOMPARE(stored->description, QStringLiteral("Cars and the weather"));
    QCOMPARE(stored->editor.toJson(), dialog->editor()->model()->toJson());

    const OntologyObject &car = stored->editor.objects.at(0);
    QCOMPARE(car.name, QStringLiteral("Car"));
    QCOMPARE(car.shape, Shape::Polygon);
    QVERIFY(car.required);
    QCOMPARE(car.color, QStringLiteral("#16406C"));
    QCOMPARE(car.attributes.at(0).name, QStringLiteral("Colour"));
    QCOMPARE(car.attributes.at(0).type, AttributeType::Radio);
    const OntologyOption &darkRed = car.attributes.at(0).options.at(0);
    QCOMPARE(darkRed.value, QStringLiteral("dark_red"));
    QCOMPARE(darkRed.attributes.at(0).id, QStringLiteral("1.1.1.1"));
    QCOMPARE(darkRed.attributes.at(0).name, QStringLiteral("Shade"));
    QCOMPARE(darkRed.attributes.at(0).type, AttributeType::Text);
    QCOMPARE(car.attributes.at(0).options.at(1).label, QStringLiteral("Blue"));
    const OntologyClassification &weather = stored->editor.classifications.at(0);
    QCOMPARE(weather.attributes.at(0).name, QStringLiteral("Weather"));
    QCOMPARE(weather.attributes.at(0).type, AttributeType::Checklist);
    QCOMPARE(weather.attributes.at(0).options.at(0).label, QStringLiteral("Sunny"));
}

void TestOntologyEditorDialog::shouldCreateASkeletonWithItsTemplate()
{
    const auto dialog = newDialog();
    OntologyEditModel *model = dialog->editor()->model();
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "titleEdit"), QStringLiteral("Poses"));
    auto *create = child<QPushButton>(dialog.get(), "createButton");

    // Given: an object that becomes a skeleton. Its template's section shows with the shape,
    // and Create waits, saying why, until the template has a keypoint.
    clickAction(dialog.get(), "addObjectAction");
    typeName(dialog.get(), "objectNameEdit", QStringLiteral("Arm"));
    auto *section = child<QGroupBox>(dialog.get(), "skeletonEditor");
    QVERIFY(!section->isVisible());
    auto *shape = child<QComboBox>(dialog.get(), "shapeCombo");
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(shape, Qt::Key_Down);
    QCOMPARE(shape->currentText(), QStringLiteral("Skeleton"));
    QVERIFY(section->isVisible());
    QVERIFY(!create->isEnabled());
    QVERIFY2(dialog->editor()->noticeText().contains(QStringLiteral("needs at least one keypoint")),
             qPrintable(dialog->editor()->noticeText()));
    auto *keypointMessage = child<FieldMessage>(dialog.get(), "keypointMessage");
    QCOMPARE(keypointMessage->message(), QStringLiteral("Add at least one keypoint."));
    QVERIFY(keypointMessage->isVisible());
    QVERIFY(!child<QPushButton>(dialog.get(), "addEdgeButton")->isEnabled());

    // When: three keypoints are added, the third by mistake named like the second.
    addKeypoint(dialog.get(), QStringLiteral("Shoulder"));
    QVERIFY(create->isEnabled());
    QVERIFY(!keypointMessage->isVisible());
    addKeypoint(dialog.get(), QStringLiteral("Elbow"));
    addKeypoint(dialog.get(), QStringLiteral("Elbow"));
    // Then: the name is explained beside the table, and Create waits again.
    QCOMPARE(keypointMessage->message(),
             QStringLiteral("Two keypoints are called \u201cElbow\u201d: give each its own name."));
    QVERIFY(!create->isEnabled());
    QVERIFY2(dialog->editor()->noticeText().contains(QStringLiteral("Two keypoints")),
             qPrintable(dialog->editor()->noticeText()));
    ENCORD_VERIFY_CONTROLS_NAMED(dialog.get());

    // When: the third is renamed in its cell, and the second moved right.
    auto *keypoints = child<QTableView>(dialog.get(), "keypointTable");
    QWidget *name = editCell(keypoints, 2, SkeletonKeypointModel::NameColumn);
    QTest::keyClicks(name, QStringLiteral("Wrist"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(!keypointMessage->isVisible());
    QVERIFY(create->isEnabled());
    const QModelIndex elbowX = keypoints->model()->index(1, SkeletonKeypointModel::XColumn);
    QCOMPARE(elbowX.data().toString(), QStringLiteral("0.4"));
    QWidget *x = editCell(keypoints, 1, SkeletonKeypointModel::XColumn);
    QTest::keyClick(x, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(x, QStringLiteral("0.7"));
    QTest::keyClick(x, Qt::Key_Return);
    QTRY_COMPARE(elbowX.data().toString(), QStringLiteral("0.7"));

    // Undo takes the keypoint back where it was, redo moves it again.
    clickAction(dialog.get(), "undoAction");
    QCOMPARE(elbowX.data().toString(), QStringLiteral("0.4"));
    QCOMPARE(model->skeletonTemplate(model->index(0, 0, model->objectSection()))
                 ->skeleton.value(QStringLiteral("1"))
                 .x,
             0.4);
    clickAction(dialog.get(), "redoAction");
    QCOMPARE(elbowX.data().toString(), QStringLiteral("0.7"));

    // Edges: two added in a chain, then the first made to end at the wrist in its cell.
    auto *addEdge = child<QPushButton>(dialog.get(), "addEdgeButton");
    QVERIFY(addEdge->isEnabled());
    QTest::mouseClick(addEdge, Qt::LeftButton);
    QTest::mouseClick(addEdge, Qt::LeftButton);
    auto *edges = child<QTableView>(dialog.get(), "edgeTable");
    QCOMPARE(edges->model()->rowCount(), 2);
    QCOMPARE(edges->model()->index(0, SkeletonEdgeModel::ToColumn).data().toString(),
             QStringLiteral("Elbow"));
    auto *to = qobject_cast<QComboBox *>(editCell(edges, 0, SkeletonEdgeModel::ToColumn));
    QVERIFY(to);
    QCOMPARE(to->currentText(), QStringLiteral("Elbow"));
    QTest::keyClick(to, Qt::Key_Down);
    QTest::keyClick(to, Qt::Key_Return);
    QTRY_COMPARE(edges->model()->index(0, SkeletonEdgeModel::ToColumn).data().toString(),
                 QStringLiteral("Wrist"));
    QCOMPARE(edges->model()->index(0, SkeletonEdgeModel::FromColumn).data().toString(),
             QStringLiteral("Shoulder"));
    QCOMPARE(edges->model()->index(0, SkeletonEdgeModel::ToColumn).data().toString(),
             QStringLiteral("Wrist"));
    ENCORD_VERIFY_CONTROLS_NAMED(dialog.get());

    // When: Create.
    QVERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE(dialog->result(), int(QDialog::Accepted));

    // Then: the server holds the skeleton and the template it names, hashes and all.
    const Result<Ontology> stored =
        QCoro::waitFor(m_server.alice().getOntology(dialog->createdOntologyHash()));
    ENCORD_VERIFY_OK(stored);
    QCOMPARE(stored->editor.toJson(), model->toJson());
    QCOMPARE(stored->editor.objects.at(0).shape, Shape::Skeleton);
    QCOMPARE(stored->editor.skeletonTemplates.size(), 1);
    const SkeletonTemplate &arm = stored->editor.skeletonTemplates.first();
    QCOMPARE(arm.name, QStringLiteral("Arm"));
    QCOMPARE(arm.shape, QStringLiteral("skeleton"));
    QStringList names;
    QSet<QString> hashes{stored->editor.objects.at(0).featureNodeHash};
    for (const QString &index : {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}) {
        names << arm.skeleton.value(index).name;
        hashes << arm.skeleton.value(index).featureHash.value_or(QString());
    }
    hashes << arm.featureNodeHash.value_or(QString());
    QCOMPARE(names,
             (QStringList{
                 QStringLiteral("Shoulder"), QStringLiteral("Elbow"), QStringLiteral("Wrist")}));
    QCOMPARE(arm.skeleton.value(QStringLiteral("1")).x, 0.7);
    QVERIFY(!hashes.contains(QString()));
    QCOMPARE(hashes.size(), 5);
    QCOMPARE(arm.edgeColor(QStringLiteral("0"), QStringLiteral("2")), QStringLiteral("#D33115"));
    QCOMPARE(arm.edgeColor(QStringLiteral("1"), QStringLiteral("2")), QStringLiteral("#D33115"));
    QCOMPARE(arm.edgeColor(QStringLiteral("0"), QStringLiteral("1")), QString());
}

void TestOntologyEditorDialog::shouldHoldCreateBackWhileTheStructureHasProblems()
{
    const auto dialog = newDialog();
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "titleEdit"), QStringLiteral("Roads"));
    clickAction(dialog.get(), "addClassificationAction");
    typeName(dialog.get(), "classificationNameEdit", QStringLiteral("Lanes"));

    // A radio question without answers cannot be created.
    auto *create = child<QPushButton>(dialog.get(), "createButton");
    QVERIFY(!create->isEnabled());
    QVERIFY2(dialog->editor()->noticeText().contains(
                 QStringLiteral("\u201cLanes\u201d needs at least one option")),
             qPrintable(dialog->editor()->noticeText()));

    clickAction(dialog.get(), "addOptionAction");
    QVERIFY(create->isEnabled());
    QCOMPARE(dialog->editor()->noticeText(), QString());
}

void TestOntologyEditorDialog::shouldUndoAndRedoFromTheToolbar()
{
    const auto dialog = newDialog();
    OntologyEditModel *model = dialog->editor()->model();
    clickAction(dialog.get(), "addObjectAction");
    typeName(dialog.get(), "objectNameEdit", QStringLiteral("Tree"));
    const QModelIndex tree = model->index(0, 0, model->objectSection());
    const QString hash = tree.data(OntologyEditModel::FeatureNodeHashRole).toString();

    // Duplicate, then delete the original with the Delete key in the tree.
    clickAction(dialog.get(), "duplicateAction");
    QCOMPARE(selectedName(*dialog), QStringLiteral("Tree copy"));
    dialog->editor()->treeView()->setCurrentIndex(model->index(0, 0, model->objectSection()));
    dialog->editor()->treeView()->setFocus();
    QTest::keyClick(dialog->editor()->treeView(), Qt::Key_Delete);
    QCOMPARE(model->rowCount(model->objectSection()), 1);
    QCOMPARE(model->index(0, 0, model->objectSection()).data().toString(),
             QStringLiteral("Tree copy"));

    clickAction(dialog.get(), "undoAction");
    QCOMPARE(model->rowCount(model->objectSection()), 2);
    QCOMPARE(model->index(0, 0, model->objectSection())
                 .data(OntologyEditModel::FeatureNodeHashRole)
                 .toString(),
             hash);
    clickAction(dialog.get(), "redoAction");
    QCOMPARE(model->rowCount(model->objectSection()), 1);
    QVERIFY(!model->indexOfHash(hash).isValid());
}

void TestOntologyEditorDialog::shouldImportAStructureFileOrExplainWhyNot()
{
    const auto dialog = newDialog();
    OntologyEditorWidget *editor = dialog->editor();
    clickAction(dialog.get(), "addObjectAction");
    const QJsonObject before = editor->model()->toJson();

    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.json"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write(R"({"objects": [{"id": "1", "name": "Car", "color": "#D33115",
        "shape": "hexagon", "featureNodeHash": "c0ffee01"}], "classifications": []})");
    badFile.close();
    QVERIFY(!editor->importFile(bad));
    QVERIFY2(editor->noticeText().contains(QStringLiteral("the shape \"hexagon\"")),
             qPrintable(editor->noticeText()));
    QCOMPARE(editor->model()->toJson(), before);

    const QString good = dir.filePath(QStringLiteral("roads.json"));
    QFile goodFile(good);
    QVERIFY(goodFile.open(QIODevice::WriteOnly));
    goodFile.write(R"({"objects": [{"id": "4", "name": "Lane", "color": "#16406C",
        "shape": "polyline", "featureNodeHash": "1a2e0004", "required": false,
        "archived": false}], "classifications": [], "skeleton_templates": []})");
    goodFile.close();
    QVERIFY(editor->importFile(good));
    QVERIFY2(editor->noticeText().startsWith(
                 QStringLiteral("Imported 1 object and 0 classifications from roads.json.")),
             qPrintable(editor->noticeText()));
    QCOMPARE(editor->model()->index(0, 0, editor->model()->objectSection()).data().toString(),
             QStringLiteral("Lane"));

    // Export writes what the JSON tab shows.
    const QString exported = dir.filePath(QStringLiteral("out.json"));
    QVERIFY(editor->exportFile(exported));
    QFile written(exported);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(written.readAll()).object(), editor->model()->toJson());
}

void TestOntologyEditorDialog::shouldKeepEverythingWhenTheServerRefuses()
{
    // A key the server does not know: it answers with an authentication error.
    OntologyEditorDialog dialog(
        EncordClient(PrivateKey::generate(), QUrl(m_server.server().baseUrl())));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, "titleEdit"), QStringLiteral("Refused"));
    clickAction(&dialog, "addObjectAction");
    typeName(&dialog, "objectNameEdit", QStringLiteral("Sign"));
    const QJsonObject built = dialog.editor()->model()->toJson();

    // Created with the keyboard this time: Ctrl+Return.
    QTest::keyClick(
        child<QLineEdit>(&dialog, "objectNameEdit"), Qt::Key_Return, Qt::ControlModifier);
    auto *banner = child<ErrorBanner>(&dialog, "errorBanner");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(!banner->text().isEmpty());

    // Then: still open, nothing lost, Create offered again.
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.createdOntologyHash().isEmpty());
    QCOMPARE(dialog.title(), QStringLiteral("Refused"));
    QCOMPARE(dialog.editor()->model()->toJson(), built);
    QVERIFY(child<QPushButton>(&dialog, "createButton")->isEnabled());
    QVERIFY(child<QLineEdit>(&dialog, "titleEdit")->isEnabled());
}

void TestOntologyEditorDialog::shouldShowAnExistingOntologyReadOnly()
{
    OntologyStructure structure;
    OntologyObject sign;
    sign.id = 1;
    sign.name = QStringLiteral("Sign");
    sign.color = QStringLiteral("#E27300");
    sign.shape = Shape::Point;
    sign.featureNodeHash = QStringLiteral("5160a001");
    structure.objects.append(sign);
    const Result<Ontology> created = QCoro::waitFor(m_server.alice().createOntology(
        QStringLiteral("Signs"), QStringLiteral("Road signs"), structure));
    ENCORD_VERIFY_OK(created);

    QPointer<OntologyEditorDialog> dialog =
        OntologyEditorDialog::openExisting(m_server.alice(), created->ontologyHash);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_COMPARE(dialog->title(), QStringLiteral("Signs"));
    QVERIFY(dialog->isReadOnly());
    QCOMPARE(dialog->description(), QStringLiteral("Road signs"));
    OntologyEditModel *model = dialog->editor()->model();
    QCOMPARE(model->index(0, 0, model->objectSection()).data().toString(), QStringLiteral("Sign"));
    QCOMPARE(model->toJson(), created->editor.toJson());

    // Nothing can be changed: no add actions, no editable fields, the model refuses.
    QVERIFY(!child<QAction>(dialog, "addObjectAction")->isVisible());
    QVERIFY(child<QLineEdit>(dialog, "titleEdit")->isReadOnly());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("createButton")));
    QVERIFY(!model->setData(model->index(0, 0, model->objectSection()), QStringLiteral("X")));

    // It deletes itself when closed.
    dialog->close();
    QTRY_VERIFY(dialog.isNull());

    // An ontology already at hand is shown without a request.
    QPointer<OntologyEditorDialog> atHand =
        OntologyEditorDialog::openExisting(m_server.alice(), created.value());
    QCOMPARE(atHand->title(), QStringLiteral("Signs"));
    QCOMPARE(atHand->editor()->model()->toJson(), created->editor.toJson());
    delete atHand.data();

    // An unknown hash is explained in the dialog.
    QPointer<OntologyEditorDialog> missing = OntologyEditorDialog::openExisting(
        m_server.alice(), QStringLiteral("00000000-0000-0000-0000-000000000000"));
    missing->show();
    auto *banner = child<ErrorBanner>(missing, "errorBanner");
    QTRY_VERIFY(banner->isVisible());
    delete missing.data();
}

QTEST_MAIN(TestOntologyEditorDialog)
#include "tst_ontologyeditordialog.moc"
