#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace EncordTest {

/// One request as the server received it, bytes untouched.
struct RecordedRequest
{
    QByteArray method;
    QByteArray target; ///< path and query exactly as on the request line
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QByteArray path() const;
    QByteArray query() const;
};

/// What the server does with a request.
struct ScriptedReply
{
    enum class Action {
        Answer, ///< send status, headers and body
        Drop,   ///< close the connection without a byte
        Hang,   ///< never answer (until the client gives up)
    };
    Action action = Action::Answer;
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;

    static ScriptedReply json(const QByteArray &body, int status = 200);
    static ScriptedReply drop();
    static ScriptedReply hang();
};

/// A small HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for api/ tests: it records
/// every request and answers through the event loop (never synchronously) with whatever the
/// handler scripts, including dropped connections and silence.
class LoopbackHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackHttpServer)

public:
    using Handler = std::function<ScriptedReply(const RecordedRequest &)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    /// Listens on 127.0.0.1, port chosen by the system. False on failure.
    bool start();
    QUrl url() const;
    quint16 port() const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// Answers the queued replies in order, then repeats the last one.
    void setScript(QList<ScriptedReply> replies);

    const QList<RecordedRequest> &requests() const { return m_requests; }
    /// Milliseconds since start() at which each request arrived.
    const QList<qint64> &arrivalTimes() const { return m_arrivals; }
    void clear();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const RecordedRequest &request);

    QTcpServer *m_server;
    Handler m_handler;
    QList<ScriptedReply> m_script;
    QList<RecordedRequest> m_requests;
    QList<qint64> m_arrivals;
    qint64 m_startedAt = 0;
};

} // namespace EncordTest
