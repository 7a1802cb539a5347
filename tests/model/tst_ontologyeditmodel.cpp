// The ontology editor's model: the structure JSON it writes is compared with hand-written
// structures (every shape, a skeleton with its template, every classification kind,
// attributes nested three levels deep);
// feature node hashes stay with their elements through edits, moves, undo and redo; duplicates
// get new identities; structure files are imported or refused with an explanation. A
// QAbstractItemModelTester watches the model in every test.

#include "ontologyeditmodel.h"
#include "ontologystructurereader.h"
#include "records/ontologyhelpers.h"
#include "skeletonedgemodel.h"
#include "skeletonkeypointmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Encord;
using Model = OntologyEditModel;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad expected JSON in the test: %s", qPrintable(error.errorString()));
    return document.object();
}

QByteArray pretty(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

/// Collects every feature node hash with its kind; hashes are then removed, so that the rest
/// can be compared with a hand-written structure.
struct HashCheck
{
    QStringList elementHashes; ///< objects, classifications and skeleton templates
    QStringList nestedHashes;  ///< attributes, options and keypoints

    QJsonValue strip(const QJsonValue &value, bool nested)
    {
        if (value.isArray()) {
            QJsonArray out;
            for (const QJsonValue &element : value.toArray())
                out.append(strip(element, nested));
            return out;
        }
        if (!value.isObject())
            return value;
        QJsonObject object = value.toObject();
        if (object.contains(QLatin1String("featureNodeHash"))) {
            (nested ? nestedHashes : elementHashes)
                .append(object.take(QLatin1String("featureNodeHash")).toString());
        }
        // A skeleton template's hash and its keypoints' hashes, under their own keys.
        if (object.contains(QLatin1String("feature_node_hash")))
            elementHashes.append(object.take(QLatin1String("feature_node_hash")).toString());
        if (object.contains(QLatin1String("featureHash")))
            nestedHashes.append(object.take(QLatin1String("featureHash")).toString());
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool childNested = nested || it.key() == QLatin1String("attributes")
                                     || it.key() == QLatin1String("options");
            it.value() = strip(it.value(), childNested);
        }
        return object;
    }

    /// Hashes have the SDK's forms and are unique across the structure.
    bool wellFormed() const
    {
        static const QRegularExpression element(QStringLiteral("^[0-9a-f]{8}$"));
        static const QRegularExpression nested(QStringLiteral("^[A-Za-z0-9+/]{8}$"));
        const QStringList all = elementHashes + nestedHashes;
        if (QSet<QString>(all.cbegin(), all.cend()).size() != all.size())
            return false;
        for (const QString &hash : elementHashes) {
            if (!element.match(hash).hasMatch())
                return false;
        }
        for (const QString &hash : nestedHashes) {
            if (!nested.match(hash).hasMatch())
                return false;
        }
        return true;
    }
};

/// The model's JSON without hashes, after checking the hashes.
QJsonObject withoutHashes(const Model &model)
{
    HashCheck check;
    const QJsonObject stripped = check.strip(model.toJson(), false).toObject();
    if (!check.wellFormed())
        qWarning("feature node hashes are not unique or not in the SDK's form");
    return check.wellFormed() ? stripped : QJsonObject();
}

#define COMPARE_JSON(actual, expected)                  \
    do {                                                \
        const QJsonObject actualJson = (actual);        \
        const QJsonObject expectedJson = (expected);    \
        if (actualJson != expectedJson)                 \
            qWarning("actual:\n%s\nexpected:\n%s",      \
                     pretty(actualJson).constData(),    \
                     pretty(expectedJson).constData()); \
        QVERIFY(actualJson == expectedJson);            \
    } while (false)

/// Every element's hash keyed by its name (names are unique in the tests' structures).
QMap<QString, QString> hashesByName(const Model &model, const QModelIndex &parent = {})
{
    QMap<QString, QString> hashes;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (parent.isValid())
            hashes.insert(index.data(Model::NameRole).toString(),
                          index.data(Model::FeatureNodeHashRole).toString());
        hashes.insert(hashesByName(model, index));
    }
    return hashes;
}

// Given: a car with a radio "Colour" (Red, Blue), a checklist "Damage" (Dent) and a weather
// classification. Used by the edit tests.
void buildCar(Model &model)
{
    const QModelIndex car = model.addObject(QStringLiteral("Car"), Shape::Polygon);
    const QModelIndex colour =
        model.addAttribute(car, QStringLiteral("Colour"), AttributeType::Radio);
    model.addOption(colour, QStringLiteral("Red"));
    model.addOption(colour, QStringLiteral("Blue"));
    const QModelIndex damage =
        model.addAttribute(car, QStringLiteral("Damage"), AttributeType::Checklist);
    model.addOption(damage, QStringLiteral("Dent"));
    const QModelIndex weather =
        model.addClassification(QStringLiteral("Weather"), AttributeType::Radio);
    model.addOption(model.index(0, 0, weather), QStringLiteral("Sunny"));
}

QModelIndex child(const Model &model, const QModelIndex &parent, std::initializer_list<int> rows)
{
    QModelIndex index = parent;
    for (const int row : rows)
        index = model.index(row, 0, index);
    return index;
}

} // namespace

class TestOntologyEditModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void shouldStartWithAnEmptyStructure();
    void shouldWriteObjectsOfEveryShape();
    void shouldWriteASkeletonWithItsTemplate();
    void shouldKeepATemplateWithItsSkeleton();
    void shouldExplainWhatKeepsASkeletonFromBeingCreated();
    void shouldShowATemplateInTables();
    void shouldWriteClassificationsOfEveryKind();
    void shouldNestAttributesThreeLevelsDeep();
    void shouldNestQuestionsUnderAClassificationsAnswers();
    void shouldKeepHashesThroughEditsMovesUndoAndRedo();
    void shouldUndoAndRedoEveryKindOfEdit();
    void shouldMergeTypingIntoOneUndoStep();
    void shouldDuplicateWithNewIdsAndHashes();
    void shouldNeverReuseAHash();
    void shouldMoveOnlyWithinTheParent();
    void shouldMoveByDragAndDrop();
    void shouldDropWhatANewAttributeTypeCannotHold();
    void shouldDeriveOptionValuesAndAskOneQuestionPerClassification();
    void shouldListProblemsThatBlockCreation();
    void shouldRoundTripAnImportedStructureExactly();
    void shouldEditAnImportedTemplate();
    void shouldImportAStructureFileAsOneUndoStep();
    void shouldExplainMalformedStructureFiles_data();
    void shouldExplainMalformedStructureFiles();
    void shouldRefuseEditsWhenReadOnly();

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestOntologyEditModel::init()
{
    m_model = std::make_unique<Model>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestOntologyEditModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestOntologyEditModel::shouldStartWithAnEmptyStructure()
{
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->kind(m_model->objectSection()), Model::Kind::ObjectSection);
    QCOMPARE(m_model->kind(m_model->classificationSection()), Model::Kind::ClassificationSection);
    QCOMPARE(QJsonDocument(m_model->toJson()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"classifications":[],"objects":[],"skeleton_templates":[]})"));
    QVERIFY(m_model->problems().isEmpty());
}

void TestOntologyEditModel::shouldWriteObjectsOfEveryShape()
{
    // When: one object per shape, in the order the spec lists them, the fourth required.
    const QList<Shape> shapes{Shape::BoundingBox,
                              Shape::Polygon,
                              Shape::Point,
                              Shape::Skeleton,
                              Shape::Polyline,
                              Shape::RotatableBoundingBox,
                              Shape::Bitmask,
                              Shape::Audio,
                              Shape::Text,
                              Shape::Cuboid,
                              Shape::Cuboid2d,
                              Shape::Segmentation};
    for (const Shape shape : shapes)
        m_model->addObject(toWire(shape), shape);
    QVERIFY(m_model->setData(m_model->index(3, Model::RequiredColumn, m_model->objectSection()),
                             Qt::Checked,
                             Qt::CheckStateRole));

    // Then: ids count up, colours follow the SDK's palette, every shape is spelled as the spec
    // spells it.
    COMPARE_JSON(withoutHashes(*m_model), parse(R"({
      "objects": [
        {"id": "1", "name": "bounding_box", "color": "#D33115", "shape": "bounding_box",
         "required": false, "archived": false},
        {"id": "2", "name": "polygon", "color": "#E27300", "shape": "polygon",
         "required": false, "archived": false},
        {"id": "3", "name": "point", "color": "#16406C", "shape": "point",
         "required": false, "archived": false},
        {"id": "4", "name": "skeleton", "color": "#FE9200", "shape": "skeleton",
         "required": true, "archived": false},
        {"id": "5", "name": "polyline", "color": "#FCDC00", "shape": "polyline",
         "required": false, "archived": false},
        {"id": "6", "name": "rotatable_bounding_box", "color": "#DBDF00",
         "shape": "rotatable_bounding_box", "required": false, "archived": false},
        {"id": "7", "name": "bitmask", "color": "#A4DD00", "shape": "bitmask",
         "required": false, "archived": false},
        {"id": "8", "name": "audio", "color": "#68CCCA", "shape": "audio",
         "required": false, "archived": false},
        {"id": "9", "name": "text", "color": "#73D8FF", "shape": "text",
         "required": false, "archived": false},
        {"id": "10", "name": "cuboid", "color": "#AEA1FF", "shape": "cuboid",
         "required": false, "archived": false},
        {"id": "11", "name": "cuboid_2d", "color": "#FCC400", "shape": "cuboid_2d",
         "required": false, "archived": false},
        {"id": "12", "name": "segmentation", "color": "#B0BC00", "shape": "segmentation",
         "required": false, "archived": false}
      ],
      "classifications": [],
      "skeleton_templates": []
    })"));

    // When: the shape and colour of the first change.
    const QModelIndex first = m_model->index(0, 0, m_model->objectSection());
    QVERIFY(m_model->setData(first, int(Shape::Polyline), Model::ShapeRole));
    QVERIFY(m_model->setData(first, QColor(0x12, 0xab, 0xef), Model::ColorRole));
    const QJsonObject written = m_model->toJson()[u"objects"].toArray().first().toObject();
    QCOMPARE(written[u"shape"].toString(), QStringLiteral("polyline"));
    QCOMPARE(written[u"color"].toString(), QStringLiteral("#12ABEF"));
    QCOMPARE(first.siblingAtColumn(Model::TypeColumn).data().toString(),
             QStringLiteral("Polyline"));
}

void TestOntologyEditModel::shouldWriteASkeletonWithItsTemplate()
{
    // When: a skeleton "Arm" with three keypoints joined in a chain; one placed by hand, one
    // where the model puts it, one renamed, moved and recoloured; the frame made narrow.
    const QModelIndex arm = m_model->addObject(QStringLiteral("Arm"), Shape::Skeleton);
    QCOMPARE(m_model->addKeypoint(arm, QStringLiteral("Shoulder"), QPointF(0.2, 0.2)), 0);
    QCOMPARE(m_model->addKeypoint(arm, QStringLiteral("Elbow")), 1);
    QCOMPARE(m_model->addKeypoint(arm), 2);
    QCOMPARE(m_model->skeletonTemplate(arm)->skeleton.value(QStringLiteral("2")).name,
             QStringLiteral("Keypoint 3"));
    QVERIFY(m_model->setKeypointName(arm, 2, QStringLiteral("Left Wrist")));
    QVERIFY(m_model->setKeypointPosition(arm, 2, {0.8, 0.75}));
    QVERIFY(m_model->setKeypointColor(arm, 1, QColor(0x12, 0xab, 0xef)));
    QCOMPARE(m_model->addEdge(arm), 0);
    QCOMPARE(m_model->addEdge(arm), 1);
    QVERIFY(m_model->setEdgeColor(arm, 1, QColor(Qt::black)));
    QVERIFY(m_model->setSkeletonFrame(arm, 0.5, 1.0));

    // Then: the object names its template, which holds the keypoints under their indices
    // ("value" follows the name as an option's does) and the edges by those indices; the
    // template and every keypoint have hashes of their own.
    QVERIFY(m_model->problems().isEmpty());
    COMPARE_JSON(withoutHashes(*m_model), parse(R"({
      "objects": [
        {"id": "1", "name": "Arm", "color": "#D33115", "shape": "skeleton",
         "required": false, "archived": false}
      ],
      "classifications": [],
      "skeleton_templates": [
        {"template": {
          "name": "Arm", "width": 0.5, "height": 1.0, "shape": "skeleton",
          "skeleton": {
            "0": {"x": 0.2, "y": 0.2, "name": "Shoulder", "value": "shoulder",
                  "color": "#D33115"},
            "1": {"x": 0.4, "y": 0.2, "name": "Elbow", "value": "elbow", "color": "#12ABEF"},
            "2": {"x": 0.8, "y": 0.75, "name": "Left Wrist", "value": "left_wrist",
                  "color": "#D33115"}
          },
          "skeletonEdges": {"0": {"1": {"color": "#D33115"}}, "1": {"2": {"color": "#000000"}}}
        }}
      ]
    })"));
    HashCheck hashes;
    hashes.strip(m_model->toJson(), false);
    QCOMPARE(hashes.elementHashes.size(), 2);
    QCOMPARE(hashes.nestedHashes.size(), 3);

    // The same template read back is the one built, hashes included.
    const QJsonObject written = m_model->toJson();
    const Result<OntologyStructure, QString> read =
        OntologyStructureReader::read(QJsonDocument(written).toJson());
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error()));
    QCOMPARE(read.value().skeletonTemplates.size(), 1);
    QCOMPARE(read.value().skeletonTemplates.first(), *m_model->skeletonTemplate(arm));

    // Edits that would break the template are refused: an edge to itself or twice, a keypoint
    // that is not there.
    QCOMPARE(m_model->addEdge(arm, 0, 0), -1);
    QCOMPARE(m_model->addEdge(arm, 1, 0), -1);
    QVERIFY(!m_model->setEdgeEnds(arm, 0, 1, 2));
    QVERIFY(!m_model->setKeypointName(arm, 3, QStringLiteral("Hand")));
    QVERIFY(!m_model->removeKeypoint(arm, -1));
    QCOMPARE(m_model->toJson(), written);
}

void TestOntologyEditModel::shouldKeepATemplateWithItsSkeleton()
{
    const QModelIndex hand = m_model->addObject(QStringLiteral("Hand"), Shape::Skeleton);
    m_model->addKeypoint(hand, QStringLiteral("Wrist"));
    m_model->addKeypoint(hand, QStringLiteral("Thumb"));
    m_model->addKeypoint(hand, QStringLiteral("Index"));
    m_model->addEdge(hand, 0, 1);
    m_model->addEdge(hand, 0, 2);
    m_model->addEdge(hand, 1, 2);
    const SkeletonTemplate built = *m_model->skeletonTemplate(hand);
    const QString thumbHash = *built.skeleton.value(QStringLiteral("1")).featureHash;
    const QJsonObject before = m_model->toJson();
    const int steps = m_model->undoStack()->count();
    const auto templates = [this] {
        return m_model->toJson()[u"skeleton_templates"].toArray();
    };

    // A renamed skeleton takes its template's name with it.
    QVERIFY(m_model->setData(hand, QStringLiteral("Left hand"), Qt::EditRole));
    QCOMPARE(templates().at(0)[u"template"][u"name"].toString(), QStringLiteral("Left hand"));

    // Removing a keypoint takes its edges; the keypoints after it are numbered on.
    QVERIFY(m_model->removeKeypoint(hand, 0));
    const SkeletonTemplate removed = *m_model->skeletonTemplate(hand);
    QCOMPARE(removed.skeleton.keys(), (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
    QCOMPARE(removed.skeleton.value(QStringLiteral("0")).name, QStringLiteral("Thumb"));
    QCOMPARE(*removed.skeleton.value(QStringLiteral("0")).featureHash, thumbHash);
    QCOMPARE(removed.skeletonEdges, parse(R"({"0": {"1": {"color": "#D33115"}}})"));

    // Another shape writes no template; skeleton again brings the same one back.
    QVERIFY(m_model->setData(hand, int(Shape::Point), Model::ShapeRole));
    QVERIFY(templates().isEmpty());
    QVERIFY(m_model->problems().isEmpty());
    QVERIFY(m_model->setData(hand, int(Shape::Skeleton), Model::ShapeRole));
    QCOMPARE(*m_model->skeletonTemplate(hand), removed);

    // A copy gets a template of its own: its name, new hashes for it and its keypoints.
    const QModelIndex copy = m_model->duplicate(hand);
    const SkeletonTemplate copied = *m_model->skeletonTemplate(copy);
    QCOMPARE(copied.name, QStringLiteral("Left hand copy"));
    QCOMPARE(copied.skeleton.size(), 2);
    QVERIFY(copied.featureNodeHash != removed.featureNodeHash);
    QVERIFY(copied.skeleton.value(QStringLiteral("0")).featureHash != thumbHash);
    QCOMPARE(templates().size(), 2);
    QVERIFY2(!withoutHashes(*m_model).isEmpty(), "hashes unique and well formed");

    // Deleted with its skeleton, and back with it on Undo.
    QVERIFY(m_model->remove(copy));
    QCOMPARE(templates().size(), 1);
    m_model->undoStack()->undo();
    QCOMPARE(templates().size(), 2);

    // Every step undoes to where the template was built.
    while (m_model->undoStack()->index() > steps)
        m_model->undoStack()->undo();
    QCOMPARE(m_model->toJson(), before);
    QCOMPARE(*m_model->skeletonTemplate(hand), built);
}

void TestOntologyEditModel::shouldExplainWhatKeepsASkeletonFromBeingCreated()
{
    const auto messages = [this] {
        QStringList all;
        for (const Model::Problem &problem : m_model->problems())
            all << problem.message;
        return all;
    };
    using Part = SkeletonTemplateDraft::Problem::Part;
    const QModelIndex hand = m_model->addObject(QStringLiteral("Hand"), Shape::Skeleton);
    QCOMPARE(messages(),
             QStringList{QStringLiteral("The skeleton \u201cHand\u201d needs at least one "
                                        "keypoint: add them to its skeleton template.")});
    QCOMPARE(m_model->skeletonProblems(hand).size(), 1);
    QCOMPARE(m_model->skeletonProblems(hand).first().part, Part::Keypoints);

    // Names: one missing, one used twice (annotations find keypoints by name).
    m_model->addKeypoint(hand, QStringLiteral("Thumb"));
    m_model->addKeypoint(hand, QStringLiteral("Thumb"));
    m_model->addKeypoint(hand, QStringLiteral("Wrist"));
    QVERIFY(m_model->setKeypointName(hand, 2, QString()));
    QVERIFY(m_model->setSkeletonFrame(hand, 0.0, 1.0));
    QCOMPARE(messages(),
             (QStringList{QStringLiteral("Skeleton \u201cHand\u201d: Width and height must be "
                                         "above 0."),
                          QStringLiteral("Skeleton \u201cHand\u201d: Two keypoints are called "
                                         "\u201cThumb\u201d: give each its own name."),
                          QStringLiteral("Skeleton \u201cHand\u201d: Keypoint 3 needs a name.")}));
    const QList<SkeletonTemplateDraft::Problem> beside = m_model->skeletonProblems(hand);
    QCOMPARE(beside.size(), 3);
    QCOMPARE(beside.at(1).part, Part::Keypoints);
    QCOMPARE(beside.at(1).row, 1);
    QCOMPARE(beside.at(2).row, 2);

    QVERIFY(m_model->setKeypointName(hand, 1, QStringLiteral("Index")));
    QVERIFY(m_model->setKeypointName(hand, 2, QStringLiteral("Wrist")));
    QVERIFY(m_model->setSkeletonFrame(hand, 2.0, 1.0));
    QVERIFY(m_model->problems().isEmpty());

    // Two skeletons of one name would share a template: the second one is named at fault.
    const QModelIndex other = m_model->addObject(QStringLiteral("Hand"), Shape::Skeleton);
    m_model->addKeypoint(other, QStringLiteral("Palm"));
    QCOMPARE(m_model->problems().size(), 1);
    QCOMPARE(m_model->problems().first().index, other);
    QVERIFY2(m_model->problems().first().message.startsWith(
                 QStringLiteral("Two skeletons are called \u201cHand\u201d")),
             qPrintable(m_model->problems().first().message));

    // Edges between keypoints the template does not have, or of a keypoint to itself, can
    // only come from a file; they are named too.
    SkeletonTemplate broken = SkeletonTemplateDraft::blank(QStringLiteral("Broken"));
    broken.skeleton.insert(QStringLiteral("0"), {});
    broken.skeleton[QStringLiteral("0")].name = QStringLiteral("Only");
    broken.skeletonEdges =
        parse(R"({"0": {"0": {"color": "#000000"}, "5": {"color": "#000000"}}})");
    QCOMPARE(SkeletonTemplateDraft(broken).problems().size(), 2);
    QCOMPARE(SkeletonTemplateDraft(broken).problems().at(0).message,
             QStringLiteral("Edge 1 joins \u201cOnly\u201d to itself."));
    QCOMPARE(SkeletonTemplateDraft(broken).problems().at(1).message,
             QStringLiteral("Edge 2 joins a keypoint the template does not have."));
}

void TestOntologyEditModel::shouldShowATemplateInTables()
{
    const QModelIndex arm = m_model->addObject(QStringLiteral("Arm"), Shape::Skeleton);
    SkeletonKeypointModel keypoints(m_model.get());
    SkeletonEdgeModel edges(m_model.get());
    QAbstractItemModelTester keypointTester(&keypoints,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester edgeTester(&edges,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    keypoints.setObject(arm);
    edges.setObject(arm);
    QCOMPARE(keypoints.rowCount(), 0);

    // Rows follow the source, whoever changes it.
    m_model->addKeypoint(arm, QStringLiteral("Shoulder"), QPointF(0.25, 0.5));
    m_model->addKeypoint(arm, QStringLiteral("Elbow"));
    m_model->addEdge(arm);
    QCOMPARE(keypoints.rowCount(), 2);
    QCOMPARE(keypoints.index(0, SkeletonKeypointModel::XColumn).data().toString(),
             QStringLiteral("0.25"));
    QCOMPARE(keypoints.index(0, SkeletonKeypointModel::ColorColumn).data(Qt::DecorationRole),
             QVariant(QColor(QStringLiteral("#D33115"))));
    QCOMPARE(edges.rowCount(), 1);
    QCOMPARE(edges.index(0, SkeletonEdgeModel::ToColumn).data().toString(),
             QStringLiteral("Elbow"));
    QCOMPARE(edges.index(0, SkeletonEdgeModel::ToColumn).data(SkeletonTableModel::ChoicesRole),
             QVariant(QStringList{QStringLiteral("Shoulder"), QStringLiteral("Elbow")}));
    QVERIFY(!(keypoints.flags(keypoints.index(0, SkeletonKeypointModel::ColorColumn))
              & Qt::ItemIsEditable));

    // Edits in the tables are undoable edits of the source, and problems show on their rows.
    QVERIFY(keypoints.setData(keypoints.index(1, SkeletonKeypointModel::NameColumn),
                              QStringLiteral("Shoulder")));
    QCOMPARE(m_model->skeletonTemplate(arm)->skeleton.value(QStringLiteral("1")).name,
             QStringLiteral("Shoulder"));
    QVERIFY(!keypoints.index(1, 0).data(SkeletonTableModel::ProblemRole).toString().isEmpty());
    QVERIFY(keypoints.index(0, 0).data(SkeletonTableModel::ProblemRole).toString().isEmpty());
    QCOMPARE(edges.index(0, SkeletonEdgeModel::ToColumn).data().toString(),
             QStringLiteral("Shoulder"));
    m_model->undoStack()->undo();
    QCOMPARE(keypoints.index(1, 0).data().toString(), QStringLiteral("Elbow"));
    QVERIFY(keypoints.index(1, 0).data(SkeletonTableModel::ProblemRole).toString().isEmpty());

    QVERIFY(keypoints.setData(keypoints.index(1, SkeletonKeypointModel::YColumn), 0.9));
    QCOMPARE(m_model->skeletonTemplate(arm)->skeleton.value(QStringLiteral("1")).y, 0.9);
    QVERIFY(edges.setData(edges.index(0, SkeletonEdgeModel::ColorColumn), QColor(Qt::white)));
    QCOMPARE(edges.index(0, SkeletonEdgeModel::ColorColumn).data().toString(),
             QStringLiteral("#FFFFFF"));

    // Rows go when the source loses them: a removed keypoint, a deleted object.
    m_model->removeKeypoint(arm, 0);
    QCOMPARE(keypoints.rowCount(), 1);
    QCOMPARE(edges.rowCount(), 0);
    m_model->remove(arm);
    QCOMPARE(keypoints.rowCount(), 0);
}

void TestOntologyEditModel::shouldWriteClassificationsOfEveryKind()
{
    const QModelIndex weather =
        m_model->addClassification(QStringLiteral("Weather"), AttributeType::Radio);
    m_model->addOption(m_model->index(0, 0, weather), QStringLiteral("Light rain"));
    m_model->addOption(m_model->index(0, 0, weather), QStringLiteral("Sun"));
    const QModelIndex flags =
        m_model->addClassification(QStringLiteral("Flags"), AttributeType::Checklist);
    m_model->addOption(m_model->index(0, 0, flags), QStringLiteral("Blurry"));
    m_model->addClassification(QStringLiteral("Caption"), AttributeType::Text);
    const QModelIndex count =
        m_model->addClassification(QStringLiteral("Count"), AttributeType::Numeric);
    QVERIFY(m_model->setData(count, true, Model::RequiredRole));

    QCOMPARE(weather.data().toString(), QStringLiteral("Weather"));
    QCOMPARE(count.siblingAtColumn(Model::TypeColumn).data().toString(), QStringLiteral("Numeric"));
    COMPARE_JSON(withoutHashes(*m_model), parse(R"({
      "objects": [],
      "classifications": [
        {"id": "1", "attributes": [
          {"id": "1.1", "name": "Weather", "type": "radio", "required": false,
           "archived": false, "dynamic": false, "options": [
             {"id": "1.1.1", "label": "Light rain", "value": "light_rain", "archived": false},
             {"id": "1.1.2", "label": "Sun", "value": "sun", "archived": false}]}]},
        {"id": "2", "attributes": [
          {"id": "2.1", "name": "Flags", "type": "checklist", "required": false,
           "archived": false, "dynamic": false, "options": [
             {"id": "2.1.1", "label": "Blurry", "value": "blurry", "archived": false}]}]},
        {"id": "3", "attributes": [
          {"id": "3.1", "name": "Caption", "type": "text", "required": false,
           "archived": false, "dynamic": false}]},
        {"id": "4", "attributes": [
          {"id": "4.1", "name": "Count", "type": "numeric", "required": true,
           "archived": false, "dynamic": false}]}
      ],
      "skeleton_templates": []
    })"));
}

void TestOntologyEditModel::shouldNestAttributesThreeLevelsDeep()
{
    // Object → radio → option → radio → option → radio → option → text.
    const QModelIndex car = m_model->addObject(QStringLiteral("Car"), Shape::BoundingBox);
    const QModelIndex colour = m_model->addAttribute(car, QStringLiteral("Colour"));
    QVERIFY(m_model->setData(colour, true, Model::DynamicRole));
    const QModelIndex red = m_model->addOption(colour, QStringLiteral("Red"));
    const QModelIndex shade = m_model->addAttribute(red, QStringLiteral("Shade"));
    const QModelIndex dark = m_model->addOption(shade, QStringLiteral("Dark Red"));
    const QModelIndex finish = m_model->addAttribute(dark, QStringLiteral("Finish"));
    const QModelIndex matte = m_model->addOption(finish, QStringLiteral("Matte"));
    const QModelIndex notes =
        m_model->addAttribute(matte, QStringLiteral("Notes"), AttributeType::Text);
    QVERIFY(notes.isValid());
    QCOMPARE(notes.data(Model::IdRole).toString(), QStringLiteral("1.1.1.1.1.1.1.1"));
    // A text attribute takes no options, and options of a checklist take no questions.
    QVERIFY(!m_model->addOption(notes).isValid());
    const QModelIndex checklist =
        m_model->addAttribute(car, QStringLiteral("Parts"), AttributeType::Checklist);
    const QModelIndex wheel = m_model->addOption(checklist, QStringLiteral("Wheel"));
    QVERIFY(!m_model->addAttribute(wheel).isValid());
    QVERIFY(!m_model->attributeParentFor(wheel).isValid());
    QCOMPARE(m_model->attributeParentFor(notes), matte);
    QCOMPARE(m_model->optionParentFor(matte), finish);

    COMPARE_JSON(withoutHashes(*m_model), parse(R"({
      "objects": [
        {"id": "1", "name": "Car", "color": "#D33115", "shape": "bounding_box",
         "required": false, "archived": false, "attributes": [
          {"id": "1.1", "name": "Colour", "type": "radio", "required": false,
           "archived": false, "dynamic": true, "options": [
            {"id": "1.1.1", "label": "Red", "value": "red", "archived": false, "options": [
              {"id": "1.1.1.1", "name": "Shade", "type": "radio", "required": false,
               "archived": false, "dynamic": false, "options": [
                {"id": "1.1.1.1.1", "label": "Dark Red", "value": "dark_red", "archived": false,
                 "options": [
                  {"id": "1.1.1.1.1.1", "name": "Finish", "type": "radio", "required": false,
                   "archived": false, "dynamic": false, "options": [
                    {"id": "1.1.1.1.1.1.1", "label": "Matte", "value": "matte",
                     "archived": false, "options": [
                      {"id": "1.1.1.1.1.1.1.1", "name": "Notes", "type": "text",
                       "required": false, "archived": false, "dynamic": false}]}]}]}]}]}]},
          {"id": "1.2", "name": "Parts", "type": "checklist", "required": false,
           "archived": false, "dynamic": false, "options": [
            {"id": "1.2.1", "label": "Wheel", "value": "wheel", "archived": false}]}]}
      ],
      "classifications": [],
      "skeleton_templates": []
    })"));

    // The JSON reads back into the same structure.
    QCOMPARE(OntologyStructure::fromJson(m_model->toJson()), m_model->structure());
}

void TestOntologyEditModel::shouldNestQuestionsUnderAClassificationsAnswers()
{
    // Classification → radio → option → radio → option → radio → option → text.
    const QModelIndex scene =
        m_model->addClassification(QStringLiteral("Scene"), AttributeType::Radio);
    const QModelIndex question = m_model->index(0, 0, scene);
    const QModelIndex outdoor = m_model->addOption(question, QStringLiteral("Outdoor"));
    const QModelIndex light = m_model->addAttribute(outdoor, QStringLiteral("Light"));
    const QModelIndex night = m_model->addOption(light, QStringLiteral("Night"));
    const QModelIndex lamps = m_model->addAttribute(night, QStringLiteral("Lamps"));
    const QModelIndex sodium = m_model->addOption(lamps, QStringLiteral("Sodium"));
    const QModelIndex remark =
        m_model->addAttribute(sodium, QStringLiteral("Remark"), AttributeType::Text);
    QVERIFY(remark.isValid());
    QCOMPARE(remark.data(Model::IdRole).toString(), QStringLiteral("1.1.1.1.1.1.1.1"));

    COMPARE_JSON(withoutHashes(*m_model), parse(R"({
      "objects": [],
      "classifications": [
        {"id": "1", "attributes": [
          {"id": "1.1", "name": "Scene", "type": "radio", "required": false,
           "archived": false, "dynamic": false, "options": [
            {"id": "1.1.1", "label": "Outdoor", "value": "outdoor", "archived": false,
             "options": [
              {"id": "1.1.1.1", "name": "Light", "type": "radio", "required": false,
               "archived": false, "dynamic": false, "options": [
                {"id": "1.1.1.1.1", "label": "Night", "value": "night", "archived": false,
                 "options": [
                  {"id": "1.1.1.1.1.1", "name": "Lamps", "type": "radio", "required": false,
                   "archived": false, "dynamic": false, "options": [
                    {"id": "1.1.1.1.1.1.1", "label": "Sodium", "value": "sodium",
                     "archived": false, "options": [
                      {"id": "1.1.1.1.1.1.1.1", "name": "Remark", "type": "text",
                       "required": false, "archived": false, "dynamic": false}]}]}]}]}]}]}]}
      ],
      "skeleton_templates": []
    })"));
    QCOMPARE(OntologyStructure::fromJson(m_model->toJson()), m_model->structure());
}

void TestOntologyEditModel::shouldKeepHashesThroughEditsMovesUndoAndRedo()
{
    buildCar(*m_model);
    m_model->addObject(QStringLiteral("Truck"));
    const QMap<QString, QString> before = hashesByName(*m_model);
    QCOMPARE(before.size(), 9);
    const int built = m_model->undoStack()->index();

    // When: a rename, a shape change, moves, a delete, and undo/redo of everything.
    const QModelIndex car = child(*m_model, m_model->objectSection(), {0});
    QVERIFY(m_model->setData(car, QStringLiteral("Automobile"), Qt::EditRole));
    QVERIFY(m_model->setData(car, int(Shape::Bitmask), Model::ShapeRole));
    QVERIFY(m_model->moveBy(car, +1));
    QVERIFY(m_model->moveBy(child(*m_model, m_model->objectSection(), {1, 0, 1}), -1));
    QVERIFY(m_model->remove(child(*m_model, m_model->objectSection(), {0})));

    QMap<QString, QString> after = hashesByName(*m_model);
    QCOMPARE(after.value(QStringLiteral("Automobile")), before.value(QStringLiteral("Car")));
    QCOMPARE(after.value(QStringLiteral("Blue")), before.value(QStringLiteral("Blue")));
    QCOMPARE(after.value(QStringLiteral("Red")), before.value(QStringLiteral("Red")));
    // The car's id did not follow its row.
    QCOMPARE(child(*m_model, m_model->objectSection(), {0}).data(Model::IdRole).toString(),
             QStringLiteral("1"));

    while (m_model->undoStack()->index() > built)
        m_model->undoStack()->undo();
    QCOMPARE(hashesByName(*m_model), before);
    while (m_model->undoStack()->canRedo())
        m_model->undoStack()->redo();
    after = hashesByName(*m_model);
    QVERIFY(!after.contains(QStringLiteral("Truck")));
    QCOMPARE(after.value(QStringLiteral("Automobile")), before.value(QStringLiteral("Car")));
    QCOMPARE(after.value(QStringLiteral("Dent")), before.value(QStringLiteral("Dent")));
}

void TestOntologyEditModel::shouldUndoAndRedoEveryKindOfEdit()
{
    // Each step's JSON is recorded; undo walks back through them, redo forward again.
    QList<QJsonObject> states{m_model->toJson()};
    const auto step = [&] {
        states.append(m_model->toJson());
    };

    const QModelIndex car = m_model->addObject(QStringLiteral("Car"));
    step();
    const QModelIndex colour = m_model->addAttribute(car, QStringLiteral("Colour"));
    step();
    m_model->addOption(colour, QStringLiteral("Red"));
    step();
    m_model->addOption(colour, QStringLiteral("Green"));
    step();
    QVERIFY(m_model->setData(car, QColor(Qt::blue), Model::ColorRole));
    step();
    QVERIFY(m_model->setData(car, true, Model::RequiredRole));
    step();
    QVERIFY(m_model->moveBy(m_model->index(1, 0, colour), -1));
    step();
    QVERIFY(m_model->duplicate(colour).isValid());
    step();
    QVERIFY(m_model->setData(colour, int(AttributeType::Text), Model::AttributeTypeRole));
    step();
    QVERIFY(m_model->remove(colour));
    step();
    m_model->addClassification(QStringLiteral("Weather"));
    step();
    QCOMPARE(m_model->undoStack()->count(), states.size() - 1);

    for (qsizetype i = states.size() - 2; i >= 0; --i) {
        m_model->undoStack()->undo();
        QCOMPARE(m_model->toJson(), states.at(i));
    }
    for (qsizetype i = 1; i < states.size(); ++i) {
        m_model->undoStack()->redo();
        QCOMPARE(m_model->toJson(), states.at(i));
    }
}

void TestOntologyEditModel::shouldMergeTypingIntoOneUndoStep()
{
    const QModelIndex car = m_model->addObject(QStringLiteral("C"));
    QVERIFY(m_model->setData(car, QStringLiteral("Ca"), Model::NameRole));
    QVERIFY(m_model->setData(car, QStringLiteral("Car"), Model::NameRole));
    QCOMPARE(m_model->undoStack()->count(), 2);
    m_model->undoStack()->undo();
    QCOMPARE(car.data().toString(), QStringLiteral("C"));
    m_model->undoStack()->redo();
    QCOMPARE(car.data().toString(), QStringLiteral("Car"));
}

void TestOntologyEditModel::shouldDuplicateWithNewIdsAndHashes()
{
    buildCar(*m_model);
    const QModelIndex car = child(*m_model, m_model->objectSection(), {0});
    const QJsonObject original = m_model->toJson()[u"objects"].toArray().at(0).toObject();

    const QModelIndex copy = m_model->duplicate(car);
    QCOMPARE(copy.row(), 1);
    QCOMPARE(copy.data().toString(), QStringLiteral("Car copy"));

    // Then: the copy is the car with id 2 and nested ids under 2, every hash new and unique.
    HashCheck check;
    check.strip(m_model->toJson(), false);
    QVERIFY(check.wellFormed());
    QJsonObject expected = check.strip(original, false).toObject();
    expected[u"id"] = QStringLiteral("2");
    expected[u"name"] = QStringLiteral("Car copy");
    QByteArray text = QJsonDocument(expected).toJson(QJsonDocument::Compact);
    text.replace("\"1.", "\"2.");
    const QJsonObject written = m_model->toJson()[u"objects"].toArray().at(1).toObject();
    HashCheck ignore;
    COMPARE_JSON(ignore.strip(written, false).toObject(), QJsonDocument::fromJson(text).object());

    // Duplicating an option keeps it under its attribute with the next local id.
    const QModelIndex red = child(*m_model, car, {0, 0});
    const QModelIndex redCopy = m_model->duplicate(red);
    QCOMPARE(redCopy.data(Model::IdRole).toString(), QStringLiteral("1.1.3"));
    QCOMPARE(redCopy.data(Model::OptionValueRole).toString(), QStringLiteral("red_copy"));
    QVERIFY(redCopy.data(Model::FeatureNodeHashRole) != red.data(Model::FeatureNodeHashRole));

    // Undo removes the copies again.
    m_model->undoStack()->undo();
    m_model->undoStack()->undo();
    QCOMPARE(m_model->rowCount(m_model->objectSection()), 1);
}

void TestOntologyEditModel::shouldNeverReuseAHash()
{
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const QModelIndex object = m_model->addObject();
        const QModelIndex attribute = m_model->addAttribute(object);
        for (const QModelIndex &index : {object, attribute}) {
            const QString hash = index.data(Model::FeatureNodeHashRole).toString();
            QVERIFY2(!seen.contains(hash), qPrintable(hash));
            seen.insert(hash);
        }
        // Deleted elements keep their hashes reserved: undo may bring them back.
        QVERIFY(m_model->remove(object));
    }
}

void TestOntologyEditModel::shouldMoveOnlyWithinTheParent()
{
    buildCar(*m_model);
    const QModelIndex car = child(*m_model, m_model->objectSection(), {0});
    const QModelIndex colour = child(*m_model, car, {0});
    const QModelIndex damage = child(*m_model, car, {1});
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);

    // An option cannot move to another attribute, an object not among classifications, and
    // the sections stay where they are.
    QVERIFY(!m_model->moveRows(colour, 0, 1, damage, 0));
    QVERIFY(
        !m_model->moveRows(m_model->objectSection(), 0, 1, m_model->classificationSection(), 0));
    QVERIFY(!m_model->moveRows({}, 0, 1, {}, 2));
    QVERIFY(!m_model->moveBy(colour, -1));
    QCOMPARE(moved.size(), 0);

    QVERIFY(m_model->moveRows(car, 1, 1, car, 0));
    QCOMPARE(child(*m_model, car, {0}).data().toString(), QStringLiteral("Damage"));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(m_model->toJson()[u"objects"][0][u"attributes"][0][u"id"].toString(),
             QStringLiteral("1.2"));
}

void TestOntologyEditModel::shouldMoveByDragAndDrop()
{
    buildCar(*m_model);
    const QModelIndex colour = child(*m_model, m_model->objectSection(), {0, 0});
    m_model->addOption(colour, QStringLiteral("Green"));
    const QModelIndex red = child(*m_model, colour, {0});
    const std::unique_ptr<QMimeData> mime(m_model->mimeData({red}));
    QVERIFY(mime);

    // Dropped onto an element of another parent: refused.
    const QModelIndex dent = child(*m_model, m_model->objectSection(), {0, 1, 0});
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, dent));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, dent.parent()));

    // Dropped between rows of its own attribute: moved there, in one undo step.
    QVERIFY(m_model->dropMimeData(mime.get(), Qt::MoveAction, 3, 0, colour));
    QStringList labels;
    for (int row = 0; row < m_model->rowCount(colour); ++row)
        labels << m_model->index(row, 0, colour).data().toString();
    QCOMPARE(labels,
             (QStringList{QStringLiteral("Blue"), QStringLiteral("Green"), QStringLiteral("Red")}));

    // Dropped onto a sibling: takes its place.
    const std::unique_ptr<QMimeData> again(m_model->mimeData({m_model->index(2, 0, colour)}));
    QVERIFY(
        m_model->dropMimeData(again.get(), Qt::MoveAction, -1, 0, m_model->index(0, 0, colour)));
    QCOMPARE(m_model->index(0, 0, colour).data().toString(), QStringLiteral("Red"));
    m_model->undoStack()->undo();
    m_model->undoStack()->undo();
    QCOMPARE(m_model->index(0, 0, colour).data().toString(), QStringLiteral("Red"));
    QCOMPARE(m_model->index(1, 0, colour).data().toString(), QStringLiteral("Blue"));

    // Another model's drag is not ours.
    Model other;
    buildCar(other);
    const std::unique_ptr<QMimeData> foreign(
        other.mimeData({child(other, other.objectSection(), {0, 0, 0})}));
    QVERIFY(!m_model->canDropMimeData(foreign.get(), Qt::MoveAction, 0, 0, colour));
}

void TestOntologyEditModel::shouldDropWhatANewAttributeTypeCannotHold()
{
    buildCar(*m_model);
    const QModelIndex colour = child(*m_model, m_model->objectSection(), {0, 0});
    m_model->addAttribute(m_model->index(0, 0, colour), QStringLiteral("Shade"));
    const QJsonObject before = m_model->toJson();

    // Radio → checklist: the options stay, the question under "Red" goes.
    QVERIFY(m_model->setData(colour, int(AttributeType::Checklist), Model::AttributeTypeRole));
    QCOMPARE(m_model->rowCount(colour), 2);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0, colour)), 0);
    // Checklist → text: the options go too.
    QVERIFY(m_model->setData(colour, int(AttributeType::Text), Model::AttributeTypeRole));
    QCOMPARE(m_model->rowCount(colour), 0);
    QVERIFY(!m_model->toJson()[u"objects"][0][u"attributes"][0].toObject().contains(u"options"));

    // Two undo steps bring all of it back.
    m_model->undoStack()->undo();
    m_model->undoStack()->undo();
    QCOMPARE(m_model->toJson(), before);
}

void TestOntologyEditModel::shouldDeriveOptionValuesAndAskOneQuestionPerClassification()
{
    const QModelIndex weather = m_model->addClassification(QStringLiteral("Weather"));
    const QModelIndex option = m_model->addOption(m_model->index(0, 0, weather));
    QCOMPARE(option.data().toString(), QStringLiteral("Option 1"));
    QVERIFY(m_model->setData(option, QStringLiteral("Heavy Rain Fall"), Qt::EditRole));
    QCOMPARE(option.data(Model::OptionValueRole).toString(), QStringLiteral("heavy_rain_fall"));

    // A classification asks one question: no second root attribute, no copy of the question.
    QVERIFY(!m_model->addAttribute(weather).isValid());
    QVERIFY(!m_model->attributeParentFor(m_model->index(0, 0, weather)).isValid());
    QVERIFY(!m_model->canDuplicate(m_model->index(0, 0, weather)));
    QVERIFY(!m_model->duplicate(m_model->index(0, 0, weather)).isValid());

    // A classification's name is its question's name.
    QVERIFY(m_model->setData(weather, QStringLiteral("Sky"), Qt::EditRole));
    QCOMPARE(m_model->index(0, 0, weather).data().toString(), QStringLiteral("Sky"));
    QCOMPARE(m_model->toJson()[u"classifications"][0][u"attributes"][0][u"name"].toString(),
             QStringLiteral("Sky"));
}

void TestOntologyEditModel::shouldListProblemsThatBlockCreation()
{
    const QModelIndex car = m_model->addObject(QStringLiteral("Car"));
    const QModelIndex colour = m_model->addAttribute(car, QStringLiteral("Colour"));
    const QModelIndex weather = m_model->addClassification(QStringLiteral("Weather"));
    QVERIFY(m_model->setData(car, QString(), Qt::EditRole));
    m_model->remove(m_model->index(0, 0, weather));

    const QList<Model::Problem> problems = m_model->problems();
    QStringList messages;
    for (const Model::Problem &problem : problems)
        messages << problem.message;
    QCOMPARE(messages,
             (QStringList{QStringLiteral("Object 1 needs a name."),
                          QStringLiteral("\u201cColour\u201d needs at least one option to choose "
                                         "from."),
                          QStringLiteral("Classification 1 needs a question: add an attribute to "
                                         "it.")}));
    QCOMPARE(problems.at(1).index, colour);
    QCOMPARE(problems.at(2).index, weather);

    // A skeleton needs a template named like it, with a keypoint at least.
    Model skeletons;
    const QModelIndex hand = skeletons.addObject(QStringLiteral("Hand"), Shape::Skeleton);
    QCOMPARE(skeletons.problems().size(), 1);
    QCOMPARE(skeletons.problems().first().index, hand);
    QVERIFY2(skeletons.problems().first().message.contains(QStringLiteral("skeleton template")),
             qPrintable(skeletons.problems().first().message));
}

namespace {

// A structure as the current SDK writes it, with a skeleton template and a key this app does
// not know: import and export must give it back byte for byte (after parsing).
const char *const sdkStructure = R"({
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
             {"id": "1.1.1.1", "name": "Shade", "type": "text", "featureNodeHash": "c2hhZGUx",
              "required": false, "archived": false, "dynamic": false}]}]}]},
    {"id": "2", "name": "Pedestrian", "color": "#E27300", "shape": "skeleton",
     "featureNodeHash": "5eed0002", "required": false, "archived": false}
  ],
  "classifications": [
    {"id": "1", "featureNodeHash": "d00d0001", "level": "global",
     "attributes": [
       {"id": "1.1", "name": "Weather", "type": "checklist", "featureNodeHash": "d2VhdGhl",
        "required": true, "archived": false, "dynamic": false,
        "options": [
          {"id": "1.1.1", "label": "Light rain", "value": "light_rain",
           "featureNodeHash": "cmFpbjEx", "archived": false}]}]}
  ],
  "skeleton_templates": [
    {"template": {"name": "Pedestrian", "width": 0.25, "height": 0.5, "shape": "skeleton",
      "feature_node_hash": "5eed0002",
      "skeleton": {"0": {"x": 0.5, "y": 0.1, "name": "head", "color": "#FF0000",
                         "value": "head", "featureHash": "aGVhZDEx"}},
      "skeletonEdges": {}}}
  ],
  "schemaNote": "kept"
})";

} // namespace

void TestOntologyEditModel::shouldRoundTripAnImportedStructureExactly()
{
    const Result<OntologyStructure, QString> read = OntologyStructureReader::read(sdkStructure);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error()));
    m_model->setStructure(read.value());
    QCOMPARE(m_model->rowCount(m_model->objectSection()), 2);
    QCOMPARE(m_model->toJson(), parse(sdkStructure));
    // Its skeleton object has its template, so nothing blocks creating it.
    QVERIFY(m_model->problems().isEmpty());

    // New elements get ids after the imported ones and hashes unlike any of them.
    const QModelIndex truck = m_model->addObject(QStringLiteral("Truck"));
    QCOMPARE(truck.data(Model::IdRole).toString(), QStringLiteral("3"));
    QCOMPARE(truck.data(Model::ColorRole).value<QColor>(), QColor(QStringLiteral("#16406C")));
    const QModelIndex red = child(*m_model, m_model->objectSection(), {0, 0, 0});
    QCOMPARE(m_model->addAttribute(red).data(Model::IdRole).toString(), QStringLiteral("1.1.1.2"));
    QCOMPARE(m_model->indexOfHash(QStringLiteral("b3B0MS4x")), red);

    // An ontology as getOntology returns it is accepted too (its "editor").
    QJsonObject ontology{{QStringLiteral("title"), QStringLiteral("Roads")},
                         {QStringLiteral("editor"), parse(sdkStructure)}};
    const Result<OntologyStructure, QString> wrapped =
        OntologyStructureReader::read(QJsonDocument(ontology).toJson());
    QVERIFY(wrapped.ok());
    QCOMPARE(wrapped.value().toJson(), parse(sdkStructure));
}

void TestOntologyEditModel::shouldEditAnImportedTemplate()
{
    const Result<OntologyStructure, QString> read = OntologyStructureReader::read(sdkStructure);
    QVERIFY(read.ok());
    m_model->setStructure(read.value());
    const QModelIndex pedestrian = child(*m_model, m_model->objectSection(), {1});
    QCOMPARE(m_model->skeletonTemplate(pedestrian)->featureNodeHash.value_or(QString()),
             QStringLiteral("5eed0002"));

    // A keypoint and an edge added: what came with the file stays as it was.
    QCOMPARE(m_model->addKeypoint(pedestrian, QStringLiteral("Neck"), QPointF(0.5, 0.2)), 1);
    QCOMPARE(m_model->addEdge(pedestrian), 0);
    const QJsonObject skeleton =
        m_model->toJson()[u"skeleton_templates"][0][u"template"].toObject();
    QCOMPARE(skeleton[u"feature_node_hash"].toString(), QStringLiteral("5eed0002"));
    QCOMPARE(skeleton[u"width"].toDouble(), 0.25);
    QCOMPARE(
        skeleton[u"skeleton"][u"0"].toObject(),
        parse(sdkStructure)[u"skeleton_templates"][0][u"template"][u"skeleton"][u"0"].toObject());
    const QString neckHash = skeleton[u"skeleton"][u"1"][u"featureHash"].toString();
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9+/]{8}$")).match(neckHash).hasMatch());
    QVERIFY(!OntologyHelpers::featureNodeHashes(m_model->structure()).contains(neckHash));
    QVERIFY(neckHash != QStringLiteral("aGVhZDEx"));
    QCOMPARE(skeleton[u"skeletonEdges"].toObject(), parse(R"({"0": {"1": {"color": "#E27300"}}})"));

    // Undo gives back the file's structure exactly.
    m_model->undoStack()->undo();
    m_model->undoStack()->undo();
    QCOMPARE(m_model->toJson(), parse(sdkStructure));
}

void TestOntologyEditModel::shouldImportAStructureFileAsOneUndoStep()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("structure.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(sdkStructure);
    file.close();

    m_model->addObject(QStringLiteral("Draft"));
    const QJsonObject draft = m_model->toJson();
    const Result<OntologyStructure, QString> read = OntologyStructureReader::readFile(path);
    QVERIFY(read.ok());
    m_model->replaceStructure(read.value(), QStringLiteral("Import"));
    QCOMPARE(m_model->toJson(), parse(sdkStructure));

    // Nothing of the draft is lost: undo gives it back.
    m_model->undoStack()->undo();
    QCOMPARE(m_model->toJson(), draft);
    m_model->undoStack()->redo();
    QCOMPARE(m_model->toJson(), parse(sdkStructure));

    const Result<OntologyStructure, QString> missing =
        OntologyStructureReader::readFile(dir.filePath(QStringLiteral("nowhere.json")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().startsWith(QStringLiteral("Could not open nowhere.json")),
             qPrintable(missing.error()));
}

void TestOntologyEditModel::shouldExplainMalformedStructureFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("explanation");

    QTest::newRow("not JSON") << QByteArray("{\n  \"objects\": [,]\n}")
                              << QStringLiteral("at line 2, column");
    QTest::newRow("a list") << QByteArray("[]") << QStringLiteral("holds a JSON list");
    QTest::newRow("no objects") << QByteArray(R"({"classifications": []})")
                                << QStringLiteral("the structure needs an \"objects\" list");
    QTest::newRow("unknown shape")
        << QByteArray(R"({"objects": [{"id": "1", "name": "Car", "color": "#D33115",
                          "shape": "hexagon", "featureNodeHash": "c0ffee01"}],
                          "classifications": []})")
        << QStringLiteral("objects[0] \"Car\": the shape \"hexagon\" is not a shape");
    QTest::newRow("bad colour") << QByteArray(
        R"({"objects": [{"id": "1", "name": "Car", "color": "red",
                          "shape": "polygon", "featureNodeHash": "c0ffee01"}],
                          "classifications": []})")
                                << QStringLiteral("objects[0] \"Car\": \"color\" must be a colour");
    QTest::newRow("attribute without required")
        << QByteArray(R"({"objects": [], "classifications": [{"id": "1",
                          "featureNodeHash": "d00d0001", "attributes": [{"id": "1.1",
                          "name": "Weather", "type": "text", "featureNodeHash": "d2VhdGhl"}]}]})")
        << QStringLiteral("classifications[0] \"Weather\".attributes[0] \"Weather\": "
                          "\"required\" must be given");
    QTest::newRow("classification without question")
        << QByteArray(R"({"objects": [], "classifications": [{"id": "1",
                          "featureNodeHash": "d00d0001", "attributes": []}]})")
        << QStringLiteral("a classification needs at least one attribute");
    QTest::newRow("duplicate hash")
        << QByteArray(R"({"objects": [
             {"id": "1", "name": "A", "color": "#D33115", "shape": "point",
              "featureNodeHash": "same0001"},
             {"id": "2", "name": "B", "color": "#D33115", "shape": "point",
              "featureNodeHash": "same0001"}], "classifications": []})")
        << QStringLiteral("objects[1] \"B\": the feature node hash \"same0001\" is used twice");
    QTest::newRow("nested id outside its parent")
        << QByteArray(R"({"objects": [{"id": "1", "name": "Car", "color": "#D33115",
              "shape": "polygon", "featureNodeHash": "c0ffee01", "attributes": [
              {"id": "2.1", "name": "Colour", "type": "text", "required": false,
               "featureNodeHash": "QWxwaGEx"}]}], "classifications": []})")
        << QStringLiteral("does not start with its parent's id \"1\"");
    QTest::newRow("questions under a checklist option")
        << QByteArray(R"({"objects": [{"id": "1", "name": "Car", "color": "#D33115",
              "shape": "polygon", "featureNodeHash": "c0ffee01", "attributes": [
              {"id": "1.1", "name": "Parts", "type": "checklist", "required": false,
               "featureNodeHash": "QWxwaGEx", "options": [{"id": "1.1.1", "label": "Wheel",
               "value": "wheel", "featureNodeHash": "b3B0MS4x", "options": []}]}]}],
               "classifications": []})")
        << QStringLiteral("only the options of a radio attribute can hold further attributes");
}

void TestOntologyEditModel::shouldExplainMalformedStructureFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, explanation);
    const Result<OntologyStructure, QString> read = OntologyStructureReader::read(json);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(explanation), qPrintable(read.error()));
}

void TestOntologyEditModel::shouldRefuseEditsWhenReadOnly()
{
    buildCar(*m_model);
    const QJsonObject before = m_model->toJson();
    m_model->setReadOnly(true);
    const QModelIndex car = child(*m_model, m_model->objectSection(), {0});

    QVERIFY(!(m_model->flags(car) & Qt::ItemIsEditable));
    QVERIFY(!(m_model->flags(car) & Qt::ItemIsDragEnabled));
    QVERIFY(!m_model->setData(car, QStringLiteral("Truck"), Qt::EditRole));
    QVERIFY(!m_model->addObject().isValid());
    QVERIFY(!m_model->addAttribute(car).isValid());
    QVERIFY(!m_model->duplicate(car).isValid());
    QVERIFY(!m_model->remove(car));
    QVERIFY(!m_model->moveBy(child(*m_model, car, {1}), -1));
    QCOMPARE(m_model->toJson(), before);
}

QTEST_MAIN(TestOntologyEditModel)
#include "tst_ontologyeditmodel.moc"
