#include "cvatimportjobs.h"

#include "requesterror.h"
#include "serverlogging.h"
#include "sqlitedatabase.h"
#include "sqliteerror.h"
#include "timeformat.h"
#include "workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Encord::Server {

namespace {

QString text(const QJsonObject &state)
{
    return QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact));
}

const QJsonObject &pendingState()
{
    static const QJsonObject state{{QStringLiteral("status"), QStringLiteral("PENDING")}};
    return state;
}

// ERROR with one issue: what the user reads in the result page.
QJsonObject errorState(const QString &issueType, const QString &message)
{
    const QJsonObject issue{{QStringLiteral("issue_type"), issueType},
                            {QStringLiteral("instances"), QJsonArray{message}}};
    return {{QStringLiteral("status"), QStringLiteral("ERROR")},
            {QStringLiteral("issues"),
             QJsonObject{{QStringLiteral("errors"), QJsonArray{issue}},
                         {QStringLiteral("warnings"), QJsonArray()},
                         {QStringLiteral("infos"), QJsonArray()}}}};
}

} // namespace

CvatImportJobs::CvatImportJobs(Workspace &workspace)
    : m_workspace(workspace)
{ }

CvatImportJobs::~CvatImportJobs()
{
    m_stopping = true;
    std::vector<Runner> threads;
    {
        const std::lock_guard lock(m_mutex);
        threads.swap(m_threads);
    }
    for (Runner &runner : threads)
        runner.thread.join();
}

void CvatImportJobs::recoverInterrupted()
{
    m_workspace.database().exec(
        QStringLiteral("UPDATE cvat_import_jobs SET state = ? WHERE state = ?"),
        {text(errorState(QStringLiteral("interrupted"),
                         QStringLiteral("The workspace server stopped before the import "
                                        "finished; nothing was created. Import the export "
                                        "again."))),
         text(pendingState())});
}

void CvatImportJobs::record(SqliteDatabase &db, const QString &uuid, const State &state)
{
    db.exec(QStringLiteral("UPDATE cvat_import_jobs SET state = ? WHERE uuid = ?"),
            {text(state), uuid});
}

void CvatImportJobs::reapFinished()
{
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if (it->finished->load()) {
            it->thread.join();
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
}

QString CvatImportJobs::start(qint64 ownerId, Work work)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_workspace.database().exec(QStringLiteral("INSERT INTO cvat_import_jobs (uuid, user_id, "
                                               "state, created_at) VALUES (?,?,?,?)"),
                                {uuid, ownerId, text(pendingState()), TimeFormat::nowMs()});
    const std::lock_guard lock(m_mutex);
    reapFinished();
    m_running.insert(uuid);
    auto finished = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([this, uuid, finished, work = std::move(work)] {
        run(uuid, work);
        const std::lock_guard done(m_mutex);
        m_running.erase(uuid);
        *finished = true;
        m_changed.notify_all();
    });
    m_threads.push_back({std::move(thread), std::move(finished)});
    return uuid;
}

void CvatImportJobs::run(const QString &uuid, const Work &work)
{
    State state;
    const auto recordHere = [&uuid](SqliteDatabase &db, const State &s) {
        record(db, uuid, s);
    };
    try {
        state = work([this] { return m_stopping.load(); }, recordHere);
    } catch (const RequestError &e) {
        // The dataset went away, or the caller lost their role on it, since the request.
        state = errorState(QStringLiteral("invalid_request"), e.message());
    } catch (const std::exception &e) {
        qCWarning(lcServer) << "CVAT import job failed:" << e.what();
        state = errorState(QStringLiteral("server_error"),
                           QStringLiteral("The workspace server could not finish the import."));
    }
    try {
        record(m_workspace.database(), uuid, state);
    } catch (const SqliteError &e) {
        qCWarning(lcServerDb) << "cannot record the CVAT import job's state:" << e.what();
    }
    m_workspace.releaseDatabase();
}

QJsonObject CvatImportJobs::wait(const QString &uuid,
                                 qint64 ownerId,
                                 std::chrono::milliseconds timeout)
{
    const auto read = [&]() -> std::optional<QJsonObject> {
        SqliteStatement row = m_workspace.database().prepare(
            QStringLiteral("SELECT state FROM cvat_import_jobs WHERE uuid = ? AND user_id = ?"),
            {uuid, ownerId});
        if (!row.next())
            return std::nullopt;
        return QJsonDocument::fromJson(row.text(0).toUtf8()).object();
    };
    // Another user's job, or none: not found, without waiting.
    if (!read())
        return {};
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, timeout, [&] { return !m_running.contains(uuid); });
    }
    return read().value_or(QJsonObject());
}

} // namespace Encord::Server
