#include "records/createdatasetresponse.h"
#include "records/dataset.h"
#include "records/datasetaccesssettings.h"
#include "records/datasetapikey.h"
#include "records/datasetsummary.h"
#include "tst_records.h"

#include <QTest>
#include <QTimeZone>

using namespace Encord;

namespace {

// A v1 `dataset` GET answer: one video, one image group with its images, and a key from a
// newer server that no SDK knows.
const char *const v1DatasetJson = R"({
    "dataset_hash": "11111111-1111-4111-8111-111111111111",
    "title": "Traffic cameras",
    "description": "",
    "dataset_type": "CORD_STORAGE",
    "backing_folder_uuid": "44444444-4444-4444-8444-444444444444",
    "dataset_region": "eu-west",
    "data_rows": [
        {"data_hash": "aaaaaaaa-0000-4000-8000-000000000001", "data_title": "junction.mp4",
         "data_type": "VIDEO", "created_at": "2024-03-01 09:15:00",
         "last_edited_at": "Fri, 01 Mar 2024 09:20:00 GMT", "width": 1920, "height": 1080,
         "file_link": "cord-videos-dev/junction.mp4", "file_size": 73400320,
         "file_type": "video/mp4", "storage_location": 0, "frames_per_second": 25,
         "duration": 120, "client_metadata": {"camera": "north", "lanes": 3},
         "signed_url": null, "is_optimised_image_group": null,
         "backing_item_uuid": "55555555-5555-4555-8555-555555555555"},
        {"data_hash": "aaaaaaaa-0000-4000-8000-000000000002", "data_title": "night shots",
         "data_type": "IMG_GROUP", "created_at": "2024-03-02T08:00:00+00:00",
         "last_edited_at": "2024-03-02T08:00:00", "width": null, "height": null,
         "file_link": null, "file_size": null, "file_type": null, "storage_location": 1,
         "frames_per_second": null, "duration": null, "is_optimised_image_group": true,
         "images_data": [
            {"image_hash": "bbbbbbbb-0000-4000-8000-000000000001", "title": "n1.jpg",
             "file_link": "s3://bucket/n1.jpg", "file_type": "image/jpeg", "file_size": 20480,
             "storage_location": 1, "created_at": "2024-03-02 08:00:00",
             "last_edited_at": "2024-03-02 08:00:00", "height": 480, "width": 640}]}
    ]})";

} // namespace

void TestRecords::shouldReadV1DatasetWithRows()
{
    const Dataset dataset = Dataset::fromJson(jsonObject(v1DatasetJson));

    QCOMPARE(dataset.datasetHash, QStringLiteral("11111111-1111-4111-8111-111111111111"));
    QCOMPARE(dataset.title, QStringLiteral("Traffic cameras"));
    QCOMPARE(dataset.datasetType.value(), StorageLocation::CordStorage);
    QCOMPARE(dataset.backingFolderUuid,
             std::optional<QString>(QStringLiteral("44444444-4444-4444-8444-444444444444")));
    QCOMPARE(compact(dataset.extra), QByteArray(R"({"dataset_region":"eu-west"})"));
    QCOMPARE(dataset.dataRows.size(), 2);

    const DataRow &video = dataset.dataRows.at(0);
    QCOMPARE(video.dataType.value(), DataType::Video);
    QCOMPARE(video.createdAt, QDateTime(QDate(2024, 3, 1), QTime(9, 15), QTimeZone::utc()));
    QCOMPARE(video.lastEditedAt, QDateTime(QDate(2024, 3, 1), QTime(9, 20), QTimeZone::utc()));
    QCOMPARE(video.width, std::optional<int>(1920));
    QCOMPARE(video.fileSize, std::optional<qint64>(73400320));
    QCOMPARE(video.framesPerSecond, std::optional<double>(25));
    QCOMPARE(video.clientMetadata->value(QLatin1StringView("lanes")).toInt(), 3);
    QVERIFY(!video.signedUrl);
    QVERIFY(!video.isOptimisedImageGroup);
    QVERIFY(!video.imagesData);

    const DataRow &group = dataset.dataRows.at(1);
    QCOMPARE(group.dataType.value(), DataType::ImageGroup);
    QCOMPARE(group.storageLocation.value(), StorageLocation::Aws);
    QVERIFY(!group.width);
    QCOMPARE(group.isOptimisedImageGroup, std::optional<bool>(true));
    QCOMPARE(group.imagesData->size(), 1);
    QCOMPARE(group.imagesData->at(0).title, QStringLiteral("n1.jpg"));
    QCOMPARE(group.imagesData->at(0).width, std::optional<int>(640));

    QCOMPARE(Dataset::fromJson(dataset.toJson()), dataset);
}

void TestRecords::shouldWriteDatasetAsExactV1Json()
{
    Dataset dataset;
    dataset.datasetHash = QStringLiteral("d-1");
    dataset.title = QStringLiteral("Scans");
    dataset.description = QStringLiteral("CT");
    dataset.datasetType = StorageLocation::S3Compatible;
    DataRow row;
    row.dataHash = QStringLiteral("r-1");
    row.dataTitle = QStringLiteral("series-1");
    row.dataType = DataType::Dicom;
    row.createdAt = QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 500), QTimeZone::utc());
    row.lastEditedAt = row.createdAt;
    row.storageLocation = StorageLocation::Gcp;
    row.signedUrl = QStringLiteral("https://signed.example/r-1");
    dataset.dataRows.append(row);

    QCOMPARE(
        compact(dataset.toJson()),
        QByteArray(R"({"data_rows":[{"created_at":"2024-05-06 07:08:09",)"
                   R"("data_hash":"r-1","data_title":"series-1","data_type":"DICOM",)"
                   R"("duration":null,"file_link":null,"file_size":null,"file_type":null,)"
                   R"("frames_per_second":null,"height":null,)"
                   R"("last_edited_at":"2024-05-06 07:08:09",)"
                   R"("signed_url":"https://signed.example/r-1","storage_location":2,)"
                   R"("width":null}],"dataset_hash":"d-1",)"
                   R"("dataset_type":"S3_COMPATIBLE_STR","description":"CT","title":"Scans"})"));

    // The legacy name of location 4 is read as the same location.
    const Dataset legacy = Dataset::fromJson(jsonObject(R"({"dataset_type": "OTC_STR"})"));
    QCOMPARE(legacy.datasetType.value(), StorageLocation::S3Compatible);
    // A location we do not know is written back as received.
    const Dataset future = Dataset::fromJson(jsonObject(R"({"dataset_type": "ORACLE_STR"})"));
    QVERIFY(future.datasetType.isUnknown());
    QCOMPARE(future.toJson().value(QLatin1StringView("dataset_type")).toString(),
             QStringLiteral("ORACLE_STR"));
}

void TestRecords::shouldWriteEveryRequiredDataRowKey()
{
    const QJsonObject json = DataRow().toJson();

    QCOMPARE(sortedKeys(json),
             QStringList({QStringLiteral("created_at"),
                          QStringLiteral("data_hash"),
                          QStringLiteral("data_title"),
                          QStringLiteral("data_type"),
                          QStringLiteral("duration"),
                          QStringLiteral("file_link"),
                          QStringLiteral("file_size"),
                          QStringLiteral("file_type"),
                          QStringLiteral("frames_per_second"),
                          QStringLiteral("height"),
                          QStringLiteral("last_edited_at"),
                          QStringLiteral("storage_location"),
                          QStringLiteral("width")}));
    QCOMPARE(json.value(QLatin1StringView("data_type")).toString(), QStringLiteral("IMAGE"));
    QCOMPARE(json.value(QLatin1StringView("storage_location")).toInt(-1), 0);

    DatasetAccessSettings settings;
    settings.fetchClientMetadata = true;
    QCOMPARE(compact(settings.toJson()), QByteArray(R"({"fetch_client_metadata":true})"));
    QCOMPARE(DatasetAccessSettings::fromJson(settings.toJson()), settings);
}

void TestRecords::shouldReadDatasetSummaryFromBothGenerations_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("userHash");
    QTest::addColumn<bool>("hasStorageLocation");

    QTest::newRow("legacy datasetwithuserrole element")
        << QByteArray(R"({"user_role": 0, "dataset": {
               "dataset_hash": "d-7", "user_hash": "u-1", "title": "Cars",
               "description": "roads", "type": 2, "created_at": "2024-01-02 03:04:05",
               "last_edited_at": "2024-01-03 03:04:05",
               "backing_folder_uuid": "f-7"}})")
        << QStringLiteral("u-1") << true;
    QTest::newRow("v2 DatasetWithUserRole")
        << QByteArray(R"({"datasetUuid": "d-7", "title": "Cars", "description": "roads",
               "createdAt": "2024-01-02T03:04:05+00:00",
               "lastEditedAt": "2024-01-03T03:04:05Z", "userRole": "admin",
               "storageLocation": 2, "backingFolderUuid": "f-7"})")
        << QString() << true;
    QTest::newRow("v2 in snake_case without storage location")
        << QByteArray(R"({"dataset_uuid": "d-7", "title": "Cars", "description": "roads",
               "created_at": "2024-01-02T03:04:05", "last_edited_at": "2024-01-03T03:04:05",
               "user_role": "admin", "storage_location": null,
               "backing_folder_uuid": "f-7"})")
        << QString() << false;
}

void TestRecords::shouldReadDatasetSummaryFromBothGenerations()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, userHash);
    QFETCH(bool, hasStorageLocation);

    const DatasetSummary summary = DatasetSummary::fromJson(jsonObject(json.constData()));

    QCOMPARE(summary.datasetHash, QStringLiteral("d-7"));
    QCOMPARE(summary.userHash, userHash);
    QCOMPARE(summary.title, QStringLiteral("Cars"));
    QCOMPARE(summary.description, QStringLiteral("roads"));
    QCOMPARE(summary.createdAt, QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
    QCOMPARE(summary.lastEditedAt, QDateTime(QDate(2024, 1, 3), QTime(3, 4, 5), QTimeZone::utc()));
    QVERIFY(summary.userRole.has_value());
    QCOMPARE(summary.userRole->value(), DatasetUserRole::Admin);
    QCOMPARE(summary.storageLocation.has_value(), hasStorageLocation);
    if (hasStorageLocation)
        QCOMPARE(summary.storageLocation->value(), StorageLocation::Gcp);
    QCOMPARE(summary.backingFolderUuid, std::optional<QString>(QStringLiteral("f-7")));
    QVERIFY(summary.extra.isEmpty());
}

void TestRecords::shouldWriteDatasetSummaryExactly()
{
    DatasetSummary summary;
    summary.datasetHash = QStringLiteral("d-9");
    summary.userHash = QStringLiteral("u-9");
    summary.title = QStringLiteral("Fields");
    summary.description = QString();
    summary.storageLocation = WireEnum<StorageLocation>(StorageLocation::Azure);
    summary.createdAt = QDateTime(QDate(2023, 12, 31), QTime(23, 59, 59), QTimeZone::utc());
    summary.lastEditedAt = summary.createdAt;
    summary.userRole = WireEnum<DatasetUserRole>(DatasetUserRole::User);
    summary.extra = jsonObject(R"({"newKey": 1})");

    // The legacy element is parsed into a frozen dataclass: exact keys, no extras.
    QCOMPARE(compact(summary.toV1Json()),
             QByteArray(R"({"dataset":{"created_at":"2023-12-31 23:59:59","dataset_hash":"d-9",)"
                        R"("description":"","last_edited_at":"2023-12-31 23:59:59",)"
                        R"("title":"Fields","type":3,"user_hash":"u-9"},"user_role":1})"));
    QCOMPARE(compact(summary.toV2Json()),
             QByteArray(R"({"backingFolderUuid":null,"createdAt":"2023-12-31T23:59:59+00:00",)"
                        R"("datasetUuid":"d-9","description":"",)"
                        R"("lastEditedAt":"2023-12-31T23:59:59+00:00","newKey":1,)"
                        R"("storageLocation":3,"title":"Fields","userRole":"user"})"));

    // A role hidden behind organisation access is null in v2 and still an int in v1.
    summary.userRole.reset();
    QVERIFY(summary.toV2Json().value(QLatin1StringView("userRole")).isNull());
    QCOMPARE(summary.toV1Json().value(QLatin1StringView("user_role")).toInt(-1), 1);

    // Both forms read back into the same summary (v1 loses the v2-only extras by design).
    DatasetSummary expected = summary;
    expected.userRole = WireEnum<DatasetUserRole>(DatasetUserRole::User);
    expected.extra = {};
    QCOMPARE(DatasetSummary::fromJson(summary.toV1Json()), expected);
    DatasetSummary fromV2 = DatasetSummary::fromJson(summary.toV2Json());
    QCOMPARE(fromV2.extra, summary.extra);
    QVERIFY(!fromV2.userRole);
}

void TestRecords::shouldReadCreateDatasetResponses()
{
    // v1: all five keys
    const CreateDatasetResponse v1 = CreateDatasetResponse::fromJson(jsonObject(
        R"({"title": "My DS", "type": 0, "dataset_hash": "d-1", "user_hash": "u-1",
            "backing_folder_uuid": null})"));
    QCOMPARE(v1.title, QStringLiteral("My DS"));
    QCOMPARE(v1.type.value(), StorageLocation::CordStorage);
    QCOMPARE(v1.datasetHash, QStringLiteral("d-1"));
    QCOMPARE(v1.userHash, QStringLiteral("u-1"));
    QVERIFY(!v1.backingFolderUuid);
    QCOMPARE(compact(v1.toV1Json()),
             QByteArray(R"({"backing_folder_uuid":null,"dataset_hash":"d-1","title":"My DS",)"
                        R"("type":0,"user_hash":"u-1"})"));
    QCOMPARE(compact(v1.toV2Json()),
             QByteArray(R"({"backingFolderUuid":null,"datasetUuid":"d-1"})"));

    // v2: only the uuids; the rest comes from the request, as the current SDK does
    const QJsonObject v2Json = jsonObject(R"({"datasetUuid": "d-2", "backingFolderUuid": "f-2"})");
    const CreateDatasetResponse v2 =
        CreateDatasetResponse::fromV2Json(v2Json, QStringLiteral("cvat-ds"), StorageLocation::Aws);
    QCOMPARE(v2.datasetHash, QStringLiteral("d-2"));
    QCOMPARE(v2.backingFolderUuid, std::optional<QString>(QStringLiteral("f-2")));
    QCOMPARE(v2.title, QStringLiteral("cvat-ds"));
    QCOMPARE(v2.type.value(), StorageLocation::Aws);
    QCOMPARE(v2.userHash, QStringLiteral("fields withdrawn for compliance reasons"));
    QCOMPARE(compact(v2.toV2Json()), compact(v2Json));
}

void TestRecords::shouldReadDatasetApiKeyScopes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("scopeCount");
    QTest::addColumn<bool>("lastIsUnknown");

    QTest::newRow("scopes as a list")
        << QByteArray(R"({"resource_hash": "d-1", "api_key": "k", "title": "t",
               "key_hash": "h", "scopes": ["dataset.read", "dataset.write"]})")
        << 2 << false;
    QTest::newRow("scopes as a json string")
        << QByteArray(R"({"resource_hash": "d-1", "api_key": "k", "title": "t",
               "key_hash": "h", "scopes": "[\"dataset.read\", \"dataset.write\"]"})")
        << 2 << false;
    QTest::newRow("unknown scope kept")
        << QByteArray(R"({"resource_hash": "d-1", "api_key": "k", "title": "t",
               "key_hash": "h", "scopes": ["dataset.read", "dataset.admin"]})")
        << 2 << true;
    QTest::newRow("dataset_hash spelling")
        << QByteArray(R"({"dataset_hash": "d-1", "api_key": "k", "title": "t",
               "key_hash": "h", "scopes": []})")
        << 0 << false;
}

void TestRecords::shouldReadDatasetApiKeyScopes()
{
    QFETCH(QByteArray, json);
    QFETCH(int, scopeCount);
    QFETCH(bool, lastIsUnknown);

    const DatasetApiKey key = DatasetApiKey::fromJson(jsonObject(json.constData()));

    QCOMPARE(key.datasetHash, QStringLiteral("d-1"));
    QCOMPARE(key.apiKey, QStringLiteral("k"));
    QCOMPARE(key.keyHash, QStringLiteral("h"));
    QCOMPARE(key.scopes.size(), scopeCount);
    if (scopeCount > 0) {
        QCOMPARE(key.scopes.first().value(), DatasetScope::Read);
        QCOMPARE(key.scopes.last().isUnknown(), lastIsUnknown);
    }
    // Written back always as a list under resource_hash.
    const QJsonObject written = key.toJson();
    QVERIFY(written.value(QLatin1StringView("scopes")).isArray());
    QCOMPARE(written.value(QLatin1StringView("resource_hash")).toString(), QStringLiteral("d-1"));
    QVERIFY(!written.contains(QLatin1StringView("dataset_hash")));
    QCOMPARE(DatasetApiKey::fromJson(written), key);
    if (lastIsUnknown) {
        QCOMPARE(written.value(QLatin1StringView("scopes")).toArray().last().toString(),
                 QStringLiteral("dataset.admin"));
    }
}
