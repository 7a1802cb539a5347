// The resource lists (datasets, projects, ontologies, cloud integrations, groups) against the
// real local server over loopback: rows arrive with the right data, the filter goes to the
// server, stale answers are dropped, errors surface. A QAbstractItemModelTester watches every
// model from its creation, so every insertion and reset is checked as it happens.

#include "cloudintegrationlistmodel.h"
#include "datasetlistmodel.h"
#include "grouplistmodel.h"
#include "integrationstore.h"
#include "localserver.h"
#include "modeltestserver.h"
#include "ontologylistmodel.h"
#include "projectlistmodel.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Encord;

namespace {

constexpr int datasetCount = 250;

QString datasetTitle(int i)
{
    return QStringLiteral("Dataset %1").arg(i, 3, 10, QLatin1Char('0'));
}

// The Title column of every row, in row order.
QStringList titles(const QAbstractItemModel &model, int column = 0)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, column).data().toString());
    return result;
}

// loadingChanged emissions as a string, e.g. "true false".
QString loadingHistory(const QSignalSpy &spy)
{
    QStringList values;
    for (const QList<QVariant> &arguments : spy)
        values.append(arguments.first().toBool() ? QStringLiteral("true")
                                                 : QStringLiteral("false"));
    return values.join(QLatin1Char(' '));
}

} // namespace

class TestResourceListModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldListEveryDatasetWithItsData();
    void shouldSendTheFilterToTheServer();
    void shouldListAgainOnRefresh();
    void shouldDropTheStaleAnswerWhenTheClientChangesMidLoad();
    void shouldNotCallBackADestroyedModel();
    void shouldSortByDateThroughAProxy();
    void shouldInsertALargeAnswerInTheViewsOrderASliceAtATime();
    void shouldStopInsertingSlicesAfterAReset();
    void shouldListProjectsAndOntologies();
    void shouldListCloudIntegrationsAndGroups();
    void shouldReportAServerErrorAsLastError();

private:
    Testing::ModelTestServer m_server;
    QStringList m_bobDatasets;
    QTemporaryDir m_integrationRoot;
};

void TestResourceListModels::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    const EncordClient alice = m_server.alice();
    for (int i = 0; i < datasetCount; ++i) {
        const QString title = datasetTitle(i);
        const QString description = i % 2 ? QStringLiteral("odd") : QStringLiteral("even");
        const auto created =
            QCoro::waitFor(alice.createDataset(title, StorageLocation::CordStorage, description));
        ENCORD_VERIFY_OK(created);
    }
    const EncordClient bob = m_server.bob();
    for (const QString &title : {QStringLiteral("Bob's birds"), QStringLiteral("Bob's boats")}) {
        const auto created = QCoro::waitFor(bob.createDataset(title, StorageLocation::CordStorage));
        ENCORD_VERIFY_OK(created);
        m_bobDatasets.append(title);
    }
}

void TestResourceListModels::shouldListEveryDatasetWithItsData()
{
    // Given a model watched by the tester
    DatasetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loading(&model, &DatasetListModel::loadingChanged);
    QSignalSpy loaded(&model, &DatasetListModel::rowsLoaded);

    // When alice's client is set
    model.setClient(m_server.alice());

    // Then it loads, and every dataset arrives once
    QVERIFY(model.isLoading());
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().first().toInt(), datasetCount);
    QCOMPARE(model.rowCount(), datasetCount);
    QCOMPARE(loadingHistory(loading), QStringLiteral("true false"));
    QVERIFY(!model.isLoading());
    QVERIFY(!model.lastError());
    QStringList sorted = titles(model);
    sorted.sort();
    QCOMPARE(sorted.first(), datasetTitle(0));
    QCOMPARE(sorted.last(), datasetTitle(datasetCount - 1));
    QCOMPARE(sorted.removeDuplicates(), 0);

    // And each column shows words and dates, with the record behind the row
    const int row = int(titles(model).indexOf(datasetTitle(7)));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, DatasetListModel::DescriptionColumn).data().toString(),
             QStringLiteral("odd"));
    QCOMPARE(model.index(row, DatasetListModel::RoleColumn).data().toString(),
             QStringLiteral("Admin"));
    QCOMPARE(model.index(row, DatasetListModel::StorageColumn).data().toString(),
             QStringLiteral("Encord"));
    const QModelIndex created = model.index(row, DatasetListModel::CreatedColumn);
    QVERIFY(!created.data().toString().isEmpty());
    QCOMPARE(created.data(DatasetListModel::SortRole).metaType(), QMetaType::fromType<QDateTime>());
    QVERIFY(created.data(Qt::EditRole).toDateTime().isValid());
    const auto record =
        qvariant_cast<DatasetSummary>(model.index(row, 0).data(DatasetListModel::RecordRole));
    QCOMPARE(record.title, datasetTitle(7));
    QCOMPARE(model.index(row, 3).data(DatasetListModel::HashRole).toString(), record.datasetHash);
    QCOMPARE(model.headerData(DatasetListModel::RoleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Your role"));
}

void TestResourceListModels::shouldSendTheFilterToTheServer()
{
    DatasetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &DatasetListModel::rowsLoaded);
    model.setClient(m_server.alice());
    QTRY_COMPARE(loaded.size(), 1);

    // When a LIKE filter is set: the server answers with the ten matching datasets only
    ListingFilter filter;
    filter.titleLike = QStringLiteral("%set 12_");
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0); // reset at once, before the answer
    QTRY_COMPARE(loaded.size(), 2);
    QStringList shown = titles(model);
    shown.sort();
    QStringList expected;
    for (int i = 120; i < 130; ++i)
        expected.append(datasetTitle(i));
    QCOMPARE(shown, expected);

    // And a description filter narrows on the server too
    filter.descEq = QStringLiteral("even");
    model.setFilter(filter);
    QTRY_COMPARE(loaded.size(), 3);
    QCOMPARE(model.rowCount(), 5);

    // And setting the same filter again sends nothing
    model.setFilter(filter);
    QVERIFY(!model.isLoading());
}

void TestResourceListModels::shouldListAgainOnRefresh()
{
    DatasetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &DatasetListModel::rowsLoaded);
    model.setClient(m_server.bob());
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(model.rowCount(), 2);

    // Given bob creates a dataset elsewhere
    const auto created = QCoro::waitFor(
        m_server.bob().createDataset(QStringLiteral("Bob's bikes"), StorageLocation::CordStorage));
    ENCORD_VERIFY_OK(created);
    m_bobDatasets.append(QStringLiteral("Bob's bikes"));
    QCOMPARE(model.rowCount(), 2);

    // When the model refreshes, Then it shows it
    model.refresh();
    QTRY_COMPARE(loaded.size(), 2);
    QStringList shown = titles(model);
    shown.sort();
    QStringList expected = m_bobDatasets;
    expected.sort();
    QCOMPARE(shown, expected);
}

void TestResourceListModels::shouldDropTheStaleAnswerWhenTheClientChangesMidLoad()
{
    DatasetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &DatasetListModel::rowsLoaded);
    QSignalSpy loading(&model, &DatasetListModel::loadingChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // Given alice's 250 datasets are on their way
    model.setClient(m_server.alice());
    QVERIFY(model.isLoading());

    // When the client switches to bob before they arrive
    model.setClient(m_server.bob());

    // Then only bob's datasets appear, now and after alice's answer had time to come
    QTRY_COMPARE(loaded.size(), 1);
    QTest::qWait(300);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QStringList shown = titles(model);
    shown.sort();
    QStringList expected = m_bobDatasets;
    expected.sort();
    QCOMPARE(shown, expected);
    QCOMPARE(loadingHistory(loading), QStringLiteral("true false"));
    QVERIFY(!model.lastError()); // the cancelled request is no error of the model's

    // And switching to no client empties the model and stops loading
    model.setClient(m_server.alice());
    model.setClient(std::nullopt);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoading());
    QTest::qWait(300);
    QCOMPARE(model.rowCount(), 0);
}

void TestResourceListModels::shouldNotCallBackADestroyedModel()
{
    // Given models destroyed while their listings are in flight
    for (int i = 0; i < 3; ++i) {
        auto model = std::make_unique<DatasetListModel>();
        QAbstractItemModelTester tester(model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setClient(m_server.alice());
        QVERIFY(model->isLoading());
        model.reset();
    }
    // When the event loop runs long enough for the answers, Then nothing happens (ASan builds
    // would report a use after free here).
    QTest::qWait(300);
}

void TestResourceListModels::shouldSortByDateThroughAProxy()
{
    DatasetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(DatasetListModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(DatasetListModel::CreatedColumn, Qt::DescendingOrder);

    model.setClient(m_server.alice());
    QTRY_COMPARE(proxy.rowCount(), datasetCount);

    // Then newer datasets come first, by the QDateTime in SortRole
    QDateTime previous = QDateTime::currentDateTimeUtc().addDays(1);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QDateTime created =
            proxy.index(row, DatasetListModel::CreatedColumn).data(Qt::EditRole).toDateTime();
        QVERIFY2(created <= previous, qPrintable(QString::number(row)));
        previous = created;
    }

    // And by title the order is the text's
    proxy.sort(DatasetListModel::TitleColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), datasetTitle(datasetCount - 1));
    QCOMPARE(proxy.index(datasetCount - 1, 0).data().toString(), datasetTitle(0));
}

void TestResourceListModels::shouldInsertALargeAnswerInTheViewsOrderASliceAtATime()
{
    // Given a model whose view sorts by title, Z to A, ignoring case, and a sorting proxy as
    // the view has; answers above 40 rows come in slices
    DatasetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(DatasetListModel::SortRole);
    proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy.sort(DatasetListModel::TitleColumn, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArrivalOrder(DatasetListModel::TitleColumn, Qt::DescendingOrder, Qt::CaseInsensitive);
    model.setSliceRows(40);
    QSignalSpy inserted(&model, &DatasetListModel::rowsInserted);
    QSignalSpy loaded(&model, &DatasetListModel::rowsLoaded);

    // When alice's 250 datasets arrive
    model.setClient(m_server.alice());
    QTRY_COMPARE(loaded.size(), 1);

    // Then they came in seven slices, each appended, already in the view's order
    QCOMPARE(loaded.first().first().toInt(), datasetCount);
    QCOMPARE(inserted.size(), (datasetCount + 39) / 40);
    for (int slice = 0; slice < inserted.size(); ++slice) {
        QCOMPARE(inserted.at(slice).at(1).toInt(), slice * 40);
        QCOMPARE(inserted.at(slice).at(2).toInt(), std::min(slice * 40 + 39, datasetCount - 1));
    }
    QStringList expected;
    for (int i = datasetCount - 1; i >= 0; --i)
        expected.append(datasetTitle(i));
    QCOMPARE(titles(model), expected);
    // And the proxy shows the same order as if it had sorted everything itself
    QCOMPARE(titles(proxy), expected);
    QVERIFY(!model.isLoading());
}

void TestResourceListModels::shouldStopInsertingSlicesAfterAReset()
{
    // Given a listing arriving in slices of 10
    DatasetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArrivalOrder(DatasetListModel::TitleColumn, Qt::AscendingOrder, Qt::CaseSensitive);
    model.setSliceRows(10);
    QSignalSpy loaded(&model, &DatasetListModel::rowsLoaded);

    // When the filter changes as soon as the first slice is in
    ListingFilter odd;
    odd.descEq = QStringLiteral("odd");
    const QMetaObject::Connection onFirstSlice =
        connect(&model, &DatasetListModel::rowsInserted, &model, [&model, odd] {
            if (model.filter() != odd)
                model.setFilter(odd);
        });
    model.setClient(m_server.alice());

    // Then only the new listing's rows are shown, once each, and it alone reports its end
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().first().toInt(), datasetCount / 2);
    QCOMPARE(model.rowCount(), datasetCount / 2);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, DatasetListModel::DescriptionColumn).data().toString(),
                 QStringLiteral("odd"));
    QTest::qWait(50); // a slice of the old listing would have arrived by now
    QCOMPARE(model.rowCount(), datasetCount / 2);
    QCOMPARE(loaded.size(), 1);
    disconnect(onFirstSlice);
}

void TestResourceListModels::shouldListProjectsAndOntologies()
{
    // Given an ontology and a project of alice's
    OntologyStructure structure;
    OntologyObject car;
    car.id = 1;
    car.name = QStringLiteral("car");
    car.color = QStringLiteral("#D33115");
    car.shape = Shape::Polygon;
    car.featureNodeHash = QStringLiteral("c0ffee01");
    structure.objects.append(car);
    const auto ontology = QCoro::waitFor(m_server.alice().createOntology(
        QStringLiteral("Vehicles"), QStringLiteral("things on roads"), structure));
    ENCORD_VERIFY_OK(ontology);
    const auto datasets = QCoro::waitFor(m_server.alice().getDatasets());
    ENCORD_VERIFY_OK(datasets);
    CreateProjectRequest request;
    request.title = QStringLiteral("Label cars");
    request.description = QStringLiteral("first pass");
    request.datasetHashes = {datasets->first().datasetHash};
    request.ontologyHash = ontology->ontologyHash;
    const auto project = QCoro::waitFor(m_server.alice().createProject(request));
    ENCORD_VERIFY_OK(project);

    // When both lists load
    OntologyListModel ontologies;
    QAbstractItemModelTester ontologyTester(&ontologies,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProjectListModel projects;
    QAbstractItemModelTester projectTester(&projects,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    ontologies.setClient(m_server.alice());
    projects.setClient(m_server.alice());
    QTRY_VERIFY(!ontologies.isLoading() && !projects.isLoading());

    // Then they show them
    QCOMPARE(ontologies.rowCount(), 1);
    QCOMPARE(ontologies.index(0, OntologyListModel::TitleColumn).data().toString(),
             QStringLiteral("Vehicles"));
    QCOMPARE(ontologies.index(0, OntologyListModel::DescriptionColumn).data().toString(),
             QStringLiteral("things on roads"));
    QCOMPARE(ontologies.index(0, OntologyListModel::RoleColumn).data().toString(),
             QStringLiteral("Admin"));
    QCOMPARE(ontologies.index(0, 0).data(OntologyListModel::HashRole).toString(),
             ontology->ontologyHash);
    const auto ontologyRecord =
        qvariant_cast<Ontology>(ontologies.index(0, 0).data(OntologyListModel::RecordRole));
    QCOMPARE(ontologyRecord.editor.objects.size(), 1);
    QCOMPARE(ontologies.index(0, OntologyListModel::ObjectsColumn).data().toInt(), 1);
    QCOMPARE(ontologies.index(0, OntologyListModel::ClassificationsColumn).data().toInt(), 0);
    QCOMPARE(ontologies.headerData(OntologyListModel::ObjectsColumn, Qt::Horizontal).toString(),
             QStringLiteral("Objects"));

    QCOMPARE(projects.rowCount(), 1);
    QCOMPARE(projects.index(0, ProjectListModel::TitleColumn).data().toString(),
             QStringLiteral("Label cars"));
    QCOMPARE(projects.index(0, ProjectListModel::RoleColumn).data().toString(),
             QStringLiteral("Admin"));
    QCOMPARE(projects.index(0, 0).data(ProjectListModel::HashRole).toString(), project.value());
    QCOMPARE(projects.index(0, ProjectListModel::DatasetsColumn).data().toInt(), 1);
    QCOMPARE(projects.index(0, ProjectListModel::ReviewColumn).data().toString(),
             QStringLiteral("Manual QA"));
    QVERIFY(projects.index(0, ProjectListModel::EditedColumn)
                .data(Qt::EditRole)
                .toDateTime()
                .isValid());

    // And a filter that matches nothing empties them on the server's word
    ListingFilter none;
    none.titleEq = QStringLiteral("label cars"); // equality is case-sensitive
    projects.setFilter(none);
    QTRY_VERIFY(!projects.isLoading());
    QCOMPARE(projects.rowCount(), 0);
}

void TestResourceListModels::shouldListCloudIntegrationsAndGroups()
{
    Server::IntegrationStore(m_server.server().workspace()->database())
        .add(QStringLiteral("Scans on disk"), m_integrationRoot.path());
    m_server.addGroup(QStringLiteral("g-1"), QStringLiteral("Radiologists"), QStringLiteral("CT"));
    m_server.addGroup(QStringLiteral("g-2"), QStringLiteral("Annotators"), QString());

    CloudIntegrationListModel integrations;
    QAbstractItemModelTester integrationTester(
        &integrations, QAbstractItemModelTester::FailureReportingMode::QtTest);
    GroupListModel groups;
    QAbstractItemModelTester groupTester(&groups,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    integrations.setClient(m_server.alice());
    groups.setClient(m_server.alice());
    QTRY_VERIFY(!integrations.isLoading() && !groups.isLoading());
    QVERIFY(!integrations.lastError());
    QVERIFY(!groups.lastError());

    QCOMPARE(integrations.rowCount(), 1);
    QCOMPARE(integrations.index(0, CloudIntegrationListModel::TitleColumn).data().toString(),
             QStringLiteral("Scans on disk"));
    QCOMPARE(integrations.index(0, CloudIntegrationListModel::IdColumn).data().toString(),
             integrations.index(0, 0).data(CloudIntegrationListModel::HashRole).toString());

    QCOMPARE(titles(groups),
             (QStringList{QStringLiteral("Annotators"), QStringLiteral("Radiologists")}));
    QCOMPARE(groups.index(1, GroupListModel::DescriptionColumn).data().toString(),
             QStringLiteral("CT"));
    QCOMPARE(groups.index(1, 0).data(GroupListModel::HashRole).toString(), QStringLiteral("g-1"));
    QVERIFY(
        groups.index(1, GroupListModel::CreatedColumn).data(Qt::EditRole).toDateTime().isValid());
}

void TestResourceListModels::shouldReportAServerErrorAsLastError()
{
    DatasetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &DatasetListModel::rowsLoaded);
    QSignalSpy failed(&model, &DatasetListModel::errorOccurred);
    model.setClient(m_server.bob());
    QTRY_COMPARE(loaded.size(), 1);

    // Given the server is gone
    m_server.stop();

    // When the model refreshes
    model.refresh();

    // Then the listing fails with a network error, told once, and the table is empty
    QTRY_COMPARE(failed.size(), 1);
    const auto error = failed.first().first().value<ApiError>();
    QCOMPARE(error.kind(), ApiError::Kind::Network);
    QVERIFY(model.lastError().has_value());
    QCOMPARE(model.lastError()->kind(), ApiError::Kind::Network);
    QVERIFY(!model.lastError()->userMessage().isEmpty());
    QVERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(loaded.size(), 1);
}

QTEST_MAIN(TestResourceListModels)
#include "tst_resourcelistmodels.moc"
