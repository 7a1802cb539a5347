// encord-ui-bench: how the browser copes with a large workspace, measured as a user feels it.
//
// Builds a workspace with 100,000 datasets, a storage folder of 10,000 sub-folders and a
// folder of 50,000 items (straight through the server's own stores, so the set-up takes
// seconds, not an hour of HTTP), then drives the real main window under the offscreen
// platform against the in-process server, as the desktop app does:
//   - time from asking to the rows being shown (datasets, sub-folders, first item page);
//   - the longest GUI-thread stall while each list loads and while scrolling, seen by a
//     2 ms timer (an event-loop latency probe);
//   - the process's peak resident memory (server and GUI together).
// Baselines from the same run: the probe's longest gap on an idle event loop, and the time
// SQLite itself takes to read the 100,000 dataset rows.
//
// Usage: encord-ui-bench [DATASETS [SUBFOLDERS [ITEMS]]]   (defaults 100000 10000 50000)

#include "auth/publickey.h"
#include "browserwindowfactory.h"
#include "datasetstore.h"
#include "folderstore.h"
#include "itemstore.h"
#include "localserver.h"
#include "resourcelistmodel.h"
#include "resourcepane.h"
#include "sqlitedatabase.h"
#include "sqlitestatement.h"
#include "sqlitetransaction.h"
#include "storagefoldertreemodel.h"
#include "storageitemlistmodel.h"
#include "storagepane.h"
#include "userstore.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>
#include <QUuid>

using namespace Encord;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Ticks every 2 ms on the GUI thread and remembers the longest gap between two ticks: any
// longer gap is time the event loop could not run.
class LatencyProbe
{
public:
    LatencyProbe()
    {
        m_timer.setInterval(2);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            m_longest = std::max(m_longest, m_sinceTick.restart());
        });
    }
    void start()
    {
        m_longest = 0;
        m_sinceTick.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_longest;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_longest = 0;
};

// Spins the event loop until @p done or @p timeoutMs pass; returns the milliseconds taken.
template<typename Predicate>
qint64 waitUntil(Predicate done, int timeoutMs = 600000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return timer.elapsed();
}

void report(const QString &what, const QString &value)
{
    out() << qSetFieldWidth(58) << Qt::left << what << qSetFieldWidth(0) << value << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("EncordBench"));
    const QStringList args = QCoreApplication::arguments();
    const int datasetCount = args.value(1, QStringLiteral("100000")).toInt();
    const int subfolderCount = args.value(2, QStringLiteral("10000")).toInt();
    const int itemCount = args.value(3, QStringLiteral("50000")).toInt();

    QTemporaryDir dir;
    Server::LocalServer server(dir.filePath(QStringLiteral("workspace")));
    if (!server.start()) {
        out() << "server did not start: " << server.errorString() << Qt::endl;
        return 1;
    }
    const PrivateKey key = PrivateKey::generate();
    Server::SqliteDatabase &db = server.workspace()->database();
    const Server::UserRecord user = Server::UserStore(db).add(
        QStringLiteral("bench@example.com"), *PublicKey::fromRaw(key.publicKeyRaw()), false);

    // ---- The workspace -------------------------------------------------------------------
    QElapsedTimer setup;
    setup.start();
    {
        Server::DatasetStore datasets(db, user);
        for (int i = 0; i < datasetCount; ++i)
            datasets.create(QStringLiteral("Dataset %1").arg(i, 6, 10, QLatin1Char('0')),
                            QStringLiteral("Generated for the benchmark"),
                            0,
                            false);
    }
    QString bigFolder;
    QString itemsFolder;
    {
        Server::SqliteTransaction transaction(db);
        Server::FolderStore folders(db, user);
        bigFolder =
            folders.insert(QStringLiteral("Many folders"), {}, std::nullopt, std::nullopt).uuid;
        for (int i = 0; i < subfolderCount; ++i)
            folders.insert(QStringLiteral("Series %1").arg(i, 5, 10, QLatin1Char('0')),
                           {},
                           std::nullopt,
                           bigFolder);
        itemsFolder =
            folders.insert(QStringLiteral("Many items"), {}, std::nullopt, std::nullopt).uuid;
        Server::ItemStore items(db, user);
        for (int i = 0; i < itemCount; ++i) {
            Server::ItemRecord item;
            item.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            item.folder = itemsFolder;
            item.itemType = QStringLiteral("image");
            item.name = QStringLiteral("frame_%1.png").arg(i, 6, 10, QLatin1Char('0'));
            item.clientMetadata = QStringLiteral("{}");
            item.fileSize = 4096;
            items.insert(item);
        }
        transaction.commit();
    }
    out() << "workspace: " << datasetCount << " datasets, " << subfolderCount << " sub-folders, "
          << itemCount << " items, built in " << setup.elapsed() << " ms" << Qt::endl;

    // ---- Baselines -----------------------------------------------------------------------
    LatencyProbe probe;
    probe.start();
    waitUntil([] { return false; }, 1000);
    const qint64 idleGap = probe.stop();
    QElapsedTimer selectTimer;
    selectTimer.start();
    int selected = 0;
    {
        Server::SqliteStatement rows = db.prepare(
            QStringLiteral("SELECT hash, title, description, created_at FROM datasets"), {});
        while (rows.next())
            ++selected;
    }
    const qint64 selectMs = std::max<qint64>(1, selectTimer.elapsed());
    const qint64 baselineKiB = peakResidentKiB();

    // ---- The API call alone, as a reference for the window ---------------------------------
    EncordClient client(key, QUrl(server.baseUrl()));
    QElapsedTimer apiTimer;
    apiTimer.start();
    {
        // Scoped: the reference answer must not stay in memory while the window loads its own.
        const auto listed = QCoro::waitFor(client.getDatasets());
        if (!listed.ok() || listed->size() != datasetCount) {
            out() << "get_datasets failed or came back short" << Qt::endl;
            return 1;
        }
    }
    const qint64 apiMs = apiTimer.elapsed();
    const qint64 apiPeakKiB = peakResidentKiB();

    // ---- The window ----------------------------------------------------------------------
    auto window = BrowserWindowFactory::create();
    window->show();
    auto *datasetsPane = qobject_cast<ResourcePane *>(window->pane(QStringLiteral("datasets")));

    probe.start();
    window->setConnection(client, QStringLiteral("Bench"), server.baseUrl());
    QElapsedTimer datasetsTimer;
    datasetsTimer.start();
    qint64 firstDatasetsMs = -1;
    const qint64 datasetsMs = waitUntil([&] {
        const int shown = datasetsPane->view()->model()->rowCount();
        if (shown > 0 && firstDatasetsMs < 0)
            firstDatasetsMs = datasetsTimer.elapsed();
        return shown >= datasetCount;
    });
    const qint64 datasetsStall = probe.stop();
    const qint64 datasetsPeakKiB = peakResidentKiB();

    QScrollBar *bar = datasetsPane->view()->verticalScrollBar();
    probe.start();
    for (int step = 0; step <= 200; ++step) {
        bar->setValue(int(qint64(bar->maximum()) * step / 200));
        QCoreApplication::processEvents();
    }
    const qint64 scrollStall = probe.stop();

    window->showPane(QStringLiteral("storage"));
    auto *storage = qobject_cast<StoragePane *>(window->pane(QStringLiteral("storage")));
    waitUntil([&] { return storage->folderModel()->indexForUuid(bigFolder).isValid(); });
    const QModelIndex big = storage->folderModel()->indexForUuid(bigFolder);
    probe.start();
    storage->folderView()->expand(big);
    const qint64 subfoldersMs =
        waitUntil([&] { return storage->folderModel()->rowCount(big) >= subfolderCount; });
    const qint64 subfoldersStall = probe.stop();
    const qint64 subfoldersPeakKiB = peakResidentKiB();

    probe.start();
    storage->folderView()->setCurrentIndex(storage->folderModel()->indexForUuid(itemsFolder));
    const qint64 firstItemsMs = waitUntil([&] { return storage->itemModel()->rowCount() > 0; });
    QScrollBar *itemBar = storage->itemView()->verticalScrollBar();
    const qint64 pagingMs = waitUntil(
        [&] {
            itemBar->setValue(itemBar->maximum()); // the view asks for the next page at the end
            return storage->itemModel()->rowCount() >= std::min(itemCount, 5000);
        },
        120000);
    const qint64 itemsStall = probe.stop();
    const qint64 peakKiB = peakResidentKiB();

    // ---- Report --------------------------------------------------------------------------
    out() << Qt::endl;
    report(QStringLiteral("baseline: idle event loop, longest gap"),
           QStringLiteral("%1 ms").arg(idleGap));
    report(QStringLiteral("baseline: SQLite reads the dataset rows"),
           QStringLiteral("%1 ms (%2 rows)").arg(selectMs).arg(selected));
    report(QStringLiteral("get_datasets through EncordClient, no window"),
           QStringLiteral("%1 ms").arg(apiMs));
    report(QStringLiteral("first datasets shown (request to first rows)"),
           QStringLiteral("%1 ms = %2 x the SQLite read")
               .arg(firstDatasetsMs)
               .arg(double(firstDatasetsMs) / selectMs, 0, 'f', 1));
    report(QStringLiteral("datasets shown (request to all rows)"),
           QStringLiteral("%1 ms = %2 x the SQLite read")
               .arg(datasetsMs)
               .arg(double(datasetsMs) / selectMs, 0, 'f', 1));
    report(QStringLiteral("longest stall while the datasets load"),
           QStringLiteral("%1 ms = %2 x idle")
               .arg(datasetsStall)
               .arg(double(datasetsStall) / std::max<qint64>(1, idleGap), 0, 'f', 1));
    report(QStringLiteral("longest stall scrolling 100k rows"),
           QStringLiteral("%1 ms").arg(scrollStall));
    report(QStringLiteral("sub-folders shown after expanding"),
           QStringLiteral("%1 ms").arg(subfoldersMs));
    report(QStringLiteral("longest stall while sub-folders load"),
           QStringLiteral("%1 ms").arg(subfoldersStall));
    report(QStringLiteral("first page of items shown"), QStringLiteral("%1 ms").arg(firstItemsMs));
    report(QStringLiteral("items paged to 5,000 by scrolling"),
           QStringLiteral("%1 ms").arg(pagingMs));
    report(QStringLiteral("longest stall while items page in"),
           QStringLiteral("%1 ms").arg(itemsStall));
    report(QStringLiteral("peak resident memory (before window / end)"),
           QStringLiteral("%1 MB / %2 MB").arg(baselineKiB / 1024).arg(peakKiB / 1024));
    report(QStringLiteral("peak after: API call / datasets / sub-folders / items"),
           QStringLiteral("%1 / %2 / %3 / %4 MB")
               .arg(apiPeakKiB / 1024)
               .arg(datasetsPeakKiB / 1024)
               .arg(subfoldersPeakKiB / 1024)
               .arg(peakKiB / 1024));
    window.reset();
    return 0;
}
