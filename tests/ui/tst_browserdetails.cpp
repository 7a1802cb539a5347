// The browser's lists and details panels as a user meets them, against a real local server:
// the keyboard moves through a list and the details follow; the status line counts the rows;
// Copy ID and the context menu; typing is debounced into one request; a dataset shows its data
// rows with thumbnails and, when asked, their client metadata; a project shows its status,
// workflow, datasets and ontology; an ontology shows its structure; and the window remembers
// its splitters and column widths.

#include "browserwindowfactory.h"
#include "datarowmodel.h"
#include "detailspanel.h"
#include "mainwindow.h"
#include "modeltestserver.h"
#include "records/createprojectrequest.h"
#include "resourcelistmodel.h"
#include "resourcepane.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Encord;

namespace {

OntologyStructure carsAndWeather()
{
    OntologyStructure structure;
    OntologyObject car;
    car.id = 1;
    car.name = QStringLiteral("Car");
    car.color = QStringLiteral("#D33115");
    car.shape = Shape::BoundingBox;
    car.featureNodeHash = QStringLiteral("c4rC4r01");
    structure.objects.append(car);
    OntologyAttribute weather;
    weather.id = QStringLiteral("1.1");
    weather.name = QStringLiteral("Weather");
    weather.type = AttributeType::Radio;
    weather.featureNodeHash = QStringLiteral("w3ath3r1");
    OntologyOption sunny;
    sunny.id = QStringLiteral("1.1.1");
    sunny.label = QStringLiteral("Sunny");
    sunny.value = QStringLiteral("sunny");
    sunny.featureNodeHash = QStringLiteral("sunny001");
    weather.options.append(sunny);
    OntologyClassification classification;
    classification.id = 1;
    classification.featureNodeHash = QStringLiteral("cl4ss001");
    classification.attributes.append(weather);
    structure.classifications.append(classification);
    return structure;
}

QStringList treeTexts(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        texts << index.data().toString();
        texts << treeTexts(model, index);
    }
    return texts;
}

QString labelText(const QWidget *panel, const QString &field)
{
    // Details fields are a QFormLayout of "Name:" labels and value labels.
    const auto labels = panel->findChildren<QLabel *>();
    for (qsizetype i = 0; i + 1 < labels.size(); ++i) {
        if (labels.at(i)->text() == field)
            return labels.at(i)->buddy() ? static_cast<QLabel *>(labels.at(i)->buddy())->text()
                                         : labels.at(i + 1)->text();
    }
    return {};
}

} // namespace

class TestBrowserDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldFollowTheKeyboardAndCountTheRows();
    void shouldCopyTheIdAndOfferTheRowsActions();
    void shouldSendOneRequestForAWordTypedQuickly();
    void shouldShowADatasetsRowsThumbnailsAndMetadata();
    void shouldShowAProjectsStatusWorkflowDatasetsAndOntology();
    void shouldShowAnOntologysStructure();
    void shouldRememberSplittersAndColumnWidths();

private:
    ResourcePane *pane(const QString &key) const;
    void select(ResourcePane *pane, const QString &title);

    Testing::ModelTestServer m_server;
    QString m_datasetHash;
    QString m_projectHash;
    std::unique_ptr<MainWindow> m_window;
};

ResourcePane *TestBrowserDetails::pane(const QString &key) const
{
    return qobject_cast<ResourcePane *>(m_window->pane(key));
}

void TestBrowserDetails::select(ResourcePane *pane, const QString &title)
{
    QAbstractItemModel *model = pane->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == title) {
            pane->view()->setCurrentIndex(model->index(row, 0));
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row titled %1").arg(title)));
}

void TestBrowserDetails::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("EncordTest"));
    QApplication::setApplicationName(QStringLiteral("tst_browserdetails"));
    QSettings().clear();
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    const EncordClient alice = m_server.alice();

    const auto frames =
        QCoro::waitFor(alice.createDataset(QStringLiteral("Frames"), StorageLocation::CordStorage));
    ENCORD_VERIFY_OK(frames);
    m_datasetHash = frames->datasetHash;
    QVERIFY(
        m_server.uploadImages(alice, *frames->backingFolderUuid, 3, QStringLiteral("frame_")).ok());
    for (const QString &title : {QStringLiteral("Archive"), QStringLiteral("Bridges")}) {
        const auto created =
            QCoro::waitFor(alice.createDataset(title, StorageLocation::CordStorage));
        ENCORD_VERIFY_OK(created);
    }

    const auto ontology = QCoro::waitFor(alice.createOntology(
        QStringLiteral("Street objects"), QStringLiteral("cars"), carsAndWeather()));
    ENCORD_VERIFY_OK(ontology);
    CreateProjectRequest request;
    request.title = QStringLiteral("Street labelling");
    request.description = QStringLiteral("Boxes around cars");
    request.datasetHashes = {m_datasetHash};
    request.ontologyHash = ontology->ontologyHash;
    request.workflowTemplateId = QStringLiteral("template-1");
    const auto project = QCoro::waitFor(alice.createProject(request));
    ENCORD_VERIFY_OK(project);
    m_projectHash = project.value();

    m_window = BrowserWindowFactory::create();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setConnection(alice, QStringLiteral("Alice"), QStringLiteral("here"));
}

void TestBrowserDetails::shouldFollowTheKeyboardAndCountTheRows()
{
    ResourcePane *datasets = pane(QStringLiteral("datasets"));
    m_window->showPane(QStringLiteral("datasets"));
    QTRY_COMPARE(datasets->view()->model()->rowCount(), 3);
    QTRY_COMPARE(datasets->statusLabel()->text(), QStringLiteral("3 datasets"));

    // Sorted by title; Ctrl+Home, Down and Ctrl+End walk the rows and the details follow.
    datasets->view()->setFocus();
    QTest::keyClick(datasets->view(), Qt::Key_Home, Qt::ControlModifier);
    auto *title = datasets->details()->findChild<QLabel *>(QStringLiteral("detailsTitle"));
    QVERIFY(title);
    QTRY_COMPARE(title->text(), QStringLiteral("Archive"));
    QTest::keyClick(datasets->view(), Qt::Key_Down);
    QTRY_COMPARE(title->text(), QStringLiteral("Bridges"));
    QTest::keyClick(datasets->view(), Qt::Key_End, Qt::ControlModifier);
    QTRY_COMPARE(title->text(), QStringLiteral("Frames"));

    // Clicking a header sorts the other way.
    const QRect firstHeader(datasets->view()->horizontalHeader()->sectionViewportPosition(0),
                            0,
                            datasets->view()->horizontalHeader()->sectionSize(0),
                            datasets->view()->horizontalHeader()->height());
    QTest::mouseClick(
        datasets->view()->horizontalHeader()->viewport(), Qt::LeftButton, {}, firstHeader.center());
    QCOMPARE(datasets->view()->model()->index(0, 0).data().toString(), QStringLiteral("Frames"));
    QTest::mouseClick(
        datasets->view()->horizontalHeader()->viewport(), Qt::LeftButton, {}, firstHeader.center());
    QCOMPARE(datasets->view()->model()->index(0, 0).data().toString(), QStringLiteral("Archive"));

    // One row left after a filter, counted in the singular.
    datasets->filterEdit()->setText(QStringLiteral("Fra"));
    QTRY_COMPARE(datasets->statusLabel()->text(), QStringLiteral("1 dataset"));
    datasets->filterEdit()->clear();
    QTRY_COMPARE(datasets->statusLabel()->text(), QStringLiteral("3 datasets"));
}

void TestBrowserDetails::shouldCopyTheIdAndOfferTheRowsActions()
{
    ResourcePane *datasets = pane(QStringLiteral("datasets"));
    m_window->showPane(QStringLiteral("datasets"));
    QTRY_COMPARE(datasets->view()->model()->rowCount(), 3);
    select(datasets, QStringLiteral("Frames"));
    datasets->view()->setFocus();
    QApplication::clipboard()->clear();

    QTest::keyClick(datasets->view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);

    QCOMPARE(QApplication::clipboard()->text(), m_datasetHash);

    // The context menu of a row: Copy ID first, then the pane's own actions.
    QStringList offered;
    QTimer::singleShot(0, this, [&offered] {
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                offered << action->text().remove(QLatin1Char('&'));
        }
        menu->close();
    });
    const QRect row = datasets->view()->visualRect(datasets->view()->currentIndex());
    Q_EMIT datasets->view()->customContextMenuRequested(row.center());

    QVERIFY2(offered.size() >= 2, qPrintable(offered.join(QStringLiteral(", "))));
    QCOMPARE(offered.first(), QStringLiteral("Copy ID"));
    QVERIFY2(offered.contains(QStringLiteral("New Project with These Datasets…")),
             qPrintable(offered.join(QStringLiteral(", "))));
}

void TestBrowserDetails::shouldSendOneRequestForAWordTypedQuickly()
{
    ResourcePane *datasets = pane(QStringLiteral("datasets"));
    m_window->showPane(QStringLiteral("datasets"));
    QTRY_VERIFY(!datasets->model()->isLoading());
    // Every listing request starts with a reset of the model.
    QSignalSpy requests(datasets->model(), &QAbstractItemModel::modelReset);

    // Keys 40 ms apart (the event loop runs between them), faster than the debounce.
    QTest::keyClicks(datasets->filterEdit(), QStringLiteral("bridge"), {}, 40);

    QTRY_COMPARE(datasets->view()->model()->rowCount(), 1);
    QTRY_VERIFY(!datasets->model()->isLoading());
    QCOMPARE(requests.count(), 1);
    QCOMPARE(datasets->model()->filter().titleLike, std::optional(QStringLiteral("%bridge%")));
    datasets->filterEdit()->clear();
    QTRY_COMPARE(datasets->view()->model()->rowCount(), 3);
}

void TestBrowserDetails::shouldShowADatasetsRowsThumbnailsAndMetadata()
{
    ResourcePane *datasets = pane(QStringLiteral("datasets"));
    m_window->showPane(QStringLiteral("datasets"));
    QTRY_COMPARE(datasets->view()->model()->rowCount(), 3);
    select(datasets, QStringLiteral("Frames"));

    QWidget *details = datasets->details();
    QCOMPARE(labelText(details, QStringLiteral("Your role:")), QStringLiteral("Admin"));
    QCOMPARE(labelText(details, QStringLiteral("Storage:")),
             QStringLiteral("Mirrored by a storage folder"));
    QTableView *rows = nullptr;
    for (QTableView *view : details->findChildren<QTableView *>()) {
        if (view->accessibleName() == QStringLiteral("Data rows"))
            rows = view;
    }
    QVERIFY(rows);
    QTRY_COMPARE(rows->model()->rowCount(), 3);
    rows->sortByColumn(DataRowModel::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(rows->model()->index(0, DataRowModel::TitleColumn).data().toString(),
             QStringLiteral("frame_000.png"));

    // Thumbnails arrive for the rows on screen, in the images' own colours.
    for (int row = 0; row < 3; ++row) {
        const QModelIndex title = rows->model()->index(row, DataRowModel::TitleColumn);
        const int index = title.data().toString().mid(6, 3).toInt();
        QTRY_VERIFY(title.data(Qt::DecorationRole).value<QPixmap>().width() > 1);
        const QImage thumbnail = title.data(Qt::DecorationRole).value<QPixmap>().toImage();
        const QColor middle = thumbnail.pixelColor(thumbnail.rect().center());
        QCOMPARE(middle.rgb(), Testing::ModelTestServer::imageColor(index).rgb());
    }

    // Client metadata only when asked: the check box adds its column.
    const int columnsBefore = rows->model()->columnCount();
    auto *showMetadata = details->findChild<QCheckBox *>();
    QVERIFY(showMetadata && !showMetadata->isChecked());
    QVERIFY(showMetadata->isVisible());
    // On the box itself: a check box stretched by its layout only reacts there and on its text.
    QTest::mouseClick(showMetadata, Qt::LeftButton, {}, QPoint(8, showMetadata->height() / 2));
    QTRY_COMPARE(rows->model()->columnCount(), columnsBefore + 1);
    QTRY_COMPARE(rows->model()->index(0, columnsBefore).data().toString(),
                 QStringLiteral("{\"index\":0}"));
}

void TestBrowserDetails::shouldShowAProjectsStatusWorkflowDatasetsAndOntology()
{
    ResourcePane *projects = pane(QStringLiteral("projects"));
    m_window->showPane(QStringLiteral("projects"));
    QTRY_COMPARE(projects->view()->model()->rowCount(), 1);
    select(projects, QStringLiteral("Street labelling"));

    QWidget *details = projects->details();
    QTRY_COMPARE(details->findChild<QLabel *>(QStringLiteral("detailsTitle"))->text(),
                 QStringLiteral("Street labelling"));
    QVERIFY(
        details->findChild<QLabel *>(QStringLiteral("detailsId"))->text().endsWith(m_projectHash));
    QTRY_COMPARE(labelText(details, QStringLiteral("Status:")), QStringLiteral("Not started"));
    QTRY_VERIFY2(labelText(details, QStringLiteral("Quality assurance:")).startsWith(u"Workflow"),
                 qPrintable(labelText(details, QStringLiteral("Quality assurance:"))));
    auto *datasetList = details->findChild<QListWidget *>();
    QVERIFY(datasetList);
    QTRY_COMPARE(datasetList->count(), 1);
    QCOMPARE(datasetList->item(0)->text(), QStringLiteral("Frames"));
    QTreeView *tree = nullptr;
    for (QTreeView *view : details->findChildren<QTreeView *>()) {
        if (!qobject_cast<QTableView *>(view))
            tree = view;
    }
    QVERIFY(tree);
    QTRY_VERIFY(treeTexts(tree->model()).contains(QStringLiteral("Car")));
    QVERIFY(treeTexts(tree->model()).contains(QStringLiteral("Weather")));
    QVERIFY(treeTexts(tree->model()).contains(QStringLiteral("Sunny")));
}

void TestBrowserDetails::shouldShowAnOntologysStructure()
{
    ResourcePane *ontologies = pane(QStringLiteral("ontologies"));
    m_window->showPane(QStringLiteral("ontologies"));
    QTRY_COMPARE(ontologies->view()->model()->rowCount(), 1);
    select(ontologies, QStringLiteral("Street objects"));

    auto *tree = ontologies->details()->findChild<QTreeView *>();
    QVERIFY(tree);
    // The object, then the classification (named by its question), its question and option.
    QTRY_COMPARE(treeTexts(tree->model()),
                 (QStringList{QStringLiteral("Car"),
                              QStringLiteral("Weather"),
                              QStringLiteral("Weather"),
                              QStringLiteral("Sunny")}));
    // The object's colour swatch is its ontology colour.
    const QModelIndex car = tree->model()->index(0, 0);
    QCOMPARE(car.data(Qt::DecorationRole).value<QColor>().name(), QStringLiteral("#d33115"));
}

void TestBrowserDetails::shouldRememberSplittersAndColumnWidths()
{
    ResourcePane *datasets = pane(QStringLiteral("datasets"));
    m_window->showPane(QStringLiteral("datasets"));
    QTRY_COMPARE(datasets->view()->model()->rowCount(), 3);
    auto *paneSplitter = datasets->findChild<QSplitter *>();
    QVERIFY(paneSplitter);
    paneSplitter->setSizes({500, 300});
    const QList<int> sizes = paneSplitter->sizes();
    datasets->view()->setColumnWidth(0, 171);
    m_window->close();

    auto again = BrowserWindowFactory::create();
    again->restoreWindowState();
    again->show();
    QVERIFY(QTest::qWaitForWindowExposed(again.get()));
    auto *restored = qobject_cast<ResourcePane *>(again->pane(QStringLiteral("datasets")));
    QCOMPARE(restored->view()->columnWidth(0), 171);
    QCOMPARE(restored->findChild<QSplitter *>()->sizes(), sizes);
}

QTEST_MAIN(TestBrowserDetails)
#include "tst_browserdetails.moc"
