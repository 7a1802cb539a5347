#include "tst_records.h"

#include "records/enums.h"
#include "records/jsonhelpers.h"
#include "records/jsonreader.h"
#include "records/page.h"
#include "records/uploadsignedurl.h"

#include <QHash>
#include <QTest>
#include <QTimeZone>

using namespace Encord;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

struct EnumProbe
{
    bool unknown = true;
    QJsonValue written;
};

template<typename E>
EnumProbe probe(const QJsonValue &wire)
{
    const WireEnum<E> value = WireEnum<E>::read(wire);
    return {value.isUnknown(), value.toJson()};
}

// Reads a wire value as the named enum and writes it back.
EnumProbe probeEnum(const QString &kind, const QJsonValue &wire)
{
    using Probe = EnumProbe (*)(const QJsonValue &);
    static const QHash<QString, Probe> probes{
        {QStringLiteral("StorageLocation"), &probe<StorageLocation>},
        {QStringLiteral("DatasetUserRole"), &probe<DatasetUserRole>},
        {QStringLiteral("ProjectUserRole"), &probe<ProjectUserRole>},
        {QStringLiteral("OntologyUserRole"), &probe<OntologyUserRole>},
        {QStringLiteral("ProjectStatus"), &probe<ProjectStatus>},
        {QStringLiteral("ProjectType"), &probe<ProjectType>},
        {QStringLiteral("ProjectWorkflowType"), &probe<ProjectWorkflowType>},
        {QStringLiteral("WorkflowStageType"), &probe<WorkflowStageType>},
        {QStringLiteral("StorageItemType"), &probe<StorageItemType>},
        {QStringLiteral("StorageLocationName"), &probe<StorageLocationName>},
        {QStringLiteral("StorageUserRole"), &probe<StorageUserRole>},
        {QStringLiteral("FoldersSortBy"), &probe<FoldersSortBy>},
        {QStringLiteral("DataType"), &probe<DataType>},
        {QStringLiteral("ReviewMode"), &probe<ReviewMode>},
        {QStringLiteral("CvatExportType"), &probe<CvatExportType>},
        {QStringLiteral("DeidentifyRedactTextMode"), &probe<DeidentifyRedactTextMode>},
        {QStringLiteral("DeidentifyConditionType"), &probe<DeidentifyConditionType>},
        {QStringLiteral("ClientMetadataSchemaType"), &probe<ClientMetadataSchemaType>},
        {QStringLiteral("Shape"), &probe<Shape>},
        {QStringLiteral("AttributeType"), &probe<AttributeType>},
        {QStringLiteral("ClassificationLevel"), &probe<ClassificationLevel>},
        {QStringLiteral("DatasetScope"), &probe<DatasetScope>},
        {QStringLiteral("ApiKeyScope"), &probe<ApiKeyScope>},
        {QStringLiteral("UploadJobStatus"), &probe<UploadJobStatus>},
        {QStringLiteral("LongPollStatus"), &probe<LongPollStatus>},
    };
    const Probe function = probes.value(kind);
    return function ? function(wire) : EnumProbe();
}

} // namespace

void TestRecords::shouldParseEveryAcceptedDateSpelling_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime tenOClock = utc(2024, 1, 1, 10, 0, 0);
    QTest::newRow("v1 space separated") << QStringLiteral("2024-01-01 10:00:00") << tenOClock;
    QTest::newRow("rfc 1123 with GMT")
        << QStringLiteral("Thu, 18 Feb 2021 22:24:59 GMT") << utc(2021, 2, 18, 22, 24, 59);
    QTest::newRow("rfc 2822 numeric zone")
        << QStringLiteral("Thu, 18 Feb 2021 23:24:59 +0100") << utc(2021, 2, 18, 22, 24, 59);
    QTest::newRow("iso naive is utc") << QStringLiteral("2024-01-01T10:00:00") << tenOClock;
    QTest::newRow("iso +00:00") << QStringLiteral("2024-01-01T10:00:00+00:00") << tenOClock;
    QTest::newRow("iso Z") << QStringLiteral("2024-01-01T10:00:00Z") << tenOClock;
    QTest::newRow("iso microseconds")
        << QStringLiteral("2024-01-01T10:00:00.123456+00:00") << utc(2024, 1, 1, 10, 0, 0, 123);
    QTest::newRow("iso naive microseconds")
        << QStringLiteral("2024-01-01T10:00:00.250000") << utc(2024, 1, 1, 10, 0, 0, 250);
    QTest::newRow("iso +02:00 offset") << QStringLiteral("2024-01-01T12:00:00+02:00") << tenOClock;
    QTest::newRow("python str() with offset")
        << QStringLiteral("2024-01-01 10:00:00+00:00") << tenOClock;
    QTest::newRow("surrounding blanks") << QStringLiteral(" 2024-01-01 10:00:00 ") << tenOClock;
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
    QTest::newRow("impossible date") << QStringLiteral("2024-02-30 10:00:00") << QDateTime();
}

void TestRecords::shouldParseEveryAcceptedDateSpelling()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const QDateTime parsed = Json::parseDateTime(text);

    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestRecords::shouldWriteV1AndV2DateSpellings_data()
{
    QTest::addColumn<QDateTime>("dateTime");
    QTest::addColumn<QString>("v1");
    QTest::addColumn<QString>("v2");

    QTest::newRow("whole seconds")
        << utc(2024, 1, 1, 10, 0, 0) << QStringLiteral("2024-01-01 10:00:00")
        << QStringLiteral("2024-01-01T10:00:00+00:00");
    QTest::newRow("milliseconds become microseconds")
        << utc(2024, 1, 1, 10, 0, 0, 123) << QStringLiteral("2024-01-01 10:00:00")
        << QStringLiteral("2024-01-01T10:00:00.123000+00:00");
    QTest::newRow("small milliseconds keep leading zeros")
        << utc(2024, 1, 1, 10, 0, 0, 5) << QStringLiteral("2024-01-01 10:00:00")
        << QStringLiteral("2024-01-01T10:00:00.005000+00:00");
    QTest::newRow("offset converted to utc")
        << QDateTime(QDate(2024, 6, 30), QTime(1, 30, 0), QTimeZone(2 * 3600))
        << QStringLiteral("2024-06-29 23:30:00") << QStringLiteral("2024-06-29T23:30:00+00:00");
    QTest::newRow("invalid writes nothing") << QDateTime() << QString() << QString();
}

void TestRecords::shouldWriteV1AndV2DateSpellings()
{
    QFETCH(QDateTime, dateTime);
    QFETCH(QString, v1);
    QFETCH(QString, v2);

    QCOMPARE(Json::toV1DateTime(dateTime), v1);
    QCOMPARE(Json::toV2DateTime(dateTime), v2);
    QCOMPARE(Json::v2DateTimeJson(dateTime).isNull(), !dateTime.isValid());
}

void TestRecords::shouldConvertKeySpellings_data()
{
    QTest::addColumn<QString>("camel");
    QTest::addColumn<QString>("snake");

    QTest::newRow("three words") << QStringLiteral("featureNodeHash")
                                 << QStringLiteral("feature_node_hash");
    QTest::newRow("digit inside word")
        << QStringLiteral("s3Compatible") << QStringLiteral("s3_compatible");
    QTest::newRow("one word") << QStringLiteral("title") << QStringLiteral("title");
    QTest::newRow("trailing short word")
        << QStringLiteral("dicomInstanceUid") << QStringLiteral("dicom_instance_uid");
}

void TestRecords::shouldConvertKeySpellings()
{
    QFETCH(QString, camel);
    QFETCH(QString, snake);

    QCOMPARE(Json::camelToSnake(camel), snake);
    QCOMPARE(Json::snakeToCamel(snake), camel);
}

void TestRecords::shouldRoundTripKnownEnumValues_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonValue>("wire");

    // Spellings as listed in the protocol spec, section 4.
    const QList<QPair<const char *, QStringList>> strings{
        {"ProjectStatus",
         {QStringLiteral("notStarted"),
          QStringLiteral("inProgress"),
          QStringLiteral("inReview"),
          QStringLiteral("paused"),
          QStringLiteral("completed"),
          QStringLiteral("cancelled"),
          QStringLiteral("archived")}},
        {"ProjectType", {QStringLiteral("workflow"), QStringLiteral("manual_qa")}},
        {"ProjectWorkflowType", {QStringLiteral("manual"), QStringLiteral("benchmark")}},
        {"WorkflowStageType",
         {QStringLiteral("ANNOTATION"),
          QStringLiteral("REVIEW"),
          QStringLiteral("USER_ROUTER"),
          QStringLiteral("PERCENTAGE_ROUTER"),
          QStringLiteral("CONSENSUS_ANNOTATION"),
          QStringLiteral("CONSENSUS_REVIEW"),
          QStringLiteral("DONE"),
          QStringLiteral("AGENT")}},
        {"StorageItemType",
         {QStringLiteral("video"),
          QStringLiteral("image"),
          QStringLiteral("imageGroup"),
          QStringLiteral("imageSequence"),
          QStringLiteral("dicomFile"),
          QStringLiteral("dicomSeries"),
          QStringLiteral("audio"),
          QStringLiteral("nifti"),
          QStringLiteral("plainText"),
          QStringLiteral("pdf"),
          QStringLiteral("group"),
          QStringLiteral("scene")}},
        {"StorageLocationName",
         {QStringLiteral("encord"),
          QStringLiteral("gcp"),
          QStringLiteral("s3"),
          QStringLiteral("azure"),
          QStringLiteral("openTelekom"),
          QStringLiteral("directAccess"),
          QStringLiteral("s3Compatible")}},
        {"StorageUserRole", {QStringLiteral("user"), QStringLiteral("admin")}},
        {"FoldersSortBy", {QStringLiteral("name"), QStringLiteral("createdAt")}},
        {"DataType",
         {QStringLiteral("VIDEO"),
          QStringLiteral("IMG_GROUP"),
          QStringLiteral("DICOM"),
          QStringLiteral("IMAGE"),
          QStringLiteral("DICOM_STUDY"),
          QStringLiteral("NIFTI"),
          QStringLiteral("AUDIO"),
          QStringLiteral("PLAIN_TEXT"),
          QStringLiteral("PDF"),
          QStringLiteral("GROUP"),
          QStringLiteral("SCENE")}},
        {"ReviewMode",
         {QStringLiteral("unlabelled"), QStringLiteral("labelled"), QStringLiteral("reviewed")}},
        {"CvatExportType", {QStringLiteral("project"), QStringLiteral("task")}},
        {"DeidentifyRedactTextMode",
         {QStringLiteral("redactAllText"),
          QStringLiteral("redactNoText"),
          QStringLiteral("redactSensitiveText")}},
        {"DeidentifyConditionType", {QStringLiteral("in"), QStringLiteral("notSubstr")}},
        {"ClientMetadataSchemaType",
         {QStringLiteral("number"),
          QStringLiteral("string"),
          QStringLiteral("boolean"),
          QStringLiteral("datetime"),
          QStringLiteral("geospatial"),
          QStringLiteral("enum"),
          QStringLiteral("embedding"),
          QStringLiteral("long_string")}},
        {"Shape",
         {QStringLiteral("bounding_box"),
          QStringLiteral("polygon"),
          QStringLiteral("point"),
          QStringLiteral("skeleton"),
          QStringLiteral("polyline"),
          QStringLiteral("rotatable_bounding_box"),
          QStringLiteral("bitmask"),
          QStringLiteral("audio"),
          QStringLiteral("text"),
          QStringLiteral("cuboid"),
          QStringLiteral("cuboid_2d"),
          QStringLiteral("segmentation")}},
        {"AttributeType",
         {QStringLiteral("radio"),
          QStringLiteral("checklist"),
          QStringLiteral("text"),
          QStringLiteral("numeric")}},
        {"ClassificationLevel", {QStringLiteral("global")}},
        {"DatasetScope", {QStringLiteral("dataset.read"), QStringLiteral("dataset.write")}},
        {"ApiKeyScope",
         {QStringLiteral("label.read"),
          QStringLiteral("label.write"),
          QStringLiteral("model.inference"),
          QStringLiteral("model.train"),
          QStringLiteral("label_logs.read"),
          QStringLiteral("algo.library")}},
        {"UploadJobStatus",
         {QStringLiteral("PENDING"),
          QStringLiteral("DONE"),
          QStringLiteral("ERROR"),
          QStringLiteral("CANCELLED")}},
        {"LongPollStatus",
         {QStringLiteral("PENDING"), QStringLiteral("DONE"), QStringLiteral("ERROR")}},
    };
    for (const auto &[kind, values] : strings) {
        for (const QString &value : values) {
            QTest::addRow("%s %s", kind, qPrintable(value))
                << QString::fromLatin1(kind) << QJsonValue(value);
        }
    }

    const QList<QPair<const char *, int>> ints{{"StorageLocation", 5},
                                               {"ProjectUserRole", 5},
                                               {"DatasetUserRole", 2},
                                               {"OntologyUserRole", 2}};
    for (const auto &[kind, count] : ints) {
        for (int value = 0; value < count; ++value)
            QTest::addRow("%s %d", kind, value) << QString::fromLatin1(kind) << QJsonValue(value);
    }
}

void TestRecords::shouldRoundTripKnownEnumValues()
{
    QFETCH(QString, kind);
    QFETCH(QJsonValue, wire);

    const EnumProbe result = probeEnum(kind, wire);

    QVERIFY(!result.unknown);
    QCOMPARE(result.written, wire);
}

void TestRecords::shouldKeepUnknownEnumValues_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonValue>("wire");

    QTest::newRow("shape from a newer sdk")
        << QStringLiteral("Shape") << QJsonValue(QStringLiteral("point_cloud"));
    QTest::newRow("project status sentinel")
        << QStringLiteral("ProjectStatus") << QJsonValue(QStringLiteral("_unknown_"));
    QTest::newRow("item type wrong case")
        << QStringLiteral("StorageItemType") << QJsonValue(QStringLiteral("Image"));
    QTest::newRow("storage location new int") << QStringLiteral("StorageLocation") << QJsonValue(7);
    QTest::newRow("storage location negative")
        << QStringLiteral("StorageLocation") << QJsonValue(-99);
    QTest::newRow("project role out of range")
        << QStringLiteral("ProjectUserRole") << QJsonValue(5);
    QTest::newRow("project role as string")
        << QStringLiteral("ProjectUserRole") << QJsonValue(QStringLiteral("1"));
    QTest::newRow("fractional role") << QStringLiteral("OntologyUserRole") << QJsonValue(0.5);
    QTest::newRow("upload status")
        << QStringLiteral("UploadJobStatus") << QJsonValue(QStringLiteral("PAUSED"));
    QTest::newRow("metadata type")
        << QStringLiteral("ClientMetadataSchemaType") << QJsonValue(QStringLiteral("varchar"));
    QTest::newRow("object instead of a value")
        << QStringLiteral("AttributeType") << QJsonValue(QJsonObject{{QStringLiteral("a"), 1}});
}

void TestRecords::shouldKeepUnknownEnumValues()
{
    QFETCH(QString, kind);
    QFETCH(QJsonValue, wire);

    const EnumProbe result = probeEnum(kind, wire);

    QVERIFY(result.unknown);
    QCOMPARE(result.written, wire);
}

void TestRecords::shouldAcceptBothRedactModeSpellings_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<DeidentifyRedactTextMode>("mode");
    QTest::addColumn<QString>("v1");
    QTest::addColumn<QString>("v2");

    const QString allV1 = QStringLiteral("REDACT_ALL_TEXT");
    const QString allV2 = QStringLiteral("redactAllText");
    const QString noneV1 = QStringLiteral("REDACT_NO_TEXT");
    const QString noneV2 = QStringLiteral("redactNoText");
    const QString someV1 = QStringLiteral("REDACT_SENSITIVE_TEXT");
    const QString someV2 = QStringLiteral("redactSensitiveText");
    const auto all = DeidentifyRedactTextMode::RedactAllText;
    const auto none = DeidentifyRedactTextMode::RedactNoText;
    const auto some = DeidentifyRedactTextMode::RedactSensitiveText;

    QTest::newRow("v1 all") << allV1 << all << allV1 << allV2;
    QTest::newRow("v2 all") << allV2 << all << allV1 << allV2;
    QTest::newRow("v1 none") << noneV1 << none << noneV1 << noneV2;
    QTest::newRow("v2 none") << noneV2 << none << noneV1 << noneV2;
    QTest::newRow("v1 sensitive") << someV1 << some << someV1 << someV2;
    QTest::newRow("v2 sensitive") << someV2 << some << someV1 << someV2;
}

void TestRecords::shouldAcceptBothRedactModeSpellings()
{
    QFETCH(QString, wire);
    QFETCH(DeidentifyRedactTextMode, mode);
    QFETCH(QString, v1);
    QFETCH(QString, v2);

    const DeidentifyRedactTextMode parsed = fromWire<DeidentifyRedactTextMode>(wire);

    QCOMPARE(parsed, mode);
    QCOMPARE(toV1Wire(parsed), v1);
    QCOMPARE(toV2Wire(parsed), v2);
}

void TestRecords::shouldReadBothKeySpellingsAndKeepExtras()
{
    // Given an object mixing spellings and carrying a key no record knows
    const QJsonObject json = jsonObject(R"({"itemUuid": "a", "object_key": "blobs/a",
        "signedUrl": "https://upload.example/a", "futureField": {"x": 1}})");

    // When it is read and written back
    const UploadSignedUrl url = UploadSignedUrl::fromJson(json);
    const QJsonObject written = url.toJson();

    // Then both spellings were understood and the unknown key survived
    QCOMPARE(url.itemUuid, QStringLiteral("a"));
    QCOMPARE(url.objectKey, QStringLiteral("blobs/a"));
    QCOMPARE(compact(url.extra), QByteArray(R"({"futureField":{"x":1}})"));
    QCOMPARE(compact(written),
             QByteArray(R"({"futureField":{"x":1},"itemUuid":"a","objectKey":"blobs/a",)"
                        R"("signedUrl":"https://upload.example/a"})"));
    QCOMPARE(UploadSignedUrl::fromJson(written), url);
}

void TestRecords::shouldMergeExtrasOnlyWithoutCollision()
{
    QJsonObject out{{QStringLiteral("itemUuid"), QStringLiteral("known")}};
    const QJsonObject extra = jsonObject(R"({"item_uuid": "stale", "itemUuid": "stale",
        "other_key": 3})");

    Json::mergeExtra(out, extra);

    QCOMPARE(compact(out), QByteArray(R"({"itemUuid":"known","other_key":3})"));
}

void TestRecords::shouldReadAndWritePages()
{
    const QJsonObject json = jsonObject(R"({"results": [
        {"itemUuid": "u1", "objectKey": "k1", "signedUrl": "s1"},
        {"itemUuid": "u2", "objectKey": "k2", "signedUrl": "s2"}],
        "nextPageToken": "page-2"})");

    const Page<UploadSignedUrl> page = Page<UploadSignedUrl>::fromJson(json);

    QCOMPARE(page.results.size(), 2);
    QCOMPARE(page.results.at(1).objectKey, QStringLiteral("k2"));
    QCOMPARE(page.nextPageToken, std::optional<QString>(QStringLiteral("page-2")));
    QVERIFY(page.hasMore());
    QCOMPARE(compact(page.toJson([](const UploadSignedUrl &url) { return url.toJson(); })),
             compact(json));

    const Page<UploadSignedUrl> last =
        Page<UploadSignedUrl>::fromJson(jsonObject(R"({"result": [{"itemUuid": "u3"}]})"));
    QCOMPARE(last.results.size(), 1);
    QVERIFY(!last.hasMore());
    QCOMPARE(compact(last.toJson([](const UploadSignedUrl &url) { return url.toJson(); })),
             QByteArray(R"({"nextPageToken":null,"results":[{"itemUuid":"u3","objectKey":"",)"
                        R"("signedUrl":""}]})"));
}

QTEST_GUILESS_MAIN(TestRecords)
