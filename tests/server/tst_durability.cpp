// The encord-local-server executable under abuse: killed with SIGKILL in the middle of a stream
// of writes (several rounds), and hammered by eight clients at once. Whatever a client saw
// acknowledged must be there afterwards, and the database must stay intact.

#include "auth/privatekey.h"
#include "auth/requestsigner.h"
#include "serverclient.h"
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <thread>
#include <vector>

using namespace Encord;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The writes a client saw acknowledged, shared by its threads.
struct Acknowledged
{
    std::mutex mutex;
    QSet<QString> datasets;
    QSet<QString> folders;

    void add(QSet<QString> Acknowledged::*set, const QString &id)
    {
        const std::lock_guard lock(mutex);
        (this->*set).insert(id);
    }
};

// Creates a dataset (v1, as the legacy SDK) or a top-level storage folder (v2); the new id,
// or an empty string when the write was not acknowledged.
QString createDataset(const ServerClient &client, const QString &title)
{
    const auto reply = client.v1(QStringLiteral("dataset"),
                                 QStringLiteral("POST"),
                                 QJsonValue::Null,
                                 QJsonObject{{QStringLiteral("title"), title},
                                             {QStringLiteral("type"), 0},
                                             {QStringLiteral("create_backing_folder"), false}});
    if (reply.status != 200)
        return {};
    return reply.response()[QLatin1String("dataset_hash")].toString();
}

QString createFolder(const ServerClient &client, const QString &name)
{
    const auto reply =
        client.v2("POST", "/v2/public/storage/folders", json({{QStringLiteral("name"), name}}));
    return reply.status == 200 ? reply.json()[QLatin1String("uuid")].toString() : QString();
}

// Every dataset uuid the caller sees whose title matches @p titleLike; nullopt on an error.
std::optional<QSet<QString>> listDatasets(const ServerClient &client, const QByteArray &titleLike)
{
    const auto reply = client.v2("GET", "/v2/public/datasets/list?titleLike=" + titleLike);
    if (reply.status != 200)
        return std::nullopt;
    QSet<QString> ids;
    for (const QJsonValue &dataset : reply.json()[QLatin1String("result")].toArray())
        ids.insert(dataset[QLatin1String("datasetUuid")].toString());
    return ids;
}

// Every top-level folder uuid whose name contains @p search, following the page tokens.
std::optional<QSet<QString>> listFolders(const ServerClient &client, const QByteArray &search)
{
    QSet<QString> ids;
    QString token;
    do {
        QByteArray target = "/v2/public/storage/folders?search=" + search + "&pageSize=1000";
        if (!token.isEmpty())
            target += "&pageToken=" + QUrl::toPercentEncoding(token);
        const auto reply = client.v2("GET", target);
        if (reply.status != 200)
            return std::nullopt;
        for (const QJsonValue &folder : reply.json()[QLatin1String("results")].toArray())
            ids.insert(folder[QLatin1String("uuid")].toString());
        token = reply.json()[QLatin1String("nextPageToken")].toString();
    } while (!token.isEmpty());
    return ids;
}

} // namespace

class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldKeepAcknowledgedWritesThroughKills();
    void shouldServeEightClientsWithoutLosingWrites();

private:
    QString integrityCheck() const;

    QTemporaryDir m_dir;
    QString m_data;
    PrivateKey m_key;
};

void TestDurability::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath(QStringLiteral("data"));
    m_key = PrivateKey::generate();
    const QString keyFile = m_dir.filePath(QStringLiteral("writer.pub"));
    QFile key(keyFile);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(m_key.publicKeyOpenSsh(QStringLiteral("writer")) + '\n');
    key.close();
    QString error;
    const ServerProcess server(QStringLiteral(ENCORD_LOCAL_SERVER_BINARY), m_data);
    QVERIFY2(server.addUser(QStringLiteral("writer@example.com"), keyFile, false, &error),
             qPrintable(error));
}

QString TestDurability::integrityCheck() const
{
    sqlite3 *db = nullptr;
    const QByteArray path = QDir(m_data).filePath(QStringLiteral("workspace.sqlite")).toUtf8();
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return error;
    }
    sqlite3_busy_timeout(db, 5000);
    QStringList answer;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK) {
        while (sqlite3_step(statement) == SQLITE_ROW) {
            answer.append(QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
        }
    } else {
        answer.append(QString::fromUtf8(sqlite3_errmsg(db)));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return answer.join(QLatin1Char('\n'));
}

void TestDurability::shouldKeepAcknowledgedWritesThroughKills()
{
    QVERIFY(QFile::exists(QStringLiteral(ENCORD_LOCAL_SERVER_BINARY)));
    ServerProcess server(QStringLiteral(ENCORD_LOCAL_SERVER_BINARY), m_data);
    Acknowledged acknowledged;
    constexpr int kRounds = 6;

    for (int round = 0; round < kRounds; ++round) {
        // Given a server taking writes from two threads, one per kind of write,
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const ServerClient client(server.port(), RequestSigner(m_key));
        std::atomic<bool> stop{false};
        std::atomic<int> writes{0};
        const auto writer = [&](bool datasets) {
            for (int i = 0; !stop.load(); ++i) {
                const QString name = QStringLiteral("kill%1-%2-%3").arg(round).arg(datasets).arg(i);
                const QString id =
                    datasets ? createDataset(client, name) : createFolder(client, name);
                if (id.isEmpty())
                    continue; // refused or cut off by the kill: not acknowledged
                acknowledged.add(datasets ? &Acknowledged::datasets : &Acknowledged::folders, id);
                ++writes;
            }
        };
        std::thread first(writer, true);
        std::thread second(writer, false);

        // when it is killed at a random moment mid-stream,
        QThread::msleep(150 + QRandomGenerator::global()->bounded(450));
        const int before = writes.load();
        server.kill();
        stop = true;
        first.join();
        second.join();
        QVERIFY2(before > 0, "no write was acknowledged before the kill");
        QVERIFY(!server.isRunning());
        qInfo("round %d: killed after %d acknowledged writes", round, before);
    }

    // then after a restart on the same folder the database is intact
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QCOMPARE(integrityCheck(), QStringLiteral("ok"));

    // and every acknowledged write is there.
    const ServerClient client(server.port(), RequestSigner(m_key));
    const auto datasets = listDatasets(client, "kill%25");
    const auto folders = listFolders(client, "kill");
    QVERIFY(datasets && folders);
    QVERIFY(!acknowledged.datasets.isEmpty() && !acknowledged.folders.isEmpty());
    QVERIFY2(datasets->contains(acknowledged.datasets),
             qPrintable(QStringLiteral("%1 acknowledged datasets missing")
                            .arg((acknowledged.datasets - *datasets).size())));
    QVERIFY2(folders->contains(acknowledged.folders),
             qPrintable(QStringLiteral("%1 acknowledged folders missing")
                            .arg((acknowledged.folders - *folders).size())));
    QVERIFY(server.terminate());
}

void TestDurability::shouldServeEightClientsWithoutLosingWrites()
{
    ServerProcess server(QStringLiteral(ENCORD_LOCAL_SERVER_BINARY), m_data);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    constexpr int kClients = 8;
    constexpr int kMilliseconds = 5000;

    // Given eight clients, each mixing writes and reads of its own and shared resources,
    struct Outcome
    {
        QSet<QString> datasets;
        QSet<QString> folders;
        int requests = 0;
        QStringList errors;
    };
    std::vector<Outcome> outcomes(kClients);
    std::vector<std::thread> threads;
    const QDeadlineTimer deadline(kMilliseconds);
    for (int c = 0; c < kClients; ++c) {
        threads.emplace_back([&, c] {
            const ServerClient client(server.port(), RequestSigner(m_key));
            Outcome &outcome = outcomes[size_t(c)];
            const QByteArray prefix = "mix" + QByteArray::number(c) + "-";
            const auto fail = [&](const QString &what) {
                if (outcome.errors.size() < 5)
                    outcome.errors.append(QStringLiteral("client %1: %2").arg(c).arg(what));
            };
            for (int i = 0; !deadline.hasExpired(); ++i, ++outcome.requests) {
                const QString name = QString::fromLatin1(prefix) + QString::number(i);
                switch (i % 5) {
                case 0:
                    if (const QString id = createDataset(client, name); !id.isEmpty())
                        outcome.datasets.insert(id);
                    else
                        fail(QStringLiteral("create dataset refused"));
                    break;
                case 1:
                    if (const QString id = createFolder(client, name); !id.isEmpty())
                        outcome.folders.insert(id);
                    else
                        fail(QStringLiteral("create folder refused"));
                    break;
                case 2: {
                    // Reads see this client's own acknowledged writes at once.
                    const auto mine = listDatasets(client, prefix + "%25");
                    if (!mine || !mine->contains(outcome.datasets))
                        fail(QStringLiteral("own datasets not listed"));
                    break;
                }
                case 3:
                    if (!outcome.datasets.isEmpty()) {
                        const auto reply = client.v1(QStringLiteral("dataset"),
                                                     QStringLiteral("GET"),
                                                     QJsonValue::Null,
                                                     QJsonObject(),
                                                     QStringLiteral("dataset"),
                                                     *outcome.datasets.begin());
                        if (reply.status != 200)
                            fail(QStringLiteral("get dataset: %1").arg(reply.status));
                    }
                    break;
                default:
                    if (!listFolders(client, prefix))
                        fail(QStringLiteral("list folders failed"));
                    break;
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();

    // then nothing failed and every acknowledged write lists back, per client.
    const ServerClient client(server.port(), RequestSigner(m_key));
    int total = 0;
    for (int c = 0; c < kClients; ++c) {
        const Outcome &outcome = outcomes[size_t(c)];
        QVERIFY2(outcome.errors.isEmpty(), qPrintable(outcome.errors.join(QLatin1Char('\n'))));
        QVERIFY(outcome.requests > 0);
        total += outcome.requests;
        const QByteArray prefix = "mix" + QByteArray::number(c) + "-";
        QCOMPARE(listDatasets(client, prefix + "%25").value_or(QSet<QString>()), outcome.datasets);
        QCOMPARE(listFolders(client, prefix).value_or(QSet<QString>()), outcome.folders);
    }
    qInfo("%d requests from %d clients in %d ms", total, kClients, kMilliseconds);
    QVERIFY(server.terminate());
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
