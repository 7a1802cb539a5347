#include "records/page.h"
#include "records/storagefolder.h"
#include "records/storagefoldersummary.h"
#include "records/storageitem.h"
#include "records/uploadjobstate.h"
#include "records/uploadsignedurl.h"
#include "tst_records.h"

#include <QTest>
#include <QTimeZone>

using namespace Encord;

namespace {

const char *const storageItemJson = R"({
    "uuid": "55555555-5555-4555-8555-555555555555",
    "parent": "44444444-4444-4444-8444-444444444444",
    "itemType": "video",
    "name": "junction.mp4",
    "description": "",
    "clientMetadata": "{\"camera\": \"north\"}",
    "owner": "ann@example.com",
    "createdAt": "2024-03-01T09:15:00+00:00",
    "lastEditedAt": "2024-03-01T09:20:00.500000+00:00",
    "isTombstone": false,
    "isPlaceholder": false,
    "backedDataUnitsCount": 1,
    "storageLocation": "gcp",
    "integrationHash": "77777777-7777-4777-8777-777777777777",
    "url": "gs://bucket/junction.mp4",
    "signedUrl": null,
    "fileSize": 73400320,
    "mimeType": "video/mp4",
    "duration": 120.5,
    "fps": 29.97,
    "height": 1080,
    "width": 1920,
    "dicomInstanceUid": null,
    "dicomStudyUid": null,
    "dicomSeriesUid": null,
    "frameCount": 3611,
    "audioSampleRate": 48000,
    "audioBitDepth": 16,
    "audioNumChannels": 2,
    "audioCodec": "aac"})";

} // namespace

void TestRecords::shouldWriteEveryStorageFolderKey()
{
    // Given a folder with nothing optional set
    StorageFolder folder;
    folder.uuid = QStringLiteral("f-1");
    folder.name = QStringLiteral("Raw");
    folder.owner = QStringLiteral("ann@example.com");
    folder.createdAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
    folder.lastEditedAt = folder.createdAt;
    PathElement root;
    root.uuid = QStringLiteral("f-0");
    root.name = QStringLiteral("Root");
    folder.pathToRoot.append(root);
    folder.parent = QStringLiteral("f-0");

    // Then every key of the spec is written, the nullable ones as null
    QCOMPARE(compact(folder.toJson()),
             QByteArray(R"({"clientMetadata":null,"createdAt":"2024-01-01T00:00:00+00:00",)"
                        R"("description":"","lastEditedAt":"2024-01-01T00:00:00+00:00",)"
                        R"("name":"Raw","owner":"ann@example.com","parent":"f-0",)"
                        R"("pathToRoot":[{"name":"Root","parentUuid":null,)"
                        R"("syncedDatasetHash":null,"uuid":"f-0"}],)"
                        R"("syncedDatasetHash":null,"userRole":"user","uuid":"f-1"})"));
    QCOMPARE(StorageFolder::fromJson(folder.toJson()), folder);

    // And a top-level folder has a null parent, not a missing one
    const QJsonObject topLevel = StorageFolder().toJson();
    QVERIFY(topLevel.contains(QLatin1StringView("parent")));
    QVERIFY(topLevel.value(QLatin1StringView("parent")).isNull());
    QCOMPARE(topLevel.size(), 11);
}

void TestRecords::shouldWriteEveryStorageItemKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("nullWhenUnset");

    const char *const required[] = {"uuid",
                                    "parent",
                                    "itemType",
                                    "name",
                                    "description",
                                    "clientMetadata",
                                    "owner",
                                    "createdAt",
                                    "lastEditedAt",
                                    "isTombstone",
                                    "isPlaceholder",
                                    "backedDataUnitsCount",
                                    "storageLocation"};
    const char *const nullable[] = {"integrationHash",
                                    "url",
                                    "signedUrl",
                                    "fileSize",
                                    "mimeType",
                                    "duration",
                                    "fps",
                                    "height",
                                    "width",
                                    "dicomInstanceUid",
                                    "dicomStudyUid",
                                    "dicomSeriesUid",
                                    "frameCount",
                                    "audioSampleRate",
                                    "audioBitDepth",
                                    "audioNumChannels",
                                    "audioCodec"};
    for (const char *key : required)
        QTest::newRow(key) << QString::fromLatin1(key) << false;
    for (const char *key : nullable)
        QTest::newRow(key) << QString::fromLatin1(key) << true;
}

void TestRecords::shouldWriteEveryStorageItemKey()
{
    QFETCH(QString, key);
    QFETCH(bool, nullWhenUnset);

    StorageItem item;
    item.createdAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
    item.lastEditedAt = item.createdAt;
    const QJsonObject json = item.toJson();

    QVERIFY2(json.contains(key), qPrintable(key));
    QCOMPARE(json.value(key).isNull(), nullWhenUnset);
    QCOMPARE(json.size(), 30);
}

void TestRecords::shouldRoundTripStorageItem()
{
    const QJsonObject input = jsonObject(storageItemJson);

    const StorageItem item = StorageItem::fromJson(input);

    QCOMPARE(item.itemType.value(), StorageItemType::Video);
    QCOMPARE(item.storageLocation.value(), StorageLocationName::Gcp);
    QCOMPARE(item.backedDataUnitsCount, 1);
    QCOMPARE(item.fps, std::optional<double>(29.97));
    QCOMPARE(item.lastEditedAt,
             QDateTime(QDate(2024, 3, 1), QTime(9, 20, 0, 500), QTimeZone::utc()));
    QCOMPARE(item.audioCodec, std::optional<QString>(QStringLiteral("aac")));
    QVERIFY(!item.signedUrl);
    QCOMPARE(item.clientMetadataObject().value(QLatin1StringView("camera")).toString(),
             QStringLiteral("north"));
    QCOMPARE(compact(item.toJson()), compact(input));

    // An item type from a newer server and an unknown key survive a round trip.
    QJsonObject future = input;
    future.insert(QStringLiteral("itemType"), QStringLiteral("pointCloud"));
    future.insert(QStringLiteral("lidarPoints"), 123456);
    const StorageItem futureItem = StorageItem::fromJson(future);
    QVERIFY(futureItem.itemType.isUnknown());
    QCOMPARE(compact(futureItem.toJson()), compact(future));
    QCOMPARE(StorageItem::fromJson(futureItem.toJson()), futureItem);
}

void TestRecords::shouldKeepClientMetadataAsText()
{
    // PATCH bodies carry clientMetadata as an object; answers carry JSON text.
    const StorageFolder folder = StorageFolder::fromJson(
        jsonObject(R"({"uuid": "f", "client_metadata": {"k": 1}, "user_role": "admin"})"));

    QCOMPARE(folder.clientMetadata, std::optional<QString>(QStringLiteral(R"({"k":1})")));
    QCOMPARE(folder.clientMetadataObject().value(QLatin1StringView("k")).toInt(), 1);
    QCOMPARE(folder.userRole.value(), StorageUserRole::Admin);
    QVERIFY(folder.toJson().value(QLatin1StringView("clientMetadata")).isString());

    const StorageItem item = StorageItem::fromJson(jsonObject(R"({"uuid": "i"})"));
    QCOMPARE(item.clientMetadata, QStringLiteral("{}"));
}

void TestRecords::shouldReadFolderSummaryAndUploads()
{
    const QJsonObject summaryJson = jsonObject(R"({"files": 12, "folders": 2, "videos": 1,
        "images": 9, "imageGroups": 1, "imageSequences": 0, "dicomFiles": 0, "dicomSeries": 1,
        "niftis": 0, "audios": 0, "pdfs": 0, "plainTexts": 0, "tombstones": 0,
        "uploadJobs": 3, "totalSize": 1048576.5})");

    const StorageFolderSummary summary = StorageFolderSummary::fromJson(summaryJson);

    QCOMPARE(summary.files, 12);
    QCOMPARE(summary.dicomSeries, 1);
    QCOMPARE(summary.uploadJobs, 3);
    QCOMPARE(summary.totalSize, 1048576.5);
    QCOMPARE(compact(summary.toJson()), compact(summaryJson));
    QCOMPARE(StorageFolderSummary().toJson().size(), 15);

    const Page<UploadSignedUrl> urls = Page<UploadSignedUrl>::fromJson(jsonObject(
        R"({"results": [{"itemUuid": "i-1", "objectKey": "blobs/0",
                         "signedUrl": "http://127.0.0.1:8080/blob-upload/blobs/0?sig=x"}]})"));
    QCOMPARE(urls.results.size(), 1);
    QCOMPARE(urls.results.at(0).signedUrl,
             QStringLiteral("http://127.0.0.1:8080/blob-upload/blobs/0?sig=x"));
}

void TestRecords::shouldReadUploadJobState()
{
    const QJsonObject json = jsonObject(R"({"status": "ERROR",
        "itemsWithNames": [{"itemUuid": "i-1", "name": "a.jpg"}],
        "errors": ["b.jpg: unsupported format"],
        "unitsPendingCount": 0, "unitsDoneCount": 1, "unitsErrorCount": 1,
        "unitsCancelledCount": 0,
        "unitErrors": [{"objectUrls": ["blobs/b.jpg"], "errors": ["bad header"],
                        "subtaskUuid": "s-1", "actionDescription": "upload"}]})");

    const UploadJobState state = UploadJobState::fromJson(json);

    QCOMPARE(state.status.value(), UploadJobStatus::Error);
    QVERIFY(state.isFinished());
    QCOMPARE(state.itemsWithNames.at(0).name, QStringLiteral("a.jpg"));
    QCOMPARE(state.errors, QStringList({QStringLiteral("b.jpg: unsupported format")}));
    QCOMPARE(state.unitsErrorCount, 1);
    QCOMPARE(state.unitErrors.size(), 1);
    QVERIFY(!state.fileName);
    QCOMPARE(compact(state.toJson()), compact(json));

    const UploadJobState pending =
        UploadJobState::fromJson(jsonObject(R"({"status": "PENDING", "fileName": "x.json"})"));
    QVERIFY(!pending.isFinished());
    QCOMPARE(pending.fileName, std::optional<QString>(QStringLiteral("x.json")));
}
