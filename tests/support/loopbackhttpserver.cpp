#include "loopbackhttpserver.h"

#include <QDateTime>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace EncordTest {

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool RecordedRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray RecordedRequest::path() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? target : target.left(mark);
}

QByteArray RecordedRequest::query() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? QByteArray() : target.mid(mark + 1);
}

ScriptedReply ScriptedReply::json(const QByteArray &body, int status)
{
    ScriptedReply reply;
    reply.status = status;
    reply.body = body;
    reply.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    return reply;
}

ScriptedReply ScriptedReply::drop()
{
    ScriptedReply reply;
    reply.action = Action::Drop;
    return reply;
}

ScriptedReply ScriptedReply::hang()
{
    ScriptedReply reply;
    reply.action = Action::Hang;
    return reply;
}

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

LoopbackHttpServer::~LoopbackHttpServer() = default;

bool LoopbackHttpServer::start()
{
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackHttpServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

quint16 LoopbackHttpServer::port() const
{
    return m_server->serverPort();
}

void LoopbackHttpServer::setScript(QList<ScriptedReply> replies)
{
    m_script = std::move(replies);
    m_handler = [this](const RecordedRequest &) {
        if (m_script.size() > 1)
            return m_script.takeFirst();
        return m_script.value(0, ScriptedReply::json("null"));
    };
}

void LoopbackHttpServer::clear()
{
    m_requests.clear();
    m_arrivals.clear();
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setProperty("buffer", QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        RecordedRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            break;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);
        m_requests.append(request);
        m_arrivals.append(QDateTime::currentMSecsSinceEpoch() - m_startedAt);
        respond(socket, request);
    }
    socket->setProperty("buffer", buffer);
}

void LoopbackHttpServer::respond(QTcpSocket *socket, const RecordedRequest &request)
{
    const ScriptedReply reply = m_handler ? m_handler(request) : ScriptedReply::json("null");
    QPointer<QTcpSocket> guard(socket);
    // Always through the event loop, so that client code cannot rely on synchronous answers.
    QTimer::singleShot(reply.delayMs, this, [guard, reply] {
        if (!guard)
            return;
        switch (reply.action) {
        case ScriptedReply::Action::Hang:
            return;
        case ScriptedReply::Action::Drop:
            guard->abort();
            return;
        case ScriptedReply::Action::Answer:
            break;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
        for (const auto &[name, value] : reply.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
        out += "Connection: close\r\n\r\n";
        out += reply.body;
        guard->write(out);
        guard->disconnectFromHost();
    });
}

} // namespace EncordTest
