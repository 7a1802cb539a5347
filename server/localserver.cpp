#include "localserver.h"

#include "auth/publickey.h"
#include "blobcollector.h"
#include "cvatimportjobs.h"
#include "httpfront.h"
#include "requesterror.h"
#include "serverlogging.h"
#include "sqliteerror.h"
#include "userstore.h"
#include "workspace.h"

#include <chrono>

namespace Encord::Server {

LocalServer::LocalServer(QString dataDir)
    : m_dataDir(std::move(dataDir))
{ }

LocalServer::~LocalServer()
{
    stop();
}

bool LocalServer::start(const QString &host, int port)
{
    if (isRunning())
        return true;
    if (!openWorkspace())
        return false;
    // Only a starting server may take PENDING jobs for dead ones: a command line tool opening
    // the same folder (add-user…) runs beside a live server.
    try {
        m_workspace->cvatImportJobs().recoverInterrupted();
    } catch (const SqliteError &e) {
        qCWarning(lcServer).noquote() << "cannot mark interrupted CVAT imports:" << e.what();
    }
    m_front = std::make_unique<HttpFront>(*m_workspace);
    if (m_maxBufferedBody > 0)
        m_front->setMaxBufferedBody(m_maxBufferedBody);
    m_port = m_front->bind(host, port);
    if (m_port == 0) {
        m_error = QStringLiteral("cannot listen on %1:%2").arg(host).arg(port);
        m_front.reset();
        return false;
    }
    m_host = host;
    m_thread = std::thread([front = m_front.get()] { front->run(); });
    m_collectorStop = false;
    m_collector = std::thread([this] { collectBlobsUntilStopped(); });
    // listen_after_bind() flips is_running() on its first instruction; wait for it so that a
    // stop() right after start() cannot race ahead of it.
    for (int i = 0; i < 500 && !m_front->isRunning(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    qCInfo(lcServer).noquote() << "serving" << m_dataDir << "on" << baseUrl();
    return true;
}

void LocalServer::stop()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_collectorMutex);
        m_collectorStop = true;
    }
    m_collectorWake.notify_all();
    m_collector.join();
    m_front->stop();
    m_thread.join();
    m_front.reset();
    qCInfo(lcServer) << "stopped";
}

void LocalServer::collectBlobsUntilStopped()
{
    const BlobCollector collector(*m_workspace);
    std::unique_lock lock(m_collectorMutex);
    while (!m_collectorStop) {
        lock.unlock();
        try {
            collector.collect();
        } catch (const SqliteError &e) {
            // A busy or failing database costs one pass; the next one tries again.
            qCWarning(lcServer).noquote() << "blob collection failed:" << e.what();
        }
        lock.lock();
        m_collectorWake.wait_for(lock, kCollectionInterval, [this] { return m_collectorStop; });
    }
}

bool LocalServer::openWorkspace()
{
    m_error.clear();
    if (!m_workspace)
        m_workspace = Workspace::open(m_dataDir, &m_error);
    return m_workspace != nullptr;
}

bool LocalServer::ensureUser(const QString &email, const PublicKey &key, bool orgAdmin)
{
    if (!openWorkspace())
        return false;
    UserStore users(m_workspace->database());
    const std::optional<UserRecord> existing = users.byEmail(email);
    if (existing) {
        if (existing->publicKeyHex == key.hex())
            return true;
        m_error = QStringLiteral("%1 is registered with another key").arg(email);
        return false;
    }
    try {
        users.add(email, key, orgAdmin);
    } catch (const RequestError &e) {
        m_error = e.message();
        return false;
    }
    return true;
}

QString LocalServer::baseUrl() const
{
    const QString host =
        m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

} // namespace Encord::Server
