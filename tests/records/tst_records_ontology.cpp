#include "records/ontology.h"
#include "records/ontologyhelpers.h"
#include "records/ontologystructure.h"
#include "tst_records.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace Encord;

namespace {

// A structure as the current SDK writes it: every element carries the keys the SDK emits, so
// reading and writing it must give exactly the same JSON. Radio answers nest attributes three
// levels deep; the checklist is flat; every attribute kind appears once.
const char *const currentStructureJson = R"({
  "objects": [
    {"id": "1", "name": "Car", "color": "#D33115", "shape": "bounding_box",
     "featureNodeHash": "c0ffee01", "required": true, "archived": false,
     "attributes": [
       {"id": "1.1", "name": "Colour", "type": "radio", "featureNodeHash": "QWxwaGEx",
        "required": false, "archived": false, "dynamic": true,
        "options": [
          {"id": "1.1.1", "label": "Red", "value": "red", "featureNodeHash": "b3B0MS4x",
           "archived": false,
           "options": [
             {"id": "1.1.1.1", "name": "Shade", "type": "radio", "featureNodeHash": "c2hhZGUx",
              "required": false, "archived": false, "dynamic": false,
              "options": [
                {"id": "1.1.1.1.1", "label": "Dark red", "value": "dark_red",
                 "featureNodeHash": "ZGFyazEx", "archived": false,
                 "options": [
                   {"id": "1.1.1.1.1.1", "name": "Notes", "type": "text",
                    "featureNodeHash": "bm90ZXMx", "required": true, "archived": false,
                    "dynamic": false}]}]}]},
          {"id": "1.1.2", "label": "Blue", "value": "blue", "featureNodeHash": "Ymx1ZTEx",
           "archived": true}]},
       {"id": "1.2", "name": "Damage", "type": "checklist", "featureNodeHash": "ZGFtYWdl",
        "required": false, "archived": false, "dynamic": false,
        "options": [
          {"id": "1.2.1", "label": "Dent", "value": "dent", "featureNodeHash": "ZGVudDEx",
           "archived": false},
          {"id": "1.2.2", "label": "Scratch", "value": "scratch", "featureNodeHash": "c2NyYXQx",
           "archived": false}]},
       {"id": "1.3", "name": "Plate", "type": "text", "featureNodeHash": "cGxhdGUx",
        "required": false, "archived": false, "dynamic": false},
       {"id": "1.4", "name": "Speed", "type": "numeric", "featureNodeHash": "c3BlZWQx",
        "required": false, "archived": false, "dynamic": true}]},
    {"id": "2", "name": "Pedestrian", "color": "#E27300", "shape": "skeleton",
     "featureNodeHash": "5eed0002", "required": false, "archived": false},
    {"id": "3", "name": "Lane", "color": "#16406C", "shape": "polyline",
     "featureNodeHash": "1a2e0003", "required": false, "archived": true}
  ],
  "classifications": [
    {"id": "1", "featureNodeHash": "d00d0001", "level": "global",
     "attributes": [
       {"id": "1.1", "name": "Weather", "type": "radio", "featureNodeHash": "d2VhdGhl",
        "required": true, "archived": false, "dynamic": false,
        "options": [
          {"id": "1.1.1", "label": "Light rain", "value": "light_rain",
           "featureNodeHash": "cmFpbjEx", "archived": false}]}]}
  ],
  "skeleton_templates": [
    {"template": {"name": "Pedestrian", "width": 0.25, "height": 0.5, "shape": "skeleton",
      "feature_node_hash": "5eed0002",
      "skeleton": {
        "0": {"x": 0.5, "y": 0.1, "name": "head", "color": "#FF0000", "value": "head",
              "featureHash": "aGVhZDEx"},
        "1": {"x": 0.5, "y": 0.6, "name": "hip", "color": "#00FF00", "value": "hip",
              "featureHash": "aGlwMTEx"}},
      "skeletonEdges": {"0": {"1": {"color": "#0000FF"}}}}}
  ]})";

// The same kind of structure as a legacy SDK wrote it: no required/archived keys, snake_case
// inside skeleton templates and no template shape.
const char *const legacyStructureJson = R"({
  "objects": [
    {"id": "1", "name": "Person", "color": "#D33115", "shape": "skeleton",
     "featureNodeHash": "0b1ec701"}],
  "classifications": [
    {"id": "1", "featureNodeHash": "c1a55001",
     "attributes": [
       {"id": "1.1", "name": "Occluded", "type": "checklist", "featureNodeHash": "b2NjbHVk",
        "required": false,
        "options": [{"id": "1.1.1", "label": "Yes", "value": "yes", "featureNodeHash": "eWVzMTEx",
                     "options": []}]}]}],
  "skeleton_templates": [
    {"template": {"name": "Person", "width": 1, "height": 2,
      "skeleton": {"0": {"x": 0.1, "y": 0.2, "name": "nose", "color": "#AAAAAA", "value": "nose",
                         "feature_hash": "bm9zZTEx"}},
      "skeleton_edges": {}}}]})";

const char *const upgradedStructureJson = R"({
  "objects": [
    {"id": "1", "name": "Person", "color": "#D33115", "shape": "skeleton",
     "featureNodeHash": "0b1ec701", "required": false, "archived": false}],
  "classifications": [
    {"id": "1", "featureNodeHash": "c1a55001",
     "attributes": [
       {"id": "1.1", "name": "Occluded", "type": "checklist", "featureNodeHash": "b2NjbHVk",
        "required": false, "archived": false, "dynamic": false,
        "options": [{"id": "1.1.1", "label": "Yes", "value": "yes", "featureNodeHash": "eWVzMTEx",
                     "archived": false}]}]}],
  "skeleton_templates": [
    {"template": {"name": "Person", "width": 1, "height": 2, "shape": "skeleton",
      "skeleton": {"0": {"x": 0.1, "y": 0.2, "name": "nose", "color": "#AAAAAA", "value": "nose",
                         "featureHash": "bm9zZTEx"}},
      "skeletonEdges": {}}}]})";

} // namespace

void TestRecords::shouldReadEveryShape_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<Shape>("shape");

    QTest::newRow("bounding box") << QStringLiteral("bounding_box") << Shape::BoundingBox;
    QTest::newRow("polygon") << QStringLiteral("polygon") << Shape::Polygon;
    QTest::newRow("point") << QStringLiteral("point") << Shape::Point;
    QTest::newRow("skeleton") << QStringLiteral("skeleton") << Shape::Skeleton;
    QTest::newRow("polyline") << QStringLiteral("polyline") << Shape::Polyline;
    QTest::newRow("rotatable bounding box")
        << QStringLiteral("rotatable_bounding_box") << Shape::RotatableBoundingBox;
    QTest::newRow("bitmask") << QStringLiteral("bitmask") << Shape::Bitmask;
    QTest::newRow("audio") << QStringLiteral("audio") << Shape::Audio;
    QTest::newRow("text") << QStringLiteral("text") << Shape::Text;
    QTest::newRow("cuboid") << QStringLiteral("cuboid") << Shape::Cuboid;
    QTest::newRow("cuboid 2d") << QStringLiteral("cuboid_2d") << Shape::Cuboid2d;
    QTest::newRow("segmentation") << QStringLiteral("segmentation") << Shape::Segmentation;
}

void TestRecords::shouldReadEveryShape()
{
    QFETCH(QString, wire);
    QFETCH(Shape, shape);

    QJsonObject object = jsonObject(
        R"({"id": "7", "name": "Thing", "color": "#FE9200", "featureNodeHash": "abcd1234"})");
    object.insert(QStringLiteral("shape"), wire);
    const QJsonObject json{{QStringLiteral("objects"), QJsonArray{object}},
                           {QStringLiteral("classifications"), QJsonArray()}};

    const OntologyStructure structure = OntologyStructure::fromJson(json);

    QCOMPARE(structure.objects.size(), 1);
    QCOMPARE(structure.objects.at(0).id, 7);
    QCOMPARE(structure.objects.at(0).shape.value(), shape);
    QCOMPARE(structure.toJson()
                 .value(QLatin1StringView("objects"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1StringView("shape"))
                 .toString(),
             wire);
}

void TestRecords::shouldWriteStructureExactly()
{
    const QJsonObject input = jsonObject(currentStructureJson);
    QVERIFY(!input.isEmpty());

    const OntologyStructure structure = OntologyStructure::fromJson(input);

    QCOMPARE(structure.objects.size(), 3);
    QCOMPARE(structure.classifications.size(), 1);
    QCOMPARE(structure.skeletonTemplates.size(), 1);
    const OntologyObject &car = structure.objects.at(0);
    QVERIFY(car.required);
    QCOMPARE(car.attributes.size(), 4);
    QCOMPARE(car.attributes.at(0).type.value(), AttributeType::Radio);
    QVERIFY(car.attributes.at(0).dynamic);
    QCOMPARE(car.attributes.at(1).type.value(), AttributeType::Checklist);
    QCOMPARE(car.attributes.at(2).type.value(), AttributeType::Text);
    QCOMPARE(car.attributes.at(3).type.value(), AttributeType::Numeric);
    QVERIFY(car.attributes.at(0).options.at(1).archived);
    QVERIFY(structure.objects.at(2).archived);
    QCOMPARE(structure.classifications.at(0).level->value(), ClassificationLevel::Global);
    const SkeletonTemplate &skeleton = structure.skeletonTemplates.at(0);
    QCOMPARE(skeleton.skeleton.size(), 2);
    QCOMPARE(skeleton.skeleton.value(QStringLiteral("1")).name, QStringLiteral("hip"));
    QCOMPARE(skeleton.edgeColor(QStringLiteral("0"), QStringLiteral("1")),
             QStringLiteral("#0000FF"));
    QCOMPARE(skeleton.featureNodeHash, std::optional<QString>(QStringLiteral("5eed0002")));

    QCOMPARE(compact(structure.toJson()), compact(input));
    QCOMPARE(OntologyStructure::fromJson(structure.toJson()), structure);
}

void TestRecords::shouldUpgradeLegacyStructure()
{
    const OntologyStructure structure =
        OntologyStructure::fromJson(jsonObject(legacyStructureJson));

    const SkeletonTemplate &skeleton = structure.skeletonTemplates.at(0);
    QCOMPARE(skeleton.skeleton.value(QStringLiteral("0")).featureHash,
             std::optional<QString>(QStringLiteral("bm9zZTEx")));
    QVERIFY(!skeleton.featureNodeHash);
    QCOMPARE(skeleton.shape, QStringLiteral("skeleton"));
    QVERIFY(skeleton.extra.isEmpty());

    QCOMPARE(compact(structure.toJson()), compact(jsonObject(upgradedStructureJson)));
}

void TestRecords::shouldWriteEmptyStructure()
{
    QCOMPARE(compact(OntologyStructure().toJson()),
             QByteArray(R"({"classifications":[],"objects":[],"skeleton_templates":[]})"));
    QVERIFY(OntologyStructure::fromJson(QJsonObject()).isEmpty());
}

void TestRecords::shouldNestAttributesThreeLevelsDeep()
{
    const OntologyStructure structure =
        OntologyStructure::fromJson(jsonObject(currentStructureJson));

    const OntologyAttribute &colour = structure.objects.at(0).attributes.at(0);
    const OntologyOption &red = colour.options.at(0);
    QCOMPARE(red.attributes.size(), 1);
    const OntologyAttribute &shade = red.attributes.at(0);
    QCOMPARE(shade.id, QStringLiteral("1.1.1.1"));
    const OntologyOption &darkRed = shade.options.at(0);
    QCOMPARE(darkRed.value, QStringLiteral("dark_red"));
    const OntologyAttribute &notes = darkRed.attributes.at(0);
    QCOMPARE(notes.id, QStringLiteral("1.1.1.1.1.1"));
    QCOMPARE(notes.type.value(), AttributeType::Text);
    QVERIFY(notes.required);
    QCOMPARE(OntologyHelpers::parseNestedId(notes.id), QList<int>({1, 1, 1, 1, 1, 1}));

    // Blue has no nested attributes, so it carries no "options" key.
    const QJsonObject blue = colour.options.at(1).toJson();
    QVERIFY(!blue.contains(QLatin1StringView("options")));

    // Checklist options are flat even if an option was given nested attributes.
    OntologyAttribute damage = structure.objects.at(0).attributes.at(1);
    damage.options[0].attributes.append(shade);
    const QJsonArray options = damage.toJson().value(QLatin1StringView("options")).toArray();
    QVERIFY(!options.at(0).toObject().contains(QLatin1StringView("options")));

    // Text and numeric attributes never write options.
    OntologyAttribute plate = structure.objects.at(0).attributes.at(2);
    plate.options.append(red);
    QVERIFY(!plate.toJson().contains(QLatin1StringView("options")));
}

void TestRecords::shouldKeepUnknownShapeAndExtraKeys()
{
    const QJsonObject input = jsonObject(R"({
        "objects": [{"id": "4", "name": "Cloud", "color": "#000000", "shape": "point_cloud_3d",
                     "featureNodeHash": "f0f0f0f0", "required": false, "archived": false,
                     "uiHint": "compact"}],
        "classifications": [],
        "skeleton_templates": [],
        "schemaVersion": 3})");

    const OntologyStructure structure = OntologyStructure::fromJson(input);

    QVERIFY(structure.objects.at(0).shape.isUnknown());
    QCOMPARE(compact(structure.objects.at(0).extra), QByteArray(R"({"uiHint":"compact"})"));
    QCOMPARE(compact(structure.extra), QByteArray(R"({"schemaVersion":3})"));
    QCOMPARE(compact(structure.toJson()), compact(input));
}

void TestRecords::shouldReadOntologyInEveryForm_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("hasRole");
    QTest::addColumn<QString>("email");

    QTest::newRow("v1 with rfc 1123 dates")
        << QByteArray(R"({"ontology_hash": "o-1", "title": "Roads", "description": "d",
               "editor": {"objects": [], "classifications": []},
               "created_at": "Thu, 18 Feb 2021 22:24:59 GMT",
               "last_edited_at": "Thu, 18 Feb 2021 22:24:59 GMT"})")
        << false << QString();
    QTest::newRow("legacy ontologywithuserrole element")
        << QByteArray(R"({"user_role": 0, "user_email": "ann@example.com", "ontology": {
               "ontology_hash": "o-1", "title": "Roads", "description": "d",
               "editor": {"objects": [], "classifications": []},
               "created_at": "2021-02-18 22:24:59", "last_edited_at": "2021-02-18 22:24:59"}})")
        << true << QStringLiteral("ann@example.com");
    QTest::newRow("v2 OntologyWithUserRole")
        << QByteArray(R"({"ontologyUuid": "o-1", "title": "Roads", "description": "d",
               "editor": {"objects": [], "classifications": [], "skeleton_templates": []},
               "createdAt": "2021-02-18T22:24:59+00:00",
               "lastEditedAt": "2021-02-18T22:24:59Z", "userRole": 0})")
        << true << QString();
}

void TestRecords::shouldReadOntologyInEveryForm()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, hasRole);
    QFETCH(QString, email);

    const Ontology ontology = Ontology::fromJson(jsonObject(json.constData()));

    QCOMPARE(ontology.ontologyHash, QStringLiteral("o-1"));
    QCOMPARE(ontology.title, QStringLiteral("Roads"));
    QCOMPARE(ontology.createdAt,
             QDateTime(QDate(2021, 2, 18), QTime(22, 24, 59), QTimeZone::utc()));
    QCOMPARE(ontology.lastEditedAt, ontology.createdAt);
    QCOMPARE(ontology.userRole.has_value(), hasRole);
    if (hasRole)
        QCOMPARE(ontology.userRole->value(), OntologyUserRole::Admin);
    QCOMPARE(ontology.userEmail, email);
    QVERIFY(ontology.extra.isEmpty());
}

void TestRecords::shouldWriteOntologyInEveryForm()
{
    Ontology ontology;
    ontology.ontologyHash = QStringLiteral("o-2");
    ontology.title = QStringLiteral("Cells");
    ontology.description = QStringLiteral("microscopy");
    ontology.createdAt = QDateTime(QDate(2024, 4, 1), QTime(8, 0), QTimeZone::utc());
    ontology.lastEditedAt = ontology.createdAt;
    ontology.userEmail = QStringLiteral("bo@example.com");

    const QByteArray editor = R"({"classifications":[],"objects":[],"skeleton_templates":[]})";
    QCOMPARE(compact(ontology.toV1Json()),
             QByteArray(R"({"created_at":"2024-04-01 08:00:00","description":"microscopy",)"
                        R"("editor":)"
                        + editor
                        + R"(,"last_edited_at":"2024-04-01 08:00:00",)"
                          R"("ontology_hash":"o-2","title":"Cells"})"));
    QCOMPARE(compact(ontology.toV2Json()),
             QByteArray(R"({"createdAt":"2024-04-01T08:00:00+00:00","description":"microscopy",)"
                        R"("editor":)"
                        + editor
                        + R"(,"lastEditedAt":"2024-04-01T08:00:00+00:00",)"
                          R"("ontologyUuid":"o-2","title":"Cells","userRole":null})"));
    const QJsonObject listing = ontology.toV1ListingJson();
    QCOMPARE(sortedKeys(listing),
             QStringList({QStringLiteral("ontology"),
                          QStringLiteral("user_email"),
                          QStringLiteral("user_role")}));
    QCOMPARE(listing.value(QLatin1StringView("user_role")).toInt(-1), 1);

    ontology.userRole = WireEnum<OntologyUserRole>(OntologyUserRole::User);
    QCOMPARE(Ontology::fromJson(ontology.toV1ListingJson()), ontology);
    Ontology fromV2 = Ontology::fromJson(ontology.toV2Json());
    fromV2.userEmail = ontology.userEmail; // not part of v2
    QCOMPARE(fromV2, ontology);
}

void TestRecords::shouldAllocateIdsLikeTheSdk()
{
    using namespace OntologyHelpers;
    const OntologyStructure structure =
        OntologyStructure::fromJson(jsonObject(currentStructureJson));

    QCOMPARE(nextLocalId({}), 1);
    QCOMPARE(nextLocalId({1, 5, 3}), 6);
    QCOMPARE(nextObjectId(structure.objects), 4);
    QCOMPARE(nextClassificationId(structure.classifications), 2);
    QCOMPARE(nextClassificationId({}), 1);
    const QList<OntologyAttribute> &carAttributes = structure.objects.at(0).attributes;
    QCOMPARE(nextAttributeLocalId(carAttributes), 5);
    QCOMPARE(nextOptionLocalId(carAttributes.at(0).options), 3);
    QCOMPARE(nextOptionLocalId({}), 1);

    QCOMPARE(nestedId({1, 2, 3}), QStringLiteral("1.2.3"));
    QCOMPARE(childId(QStringLiteral("1.2"), 3), QStringLiteral("1.2.3"));
    QCOMPARE(childId(QString::number(4), 1), QStringLiteral("4.1"));
    QCOMPARE(localIdOf(QStringLiteral("1.2.10")), 10);
    QCOMPARE(localIdOf(QStringLiteral("x.y")), 0);
    QVERIFY(parseNestedId(QStringLiteral("1..2")).isEmpty());
}

void TestRecords::shouldPickColoursLikeTheSdk()
{
    using namespace OntologyHelpers;
    const QStringList &colors = availableColors();

    QCOMPARE(colors.size(), 27);
    QCOMPARE(colors.at(0), QStringLiteral("#D33115"));
    QCOMPARE(colors.at(1), QStringLiteral("#E27300"));
    QCOMPARE(colors.at(2), QStringLiteral("#16406C"));
    QCOMPARE(colors.last(), QStringLiteral("#AB149E"));

    QList<OntologyObject> objects;
    QCOMPARE(nextObjectColor(objects), QStringLiteral("#D33115"));
    objects.append(OntologyObject());
    objects.last().color = QStringLiteral("#16406C");
    QCOMPARE(nextObjectColor(objects), QStringLiteral("#FE9200"));
    objects.last().color = QStringLiteral("#AB149E");
    QCOMPARE(nextObjectColor(objects), QStringLiteral("#D33115")); // wraps around
    objects.last().color = QStringLiteral("#123456");
    QCOMPARE(nextObjectColor(objects), QStringLiteral("#D33115")); // not a palette colour
}

void TestRecords::shouldGenerateFeatureHashes()
{
    using namespace OntologyHelpers;
    const QRegularExpression uuidPrefix(QStringLiteral("^[0-9a-f]{8}$"));
    const QRegularExpression base64Of6Bytes(QStringLiteral("^[A-Za-z0-9+/]{8}$"));

    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const QString objectHash = newFeatureNodeHash();
        const QString attributeHash = newNestedFeatureHash();
        QVERIFY2(uuidPrefix.match(objectHash).hasMatch(), qPrintable(objectHash));
        QVERIFY2(base64Of6Bytes.match(attributeHash).hasMatch(), qPrintable(attributeHash));
        seen.insert(objectHash);
        seen.insert(attributeHash);
    }
    QCOMPARE(seen.size(), 100);

    const QSet<QString> used =
        featureNodeHashes(OntologyStructure::fromJson(jsonObject(currentStructureJson)));
    QVERIFY(used.contains(QStringLiteral("bm90ZXMx"))); // the deepest attribute
    QVERIFY(used.contains(QStringLiteral("cmFpbjEx"))); // a classification option
    QCOMPARE(used.size(), 17);
}

void TestRecords::shouldDeriveOptionValues_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("value");

    QTest::newRow("two words") << QStringLiteral("Light Blue") << QStringLiteral("light_blue");
    QTest::newRow("each blank counts") << QStringLiteral("a  b\tc") << QStringLiteral("a__b_c");
    QTest::newRow("punctuation kept")
        << QStringLiteral("Left-Side!") << QStringLiteral("left-side!");
    QTest::newRow("empty") << QString() << QString();
}

void TestRecords::shouldDeriveOptionValues()
{
    QFETCH(QString, label);
    QFETCH(QString, value);

    QCOMPARE(OntologyHelpers::optionValueFromLabel(label), value);
}
