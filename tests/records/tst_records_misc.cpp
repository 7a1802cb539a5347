#include "records/clientmetadataschema.h"
#include "records/cloudintegration.h"
#include "records/cvatexporttyperesult.h"
#include "records/cvatimportjobstate.h"
#include "records/cvatimportresult.h"
#include "records/deidentifyjobstate.h"
#include "records/deidentifyrequest.h"
#include "records/group.h"
#include "records/listingfilter.h"
#include "records/page.h"
#include "tst_records.h"

#include <QTest>
#include <QTimeZone>

using namespace Encord;

namespace {

using Query = QList<QPair<QString, QString>>;

QPair<QString, QString> parameter(const char *key, const char *value)
{
    return {QString::fromLatin1(key), QString::fromLatin1(value)};
}

const char *const issuesJson = R"({
    "errors": [{"issue_type": "missing_image", "instances": ["frame_001.jpg", "frame_002.jpg"]}],
    "warnings": [{"issue_type": "unsupported_shape", "instances": ["ellipse"]}],
    "infos": []})";

} // namespace

void TestRecords::shouldConvertCloudIntegrations()
{
    const CloudIntegration v1 =
        CloudIntegration::fromJson(jsonObject(R"({"id": "i-1", "title": "S3 prod"})"));
    const CloudIntegration v2 =
        CloudIntegration::fromJson(jsonObject(R"({"integrationUuid": "i-1", "title": "S3 prod"})"));

    QCOMPARE(v1, v2);
    QCOMPARE(compact(v1.toV1Json()), QByteArray(R"({"id":"i-1","title":"S3 prod"})"));
    QCOMPARE(compact(v1.toV2Json()), QByteArray(R"({"integrationUuid":"i-1","title":"S3 prod"})"));

    // `cloud-integrations` answers {"result": [...]}, which Page also reads.
    const Page<CloudIntegration> page = Page<CloudIntegration>::fromJson(
        jsonObject(R"({"result": [{"integrationUuid": "i-1", "title": "S3 prod"},
                                   {"integrationUuid": "i-2", "title": "GCS"}]})"));
    QCOMPARE(page.results.size(), 2);
    QCOMPARE(page.results.at(1).title, QStringLiteral("GCS"));
}

void TestRecords::shouldConvertGroups()
{
    const QJsonObject json = jsonObject(R"({"groupHash": "g-1", "name": "Annotators",
        "description": "night shift", "createdAt": "2024-05-01T10:00:00+00:00"})");

    const Group group = Group::fromJson(json);

    QCOMPARE(group.groupHash, QStringLiteral("g-1"));
    QCOMPARE(group.createdAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0), QTimeZone::utc()));
    QCOMPARE(compact(group.toJson()), compact(json));
}

void TestRecords::shouldConvertClientMetadataSchema()
{
    // The GET answer
    const QJsonObject answer = jsonObject(R"({"uuid": "m-1",
        "metadataSchema": {"split": "string", "score": "number", "notes": "long_string",
                           "vector": "tensor"},
        "organisationId": 1, "createdAt": "2024-01-01T00:00:00+00:00",
        "updatedAt": "2024-01-02T00:00:00+00:00"})");
    const ClientMetadataSchema schema = ClientMetadataSchema::fromJson(answer);

    QCOMPARE(schema.uuid, std::optional<QString>(QStringLiteral("m-1")));
    QCOMPARE(schema.organisationId, std::optional<qint64>(1));
    QCOMPARE(schema.metadataSchema.size(), 4);
    QCOMPARE(schema.metadataSchema.value(QStringLiteral("notes")).value(),
             ClientMetadataSchemaType::LongString);
    QCOMPARE(schema.keysWithUnknownType(), QStringList({QStringLiteral("vector")}));
    QCOMPARE(compact(schema.toJson()), compact(answer));

    // The POST body is the bare mapping, as captured from the SDK
    const ClientMetadataSchema posted =
        ClientMetadataSchema::fromMapping(jsonObject(R"({"split": "string"})"));
    QCOMPARE(compact(posted.toMapping()), QByteArray(R"({"split":"string"})"));
    QVERIFY(!posted.uuid);
    QCOMPARE(compact(posted.toJson()),
             QByteArray(R"({"createdAt":null,"metadataSchema":{"split":"string"},)"
                        R"("organisationId":null,"updatedAt":null,"uuid":null})"));
}

void TestRecords::shouldConvertDeidentifyConditions_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<DeidentifyConditionType>("type");
    QTest::addColumn<QByteArray>("v1");
    QTest::addColumn<QByteArray>("v2");

    const QByteArray inV1 = R"({"condition_type":"IN","dicom_tag":"00080060","value":["CT"]})";
    const QByteArray inV2 = R"({"conditionType":"in","dicomTag":"00080060","value":["CT"]})";
    const QByteArray notV1 =
        R"({"condition_type":"NOT_SUBSTR","dicom_tag":"00100010","value":"SECRET"})";
    const QByteArray notV2 =
        R"({"conditionType":"notSubstr","dicomTag":"00100010","value":"SECRET"})";

    QTest::newRow("v1 IN with a list") << inV1 << DeidentifyConditionType::In << inV1 << inV2;
    QTest::newRow("v2 in with a list") << inV2 << DeidentifyConditionType::In << inV1 << inV2;
    QTest::newRow("v1 NOT_SUBSTR with a string")
        << notV1 << DeidentifyConditionType::NotSubstr << notV1 << notV2;
    QTest::newRow("v2 notSubstr with a string")
        << notV2 << DeidentifyConditionType::NotSubstr << notV1 << notV2;
    const QByteArray future = R"({"conditionType":"regex","dicomTag":"0010","value":"^A"})";
    QTest::newRow("unknown condition kept")
        << future << DeidentifyConditionType::Unknown
        << QByteArray(R"({"condition_type":"regex","dicom_tag":"0010","value":"^A"})") << future;
}

void TestRecords::shouldConvertDeidentifyConditions()
{
    QFETCH(QByteArray, json);
    QFETCH(DeidentifyConditionType, type);
    QFETCH(QByteArray, v1);
    QFETCH(QByteArray, v2);

    const DeidentifyCondition condition =
        DeidentifyCondition::fromJson(jsonObject(json.constData()));

    QCOMPARE(condition.type.value(), type);
    QCOMPARE(compact(condition.toV1Json()), v1);
    QCOMPARE(compact(condition.toV2Json()), v2);
    if (type == DeidentifyConditionType::In)
        QCOMPARE(condition.values(), QStringList({QStringLiteral("CT")}));
    if (type == DeidentifyConditionType::NotSubstr)
        QCOMPARE(condition.text(), QStringLiteral("SECRET"));
}

void TestRecords::shouldBuildDeidentifyRequests()
{
    DeidentifyRequest request;
    request.integrationHash = QStringLiteral("77777777-7777-4777-8777-777777777777");
    request.dicomUrls = {QStringLiteral("https://bucket.example/x.dcm")};
    request.redactDicomTags = true;
    request.saveConditions = {
        DeidentifyCondition::in(QStringLiteral("00080060"), {QStringLiteral("CT")}),
        DeidentifyCondition::notSubstr(QStringLiteral("00100010"), QStringLiteral("SECRET"))};

    // The legacy payload exactly as the SDK sent it (integration goes in the uid)
    QCOMPARE(compact(request.toV1Payload()),
             compact(jsonObject(R"({"dicom_urls": ["https://bucket.example/x.dcm"],
                 "redact_dicom_tags": true, "redact_pixels_mode": "REDACT_NO_TEXT",
                 "save_conditions": [
                    {"value": ["CT"], "dicom_tag": "00080060", "condition_type": "IN"},
                    {"value": "SECRET", "dicom_tag": "00100010", "condition_type": "NOT_SUBSTR"}],
                 "upload_dir": null})")));

    // The current body without conditions, as captured: no saveConditions key, nulls left out
    request.saveConditions.clear();
    request.uploadDir = QStringLiteral("deid/");
    const QJsonObject captured = jsonObject(R"({"integrationUuid":
        "77777777-7777-4777-8777-777777777777", "dicomUrls": ["https://bucket.example/x.dcm"],
        "redactDicomTags": true, "redactPixelsMode": "redactNoText", "uploadDir": "deid/"})");
    QCOMPARE(compact(request.toV2Body()), compact(captured));
    QCOMPARE(DeidentifyRequest::fromJson(captured), request);

    // A v1 payload read by the server, with the uid filled in by the caller
    DeidentifyRequest fromV1 = DeidentifyRequest::fromJson(request.toV1Payload());
    fromV1.integrationHash = request.integrationHash;
    QCOMPARE(fromV1, request);
    request.redactPixelsMode = DeidentifyRedactTextMode::RedactSensitiveText;
    QCOMPARE(request.toV1Payload().value(QLatin1StringView("redact_pixels_mode")).toString(),
             QStringLiteral("REDACT_SENSITIVE_TEXT"));
}

void TestRecords::shouldReadDeidentifyJobState()
{
    const DeidentifyJobState done = DeidentifyJobState::fromJson(jsonObject(
        R"({"status": "DONE",
            "urls": ["https://bucket.example/deid_167294769118005312_dicom-file-input.dcm"]})"));
    QCOMPARE(done.status.value(), LongPollStatus::Done);
    QCOMPARE(done.urls.size(), 1);

    const DeidentifyJobState pending =
        DeidentifyJobState::fromJson(jsonObject(R"({"status": "PENDING"})"));
    QCOMPARE(compact(pending.toJson()), QByteArray(R"({"status":"PENDING"})"));

    DeidentifyJobState empty;
    empty.status = LongPollStatus::Done;
    QCOMPARE(compact(empty.toJson()), QByteArray(R"({"status":"DONE","urls":[]})"));
}

void TestRecords::shouldConvertCvatIssues()
{
    const CvatIssues issues = CvatIssues::fromJson(jsonObject(issuesJson));

    QCOMPARE(issues.errors.size(), 1);
    QCOMPARE(issues.errors.at(0).issueType, QStringLiteral("missing_image"));
    QCOMPARE(issues.errors.at(0).instances.size(), 2);
    QCOMPARE(issues.warnings.at(0).instances, QStringList({QStringLiteral("ellipse")}));
    QVERIFY(issues.infos.isEmpty());
    QCOMPARE(compact(issues.toJson()), compact(jsonObject(issuesJson)));
    QCOMPARE(compact(CvatIssues().toJson()),
             QByteArray(R"({"errors":[],"infos":[],"warnings":[]})"));
}

void TestRecords::shouldConvertCvatImportResults_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("success");
    QTest::addColumn<QString>("projectHash");
    QTest::addColumn<int>("errorCount");

    QTest::newRow("success") << QByteArray(
        R"({"success": {"project_hash": "p-1", "issues": {"errors": [],
               "warnings": [{"issue_type": "w", "instances": []}], "infos": []}}})")
                             << true << QStringLiteral("p-1") << 0;
    QTest::newRow("error") << QByteArray(
        R"({"error": {"issues": {"errors": [{"issue_type": "bad_xml",
               "instances": ["line 3"]}], "warnings": [], "infos": []}}})")
                           << false << QString() << 1;
}

void TestRecords::shouldConvertCvatImportResults()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, success);
    QFETCH(QString, projectHash);
    QFETCH(int, errorCount);

    const QJsonObject input = jsonObject(json.constData());
    const CvatImportResult result = CvatImportResult::fromJson(input);

    QCOMPARE(result.success, success);
    QCOMPARE(result.projectHash, projectHash);
    QCOMPARE(result.issues.errors.size(), errorCount);
    QCOMPARE(compact(result.toV1Json()), compact(input));
}

void TestRecords::shouldConvertCvatJobStateAndExportType()
{
    const QJsonObject doneJson = jsonObject(R"({"status": "DONE", "projectUuid": "p-9",
        "issues": {"errors": [], "warnings": [], "infos": []}})");
    const CvatImportJobState done = CvatImportJobState::fromJson(doneJson);
    QCOMPARE(done.status.value(), LongPollStatus::Done);
    QCOMPARE(done.projectUuid, std::optional<QString>(QStringLiteral("p-9")));
    QVERIFY(done.issues.has_value());
    QCOMPARE(compact(done.toJson()), compact(doneJson));

    const CvatImportJobState pending =
        CvatImportJobState::fromJson(jsonObject(R"({"status": "PENDING"})"));
    QVERIFY(!pending.issues);
    QCOMPARE(compact(pending.toJson()), QByteArray(R"({"status":"PENDING"})"));

    const CvatExportTypeResult task =
        CvatExportTypeResult::fromJson(jsonObject(R"({"success": {"export_type": "task"}})"));
    QCOMPARE(task.exportType->value(), CvatExportType::Task);
    QCOMPARE(compact(task.toV1Json()), QByteArray(R"({"success":{"export_type":"task"}})"));
    const CvatExportTypeResult failed = CvatExportTypeResult::fromJson(
        jsonObject(R"({"error": {"message": "neither project nor task in meta"}})"));
    QVERIFY(!failed.exportType);
    QCOMPARE(failed.errorMessage, QStringLiteral("neither project nor task in meta"));
    QCOMPARE(compact(failed.toV1Json()),
             QByteArray(R"({"error":{"message":"neither project nor task in meta"}})"));
}

void TestRecords::shouldWriteListingFilter()
{
    ListingFilter filter;
    QVERIFY(filter.isEmpty());
    QVERIFY(filter.toV1Json().isEmpty());
    QVERIFY(filter.toV2Query(ListingFilter::DescriptionKeys::Short).isEmpty());

    filter.titleLike = QStringLiteral("%car%");
    filter.descEq = QStringLiteral("roads");
    filter.createdAfter = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
    filter.editedBefore = QDateTime(QDate(2024, 2, 1), QTime(10, 0, 0, 123), QTimeZone::utc());
    QVERIFY(!filter.isEmpty());

    QCOMPARE(compact(filter.toV1Json()),
             QByteArray(R"({"created_after":"2024-01-01T00:00:00+00:00","desc_eq":"roads",)"
                        R"("edited_before":"2024-02-01T10:00:00.123000+00:00",)"
                        R"("title_like":"%car%"})"));
    QCOMPARE(filter.toV2Query(ListingFilter::DescriptionKeys::Short),
             Query({parameter("titleLike", "%car%"),
                    parameter("descEq", "roads"),
                    parameter("createdAfter", "2024-01-01T00:00:00+00:00"),
                    parameter("editedBefore", "2024-02-01T10:00:00.123000+00:00")}));
    QCOMPARE(filter.toV2Query(ListingFilter::DescriptionKeys::Long).at(1),
             parameter("descriptionEq", "roads"));
}

void TestRecords::shouldReadListingFilter()
{
    // As the legacy SDK sent it: naive ISO date
    const ListingFilter legacy = ListingFilter::fromV1Json(
        jsonObject(R"({"title_like": "%car%", "created_after": "2024-01-01T00:00:00"})"));
    QCOMPARE(legacy.titleLike, std::optional<QString>(QStringLiteral("%car%")));
    QCOMPARE(legacy.createdAfter,
             std::optional<QDateTime>(QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc())));
    QVERIFY(!legacy.titleEq);

    // Both description spellings of v2, and a pydantic 2 "Z" date
    const ListingFilter datasets =
        ListingFilter::fromV2Query({parameter("descriptionLike", "%x%"),
                                    parameter("createdBefore", "2024-01-01T00:00:00Z"),
                                    parameter("includeOrgAccess", "False")});
    const ListingFilter projects = ListingFilter::fromV2Query(
        {parameter("descLike", "%x%"), parameter("created_before", "2024-01-01T00:00:00+00:00")});
    QCOMPARE(datasets, projects);
    QCOMPARE(datasets.descLike, std::optional<QString>(QStringLiteral("%x%")));
    QCOMPARE(ListingFilter::fromV1Json(datasets.toV1Json()), datasets);
}

void TestRecords::shouldMatchListingFilter_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");

    QTest::newRow("no wildcard is exact")
        << QStringLiteral("car") << QStringLiteral("cars") << false;
    QTest::newRow("percent matches a run")
        << QStringLiteral("%car%") << QStringLiteral("red cars") << true;
    QTest::newRow("percent matches nothing")
        << QStringLiteral("car%") << QStringLiteral("car") << true;
    QTest::newRow("underscore is one char")
        << QStringLiteral("c_r") << QStringLiteral("car") << true;
    QTest::newRow("underscore is not two")
        << QStringLiteral("c_r") << QStringLiteral("caar") << false;
    QTest::newRow("case insensitive") << QStringLiteral("CAR%") << QStringLiteral("Cargo") << true;
    QTest::newRow("regex characters literal")
        << QStringLiteral("a.b(%") << QStringLiteral("a.b(c)") << true;
    QTest::newRow("dot is not a wildcard")
        << QStringLiteral("a.b") << QStringLiteral("axb") << false;
}

void TestRecords::shouldMatchListingFilter()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);

    QCOMPARE(ListingFilter::likeMatches(pattern, text), matches);

    // The same pattern through a whole filter, with strict date bounds
    ListingFilter filter;
    filter.titleLike = pattern;
    const QDateTime created(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
    QCOMPARE(filter.matches(text, QString(), created, created), matches);
    filter.createdAfter = created;
    QVERIFY(!filter.matches(text, QString(), created, created));
    filter.createdAfter = created.addSecs(-1);
    QCOMPARE(filter.matches(text, QString(), created, created), matches);
}
