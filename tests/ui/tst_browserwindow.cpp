// The browser window driven as a user would, under the offscreen platform, against real
// local servers: lists fill in, the filter bar asks the server, a profile switch shows only the
// new connection's data, a failing server shows a banner with Retry, storage folders load as
// they are expanded, and the window remembers its state.

#include "accessibilityaudit.h"
#include "auth/publickey.h"
#include "browserwindowfactory.h"
#include "daterangefilter.h"
#include "emptystatewidget.h"
#include "errorbanner.h"
#include "localserver.h"
#include "loopbackhttpserver.h"
#include "resourcelistmodel.h"
#include "resourcepane.h"
#include "storagefoldertreemodel.h"
#include "storageitemlistmodel.h"
#include "storagepane.h"
#include "userstore.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Encord;

namespace {

// A running local server with one registered user and the client that user would have.
struct TestWorkspace
{
    explicit TestWorkspace(const QString &dir)
        : server(std::make_unique<Server::LocalServer>(dir))
        , key(PrivateKey::generate())
    {
        if (!server->start())
            qFatal("server did not start: %s", qPrintable(server->errorString()));
        Server::UserStore(server->workspace()->database())
            .add(QStringLiteral("me@example.com"), *PublicKey::fromRaw(key.publicKeyRaw()), true);
        client.emplace(key, QUrl(server->baseUrl()));
    }

    void createDatasets(const QStringList &titles) const
    {
        for (const QString &title : titles) {
            if (!QCoro::waitFor(client->createDataset(title, StorageLocation::CordStorage)).ok())
                qFatal("could not create a dataset");
        }
    }

    std::unique_ptr<Server::LocalServer> server;
    PrivateKey key;
    std::optional<EncordClient> client;
};

QStringList column(const QAbstractItemModel *model, int column = 0)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, column).data().toString();
    out.sort();
    return out;
}

bool closeColours(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 4 && std::abs(a.green() - b.green()) <= 4
           && std::abs(a.blue() - b.blue()) <= 4;
}

} // namespace

class TestBrowserWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldListDatasetsOfTheConnection();
    void shouldFilterThroughTheServer();
    void shouldShowOnlyTheNewConnectionAfterASwitch();
    void shouldShowABannerWhenTheServerFails();
    void shouldRetryFromTheBannerAfterAServerError();
    void shouldLoadStorageFoldersWhenExpanded();
    void shouldPreviewASelectedImage();
    void shouldRememberWindowState();
    void shouldNameEveryControlForAccessibility();
    void shouldOfferActionsWhenTheWorkspaceIsEmpty();
    void shouldDrawTheSelectedSectionIconInTheSelectionTextColour();

private:
    ResourcePane *datasetsPane() const;
    QString connectionText() const;

    QTemporaryDir m_dir;
    std::unique_ptr<TestWorkspace> m_first;
    std::unique_ptr<TestWorkspace> m_second;
    std::unique_ptr<MainWindow> m_window;
};

ResourcePane *TestBrowserWindow::datasetsPane() const
{
    return qobject_cast<ResourcePane *>(m_window->pane(QStringLiteral("datasets")));
}

QString TestBrowserWindow::connectionText() const
{
    return m_window->findChild<QLabel *>(QStringLiteral("connectionLabel"))->text();
}

void TestBrowserWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("EncordTest"));
    QApplication::setApplicationName(QStringLiteral("tst_browserwindow"));
    QSettings().clear();

    m_first = std::make_unique<TestWorkspace>(m_dir.filePath(QStringLiteral("first")));
    m_first->createDatasets({QStringLiteral("Street scenes"),
                             QStringLiteral("Chest X-rays"),
                             QStringLiteral("Streetcar depot")});
    m_second = std::make_unique<TestWorkspace>(m_dir.filePath(QStringLiteral("second")));
    m_second->createDatasets({QStringLiteral("Only in the second workspace")});

    m_window = BrowserWindowFactory::create();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestBrowserWindow::shouldListDatasetsOfTheConnection()
{
    ResourcePane *pane = datasetsPane();
    QVERIFY(pane);
    QAbstractItemModelTester tester(pane->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    m_window->setConnection(m_first->client, QStringLiteral("First"), QStringLiteral("here"));

    QTRY_COMPARE(pane->view()->model()->rowCount(), 3);
    QCOMPARE(column(pane->view()->model()),
             (QStringList{QStringLiteral("Chest X-rays"),
                          QStringLiteral("Street scenes"),
                          QStringLiteral("Streetcar depot")}));
    QTRY_COMPARE(connectionText(), QStringLiteral("First — connected to here"));
}

void TestBrowserWindow::shouldFilterThroughTheServer()
{
    ResourcePane *pane = datasetsPane();
    QTRY_COMPARE(pane->view()->model()->rowCount(), 3);

    // When the user types in the filter bar
    QTest::keyClicks(pane->filterEdit(), QStringLiteral("street"));

    // Then the listing filter goes to the server and only matching rows come back
    QTRY_COMPARE(pane->model()->filter().titleLike,
                 std::optional<QString>(QStringLiteral("%street%")));
    QTRY_COMPARE(pane->view()->model()->rowCount(), 2);
    QTRY_VERIFY(!pane->model()->isLoading());
    QCOMPARE(column(pane->view()->model()),
             (QStringList{QStringLiteral("Street scenes"), QStringLiteral("Streetcar depot")}));

    // An exact title match
    pane->filterField()->setCurrentIndex(1);
    pane->filterEdit()->setText(QStringLiteral("Chest X-rays"));
    QTRY_COMPARE(pane->model()->filter().titleEq,
                 std::optional<QString>(QStringLiteral("Chest X-rays")));
    QTRY_COMPARE(pane->view()->model()->rowCount(), 1);

    pane->filterEdit()->clear();
    pane->filterField()->setCurrentIndex(0);
    QTRY_VERIFY(pane->model()->filter().isEmpty());
    QTRY_COMPARE(pane->view()->model()->rowCount(), 3);

    // Dates: everything was made today, so a range that ends yesterday holds nothing, and one
    // that starts yesterday holds all; both ends of a range are whole days, both included.
    using Bound = DateRangeFilter::Bound;
    DateRangeFilter *dates = pane->dateRanges();
    const QDate today = QDate::currentDate();
    QCOMPARE(dates->text(), QStringLiteral("Any date"));
    dates->setDay(Bound::CreatedTo, today.addDays(-1));
    QTRY_VERIFY(pane->model()->filter().createdBefore.has_value());
    QCOMPARE(*pane->model()->filter().createdBefore, today.startOfDay().toUTC());
    QTRY_VERIFY(!pane->model()->isLoading());
    QTRY_COMPARE(pane->view()->model()->rowCount(), 0);
    QVERIFY2(dates->text().startsWith(QStringLiteral("Created until")), qPrintable(dates->text()));

    dates->setDay(Bound::CreatedTo, today);
    dates->setDay(Bound::CreatedFrom, today.addDays(-1));
    QTRY_VERIFY(pane->model()->filter().createdAfter.has_value());
    QTRY_VERIFY(!pane->model()->isLoading());
    QTRY_COMPARE(pane->view()->model()->rowCount(), 3);

    // The edited range narrows the created one: edited from tomorrow on holds nothing.
    dates->setDay(Bound::EditedFrom, today.addDays(1));
    QTRY_VERIFY(pane->model()->filter().editedAfter.has_value());
    QCOMPARE(pane->model()->filter().createdAfter,
             dates->day(Bound::CreatedFrom)->startOfDay().addMSecs(-1).toUTC());
    QTRY_VERIFY(!pane->model()->isLoading());
    QTRY_COMPARE(pane->view()->model()->rowCount(), 0);
    QVERIFY2(dates->text().contains(QStringLiteral("; Edited from")), qPrintable(dates->text()));

    // Unticking an end's check box in the form opens that end.
    dates->checkBox(Bound::EditedFrom)->click();
    QTRY_VERIFY(!pane->model()->filter().editedAfter.has_value());
    QTRY_VERIFY(!pane->model()->isLoading());
    QTRY_COMPARE(pane->view()->model()->rowCount(), 3);
    QVERIFY(!dates->editor(Bound::EditedFrom)->isEnabled());

    // "Any Date" clears every range.
    dates->clear();
    QTRY_VERIFY(pane->model()->filter().isEmpty());
    QTRY_COMPARE(pane->view()->model()->rowCount(), 3);
    QCOMPARE(dates->text(), QStringLiteral("Any date"));
}

void TestBrowserWindow::shouldShowOnlyTheNewConnectionAfterASwitch()
{
    ResourcePane *pane = datasetsPane();
    // Switch while the first listing may still be on its way: only the second stays.
    m_window->setConnection(m_first->client, QStringLiteral("First"), QStringLiteral("here"));
    m_window->setConnection(m_second->client, QStringLiteral("Second"), QStringLiteral("there"));

    QTRY_COMPARE(pane->view()->model()->rowCount(), 1);
    QTRY_VERIFY(!pane->model()->isLoading());
    QTest::qWait(200); // a late answer of the first connection would show up now
    QCOMPARE(column(pane->view()->model()),
             QStringList{QStringLiteral("Only in the second workspace")});
}

void TestBrowserWindow::shouldShowABannerWhenTheServerFails()
{
    ResourcePane *pane = datasetsPane();
    m_window->showPane(QStringLiteral("datasets"));
    m_second->server->stop();
    RequestsSettings quick;
    quick.connectionRetries = 0;
    m_second->client->setRequestsSettings(quick);

    // F5 refreshes the visible section
    QTest::keyClick(m_window.get(), Qt::Key_F5);

    QTRY_VERIFY(pane->errorBanner()->isVisible());
    QVERIFY2(pane->errorBanner()->text().contains(QStringLiteral("Could not reach the server")),
             qPrintable(pane->errorBanner()->text()));
    QCOMPARE(pane->view()->model()->rowCount(), 0);
    QTRY_COMPARE(connectionText(), QStringLiteral("Second — cannot reach there"));

    // The server comes back on the same data; connecting again lists again
    m_second->server =
        std::make_unique<Server::LocalServer>(m_dir.filePath(QStringLiteral("second")));
    QVERIFY(m_second->server->start());
    m_second->client.emplace(m_second->key, QUrl(m_second->server->baseUrl()));
    m_window->setConnection(m_second->client, QStringLiteral("Second"), QStringLiteral("there"));
    QTRY_VERIFY(!pane->errorBanner()->isVisible());
    QTRY_COMPARE(pane->view()->model()->rowCount(), 1);
    QTRY_COMPARE(connectionText(), QStringLiteral("Second — connected to there"));
}

void TestBrowserWindow::shouldRetryFromTheBannerAfterAServerError()
{
    // A server that fails the first dataset listing with a 500, then answers the next one.
    EncordTest::LoopbackHttpServer flaky;
    QVERIFY(flaky.start());
    int listings = 0;
    flaky.setHandler([&listings](const EncordTest::RecordedRequest &request) {
        if (!request.path().endsWith("/datasets/list"))
            return EncordTest::ScriptedReply::json(R"({"message": "No such route."})", 404);
        if (listings++ == 0)
            return EncordTest::ScriptedReply::json(R"({"message": "database is locked"})", 500);
        return EncordTest::ScriptedReply::json(
            R"({"result": [{"datasetUuid": "0b6a4f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
                "title": "Back again", "description": "", "userRole": "admin",
                "createdAt": "2026-12-01T10:00:00+00:00",
                "lastEditedAt": "2026-12-01T10:00:00+00:00",
                "storageLocation": 0, "backingFolderUuid": null}]})");
    });
    EncordClient client(m_first->key, flaky.url());
    RequestsSettings noRetries;
    noRetries.maxRetries = 0;
    noRetries.connectionRetries = 0;
    client.setRequestsSettings(noRetries);
    ResourcePane *pane = datasetsPane();
    m_window->showPane(QStringLiteral("datasets"));

    m_window->setConnection(client, QStringLiteral("Flaky"), QStringLiteral("flaky"));

    // The pane says what went wrong in a sentence, not a status code or JSON
    QTRY_VERIFY(pane->errorBanner()->isVisible());
    const QString message = pane->errorBanner()->text();
    QVERIFY2(message.contains(QStringLiteral("ran into a problem")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("500")) && !message.contains(QLatin1Char('{')),
             qPrintable(message));
    // The server did answer: the connection itself is fine
    QTRY_COMPARE(connectionText(), QStringLiteral("Flaky — connected to flaky"));

    // When the user presses Retry, the list is asked for again and shown
    auto *retry = pane->errorBanner()->findChild<QPushButton *>();
    QVERIFY(retry && retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);

    QTRY_COMPARE(pane->view()->model()->rowCount(), 1);
    QCOMPARE(pane->view()->model()->index(0, 0).data().toString(), QStringLiteral("Back again"));
    QVERIFY(!pane->errorBanner()->isVisible());
    QCOMPARE(listings, 2);
    m_window->setConnection(std::nullopt, QStringLiteral("Flaky"), {});
    QCOMPARE(connectionText(), QStringLiteral("Flaky — not connected"));
}

void TestBrowserWindow::shouldLoadStorageFoldersWhenExpanded()
{
    const auto top =
        QCoro::waitFor(m_first->client->createStorageFolder(QStringLiteral("Hospital A")));
    QVERIFY(top.ok());
    for (int i = 0; i < 3; ++i) {
        QVERIFY(QCoro::waitFor(m_first->client->createStorageFolder(
                                   QStringLiteral("Series %1").arg(i), {}, std::nullopt, top->uuid))
                    .ok());
    }
    m_window->setConnection(m_first->client, QStringLiteral("First"), QStringLiteral("here"));
    m_window->showPane(QStringLiteral("storage"));
    auto *pane = qobject_cast<StoragePane *>(m_window->pane(QStringLiteral("storage")));
    QVERIFY(pane);
    StorageFolderTreeModel *model = pane->folderModel();

    // The top level: the new folder, beside the folders that back each dataset.
    QTRY_VERIFY(model->indexForUuid(top->uuid).isValid());
    QTRY_VERIFY(!model->isLoading());
    const QModelIndex hospital = model->indexForUuid(top->uuid);
    QCOMPARE(hospital.data().toString(), QStringLiteral("Hospital A"));
    QVERIFY(model->hasChildren(hospital));  // optimistic until listed
    QCOMPARE(model->rowCount(hospital), 0); // not asked for yet

    // Expanding the folder lists its children.
    pane->folderView()->expand(hospital);
    QTRY_COMPARE(model->rowCount(hospital), 3);

    // Selecting it shows its items.
    pane->folderView()->setCurrentIndex(hospital);
    QCOMPARE(pane->itemModel()->folder(), top->uuid);

    // The whole tree, walked by the model tester (which expands everything), stays sound.
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!model->isLoading());
}

void TestBrowserWindow::shouldPreviewASelectedImage()
{
    // Given a folder with one 800 × 600 PNG uploaded through signed URLs
    const EncordClient &client = *m_first->client;
    const auto folder = QCoro::waitFor(client.createStorageFolder(QStringLiteral("Photos")));
    QVERIFY(folder.ok());
    QImage picture(800, 600, QImage::Format_RGB32);
    picture.fill(QColor(30, 120, 200));
    const QString file = m_dir.filePath(QStringLiteral("blue.png"));
    QVERIFY(picture.save(file));
    const auto urls =
        QCoro::waitFor(client.getFolderUploadUrls(folder->uuid, StorageItemType::Image, 1));
    QVERIFY(urls.ok());
    QVERIFY(QCoro::waitFor(client.uploadFileToSignedUrl(urls->first().signedUrl, file)).ok());
    const QJsonObject items{
        {QStringLiteral("images"),
         QJsonArray{QJsonObject{{QStringLiteral("objectUrl"), urls->first().objectKey},
                                {QStringLiteral("title"), QStringLiteral("blue.png")},
                                {QStringLiteral("placeholderItemUuid"), urls->first().itemUuid}}}}};
    const auto job = QCoro::waitFor(client.startDataUploadJob(folder->uuid, items));
    QVERIFY(job.ok());
    QVERIFY(QCoro::waitFor(client.dataUploadJobResult(folder->uuid, job.value())).ok());

    m_window->setConnection(m_first->client, QStringLiteral("First"), QStringLiteral("here"));
    m_window->showPane(QStringLiteral("storage"));
    auto *pane = qobject_cast<StoragePane *>(m_window->pane(QStringLiteral("storage")));
    QTRY_VERIFY(pane->folderModel()->indexForUuid(folder->uuid).isValid());

    // When the user selects the folder, then the image
    pane->folderView()->setCurrentIndex(pane->folderModel()->indexForUuid(folder->uuid));
    QTRY_COMPARE(pane->itemModel()->rowCount(), 1);
    pane->itemView()->setCurrentIndex(pane->itemView()->model()->index(0, 0));

    // Then its preview appears, scaled down to fit, in its own colours
    QTRY_VERIFY(!pane->preview()->pixmap().isNull());
    const QImage shown = pane->preview()->pixmap().toImage();
    QCOMPARE(shown.size(), QSize(360, 270));
    QCOMPARE(QColor(shown.pixel(10, 10)), QColor(30, 120, 200));
    QVERIFY(pane->previewCaption()->text().startsWith(QStringLiteral("blue.png")));
}

void TestBrowserWindow::shouldRememberWindowState()
{
    m_window->resize(900, 600);
    m_window->showPane(QStringLiteral("projects"));
    m_window->close();

    auto again = BrowserWindowFactory::create();
    again->restoreWindowState();
    QCOMPARE(again->currentPaneKey(), QStringLiteral("projects"));
    QCOMPARE(again->size(), QSize(900, 600));
}

void TestBrowserWindow::shouldNameEveryControlForAccessibility()
{
    // Every pane, the filter bar's date form and the details panels included.
    ENCORD_VERIFY_CONTROLS_NAMED(m_window.get());
}

void TestBrowserWindow::shouldOfferActionsWhenTheWorkspaceIsEmpty()
{
    TestWorkspace empty(m_dir.filePath(QStringLiteral("empty")));
    auto window = BrowserWindowFactory::create();
    window->show();
    auto *pane = qobject_cast<ResourcePane *>(window->pane(QStringLiteral("datasets")));
    QVERIFY(!pane->emptyState()->isVisible()); // not connected: nothing to say yet

    window->setConnection(empty.client, QStringLiteral("Empty"), QStringLiteral("here"));
    QTRY_VERIFY(pane->emptyState()->isVisible());
    QCOMPARE(pane->emptyState()->title(), QStringLiteral("No datasets yet"));
    QStringList labels;
    for (const QPushButton *button : pane->emptyState()->findChildren<QPushButton *>())
        labels << button->text();
    QCOMPARE(labels,
             (QStringList{QStringLiteral("Import a CVAT Export…"),
                          QStringLiteral("Create a Dataset…")}));

    // "Import a CVAT Export…" asks for an export, as File → Import does
    QSignalSpy importRequested(window.get(), &MainWindow::importCvatRequested);
    QTest::mouseClick(pane->emptyState()->findChildren<QPushButton *>().at(0), Qt::LeftButton);
    QCOMPARE(importRequested.size(), 1);
    QCOMPARE(importRequested.first().first().toString(), QString());

    // "Create a Dataset…" opens the New Dataset form
    auto *create = pane->emptyState()->findChildren<QPushButton *>().at(1);
    QTest::mouseClick(create, Qt::LeftButton);
    QDialog *form = nullptr;
    QTRY_VERIFY((form = window->findChild<QDialog *>(QStringLiteral("newDatasetDialog"))));
    QVERIFY(form->isVisible());
    form->reject();

    // Without a connection the button is disabled with its action.
    window->setConnection(std::nullopt, QStringLiteral("Empty"), {});
    QVERIFY(!create->isEnabled());

    // A workspace with datasets shows the list, and a filter that matches nothing says so
    // in the status line rather than offering to create the first dataset.
    window->setConnection(m_first->client, QStringLiteral("First"), QStringLiteral("here"));
    QTRY_COMPARE(pane->view()->model()->rowCount(), 3);
    QVERIFY(!pane->emptyState()->isVisible());
    window->setConnection(empty.client, QStringLiteral("Empty"), QStringLiteral("here"));
    QTRY_VERIFY(pane->emptyState()->isVisible());
    QTest::keyClicks(pane->filterEdit(), QStringLiteral("zzz"));
    QTRY_VERIFY(!pane->emptyState()->isVisible());
}

void TestBrowserWindow::shouldDrawTheSelectedSectionIconInTheSelectionTextColour()
{
    auto window = BrowserWindowFactory::create();
    auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    const QColor selectedText =
        navigation->palette().color(QPalette::Active, QPalette::HighlightedText);
    const QColor text = navigation->palette().color(QPalette::Active, QPalette::WindowText);
    for (int row = 0; row < navigation->count(); ++row) {
        const QIcon icon = navigation->item(row)->icon();
        const QImage selected = icon.pixmap(QSize(20, 20), QIcon::Selected).toImage();
        const QImage normal = icon.pixmap(QSize(20, 20), QIcon::Normal).toImage();
        int selectedInk = 0;
        int normalInk = 0;
        for (int y = 0; y < selected.height(); ++y) {
            for (int x = 0; x < selected.width(); ++x) {
                // Solid strokes only: anti-aliased edges lose precision to premultiplication.
                const QColor ink = selected.pixelColor(x, y);
                if (ink.alpha() >= 128) {
                    ++selectedInk;
                    QVERIFY(closeColours(ink, selectedText));
                }
                const QColor plain = normal.pixelColor(x, y);
                if (plain.alpha() >= 96) {
                    ++normalInk;
                    QVERIFY(closeColours(plain, text));
                }
            }
        }
        QVERIFY2(selectedInk > 10 && normalInk > 10, qPrintable(navigation->item(row)->text()));
    }
}

QTEST_MAIN(TestBrowserWindow)
#include "tst_browserwindow.moc"
