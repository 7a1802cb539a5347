// Seeing what was imported: after a CVAT import into the real local server, the project
// details panel lists the project's label rows, and Enter on a row opens the viewer, which
// draws the row's box at its place over the image in the ontology's colour.

#include "accessibilityaudit.h"
#include "labelrowmodel.h"
#include "labelrowviewer.h"
#include "modeltestserver.h"
#include "ontologystructuremodel.h"
#include "projectdetails.h"
#include "records/project.h"
#include "resourcelistmodel.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Encord;

namespace {

// A 200 × 100 white image with a "car" box (20,10)–(120,60); a second image with no shapes.
const char kAnnotations[] =
    "<?xml version=\"1.0\"?>\n<annotations><version>1.1</version><meta><task>"
    "<name>viewer</name><labels><label><name>car</name><type>any</type></label></labels>"
    "</task></meta>\n"
    "<image id=\"0\" name=\"a.png\" width=\"200\" height=\"100\">\n"
    "<box label=\"car\" xtl=\"20\" ytl=\"10\" xbr=\"120\" ybr=\"60\"/>\n"
    "<polygon label=\"car\" points=\"140,10;190,10;165,50\"/>\n"
    "</image>\n<image id=\"1\" name=\"b.png\" width=\"200\" height=\"100\"/>\n"
    "</annotations>\n";

} // namespace

class TestLabelRowViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldListLabelRowsAndDrawTheBoxOfTheOpenedOne();

private:
    Testing::ModelTestServer m_server;
    QTemporaryDir m_dir;
    QString m_project;
};

void TestLabelRowViewer::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QImage white(200, 100, QImage::Format_RGB32);
    white.fill(Qt::white);
    CvatImportInput input;
    input.annotationsXml = kAnnotations;
    input.datasetName = QStringLiteral("viewer");
    for (const QString &name : {QStringLiteral("a.png"), QStringLiteral("b.png")}) {
        const QString path = m_dir.filePath(name);
        QVERIFY(white.save(path));
        input.images.append({name, path});
    }
    const auto imported =
        QCoro::waitFor(m_server.alice().createProjectFromCvat(input, {}, std::chrono::seconds(60)));
    ENCORD_VERIFY_OK(imported);
    QVERIFY(imported->success);
    m_project = imported->projectHash;
}

void TestLabelRowViewer::shouldListLabelRowsAndDrawTheBoxOfTheOpenedOne()
{
    Project listed;
    listed.projectHash = m_project;
    listed.title = QStringLiteral("viewer");
    QStandardItemModel projects;
    auto *item = new QStandardItem(listed.title);
    item->setData(QVariant::fromValue(listed), ResourceListModel::RecordRole);
    projects.appendRow(item);

    ProjectDetails details;
    details.resize(700, 800);
    details.show();
    details.setClient(m_server.alice());
    details.showIndex(projects.index(0, 0));

    QTableView *table = details.labelRowView();
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, LabelRowModel::TitleColumn).data().toString(),
             QStringLiteral("a.png"));
    QCOMPARE(table->model()->index(0, LabelRowModel::ObjectsColumn).data().toString(),
             QStringLiteral("2"));
    QCOMPARE(table->model()->index(0, LabelRowModel::StatusColumn).data().toString(),
             QStringLiteral("Labelled"));
    QCOMPARE(table->model()->index(1, LabelRowModel::ObjectsColumn).data().toString(),
             QStringLiteral("0"));
    // The ontology arrived with the project: its colours are the ones drawn.
    const auto project = QCoro::waitFor(m_server.alice().getProject(m_project));
    ENCORD_VERIFY_OK(project);
    QColor car;
    for (const OntologyObject &object : project->editorOntology.objects) {
        if (toWire(object.shape.value()) == QLatin1String("bounding_box"))
            car = QColor(object.color);
    }
    QVERIFY(car.isValid());
    QTRY_VERIFY(details.structure()->rowCount() > 0);

    // Enter on the first row opens its viewer.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    LabelRowViewer *viewer = details.openViewer();
    QVERIFY(viewer);
    QSignalSpy failed(viewer, &LabelRowViewer::loadFailed);
    QTRY_VERIFY2(!viewer->renderedImage().isNull() || !failed.isEmpty(), "nothing shown");
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const QImage drawn = viewer->renderedImage();
    QCOMPARE(drawn.size(), QSize(200, 100));
    // The box's left edge is at x = 20 from y = 10 to 60; its top edge at y = 10.
    QCOMPARE(QColor(drawn.pixel(20, 35)).rgb(), car.rgb());
    QCOMPARE(QColor(drawn.pixel(70, 10)).rgb(), car.rgb());
    QCOMPARE(QColor(drawn.pixel(10, 35)), QColor(Qt::white));
    QCOMPARE(QColor(drawn.pixel(70, 80)), QColor(Qt::white));
    // Inside the polygon: tinted.
    QVERIFY(QColor(drawn.pixel(165, 25)) != QColor(Qt::white));
    const auto *canvas = viewer->findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(canvas);

    // Every control of the project's details and of the viewer has a name for screen readers.
    ENCORD_VERIFY_CONTROLS_NAMED(&details);
    ENCORD_VERIFY_CONTROLS_NAMED(viewer);
    // ENCORD_SCREENSHOT=ms keeps both windows on screen, side by side, for a screenshot.
    if (qEnvironmentVariableIsSet("ENCORD_SCREENSHOT")) {
        details.move(0, 0);
        viewer->move(details.width() + 20, 0);
        QTest::qWait(qEnvironmentVariableIntValue("ENCORD_SCREENSHOT"));
    }
}

QTEST_MAIN(TestLabelRowViewer)
#include "tst_labelrowviewer.moc"
