// The lazy storage folder tree against the real local server: the top level on setting a
// client, children page by page on fetchMore, stale answers dropped, errors surfaced.
//
// The QAbstractItemModelTester attached to every model walks the tree on every change and
// calls fetchMore() on each folder it meets, as a view does on expanding: with it attached the
// whole tree gets listed, which is the heaviest use of the paging.

#include "localserver.h"
#include "modeltestserver.h"
#include "storagefoldertreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Encord;

namespace {

constexpr int bigFolderChildren = 250;

QString subName(int i)
{
    return QStringLiteral("Sub %1").arg(i, 3, 10, QLatin1Char('0'));
}

// The subtree under @p parent as indented names, one per line.
QString render(const QAbstractItemModel &model, const QModelIndex &parent, int depth = 0)
{
    QString text;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        text += QString(depth * 2, QLatin1Char(' ')) + index.data().toString() + QLatin1Char('\n');
        text += render(model, index, depth + 1);
    }
    return text;
}

// rowsInserted for @p parent as "first-last" ranges.
QStringList insertions(const QSignalSpy &spy, const QModelIndex &parent)
{
    QStringList ranges;
    for (const QList<QVariant> &arguments : spy) {
        if (arguments.at(0).value<QModelIndex>() == parent)
            ranges.append(
                QStringLiteral("%1-%2").arg(arguments.at(1).toInt()).arg(arguments.at(2).toInt()));
    }
    return ranges;
}

} // namespace

class TestStorageFolderTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldListTheTopLevelWhenAClientIsSet();
    void shouldFetchChildrenPageByPageWhenExpanded();
    void shouldBuildTheNestedTree();
    void shouldDropStaleAnswersWhenTheClientChanges();
    void shouldReportAServerErrorAsLastError();

private:
    Testing::ModelTestServer m_server;
    QString m_bigUuid;
    QString m_ctUuid;
    QString m_yearUuid;
};

void TestStorageFolderTreeModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    const EncordClient alice = m_server.alice();
    const auto create = [&](const QString &name, std::optional<QString> parent) -> QString {
        const auto folder = QCoro::waitFor(
            alice.createStorageFolder(name, QStringLiteral("about ") + name, std::nullopt, parent));
        return folder.ok() ? folder->uuid : QString();
    };
    const QString hospitalA = create(QStringLiteral("Hospital A"), std::nullopt);
    QVERIFY(!hospitalA.isEmpty());
    m_ctUuid = create(QStringLiteral("CT"), hospitalA);
    QVERIFY(!create(QStringLiteral("MR"), hospitalA).isEmpty());
    m_yearUuid = create(QStringLiteral("2024"), m_ctUuid);
    QVERIFY(!m_yearUuid.isEmpty());
    QVERIFY(!create(QStringLiteral("Hospital B"), std::nullopt).isEmpty());
    m_bigUuid = create(QStringLiteral("Big"), std::nullopt);
    QVERIFY(!m_bigUuid.isEmpty());
    for (int i = 0; i < bigFolderChildren; ++i)
        QVERIFY(!create(subName(i), m_bigUuid).isEmpty());

    const auto bobs = QCoro::waitFor(m_server.bob().createStorageFolder(QStringLiteral("Bob's")));
    ENCORD_VERIFY_OK(bobs);
}

void TestStorageFolderTreeModel::shouldListTheTopLevelWhenAClientIsSet()
{
    StorageFolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.canFetchMore(QModelIndex())); // no client, nothing to fetch
    QSignalSpy loaded(&model, &StorageFolderTreeModel::folderLoaded);

    model.setClient(m_server.alice());
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore(QModelIndex())); // loading already

    QTRY_VERIFY(model.isComplete(QModelIndex()));
    QCOMPARE(loaded.first().first().value<QModelIndex>(), QModelIndex());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Big"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Hospital A"));
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Hospital B"));
    QCOMPARE(model.index(1, StorageFolderTreeModel::DescriptionColumn).data().toString(),
             QStringLiteral("about Hospital A"));
    QVERIFY(model.index(1, StorageFolderTreeModel::CreatedColumn)
                .data(StorageFolderTreeModel::SortRole)
                .toDateTime()
                .isValid());
    QCOMPARE(model.index(0, 2).data(StorageFolderTreeModel::UuidRole).toString(), m_bigUuid);
    QCOMPARE(model.folderAt(model.index(0, 0))->uuid, m_bigUuid);
    QCOMPARE(model.indexForUuid(m_bigUuid), model.index(0, 0));
    // Columns other than the first have no children.
    QCOMPARE(model.rowCount(model.index(0, 1)), 0);
    QVERIFY(!model.hasChildren(model.index(0, 1)));
    QVERIFY(!model.canFetchMore(model.index(0, 1)));
    QTRY_VERIFY(!model.isLoading()); // the tester expanded every folder; wait for them
}

void TestStorageFolderTreeModel::shouldFetchChildrenPageByPageWhenExpanded()
{
    // Given a tree listed 100 folders a page
    StorageFolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy loaded(&model, &StorageFolderTreeModel::folderLoaded);
    StorageListOptions options;
    options.pageSize = 100;
    model.setOptions(options);
    model.setClient(m_server.alice());
    QTRY_VERIFY(model.indexForUuid(m_bigUuid).isValid());
    const QPersistentModelIndex big = model.indexForUuid(m_bigUuid);
    QVERIFY(model.hasChildren(big)); // optimistic until listed

    // When it is expanded (unless the tester already did, as a view would)
    if (model.canFetchMore(big))
        model.fetchMore(big);

    // Then it loads once, and its 250 sub-folders arrive in three inserts of one page each
    QVERIFY(!model.canFetchMore(big));
    model.fetchMore(big); // no second listing while loading
    QTRY_VERIFY(model.isComplete(big));
    QCOMPARE(insertions(inserted, big),
             (QStringList{
                 QStringLiteral("0-99"), QStringLiteral("100-199"), QStringLiteral("200-249")}));
    QCOMPARE(model.rowCount(big), bigFolderChildren);
    for (int i = 0; i < bigFolderChildren; ++i)
        QCOMPARE(model.index(i, 0, big).data().toString(), subName(i));
    QVERIFY(!model.canFetchMore(big));
    QVERIFY(std::any_of(loaded.begin(), loaded.end(), [&](const QList<QVariant> &arguments) {
        return arguments.first().value<QModelIndex>() == big;
    }));

    // And an empty folder, once listed, says it has no children
    const QModelIndex leaf = model.index(0, 0, big);
    QTRY_VERIFY(model.isComplete(leaf));
    QVERIFY(!model.hasChildren(leaf));
    QCOMPARE(model.rowCount(leaf), 0);
    QTRY_VERIFY(!model.isLoading());
}

void TestStorageFolderTreeModel::shouldBuildTheNestedTree()
{
    StorageFolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_server.alice());
    QTRY_VERIFY(model.indexForUuid(m_yearUuid).isValid());
    QTRY_VERIFY(!model.isLoading());

    const QModelIndex hospitalA = model.index(1, 0);
    QCOMPARE(render(model, hospitalA),
             QStringLiteral("CT\n"
                            "  2024\n"
                            "MR\n"));
    const QModelIndex year = model.indexForUuid(m_yearUuid);
    QCOMPARE(year.parent(), model.indexForUuid(m_ctUuid));
    QCOMPARE(year.parent().parent(), hospitalA);
    QCOMPARE(model.folderAt(year)->pathToRoot.size(), 2);
}

void TestStorageFolderTreeModel::shouldDropStaleAnswersWhenTheClientChanges()
{
    StorageFolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Given alice's tree is on its way
    model.setClient(m_server.alice());
    QVERIFY(model.isLoading());
    // When the client switches to bob
    model.setClient(m_server.bob());

    // Then only bob's folder appears
    QTRY_VERIFY(model.isComplete(QModelIndex()));
    QTRY_VERIFY(!model.isLoading());
    QTest::qWait(300);
    QCOMPARE(render(model, QModelIndex()), QStringLiteral("Bob's\n"));
    QVERIFY(!model.indexForUuid(m_bigUuid).isValid());
    QVERIFY(!model.lastError());
}

void TestStorageFolderTreeModel::shouldReportAServerErrorAsLastError()
{
    StorageFolderTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &StorageFolderTreeModel::errorOccurred);
    m_server.stop();

    model.setClient(m_server.alice());

    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<ApiError>().kind(), ApiError::Kind::Network);
    QCOMPARE(failed.first().at(1).value<QModelIndex>(), QModelIndex());
    QCOMPARE(model.lastError()->kind(), ApiError::Kind::Network);
    QVERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore(QModelIndex())); // no retry storm; refresh() retries
    QVERIFY(!model.hasChildren());
}

QTEST_MAIN(TestStorageFolderTreeModel)
#include "tst_storagefoldertreemodel.moc"
