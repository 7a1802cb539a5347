// encord-server-bench: how the local workspace server copes with a large workspace. Seeds
// 100,000 datasets owned by one user straight into a fresh workspace database, starts the real
// encord-local-server on it and measures
//   * get_datasets (v1 datasetwithuserrole, v2 datasets/list), with and without title_like:
//     wall time per call and the server's peak resident memory during the call;
//   * requests per second of a small v1 get_dataset from 8 concurrent keep-alive clients.
// Every figure is also given as a ratio against a baseline taken in the same run: the same rows
// read with a plain SELECT through sqlite3, and the rate of a trivial unauthenticated 404.
// See bench/README.md.

#include "auth/privatekey.h"
#include "auth/publickey.h"
#include "auth/requestsigner.h"
#include "serverprocess.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "userstore.h"
#include "workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <httplib.h>
#include <sqlite3.h>
#include <thread>
#include <vector>

using namespace Encord;
using namespace Encord::Server;

namespace {

// The datasets, one statement: titles "dataset 000001"…, every 100th "car 000100"…, so that
// title_like '%car%' selects 1 %. created_at counts up by one millisecond per row.
const char *const kSeedSql = R"(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
INSERT INTO datasets (hash, title, description, storage_type, backing_folder, creator_id,
                      created_at, last_edited_at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
             substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' ||
             hex(randomblob(6))),
       CASE WHEN i % 100 = 0 THEN printf('car %06d', i) ELSE printf('dataset %06d', i) END,
       'seeded by encord-server-bench', 0, NULL, ?, ? + i, ? + i
FROM n)";
const char *const kSeedRolesSql =
    "INSERT INTO roles (kind, resource, user_id, role) SELECT 'dataset', hash, ?, 0 FROM datasets";

// The rows get_datasets reads: the server's own listing query (DatasetStore), by hand.
const char *const kSelectSql =
    "SELECT d.hash, d.title, d.description, d.storage_type, d.backing_folder, u.email, "
    "d.created_at, d.last_edited_at, r.role FROM datasets d JOIN users u ON u.id = d.creator_id "
    "LEFT JOIN roles r ON r.kind = 'dataset' AND r.resource = d.hash AND r.user_id = ?1 "
    "WHERE (r.role IS NOT NULL OR 0 = 1) %1 ORDER BY d.created_at, d.rowid";

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

// Reads every listed row with sqlite3, touching each column; the row count.
int plainSelect(const QString &databasePath, qint64 userId, bool filtered)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(databasePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    const QByteArray sql =
        QString::fromLatin1(kSelectSql)
            .arg(filtered ? QStringLiteral("AND d.title LIKE '%car%'") : QString())
            .toUtf8();
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr);
    sqlite3_bind_int64(statement, 1, userId);
    int rows = 0;
    qint64 bytes = 0;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        for (int column = 0; column < 9; ++column) {
            sqlite3_column_text(statement, column);
            bytes += sqlite3_column_bytes(statement, column);
        }
        ++rows;
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return bytes > 0 ? rows : -1;
}

struct Call
{
    QByteArray method;
    QByteArray target;
    QByteArray body;
    bool v1 = false;
    QByteArray resourceType = {}; ///< v1 scope headers; empty for /public/user
    QByteArray resourceId = {};
};

httplib::Headers headersFor(const RequestSigner &signer, const Call &call)
{
    httplib::Headers headers;
    if (call.v1) {
        headers.emplace("Authorization", signer.v1Authorization(call.body).toStdString());
        headers.emplace("ResourceType", call.resourceType.toStdString());
        headers.emplace("ResourceID", call.resourceId.toStdString());
        return headers;
    }
    const auto signature = signer.v2Headers(
        call.method, call.target, call.body, QDateTime::currentSecsSinceEpoch() - 30);
    headers.emplace("Content-Digest", signature.contentDigest.toStdString());
    headers.emplace("Signature-Input", signature.signatureInput.toStdString());
    headers.emplace("Signature", signature.signature.toStdString());
    return headers;
}

QByteArray v1Body(const char *type, const QJsonObject &payload)
{
    return "{\"query_type\": \"" + QByteArray(type)
           + "\", \"query_method\": \"GET\", \"values\": {\"uid\": null, \"payload\": "
           + QJsonDocument(payload).toJson(QJsonDocument::Compact) + "}}";
}

struct ListFigures
{
    double milliseconds = 0;
    double peakMiB = 0;
    int rows = 0;
    qint64 bytes = 0;
};

// Resets the server's peak-RSS counter (Linux clear_refs 5); false where that is not allowed.
bool resetPeak(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    return file.open(QIODevice::WriteOnly) && file.write("5") == 1;
}

ListFigures measureList(ServerProcess &server,
                        const RequestSigner &signer,
                        const Call &call,
                        int repetitions)
{
    httplib::Client client("127.0.0.1", server.port());
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true); // as urllib3 (the SDK) does
    client.set_read_timeout(300, 0);
    std::vector<double> times;
    ListFigures figures;
    for (int i = 0; i < repetitions; ++i) {
        const bool reset = resetPeak(server.pid());
        const qint64 before = server.memoryKiB("VmRSS");
        QElapsedTimer timer;
        timer.start();
        const auto reply = call.body.isEmpty()
                               ? client.Get(call.target.toStdString(), headersFor(signer, call))
                               : client.Post(call.target.toStdString(),
                                             headersFor(signer, call),
                                             call.body.toStdString(),
                                             "application/json");
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!reply || reply->status != 200) {
            std::fprintf(stderr, "%s failed\n", call.target.constData());
            std::exit(1);
        }
        const qint64 peak = server.memoryKiB("VmHWM");
        if (reset)
            figures.peakMiB = std::max(figures.peakMiB, double(peak - before) / 1024.0);
        const QJsonObject answer =
            QJsonDocument::fromJson(QByteArray::fromStdString(reply->body)).object();
        const QJsonValue list = call.v1 ? answer.value(QLatin1String("response"))
                                        : answer.value(QLatin1String("result"));
        figures.rows = int(list.toArray().size());
        figures.bytes = qint64(reply->body.size());
    }
    figures.milliseconds = median(times);
    return figures;
}

// Requests per second from @p clients keep-alive clients sending @p call for @p seconds; only
// answers with @p expectedStatus count. Failures are reported in @p failures.
double measureRate(int port,
                   const RequestSigner &signer,
                   const Call &call,
                   int expectedStatus,
                   int clients,
                   int seconds,
                   int *failures)
{
    std::atomic<qint64> done{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    const QDeadlineTimer deadline(qint64(seconds) * 1000);
    QElapsedTimer timer;
    timer.start();
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            // v1 signatures cover only the body: one per client is what the SDK would send.
            const httplib::Headers headers =
                call.v1 ? headersFor(signer, call) : httplib::Headers();
            while (!deadline.hasExpired()) {
                const auto reply = call.body.isEmpty()
                                       ? client.Get(call.target.toStdString(), headers)
                                       : client.Post(call.target.toStdString(),
                                                     headers,
                                                     call.body.toStdString(),
                                                     "application/json");
                if (reply && reply->status == expectedStatus)
                    ++done;
                else
                    ++failed;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    *failures = failed.load();
    return double(done.load()) * 1000.0 / double(timer.elapsed());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Local workspace server benchmark"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("datasets"),
                      QStringLiteral("Datasets to seed."),
                      QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("repetitions"),
                      QStringLiteral("Calls per listing."),
                      QStringLiteral("N"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("clients"),
                      QStringLiteral("Concurrent clients."),
                      QStringLiteral("N"),
                      QStringLiteral("8")});
    parser.addOption({QStringLiteral("seconds"),
                      QStringLiteral("Duration of each rate run."),
                      QStringLiteral("S"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("server"),
                      QStringLiteral("encord-local-server to run."),
                      QStringLiteral("PATH"),
                      QStringLiteral(ENCORD_LOCAL_SERVER_BINARY)});
    parser.process(app);
    const int datasets = parser.value(QStringLiteral("datasets")).toInt();
    const int repetitions = std::max(1, parser.value(QStringLiteral("repetitions")).toInt());
    const int clients = std::max(1, parser.value(QStringLiteral("clients")).toInt());
    const int seconds = std::max(1, parser.value(QStringLiteral("seconds")).toInt());

    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const PrivateKey key = PrivateKey::generate();
    const RequestSigner signer(key);

    // Seed through the server's own classes: schema, user, then two bulk statements.
    QElapsedTimer timer;
    timer.start();
    qint64 userId = 0;
    QString databasePath;
    {
        QString error;
        const std::unique_ptr<Workspace> workspace = Workspace::open(data, &error);
        if (!workspace) {
            std::fprintf(stderr, "cannot open workspace: %s\n", qPrintable(error));
            return 1;
        }
        databasePath = workspace->databasePath();
        SqliteDatabase &db = workspace->database();
        userId = UserStore(db)
                     .add(QStringLiteral("bench@example.com"),
                          *PublicKey::fromRaw(key.publicKeyRaw()),
                          false)
                     .id;
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - datasets;
        SqliteTransaction transaction(db);
        db.exec(QString::fromLatin1(kSeedSql), {qint64(datasets), userId, start, start});
        db.exec(QString::fromLatin1(kSeedRolesSql), {userId});
        transaction.commit();
    }
    const double seedSeconds = double(timer.elapsed()) / 1000.0;

    ServerProcess server(parser.value(QStringLiteral("server")), data);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "cannot start the server: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 idleKiB = server.memoryKiB("VmRSS");
    const bool peakResets = resetPeak(server.pid());

    std::printf("encord-server-bench: %d datasets (seeded in %.1f s), %d calls per listing "
                "(median), %d clients x %d s per rate\n",
                datasets,
                seedSeconds,
                repetitions,
                clients,
                seconds);
    std::printf("server idle RSS %.1f MiB%s\n\n",
                double(idleKiB) / 1024.0,
                peakResets ? "" : " (peak RSS cannot be reset here: peaks are cumulative)");

    // Baselines: the plain SELECT (median of the same number of runs).
    std::vector<double> all;
    std::vector<double> filtered;
    int allRows = 0;
    int filteredRows = 0;
    for (int i = 0; i < repetitions; ++i) {
        timer.restart();
        allRows = plainSelect(databasePath, userId, false);
        all.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        filteredRows = plainSelect(databasePath, userId, true);
        filtered.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const double selectAll = median(all);
    const double selectFiltered = median(filtered);
    std::printf("%-44s %10s %8s %9s %10s %8s\n",
                "get_datasets",
                "ms",
                "x SELECT",
                "rows",
                "body KiB",
                "peak MiB");
    std::printf("%-44s %10.1f %8s %9d %10s %8s\n",
                "baseline: sqlite3 SELECT, all",
                selectAll,
                "1.0",
                allRows,
                "-",
                "-");
    std::printf("%-44s %10.1f %8s %9d %10s %8s\n",
                "baseline: sqlite3 SELECT, title LIKE %car%",
                selectFiltered,
                "1.0",
                filteredRows,
                "-",
                "-");

    const QJsonObject like{{QStringLiteral("title_like"), QStringLiteral("%car%")}};
    const struct
    {
        const char *name;
        Call call;
        bool filtered;
    } listings[] = {
        {"v1 datasetwithuserrole",
         {"POST",
          "/public/user",
          v1Body("datasetwithuserrole",
                 {{QStringLiteral("filter"), QJsonObject()},
                  {QStringLiteral("enable_storage_api"), true}}),
          true},
         false},
        {"v1 datasetwithuserrole, title_like %car%",
         {"POST",
          "/public/user",
          v1Body("datasetwithuserrole",
                 {{QStringLiteral("filter"), like}, {QStringLiteral("enable_storage_api"), true}}),
          true},
         true},
        {"v2 datasets/list", {"GET", "/v2/public/datasets/list", {}, false}, false},
        {"v2 datasets/list?titleLike=%car%",
         {"GET", "/v2/public/datasets/list?titleLike=%25car%25", {}, false},
         true},
    };
    QString someDataset;
    for (const auto &listing : listings) {
        const ListFigures figures = measureList(server, signer, listing.call, repetitions);
        const double baseline = listing.filtered ? selectFiltered : selectAll;
        std::printf("%-44s %10.1f %8.1f %9d %10.0f %8.1f\n",
                    listing.name,
                    figures.milliseconds,
                    figures.milliseconds / baseline,
                    figures.rows,
                    double(figures.bytes) / 1024.0,
                    figures.peakMiB);
        if ((listing.filtered ? filteredRows : allRows) != figures.rows) {
            std::fprintf(stderr, "row count differs from the SELECT\n");
            return 1;
        }
    }
    {
        // One dataset to fetch: the first car.
        httplib::Client client("127.0.0.1", server.port());
        const Call call{"GET", "/v2/public/datasets/list?titleEq=car%20000100", {}, false};
        const auto reply = client.Get(call.target.toStdString(), headersFor(signer, call));
        someDataset = QJsonDocument::fromJson(QByteArray::fromStdString(reply->body))
                          .object()[QLatin1String("result")][0][QLatin1String("datasetUuid")]
                          .toString();
    }

    int failures404 = 0;
    int failuresGet = 0;
    const double rate404 = measureRate(server.port(),
                                       signer,
                                       {"GET", "/no-such-page", {}, false},
                                       404,
                                       clients,
                                       seconds,
                                       &failures404);
    const QByteArray getBody =
        "{\"query_type\": \"dataset\", \"query_method\": \"GET\", \"values\": {\"uid\": null, "
        "\"payload\": {\"dataset_access_settings\": {\"fetch_client_metadata\": false}}}}";
    // get_dataset is scoped to its resource by headers (spec §2.4).
    const Call get{"POST", "/public", getBody, true, "dataset", someDataset.toUtf8()};
    const double rateGet =
        measureRate(server.port(), signer, get, 200, clients, seconds, &failuresGet);
    std::printf("\n%-44s %10s %8s %9s\n", "rate, keep-alive clients", "req/s", "x 404", "failed");
    std::printf(
        "%-44s %10.0f %8.2f %9d\n", "baseline: unauthenticated 404", rate404, 1.0, failures404);
    std::printf("%-44s %10.0f %8.2f %9d\n",
                "v1 get_dataset (signed)",
                rateGet,
                rateGet / rate404,
                failuresGet);
    server.terminate();
    return failures404 + failuresGet == 0 ? 0 : 1;
}
