// The paged storage item list against the real local server: 300 images uploaded through
// signed URLs, listed 100 a page on fetchMore(), searched and filtered on the server.

#include "modeltestserver.h"
#include "storageitemlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Encord;

namespace {

constexpr int itemCount = 300;

QString itemName(int i)
{
    return QStringLiteral("img_%1.png").arg(i, 3, 10, QLatin1Char('0'));
}

// rowsInserted as "first-last" ranges.
QStringList insertions(const QSignalSpy &spy)
{
    QStringList ranges;
    for (const QList<QVariant> &arguments : spy)
        ranges.append(
            QStringLiteral("%1-%2").arg(arguments.at(1).toInt()).arg(arguments.at(2).toInt()));
    return ranges;
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, StorageItemListModel::NameColumn).data().toString());
    return result;
}

} // namespace

class TestStorageItemListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldLoadThePagesOnFetchMore();
    void shouldShowTheItemsData();
    void shouldSearchOnTheServer();
    void shouldFilterByItemTypeOnTheServer();
    void shouldDropStaleAnswersWhenTheFolderChanges();
    void shouldStayEmptyWithoutAFolder();
    void shouldReportAServerErrorAsLastError();

private:
    Testing::ModelTestServer m_server;
    QString m_folder;
    QString m_smallFolder;
    QStringList m_itemUuids;
};

void TestStorageItemListModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    const EncordClient alice = m_server.alice();
    const auto folder = QCoro::waitFor(alice.createStorageFolder(QStringLiteral("Uploads")));
    ENCORD_VERIFY_OK(folder);
    m_folder = folder->uuid;
    const auto uploaded = m_server.uploadImages(alice, m_folder, itemCount, QStringLiteral("img_"));
    QVERIFY2(uploaded.ok(), qPrintable(uploaded.ok() ? QString() : uploaded.error()));
    m_itemUuids = uploaded.value();
    QCOMPARE(m_itemUuids.size(), itemCount);

    const auto small = QCoro::waitFor(alice.createStorageFolder(QStringLiteral("Small")));
    ENCORD_VERIFY_OK(small);
    m_smallFolder = small->uuid;
    const auto few = m_server.uploadImages(alice, m_smallFolder, 3, QStringLiteral("few_"));
    QVERIFY2(few.ok(), qPrintable(few.ok() ? QString() : few.error()));
}

void TestStorageItemListModel::shouldLoadThePagesOnFetchMore()
{
    // Given a model of the big folder, 100 items a page
    StorageItemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy pages(&model, &StorageItemListModel::pageLoaded);
    model.setPageSize(100);
    model.setClient(m_server.alice());
    QVERIFY(!model.isLoading()); // no folder yet

    // When the folder is set, Then the first page arrives on its own
    model.setFolder(m_folder);
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QTRY_COMPARE(pages.size(), 1);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(!model.isAtEnd());

    // And each fetchMore() loads one more page, never two at once
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    QTRY_COMPARE(pages.size(), 2);
    QCOMPARE(model.rowCount(), 200);
    model.fetchMore(QModelIndex());
    QTRY_COMPARE(pages.size(), 3);
    QCOMPARE(model.rowCount(), itemCount);

    // Until the last page
    QVERIFY(model.isAtEnd());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QCOMPARE(insertions(inserted),
             (QStringList{
                 QStringLiteral("0-99"), QStringLiteral("100-199"), QStringLiteral("200-299")}));
    QStringList shown = names(model);
    shown.sort();
    QCOMPARE(shown.removeDuplicates(), 0);
    QCOMPARE(shown.first(), itemName(0));
    QCOMPARE(shown.last(), itemName(itemCount - 1));
}

void TestStorageItemListModel::shouldShowTheItemsData()
{
    StorageItemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_server.alice());
    model.setFolder(m_smallFolder);
    QTRY_COMPARE(model.rowCount(), 3);
    QVERIFY(model.isAtEnd());

    const int row = int(names(model).indexOf(QStringLiteral("few_002.png")));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, StorageItemListModel::TypeColumn).data().toString(),
             QStringLiteral("Image"));
    const QModelIndex size = model.index(row, StorageItemListModel::SizeColumn);
    QCOMPARE(size.data(StorageItemListModel::SortRole).toLongLong(), 1002);
    QCOMPARE(size.data().toString(), QStringLiteral("1002 B"));
    QVERIFY(model.index(row, StorageItemListModel::CreatedColumn)
                .data(Qt::EditRole)
                .toDateTime()
                .isValid());
    const auto item =
        qvariant_cast<StorageItem>(model.index(row, 0).data(StorageItemListModel::ItemRole));
    QCOMPARE(item.name, QStringLiteral("few_002.png"));
    QCOMPARE(model.index(row, 4).data(StorageItemListModel::UuidRole).toString(), item.uuid);
    QCOMPARE(model.headerData(StorageItemListModel::DimensionsColumn, Qt::Horizontal).toString(),
             QStringLiteral("Dimensions"));
}

void TestStorageItemListModel::shouldSearchOnTheServer()
{
    StorageItemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &StorageItemListModel::pageLoaded);
    model.setClient(m_server.alice());
    model.setFolder(m_folder);
    QTRY_COMPARE(pages.size(), 1);

    // When a search text is set, Then only the ten matching items come, in one page
    model.setSearch(QStringLiteral("IMG_12"));
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(pages.size(), 2);
    QStringList shown = names(model);
    shown.sort();
    QStringList expected;
    for (int i = 120; i < 130; ++i)
        expected.append(itemName(i));
    QCOMPARE(shown, expected);
    QVERIFY(model.isAtEnd());
}

void TestStorageItemListModel::shouldFilterByItemTypeOnTheServer()
{
    StorageItemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &StorageItemListModel::pageLoaded);
    model.setClient(m_server.alice());
    model.setFolder(m_smallFolder);
    QTRY_COMPARE(pages.size(), 1);

    model.setItemTypes({StorageItemType::Video});
    QTRY_COMPARE(pages.size(), 2);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isAtEnd());

    model.setItemTypes({StorageItemType::Image, StorageItemType::Video});
    QTRY_COMPARE(pages.size(), 3);
    QCOMPARE(model.rowCount(), 3);
}

void TestStorageItemListModel::shouldDropStaleAnswersWhenTheFolderChanges()
{
    StorageItemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &StorageItemListModel::pageLoaded);
    model.setClient(m_server.alice());

    // Given the big folder's first page is on its way
    model.setFolder(m_folder);
    QVERIFY(model.isLoading());
    // When the folder changes
    model.setFolder(m_smallFolder);

    // Then only the small folder's items appear
    QTRY_COMPARE(pages.size(), 1);
    QTest::qWait(300);
    QCOMPARE(pages.size(), 1);
    QStringList shown = names(model);
    shown.sort();
    QCOMPARE(shown,
             (QStringList{QStringLiteral("few_000.png"),
                          QStringLiteral("few_001.png"),
                          QStringLiteral("few_002.png")}));

    // And a client switch mid-load drops the first client's page: bob cannot see the folder
    QSignalSpy failed(&model, &StorageItemListModel::errorOccurred);
    model.setFolder(m_folder);
    model.setClient(m_server.bob());
    model.setClient(m_server.alice());
    QTRY_COMPARE(pages.size(), 2);
    QTest::qWait(300);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(model.rowCount(), 100);
}

void TestStorageItemListModel::shouldStayEmptyWithoutAFolder()
{
    StorageItemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_server.alice());
    QVERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.setFolder(m_smallFolder);
    model.setClient(std::nullopt);
    QVERIFY(!model.isLoading());
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 0);
}

void TestStorageItemListModel::shouldReportAServerErrorAsLastError()
{
    StorageItemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &StorageItemListModel::errorOccurred);
    model.setPageSize(100);
    model.setClient(m_server.alice());
    model.setFolder(m_folder);
    QTRY_COMPARE(model.rowCount(), 100);

    // Given the server is gone, When the next page is asked for
    m_server.stop();
    model.fetchMore(QModelIndex());

    // Then it fails with a network error; the rows already shown stay
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<ApiError>().kind(), ApiError::Kind::Network);
    QCOMPARE(model.lastError()->kind(), ApiError::Kind::Network);
    QVERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QCOMPARE(model.rowCount(), 100);
}

QTEST_MAIN(TestStorageItemListModel)
#include "tst_storageitemlistmodel.moc"
