#pragma once

#include <QString>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace Encord {
class PublicKey;
}

namespace Encord::Server {

class HttpFront;
class Workspace;

/// The local workspace server embedded in a process: opens (or creates) the workspace in a
/// data folder, listens on a loopback port and serves on its own threads (one accepting
/// thread plus httplib's worker pool) until stop() or destruction. Used by the desktop app
/// and by the tests; the encord-local-server executable is a thin shell around it.
///
/// While it runs, a thread of its own collects unused uploaded blobs (BlobCollector) at start
/// and then every kCollectionInterval.
///
/// Not a QObject and needs no event loop. start() and stop() must be called from one thread.
class LocalServer
{
public:
    static constexpr std::chrono::hours kCollectionInterval{1};

    explicit LocalServer(QString dataDir);
    /// Stops the server if it is running.
    ~LocalServer();
    LocalServer(const LocalServer &) = delete;
    LocalServer &operator=(const LocalServer &) = delete;

    /// Opens the workspace and starts listening on @p host:@p port (0 = a free port). False,
    /// with errorString(), when the workspace cannot be opened or the address bound.
    bool start(const QString &host = QStringLiteral("127.0.0.1"), int port = 0);
    /// Stops accepting, lets requests in flight finish and joins the threads. Idempotent.
    void stop();

    /// Makes sure the user @p email with @p key exists (what the desktop does for its local
    /// user on first start); opens the workspace if start() has not. True when the user exists
    /// afterwards with this key; false, with errorString(), when the e-mail or the key belongs
    /// to someone else or the workspace cannot be opened.
    bool ensureUser(const QString &email, const PublicKey &key, bool orgAdmin);

    /// The largest API body the server holds in memory (HttpFront::setMaxBufferedBody); set
    /// before start().
    void setMaxBufferedBody(qint64 bytes) { m_maxBufferedBody = bytes; }

    bool isRunning() const { return m_thread.joinable(); }
    /// The bound port; 0 before start().
    int port() const { return m_port; }
    /// "http://<host>:<port>", what an SDK takes as domain.
    QString baseUrl() const;
    QString errorString() const { return m_error; }
    /// The open workspace (nullptr before start()), e.g. to register the local user.
    Workspace *workspace() const { return m_workspace.get(); }

private:
    bool openWorkspace();
    void collectBlobsUntilStopped();

    QString m_dataDir;
    QString m_host;
    int m_port = 0;
    qint64 m_maxBufferedBody = 0; ///< 0: HttpFront's default
    QString m_error;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<HttpFront> m_front;
    std::thread m_thread;
    std::thread m_collector;
    std::mutex m_collectorMutex;
    std::condition_variable m_collectorWake;
    bool m_collectorStop = false;
};

} // namespace Encord::Server
