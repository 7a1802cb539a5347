#include "deidjobs.h"

#include <QUuid>

namespace Encord::Server {

DeidJobs::~DeidJobs()
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

void DeidJobs::reapFinished()
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

QString DeidJobs::start(qint64 ownerId, Work work)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const std::lock_guard lock(m_mutex);
    reapFinished();
    m_jobs[uuid] = Job{ownerId, {}};
    auto finished = std::make_shared<std::atomic<bool>>(false);
    std::thread thread([this, uuid, finished, work = std::move(work)]() {
        const DeidJobOutcome outcome = work([this]() { return m_stopping.load(); });
        const std::lock_guard done(m_mutex);
        Job &job = m_jobs[uuid];
        job.snapshot.outcome = outcome;
        job.snapshot.status = outcome.errors.isEmpty() ? Status::Done : Status::Error;
        *finished = true;
        m_changed.notify_all();
    });
    m_threads.push_back({std::move(thread), std::move(finished)});
    return uuid;
}

std::optional<DeidJobs::Snapshot> DeidJobs::wait(const QString &uuid,
                                                 qint64 ownerId,
                                                 std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    const auto found = m_jobs.find(uuid);
    if (found == m_jobs.end() || found->second.ownerId != ownerId)
        return std::nullopt;
    m_changed.wait_for(
        lock, timeout, [&]() { return m_jobs[uuid].snapshot.status != Status::Pending; });
    return m_jobs[uuid].snapshot;
}

} // namespace Encord::Server
