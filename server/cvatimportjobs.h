#pragma once

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace Encord::Server {

class SqliteDatabase;
class Workspace;

/// The CVAT import jobs of the v2 route (POST projects/cvat-import, then the long-poll GET).
///
/// Each job runs on a thread of its own with that thread's database connection, closed when the
/// job ends. A job's state is a row of cvat_import_jobs: {"status": "PENDING"} from the start,
/// then what the work wrote there (DONE with projectUuid and issues, or ERROR with issues), so
/// that the long-poll answers the same after a restart. A job the server stopped in the middle
/// wrote nothing else (its import commits in one transaction), and is marked ERROR when a
/// server next starts on the workspace (LocalServer::start()). Thread-safe.
class CvatImportJobs
{
public:
    /// The job's final state, in the route's shape.
    using State = QJsonObject;
    /// The work: runs to the end on the job's thread, polling @p cancelled, and returns the
    /// final state, which is then stored. It may store it earlier with @p record, on its own
    /// connection, to have it in the same transaction as what it made (then it returns the same
    /// state, or the error that undid that transaction).
    using Work =
        std::function<State(const std::function<bool()> &cancelled,
                            const std::function<void(SqliteDatabase &, const State &)> &record)>;

    explicit CvatImportJobs(Workspace &workspace);
    /// Cancels running jobs and waits for their threads.
    ~CvatImportJobs();
    CvatImportJobs(const CvatImportJobs &) = delete;
    CvatImportJobs &operator=(const CvatImportJobs &) = delete;

    /// Marks jobs a previous run of the server left PENDING as failed. Only for a server that
    /// starts: another process may open the workspace while a server runs its jobs.
    void recoverInterrupted();

    /// Records a new PENDING job for user @p ownerId and starts @p work; the job's UUID.
    QString start(qint64 ownerId, Work work);
    /// The job's state once it is finished or @p timeout has passed, whichever comes first:
    /// {"status": "PENDING"} while it runs. Empty when there is no such job of @p ownerId.
    QJsonObject wait(const QString &uuid, qint64 ownerId, std::chrono::milliseconds timeout);

    /// Stores @p state as the job's state, on @p db.
    static void record(SqliteDatabase &db, const QString &uuid, const State &state);

private:
    struct Runner
    {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    /// Joins the threads of finished jobs. Called with m_mutex held.
    void reapFinished();
    void run(const QString &uuid, const Work &work);

    Workspace &m_workspace;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::set<QString> m_running; ///< jobs of this run of the server still running
    std::vector<Runner> m_threads;
    std::atomic<bool> m_stopping{false};
};

} // namespace Encord::Server
