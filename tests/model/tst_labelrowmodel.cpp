// The label rows of a project imported from a small hand-made CVAT export, against the real
// local server: the listing model, and the painter that draws a row's objects over its image.

#include "labelrowmodel.h"
#include "labelrowpainter.h"
#include "modeltestserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Encord;

namespace {

// A 200 × 100 image with a box (20,10)–(120,60), a polyline, a point and a 4 × 2 mask at
// (150,70); a second image with no shapes.
const char kAnnotations[] =
    "<?xml version=\"1.0\"?>\n<annotations><version>1.1</version><meta><task>"
    "<name>viewer</name><labels><label><name>car</name><type>any</type></label>"
    "<label><name>road</name><type>any</type></label></labels></task></meta>\n"
    "<image id=\"0\" name=\"a.png\" width=\"200\" height=\"100\">\n"
    "<box label=\"car\" xtl=\"20\" ytl=\"10\" xbr=\"120\" ybr=\"60\"/>\n"
    "<polyline label=\"road\" points=\"0,90;190,90\"/>\n"
    "<points label=\"car\" points=\"180,20\"/>\n"
    "<mask label=\"road\" rle=\"0, 8\" left=\"150\" top=\"70\" width=\"4\" height=\"2\"/>\n"
    "</image>\n<image id=\"1\" name=\"b.png\" width=\"200\" height=\"100\"/>\n"
    "</annotations>\n";

} // namespace

class TestLabelRowModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldListTheProjectsLabelRows();
    void shouldRefuseTheListingToANonMember();
    void shouldDrawObjectsAtTheirPlacesInTheOntologysColours();
    void shouldRejectMalformedMaskRuns();

private:
    Testing::ModelTestServer m_server;
    QTemporaryDir m_dir;
    QString m_project;
    QImage m_white;
};

void TestLabelRowModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_white = QImage(200, 100, QImage::Format_RGB32);
    m_white.fill(Qt::white);
    CvatImportInput input;
    input.annotationsXml = kAnnotations;
    input.datasetName = QStringLiteral("viewer");
    for (const QString &name : {QStringLiteral("a.png"), QStringLiteral("b.png")}) {
        const QString path = m_dir.filePath(name);
        QVERIFY(m_white.save(path));
        input.images.append({name, path});
    }
    const auto imported =
        QCoro::waitFor(m_server.alice().createProjectFromCvat(input, {}, std::chrono::seconds(60)));
    ENCORD_VERIFY_OK(imported);
    QVERIFY(imported->success);
    m_project = imported->projectHash;
}

void TestLabelRowModel::shouldListTheProjectsLabelRows()
{
    LabelRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &LabelRowModel::rowsLoaded);
    model.setClient(m_server.alice());
    QVERIFY(!model.isLoading());
    model.setProjectHash(m_project);
    QVERIFY(model.isLoading());
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(0, LabelRowModel::TitleColumn).data().toString(), QStringLiteral("a.png"));
    QCOMPARE(model.index(0, LabelRowModel::ObjectsColumn).data().toString(), QStringLiteral("4"));
    QCOMPARE(model.index(0, LabelRowModel::StatusColumn).data().toString(),
             QStringLiteral("Labelled"));
    QCOMPARE(model.index(1, LabelRowModel::TitleColumn).data().toString(), QStringLiteral("b.png"));
    QVERIFY(!model.index(0, 0).data(LabelRowModel::LabelHashRole).toString().isEmpty());

    // A reset drops the rows and fetches again.
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(model.rowCount(), 2);
}

void TestLabelRowModel::shouldRefuseTheListingToANonMember()
{
    LabelRowModel model;
    QSignalSpy failed(&model, &LabelRowModel::errorOccurred);
    model.setClient(m_server.bob());
    model.setProjectHash(m_project);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.lastError().has_value());
    QVERIFY(!model.isLoading());
}

void TestLabelRowModel::shouldDrawObjectsAtTheirPlacesInTheOntologysColours()
{
    const EncordClient alice = m_server.alice();
    const auto rows = QCoro::waitFor(alice.listLabelRows(m_project));
    ENCORD_VERIFY_OK(rows);
    const auto row = QCoro::waitFor(alice.getLabelRow(m_project, *rows->first().labelHash));
    ENCORD_VERIFY_OK(row);
    const auto project = QCoro::waitFor(alice.getProject(m_project));
    ENCORD_VERIFY_OK(project);
    QHash<QString, QColor> colours;
    for (const OntologyObject &object : project->editorOntology.objects)
        colours.insert(object.featureNodeHash, QColor(object.color));
    QCOMPARE(LabelRowPainter::drawableObjectCount(row.value()), 4);

    // Drawn at twice the size: normalised coordinates follow the image.
    const QImage big = m_white.scaled(400, 200);
    const QImage drawn = LabelRowPainter(colours).render(big, row.value());
    QCOMPARE(drawn.size(), big.size());
    const auto colourOf = [&](const QString &name, const QString &shape) {
        for (const OntologyObject &object : project->editorOntology.objects) {
            if (object.name == name && toWire(object.shape.value()) == shape)
                return QColor(object.color);
        }
        return QColor();
    };
    const QColor car = colourOf(QStringLiteral("car"), QStringLiteral("bounding_box"));
    QVERIFY(car.isValid());
    // The box's left edge at x = 40, between y = 20 and 120; outside it the image is untouched.
    QCOMPARE(QColor(drawn.pixel(40, 60)).rgb(), car.rgb());
    QCOMPARE(QColor(drawn.pixel(240, 20)).rgb(), car.rgb());
    QCOMPARE(QColor(drawn.pixel(10, 60)), QColor(Qt::white));
    QCOMPARE(QColor(drawn.pixel(300, 160)), QColor(Qt::white));
    // Inside the box: a light tint of its colour, not the image's white.
    QVERIFY(QColor(drawn.pixel(100, 60)) != QColor(Qt::white));
    // The mask covers image pixels (150..153, 70..71): (302, 142) in the doubled image.
    const QColor road = colourOf(QStringLiteral("road"), QStringLiteral("bitmask"));
    const QColor masked(drawn.pixel(302, 142));
    QVERIFY(masked != QColor(Qt::white));
    QVERIFY(std::abs(masked.hue() - road.hue()) <= 2 || road.saturation() < 20);
    QCOMPARE(QColor(drawn.pixel(302, 150)), QColor(Qt::white));
}

void TestLabelRowModel::shouldRejectMalformedMaskRuns()
{
    QCOMPARE(LabelRowPainter::decodeCocoRle(QStringLiteral("3")), (QList<qint64>{3}));
    QVERIFY(LabelRowPainter::decodeCocoRle(QStringLiteral("\x7f")).isEmpty());
    // Runs that do not add up to the image are no mask.
    QVERIFY(LabelRowPainter::maskFromRuns({2, 3}, 2, 2).isNull());
    const QImage mask = LabelRowPainter::maskFromRuns({1, 2, 1}, 2, 2);
    QCOMPARE(mask.pixelColor(0, 0), QColor(Qt::black));
    QCOMPARE(mask.pixelColor(1, 0), QColor(Qt::white));
    QCOMPARE(mask.pixelColor(0, 1), QColor(Qt::white));
    QCOMPARE(mask.pixelColor(1, 1), QColor(Qt::black));
}

QTEST_MAIN(TestLabelRowModel)
#include "tst_labelrowmodel.moc"
