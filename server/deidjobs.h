#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace Encord::Server {

/// The outcome of a de-identification job: the URLs written, and one sentence per file that
/// could not be de-identified (a job with errors ends in ERROR, its URLs still listed).
struct DeidJobOutcome
{
    QStringList urls;
    QStringList errors;
};

/// De-identification jobs of the v2 route (POST dicom-deidentification + long-poll GET).
/// Each job runs on its own thread (the files themselves in worker processes). Jobs live in
/// memory: a restarted server forgets them. Thread-safe.
class DeidJobs
{
public:
    enum class Status {
        Pending,
        Done,
        Error,
    };
    struct Snapshot
    {
        Status status = Status::Pending;
        DeidJobOutcome outcome;
    };
    /// The work: runs to the end, polling the cancellation flag it is given.
    using Work = std::function<DeidJobOutcome(const std::function<bool()> &cancelled)>;

    DeidJobs() = default;
    /// Cancels running jobs and waits for their threads.
    ~DeidJobs();
    DeidJobs(const DeidJobs &) = delete;
    DeidJobs &operator=(const DeidJobs &) = delete;

    /// Starts @p work for user @p ownerId; the job's UUID.
    QString start(qint64 ownerId, Work work);
    /// The job's state once it is finished or @p timeout has passed, whichever comes first.
    /// Empty when there is no such job for @p ownerId.
    std::optional<Snapshot> wait(const QString &uuid,
                                 qint64 ownerId,
                                 std::chrono::milliseconds timeout);

private:
    struct Job
    {
        qint64 ownerId = 0;
        Snapshot snapshot;
    };

    struct Runner
    {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    /// Joins the threads of finished jobs. Called with m_mutex held.
    void reapFinished();

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::map<QString, Job> m_jobs;
    std::vector<Runner> m_threads;
    std::atomic<bool> m_stopping{false};
};

} // namespace Encord::Server
