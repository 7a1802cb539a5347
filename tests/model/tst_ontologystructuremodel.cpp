// The ontology structure tree: objects, classifications, attributes and options nested to any
// depth, compared as an indented rendering. No network.

#include "ontologystructuremodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace Encord;

namespace {

OntologyOption option(const QString &id, const QString &label)
{
    OntologyOption result;
    result.id = id;
    result.label = label;
    result.value = label.toLower();
    result.featureNodeHash = QStringLiteral("opt-") + id;
    return result;
}

OntologyAttribute attribute(const QString &id,
                            const QString &name,
                            AttributeType type,
                            bool required = false)
{
    OntologyAttribute result;
    result.id = id;
    result.name = name;
    result.type = type;
    result.required = required;
    result.featureNodeHash = QStringLiteral("att-") + id;
    return result;
}

// A structure with an object whose radio option nests a radio attribute whose option nests a
// text attribute (three levels below the object), and a classification.
OntologyStructure nestedStructure()
{
    OntologyAttribute shade =
        attribute(QStringLiteral("1.1.1.1"), QStringLiteral("shade"), AttributeType::Radio);
    OntologyOption dark = option(QStringLiteral("1.1.1.1.1"), QStringLiteral("Dark"));
    dark.attributes.append(
        attribute(QStringLiteral("1.1.1.1.1.1"), QStringLiteral("how dark"), AttributeType::Text));
    shade.options = {dark, option(QStringLiteral("1.1.1.1.2"), QStringLiteral("Light"))};

    OntologyAttribute colour =
        attribute(QStringLiteral("1.1"), QStringLiteral("colour"), AttributeType::Radio, true);
    OntologyOption red = option(QStringLiteral("1.1.1"), QStringLiteral("Red"));
    red.attributes.append(shade);
    colour.options = {red, option(QStringLiteral("1.1.2"), QStringLiteral("Blue"))};

    OntologyObject car;
    car.id = 1;
    car.name = QStringLiteral("car");
    car.color = QStringLiteral("#D33115");
    car.shape = Shape::Polygon;
    car.required = true;
    car.featureNodeHash = QStringLiteral("obj-car");
    car.attributes = {
        colour, attribute(QStringLiteral("1.2"), QStringLiteral("plate"), AttributeType::Text)};

    OntologyObject person;
    person.id = 2;
    person.name = QStringLiteral("person");
    person.color = QStringLiteral("#0000FF");
    person.shape = Shape::BoundingBox;
    person.featureNodeHash = QStringLiteral("obj-person");

    OntologyAttribute weather =
        attribute(QStringLiteral("1"), QStringLiteral("weather"), AttributeType::Checklist, true);
    weather.options = {option(QStringLiteral("1.1"), QStringLiteral("Sunny")),
                       option(QStringLiteral("1.2"), QStringLiteral("Rainy"))};
    OntologyClassification classification;
    classification.id = 1;
    classification.featureNodeHash = QStringLiteral("cls-weather");
    classification.attributes = {weather};

    OntologyStructure structure;
    structure.objects = {car, person};
    structure.classifications = {classification};
    return structure;
}

// One line per node: indentation by depth, then every column joined by " | ".
QString render(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QString text;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(parent); ++column)
            cells.append(model.index(row, column, parent).data().toString());
        while (!cells.isEmpty() && cells.last().isEmpty())
            cells.removeLast();
        const QModelIndex index = model.index(row, 0, parent);
        text += QString(depth * 2, QLatin1Char(' ')) + cells.join(QStringLiteral(" | "))
                + QLatin1Char('\n');
        text += render(model, index, depth + 1);
    }
    return text;
}

} // namespace

class TestOntologyStructureModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldBeEmptyBeforeAStructureIsSet();
    void shouldShowTheNestedStructureAsATree();
    void shouldExposeColoursIdsAndHashes();
    void shouldResetWhenTheStructureChanges();
};

void TestOntologyStructureModel::shouldBeEmptyBeforeAStructureIsSet()
{
    OntologyStructureModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasChildren());
    QCOMPARE(model.columnCount(), int(OntologyStructureModel::ColumnCount));
}

void TestOntologyStructureModel::shouldShowTheNestedStructureAsATree()
{
    // Given a structure nested three levels below an object
    OntologyStructureModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // When it is shown
    model.setStructure(nestedStructure());

    // Then the tree reads: name | kind | type | required
    QCOMPARE(render(model),
             QStringLiteral("car | Object | Polygon | Yes\n"
                            "  colour | Attribute | Radio | Yes\n"
                            "    Red | Option\n"
                            "      shade | Attribute | Radio | No\n"
                            "        Dark | Option\n"
                            "          how dark | Attribute | Text | No\n"
                            "        Light | Option\n"
                            "    Blue | Option\n"
                            "  plate | Attribute | Text | No\n"
                            "person | Object | Bounding box | No\n"
                            "weather | Classification | Checklist\n"
                            "  weather | Attribute | Checklist | Yes\n"
                            "    Sunny | Option\n"
                            "    Rainy | Option\n"));

    // And parents lead back up, columns other than the first have no children
    const QModelIndex car = model.index(0, 0);
    QModelIndex howDark = car;
    for (int level = 0; level < 5; ++level) // colour, Red, shade, Dark, how dark
        howDark = model.index(0, 0, howDark);
    QCOMPARE(howDark.data().toString(), QStringLiteral("how dark"));
    QModelIndex up = howDark;
    for (int i = 0; i < 5; ++i)
        up = up.parent();
    QCOMPARE(up, car);
    QCOMPARE(model.rowCount(model.index(0, 1)), 0);
    QCOMPARE(model.headerData(OntologyStructureModel::KindColumn, Qt::Horizontal).toString(),
             QStringLiteral("Kind"));
}

void TestOntologyStructureModel::shouldExposeColoursIdsAndHashes()
{
    OntologyStructureModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStructure(nestedStructure());

    const QModelIndex car = model.index(0, 0);
    QCOMPARE(car.data(Qt::DecorationRole).value<QColor>(), QColor(QStringLiteral("#D33115")));
    QCOMPARE(model.index(0, 2).data(OntologyStructureModel::ColorRole).value<QColor>(),
             QColor(QStringLiteral("#D33115")));
    QCOMPARE(car.data(OntologyStructureModel::FeatureNodeHashRole).toString(),
             QStringLiteral("obj-car"));
    QCOMPARE(car.data(OntologyStructureModel::KindRole).value<OntologyStructureModel::Kind>(),
             OntologyStructureModel::Kind::Object);
    QVERIFY(car.data(OntologyStructureModel::RequiredRole).toBool());

    const QModelIndex red = model.index(0, 0, model.index(0, 0, car));
    QCOMPARE(red.data(OntologyStructureModel::IdRole).toString(), QStringLiteral("1.1.1"));
    QCOMPARE(red.data(OntologyStructureModel::KindRole).value<OntologyStructureModel::Kind>(),
             OntologyStructureModel::Kind::Option);
    QVERIFY(!red.data(Qt::DecorationRole).isValid());

    const QModelIndex weather = model.index(2, 0);
    QCOMPARE(weather.data(OntologyStructureModel::FeatureNodeHashRole).toString(),
             QStringLiteral("cls-weather"));
}

void TestOntologyStructureModel::shouldResetWhenTheStructureChanges()
{
    OntologyStructureModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setStructure(nestedStructure());
    QCOMPARE(model.rowCount(), 3);

    OntologyStructure smaller;
    smaller.objects = {nestedStructure().objects.last()};
    model.setStructure(smaller);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(render(model), QStringLiteral("person | Object | Bounding box | No\n"));
    QCOMPARE(model.structure(), smaller);
}

QTEST_MAIN(TestOntologyStructureModel)
#include "tst_ontologystructuremodel.moc"
