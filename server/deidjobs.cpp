#include "deidjobs.h"

#include <QUuid>

namespace Encord::Server {

DeidJobs::~DeidJobs()
{
    m_stopping = true;
    std::vector<std::thread> threads;
    {
        const std::lock_guard lock(m_mutex);
        threads.swap(m_threads);
    }
    for (std::thread &thread : threads)
        thread.join();
}

QString DeidJobs::start(qint64 ownerId, Work work)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const std::lock_guard lock(m_mutex);
    m_jobs[uuid] = Job{ownerId, {}};
    m_threads.emplace_back([this, uuid, work = std::move(work)]() {
        const DeidJobOutcome outcome = work([this]() { return m_stopping.load(); });
        const std::lock_guard done(m_mutex);
        Job &job = m_jobs[uuid];
        job.snapshot.outcome = outcome;
        job.snapshot.status = outcome.errors.isEmpty() ? Status::Done : Status::Error;
        m_changed.notify_all();
    });
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
