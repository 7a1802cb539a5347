// The data rows of one dataset against the real local server: images uploaded into the
// dataset's backing folder become its rows; client metadata is fetched on demand.

#include "datarowmodel.h"
#include "modeltestserver.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Encord;

namespace {

constexpr int rowCountInDataset = 40;

QStringList titles(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, DataRowModel::TitleColumn).data().toString());
    return result;
}

} // namespace

class TestDataRowModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldShowTheDatasetsRows();
    void shouldFetchClientMetadataWhenAsked();
    void shouldLoadThumbnailsOfTheRowsAViewAsksFor();
    void shouldDropTheStaleAnswerWhenTheDatasetChanges();
    void shouldReportAnUnknownDatasetAsNotFound();
    void shouldReportAServerErrorAsLastError();

private:
    Testing::ModelTestServer m_server;
    QString m_dataset;
    QString m_emptyDataset;
};

void TestDataRowModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    const EncordClient alice = m_server.alice();
    const auto created =
        QCoro::waitFor(alice.createDataset(QStringLiteral("Frames"), StorageLocation::CordStorage));
    ENCORD_VERIFY_OK(created);
    QVERIFY(created->backingFolderUuid.has_value());
    m_dataset = created->datasetHash;
    const auto uploaded = m_server.uploadImages(
        alice, *created->backingFolderUuid, rowCountInDataset, QStringLiteral("frame_"));
    QVERIFY2(uploaded.ok(), qPrintable(uploaded.ok() ? QString() : uploaded.error()));

    const auto empty =
        QCoro::waitFor(alice.createDataset(QStringLiteral("Empty"), StorageLocation::CordStorage));
    ENCORD_VERIFY_OK(empty);
    m_emptyDataset = empty->datasetHash;
}

void TestDataRowModel::shouldShowTheDatasetsRows()
{
    DataRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &DataRowModel::rowsLoaded);
    model.setClient(m_server.alice());
    QVERIFY(!model.isLoading()); // no dataset yet

    model.setDatasetHash(m_dataset);
    QVERIFY(model.isLoading());
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().first().toInt(), rowCountInDataset);
    QCOMPARE(model.rowCount(), rowCountInDataset);
    QCOMPARE(model.datasetTitle(), QStringLiteral("Frames"));
    QCOMPARE(model.columnCount(), int(DataRowModel::MetadataColumn)); // no metadata column

    const int row = int(titles(model).indexOf(QStringLiteral("frame_005.png")));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, DataRowModel::TypeColumn).data().toString(), QStringLiteral("Image"));
    QCOMPARE(model.index(row, DataRowModel::SizeColumn).data(DataRowModel::SortRole).toLongLong(),
             1005);
    QCOMPARE(model.index(row, DataRowModel::SizeColumn).data().toString(),
             QStringLiteral("1005 B"));
    QVERIFY(
        model.index(row, DataRowModel::CreatedColumn).data(Qt::EditRole).toDateTime().isValid());
    const auto dataRow =
        qvariant_cast<DataRow>(model.index(row, 0).data(DataRowModel::DataRowRole));
    QCOMPARE(dataRow.dataTitle, QStringLiteral("frame_005.png"));
    QCOMPARE(model.index(row, 2).data(DataRowModel::HashRole).toString(), dataRow.dataHash);
    QVERIFY(model.index(row, 0).data(DataRowModel::ClientMetadataRole).toJsonObject().isEmpty());
}

void TestDataRowModel::shouldLoadThumbnailsOfTheRowsAViewAsksFor()
{
    DataRowModel model;
    // No model tester here: it asks every role of row 0, which would fetch a thumbnail.
    QSignalSpy loaded(&model, &DataRowModel::rowsLoaded);
    const QSize size(8, 8);
    model.setThumbnailSize(size);
    model.setClient(m_server.alice());
    model.setDatasetHash(m_dataset);
    QTRY_COMPARE(loaded.size(), 1);

    const QStringList names = titles(model);
    const int fifth = int(names.indexOf(QStringLiteral("frame_005.png")));
    const int ninth = int(names.indexOf(QStringLiteral("frame_009.png")));
    const int twelfth = int(names.indexOf(QStringLiteral("frame_012.png")));
    QVERIFY(fifth >= 0 && ninth >= 0 && twelfth >= 0);
    auto decoration = [&](int row) {
        return model.index(row, DataRowModel::TitleColumn).data(Qt::DecorationRole).value<QImage>();
    };
    QSignalSpy thumbnails(&model, &DataRowModel::thumbnailLoaded);
    // First asked: a placeholder of the full thumbnail size while the image is fetched.
    QCOMPARE(decoration(fifth).size(), size);
    QCOMPARE(decoration(ninth).size(), size);
    QTRY_COMPARE(thumbnails.size(), 2);
    QSet<int> rows{thumbnails.at(0).first().toInt(), thumbnails.at(1).first().toInt()};
    QCOMPARE(rows, (QSet<int>{fifth, ninth}));

    // The real image: 16 × 12 scaled to fit 8 × 8, in the colour the file was written with.
    const QImage fifthImage = decoration(fifth);
    QCOMPARE(fifthImage.size(), QSize(8, 6));
    QCOMPARE(fifthImage.pixelColor(4, 3).rgb(), Testing::ModelTestServer::imageColor(5).rgb());
    QCOMPARE(decoration(ninth).pixelColor(1, 1).rgb(),
             Testing::ModelTestServer::imageColor(9).rgb());
    // A row no view asked about was not fetched.
    QCOMPARE(thumbnails.size(), 2);
    QCOMPARE(decoration(twelfth).size(), size);
    QTRY_COMPARE(thumbnails.size(), 3);
    QCOMPARE(decoration(twelfth).size(), QSize(8, 6));
    // Other columns have no decoration.
    QVERIFY(!model.index(fifth, DataRowModel::TypeColumn).data(Qt::DecorationRole).isValid());
}

void TestDataRowModel::shouldFetchClientMetadataWhenAsked()
{
    DataRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &DataRowModel::rowsLoaded);
    model.setClient(m_server.alice());
    model.setDatasetHash(m_dataset);
    QTRY_COMPARE(loaded.size(), 1);

    // When metadata is asked for, Then the rows are fetched again with it, in a new column
    model.setShowClientMetadata(true);
    QVERIFY(model.isLoading());
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(model.rowCount(), rowCountInDataset);
    QCOMPARE(model.columnCount(), int(DataRowModel::MetadataColumn) + 1);
    QCOMPARE(model.headerData(DataRowModel::MetadataColumn, Qt::Horizontal).toString(),
             QStringLiteral("Metadata"));
    const int row = int(titles(model).indexOf(QStringLiteral("frame_007.png")));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, 0).data(DataRowModel::ClientMetadataRole).toJsonObject(),
             (QJsonObject{{QStringLiteral("index"), 7}}));
    QCOMPARE(model.index(row, DataRowModel::MetadataColumn).data().toString(),
             QStringLiteral("{\"index\":7}"));

    // And turning it off drops the column
    model.setShowClientMetadata(false);
    QTRY_COMPARE(loaded.size(), 3);
    QCOMPARE(model.columnCount(), int(DataRowModel::MetadataColumn));
}

void TestDataRowModel::shouldDropTheStaleAnswerWhenTheDatasetChanges()
{
    DataRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &DataRowModel::rowsLoaded);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setClient(m_server.alice());

    // Given the big dataset is on its way, When the empty one is chosen
    model.setDatasetHash(m_dataset);
    model.setDatasetHash(m_emptyDataset);

    // Then the empty one's (empty) answer is the only one shown
    QTRY_COMPARE(loaded.size(), 1);
    QTest::qWait(300);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.datasetTitle(), QStringLiteral("Empty"));

    // And a client switch mid-load keeps only the new client's answer
    model.setDatasetHash(m_dataset);
    model.setClient(m_server.bob()); // bob cannot see it: an error, which is the current answer
    QSignalSpy failed(&model, &DataRowModel::errorOccurred);
    QTRY_COMPARE(failed.size(), 1);
    QTest::qWait(300); // time for alice's dropped answer to arrive, had it not been cancelled
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(loaded.size(), 1);
    model.setClient(m_server.alice());
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(model.rowCount(), rowCountInDataset);
    QVERIFY(!model.lastError());
}

void TestDataRowModel::shouldReportAnUnknownDatasetAsNotFound()
{
    DataRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &DataRowModel::errorOccurred);
    model.setClient(m_server.alice());
    model.setDatasetHash(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(model.lastError().has_value());
    QVERIFY(!model.lastError()->userMessage().isEmpty());
    QVERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
}

void TestDataRowModel::shouldReportAServerErrorAsLastError()
{
    DataRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &DataRowModel::errorOccurred);
    model.setClient(m_server.alice());
    model.setDatasetHash(m_dataset);
    QTRY_COMPARE(model.rowCount(), rowCountInDataset);

    m_server.stop();
    model.refresh();

    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(model.lastError()->kind(), ApiError::Kind::Network);
    QVERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestDataRowModel)
#include "tst_datarowmodel.moc"
