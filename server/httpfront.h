#pragma once

#include <QString>

#include <memory>

namespace Encord::Server {

class Workspace;

/// The HTTP side of the server, on cpp-httplib (the only file that includes it): a listening
/// socket, httplib's worker thread pool (requests are handled concurrently, each worker with
/// its own database connection), conversion to ServerRequest for the Router, and streaming of
/// signed-URL uploads and downloads straight between socket and disk.
class HttpFront
{
public:
    explicit HttpFront(Workspace &workspace);
    ~HttpFront();
    HttpFront(const HttpFront &) = delete;
    HttpFront &operator=(const HttpFront &) = delete;

    /// The largest API body held in memory (default 256 MiB); larger ones are refused with
    /// 413, except a CVAT import's, which is spooled to disk (up to kMaxSpooledBody).
    void setMaxBufferedBody(qint64 bytes);
    static constexpr qint64 kDefaultMaxBufferedBody = qint64(256) << 20;
    static constexpr qint64 kMaxSpooledBody = qint64(64) << 30;

    /// Binds @p host:@p port (0 = any free port). Returns the bound port, or 0 on failure.
    int bind(const QString &host, int port);
    /// Serves until stop(); blocks the calling thread.
    bool run();
    /// Makes run() return; callable from any thread, also before run() started serving.
    void stop();
    bool isRunning() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Encord::Server
