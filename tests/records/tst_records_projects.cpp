#include "records/createprojectrequest.h"
#include "records/labelrow.h"
#include "records/labelrowmetadata.h"
#include "records/project.h"
#include "records/projectapikey.h"
#include "tst_records.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Encord;

namespace {

const char *const v1ProjectJson = R"({
    "project_hash": "22222222-2222-4222-8222-222222222222",
    "title": "Street QA",
    "description": "benchmark for drivers",
    "created_at": "2024-02-10 12:00:00",
    "last_edited_at": "2024-02-11 13:30:15",
    "editor_ontology": "{\"objects\": [], \"classifications\": []}",
    "datasets": [{"dataset_hash": "d-1", "title": "Cars", "description": "",
                  "dataset_type": "GCP_STR", "data_count": 12}],
    "label_rows": [],
    "ontology_hash": "33333333-3333-4333-8333-333333333333",
    "source_projects": ["p-src-1"],
    "workflow_manager_uuid": "w-1",
    "label_count": 40})";

const char *const v2ProjectJson = R"({
    "projectHash": "22222222-2222-4222-8222-222222222222",
    "projectType": "workflow",
    "status": "inProgress",
    "title": "Street QA",
    "description": "benchmark for drivers",
    "createdAt": "2024-02-10T12:00:00+00:00",
    "lastEditedAt": "2024-02-11T13:30:15.000000+00:00",
    "ontologyHash": "33333333-3333-4333-8333-333333333333",
    "editorOntology": {"objects": [{"id": "1", "name": "Car", "color": "#D33115",
                                    "shape": "polygon", "featureNodeHash": "a1b2c3d4"}],
                       "classifications": []},
    "userRole": 3,
    "sourceProjects": null,
    "workflowManagerUuid": null,
    "workflow": {"stages": [
        {"stageType": "ANNOTATION", "uuid": "s-1", "title": "Annotate"},
        {"stageType": "AGENT", "uuid": "s-2", "title": "Pre-label",
         "pathways": [{"uuid": "pw-1", "title": "ok", "destinationUuid": "s-3"}]},
        {"stageType": "DONE", "uuid": "s-3", "title": "Complete"}]}})";

} // namespace

void TestRecords::shouldReadV1Project()
{
    const Project project = Project::fromJson(jsonObject(v1ProjectJson));

    QCOMPARE(project.projectHash, QStringLiteral("22222222-2222-4222-8222-222222222222"));
    QCOMPARE(project.createdAt, QDateTime(QDate(2024, 2, 10), QTime(12, 0), QTimeZone::utc()));
    QCOMPARE(project.lastEditedAt,
             QDateTime(QDate(2024, 2, 11), QTime(13, 30, 15), QTimeZone::utc()));
    QVERIFY(project.editorOntology.isEmpty()); // read from JSON text
    QCOMPARE(project.datasets.size(), 1);
    QCOMPARE(project.datasets.at(0).datasetType->value(), StorageLocation::Gcp);
    QCOMPARE(compact(project.datasets.at(0).extra), QByteArray(R"({"data_count":12})"));
    QCOMPARE(project.ontologyHash, QStringLiteral("33333333-3333-4333-8333-333333333333"));
    QCOMPARE(project.sourceProjects,
             std::optional<QStringList>(QStringList{QStringLiteral("p-src-1")}));
    QCOMPARE(project.workflowManagerUuid, std::optional<QString>(QStringLiteral("w-1")));
    QVERIFY(!project.userRole);
    QVERIFY(!project.workflow);
    QCOMPARE(compact(project.extra), QByteArray(R"({"label_count":40})"));
}

void TestRecords::shouldReadV1ProjectListingElement()
{
    QJsonObject element;
    element.insert(QStringLiteral("user_role"), 4);
    element.insert(QStringLiteral("project"), jsonObject(v1ProjectJson));

    const Project project = Project::fromJson(element);

    QCOMPARE(project.userRole->value(), ProjectUserRole::TeamManager);
    QCOMPARE(project.title, QStringLiteral("Street QA"));
    const QJsonObject written = project.toV1ListingJson();
    QCOMPARE(sortedKeys(written),
             QStringList({QStringLiteral("project"), QStringLiteral("user_role")}));
    QCOMPARE(written.value(QLatin1StringView("user_role")).toInt(-1), 4);
    QCOMPARE(Project::fromJson(written), project);
}

void TestRecords::shouldReadV2Project()
{
    const Project project = Project::fromJson(jsonObject(v2ProjectJson));

    QCOMPARE(project.projectType.value(), ProjectType::Workflow);
    QCOMPARE(project.status.value(), ProjectStatus::InProgress);
    QCOMPARE(project.userRole->value(), ProjectUserRole::AnnotatorReviewer);
    QVERIFY(!project.sourceProjects);
    QVERIFY(!project.workflowManagerUuid);
    QCOMPARE(project.editorOntology.objects.size(), 1);
    QCOMPARE(project.editorOntology.objects.at(0).shape.value(), Shape::Polygon);
    QVERIFY(project.workflow.has_value());
    QCOMPARE(project.workflow->stages.size(), 3);
    const WorkflowStage &agent = project.workflow->stages.at(1);
    QCOMPARE(agent.stageType.value(), WorkflowStageType::Agent);
    QCOMPARE(agent.pathways->at(0).destinationUuid, QStringLiteral("s-3"));
    QVERIFY(!project.workflow->stages.at(0).pathways);
    QVERIFY(project.extra.isEmpty());

    QCOMPARE(Project::fromJson(project.toV2Json()), project);
}

void TestRecords::shouldWriteProjectInBothGenerations()
{
    Project project = Project::fromJson(jsonObject(v2ProjectJson));
    project.lastEditedAt = project.lastEditedAt.addMSecs(250);

    const QJsonObject v1 = project.toV1Json();
    // Legacy ORMs parse these strictly with "%Y-%m-%d %H:%M:%S".
    QCOMPARE(v1.value(QLatin1StringView("created_at")).toString(),
             QStringLiteral("2024-02-10 12:00:00"));
    QCOMPARE(v1.value(QLatin1StringView("last_edited_at")).toString(),
             QStringLiteral("2024-02-11 13:30:15"));
    QCOMPARE(sortedKeys(v1),
             QStringList({QStringLiteral("created_at"),
                          QStringLiteral("datasets"),
                          QStringLiteral("description"),
                          QStringLiteral("editor_ontology"),
                          QStringLiteral("label_rows"),
                          QStringLiteral("last_edited_at"),
                          QStringLiteral("ontology_hash"),
                          QStringLiteral("project_hash"),
                          QStringLiteral("source_projects"),
                          QStringLiteral("title")}));
    QCOMPARE(v1.value(QLatin1StringView("source_projects")).toArray().size(), 0);

    const QJsonObject v2 = project.toV2Json();
    QCOMPARE(sortedKeys(v2),
             QStringList({QStringLiteral("createdAt"),
                          QStringLiteral("description"),
                          QStringLiteral("editorOntology"),
                          QStringLiteral("lastEditedAt"),
                          QStringLiteral("ontologyHash"),
                          QStringLiteral("projectHash"),
                          QStringLiteral("projectType"),
                          QStringLiteral("sourceProjects"),
                          QStringLiteral("status"),
                          QStringLiteral("title"),
                          QStringLiteral("userRole"),
                          QStringLiteral("workflow"),
                          QStringLiteral("workflowManagerUuid")}));
    QCOMPARE(v2.value(QLatin1StringView("lastEditedAt")).toString(),
             QStringLiteral("2024-02-11T13:30:15.250000+00:00"));
    QVERIFY(v2.value(QLatin1StringView("sourceProjects")).isNull());
    QVERIFY(v2.value(QLatin1StringView("workflowManagerUuid")).isNull());
    QCOMPARE(compact(v2.value(QLatin1StringView("workflow")).toObject()),
             QByteArray(R"({"stages":[{"stageType":"ANNOTATION","title":"Annotate","uuid":"s-1"},)"
                        R"({"pathways":[{"destinationUuid":"s-3","title":"ok","uuid":"pw-1"}],)"
                        R"("stageType":"AGENT","title":"Pre-label","uuid":"s-2"},)"
                        R"({"stageType":"DONE","title":"Complete","uuid":"s-3"}]})"));
}

void TestRecords::shouldKeepUnknownProjectStatus()
{
    const Project project = Project::fromJson(jsonObject(
        R"({"projectHash": "p", "status": "onHold", "projectType": "manual_qa", "userRole": 9})"));

    QVERIFY(project.status.isUnknown());
    QCOMPARE(project.projectType.value(), ProjectType::ManualQa);
    QVERIFY(project.userRole->isUnknown());
    const QJsonObject v2 = project.toV2Json();
    QCOMPARE(v2.value(QLatin1StringView("status")).toString(), QStringLiteral("onHold"));
    QCOMPARE(v2.value(QLatin1StringView("userRole")).toInt(), 9);
    QCOMPARE(v2.value(QLatin1StringView("projectType")).toString(), QStringLiteral("manual_qa"));
}

void TestRecords::shouldBuildCreateProjectPayload_data()
{
    QTest::addColumn<CreateProjectRequest>("request");
    QTest::addColumn<QByteArray>("payload");

    CreateProjectRequest manual;
    manual.title = QStringLiteral("Proj");
    manual.description = QStringLiteral("d");
    manual.datasetHashes = {QStringLiteral("11111111-1111-4111-8111-111111111111")};
    manual.ontologyHash = QStringLiteral("33333333-3333-4333-8333-333333333333");
    // As captured from the SDK: no source_projects, no workflow_template_id.
    QTest::newRow("manual with ontology")
        << manual
        << QByteArray(R"({"dataset_hashes":["11111111-1111-4111-8111-111111111111"],)"
                      R"("description":"d","ontology_hash":"33333333-3333-4333-8333-333333333333",)"
                      R"("title":"Proj","workflow_type":"manual"})");

    CreateProjectRequest benchmark;
    benchmark.title = QStringLiteral("Bench");
    benchmark.workflowSettings =
        ProjectWorkflowSettings::benchmark({QStringLiteral("p-1"), QStringLiteral("p-2")});
    benchmark.workflowTemplateId = QStringLiteral("tpl-9");
    QTest::newRow("benchmark without ontology")
        << benchmark
        << QByteArray(R"({"dataset_hashes":[],"description":"","source_projects":["p-1","p-2"],)"
                      R"("title":"Bench","workflow_template_id":"tpl-9",)"
                      R"("workflow_type":"benchmark"})");
}

void TestRecords::shouldBuildCreateProjectPayload()
{
    QFETCH(CreateProjectRequest, request);
    QFETCH(QByteArray, payload);

    QCOMPARE(compact(request.toV1Payload()), payload);
    QCOMPARE(CreateProjectRequest::fromV1Payload(request.toV1Payload()), request);
    QCOMPARE(ProjectWorkflowSettings::fromV1Payload(request.toV1Payload()),
             request.workflowSettings);
}

void TestRecords::shouldReadProjectApiKey()
{
    const ProjectApiKey key = ProjectApiKey::fromJson(jsonObject(
        R"({"api_key": "secret", "title": "ci", "scopes": "[\"label.read\", \"model.train\"]"})"));

    QCOMPARE(key.apiKey, QStringLiteral("secret"));
    QCOMPARE(key.scopes.size(), 2);
    QCOMPARE(key.scopes.at(0).value(), ApiKeyScope::LabelRead);
    QCOMPARE(key.scopes.at(1).value(), ApiKeyScope::ModelTrain);
    QCOMPARE(
        compact(key.toJson()),
        QByteArray(R"({"api_key":"secret","scopes":["label.read","model.train"],"title":"ci"})"));
}

void TestRecords::shouldReadLabelRowMetadataWithAndWithoutLabels()
{
    // As the SDK's list_label_rows receives them: a labelled row, and one not initialised yet.
    const QJsonObject labelled = QJsonDocument::fromJson(R"({
        "label_hash": "l-1", "created_at": "2024-02-10 12:00:00", "branch_name": "main",
        "data_hash": "d-1", "dataset_hash": "ds-1", "dataset_title": "Cars",
        "data_title": "a.png", "data_type": "IMAGE", "data_link": "cord-images/a.png",
        "label_status": "LABELLED", "annotation_task_status": null, "spaces": {},
        "number_of_frames": 1, "width": 640, "height": 480, "backing_item_uuid": "i-1",
        "object_count": 3, "classification_count": 1})")
                                     .object();
    const LabelRowMetadata row = LabelRowMetadata::fromJson(labelled);
    QCOMPARE(row.labelHash, std::optional<QString>(QStringLiteral("l-1")));
    QCOMPARE(row.dataTitle, QStringLiteral("a.png"));
    QCOMPARE(row.labelStatus, QStringLiteral("LABELLED"));
    QVERIFY(!row.annotationTaskStatus.has_value());
    QCOMPARE(row.backingItemUuid, std::optional<QString>(QStringLiteral("i-1")));
    QCOMPARE(row.width, std::optional<int>(640));
    QCOMPARE(row.objectCount, std::optional<int>(3));
    QCOMPARE(row.extra.value(QLatin1String("branch_name")).toString(), QStringLiteral("main"));

    const LabelRowMetadata empty = LabelRowMetadata::fromJson(QJsonDocument::fromJson(R"({
        "label_hash": null, "data_hash": "d-2", "dataset_hash": "ds-1",
        "dataset_title": "Cars", "data_title": "b.png", "data_type": "IMAGE",
        "data_link": null, "label_status": "NOT_LABELLED"})")
                                                                  .object());
    QVERIFY(!empty.labelHash.has_value());
    QVERIFY(!empty.dataLink.has_value());
    QVERIFY(!empty.objectCount.has_value());
}

void TestRecords::shouldReadLabelRowContent()
{
    const QJsonObject json = QJsonDocument::fromJson(R"({
        "label_hash": "l-1", "data_hash": "d-1", "data_title": "a.png",
        "label_status": "LABELLED",
        "data_units": {"d-1": {"data_hash": "d-1", "width": 10, "height": 8,
            "labels": {"objects": [{"objectHash": "o-1",
                "boundingBox": {"x": 0.1, "y": 0.25, "w": 0.5, "h": 0.5}}]}}}})")
                                 .object();
    const LabelRow row = LabelRow::fromJson(json);
    QCOMPARE(row.labelHash, QStringLiteral("l-1"));
    QCOMPARE(row.labelStatus, QStringLiteral("LABELLED"));
    QCOMPARE(row.json, json);
    QCOMPARE(row.firstDataUnit().value(QLatin1String("width")).toInt(), 10);
    QVERIFY(LabelRow().firstDataUnit().isEmpty());
}
