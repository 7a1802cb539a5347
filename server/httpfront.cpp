#include "httpfront.h"

#include "blobservice.h"
#include "blobwriter.h"
#include "router.h"
#include "serverlogging.h"
#include "serverrequest.h"
#include "serverresponse.h"
#include "v2api.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryFile>

#include <atomic>
#include <optional>
#include <string_view>

#include <httplib.h>

namespace Encord::Server {

namespace {

// The one API route whose body is spooled to disk rather than buffered: a CVAT import carries
// annotations.xml, which can be a gigabyte, as base64 inside its JSON.
constexpr std::string_view kSpooledRoute = "/v2/public/projects/cvat-import";

// "sha-256=:<base64>:" → the raw digest; empty when malformed.
QByteArray claimedSha256(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("sha-256=:") || !value.endsWith(':') || value.size() < 11)
        return {};
    return QByteArray::fromBase64(value.mid(9, value.size() - 10));
}

QString decodeQueryPart(std::string_view part)
{
    QByteArray bytes(part.data(), qsizetype(part.size()));
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

ServerRequest convert(const httplib::Request &req)
{
    ServerRequest request;
    request.method = QByteArray::fromStdString(req.method).toUpper();
    request.target = QByteArray::fromStdString(req.target);
    const qsizetype question = request.target.indexOf('?');
    const QByteArray rawPath = question < 0 ? request.target : request.target.left(question);
    request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    if (question >= 0) {
        const std::string query = req.target.substr(size_t(question) + 1);
        for (const QByteArray &pair : QByteArray::fromStdString(query).split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype equals = pair.indexOf('=');
            const QByteArray key = equals < 0 ? pair : pair.left(equals);
            const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
            request.query.append(
                {decodeQueryPart(key.toStdString()), decodeQueryPart(value.toStdString())});
        }
    }
    for (const auto &[name, value] : req.headers) {
        request.headers.append(
            {QByteArray::fromStdString(name).toLower(), QByteArray::fromStdString(value)});
    }
    request.body = QByteArray::fromStdString(req.body);
    request.peer = QString::fromStdString(req.remote_addr);
    return request;
}

void apply(const ServerResponse &response, httplib::Response &res)
{
    res.status = response.status;
    // Large answers (listings of big workspaces) are sent from the body we already hold
    // rather than copied into the response first.
    constexpr qsizetype kSendInPlaceAbove = 1 << 20;
    if (response.body.size() <= kSendInPlaceAbove) {
        res.set_content(response.body.constData(),
                        size_t(response.body.size()),
                        response.contentType.toStdString());
        return;
    }
    res.set_content_provider(
        size_t(response.body.size()),
        response.contentType.toStdString(),
        [body = response.body](size_t offset, size_t length, httplib::DataSink &sink) {
            const size_t available = size_t(body.size()) - offset;
            return sink.write(body.constData() + offset, std::min(length, available));
        });
}

void logRequest(const httplib::Request &req,
                int status,
                const QElapsedTimer &timer,
                const QString &email)
{
    // The path only: queries may carry signed-URL signatures.
    qCInfo(lcServerHttp).noquote()
        << QString::fromStdString(req.method) << QString::fromStdString(req.path) << status
        << QStringLiteral("%1ms").arg(timer.elapsed())
        << (email.isEmpty() ? QStringLiteral("-") : email);
}

} // namespace

class HttpFront::Private
{
public:
    explicit Private(Workspace &workspace)
        : workspace(workspace)
        , router(workspace)
        , blobs(workspace)
    { }

    void install();
    void serveApi(const httplib::Request &req, httplib::Response &res);
    void serveUpload(const httplib::Request &req,
                     httplib::Response &res,
                     const httplib::ContentReader &reader);
    void serveDownload(const httplib::Request &req, httplib::Response &res);
    void serveSpooled(const httplib::Request &req,
                      httplib::Response &res,
                      const httplib::ContentReader &reader);

    Workspace &workspace;
    std::atomic<qint64> maxBufferedBody{HttpFront::kDefaultMaxBufferedBody};
    Router router;
    BlobService blobs;
    httplib::Server server;
};

void HttpFront::Private::install()
{
    server.set_payload_max_length(size_t(BlobService::kMaxUploadSize));
    server.set_read_timeout(std::chrono::seconds(180));
    server.set_write_timeout(std::chrono::seconds(180));
    // Answers go out as two writes (head, then body); with Nagle's algorithm the body waits for
    // the peer's delayed ACK of the head, about 40 ms per answer on Linux loopback.
    server.set_tcp_nodelay(true);
    server.set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
        const bool upload = req.method == "PUT" && req.path.rfind("/blob-upload/", 0) == 0;
        const bool spooled = req.method == "POST" && req.path == kSpooledRoute;
        const uint64_t limit = spooled ? uint64_t(HttpFront::kMaxSpooledBody)
                                       : uint64_t(maxBufferedBody.load());
        if (!upload && req.get_header_value<uint64_t>("Content-Length") > limit) {
            apply(V2Api::error(413, QStringLiteral("The request body is too large.")), res);
            // Refused unread: the body must not be taken for the next request on the connection.
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        // A chunked API body has no length to check up front; neither SDK sends one.
        if (!upload && req.has_header("Transfer-Encoding")) {
            apply(V2Api::error(411, QStringLiteral("Content-Length is required.")), res);
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_exception_handler(
        [](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
            apply(V2Api::error(500, QStringLiteral("Internal server error.")), res);
        });

    const auto api = [this](const httplib::Request &req, httplib::Response &res) {
        serveApi(req, res);
    };
    server.Get(R"(/blob-download/.*)", [this](const httplib::Request &req, httplib::Response &res) {
        serveDownload(req, res);
    });
    server.Post(std::string(kSpooledRoute),
                [this](const httplib::Request &req,
                       httplib::Response &res,
                       const httplib::ContentReader &reader) { serveSpooled(req, res, reader); });
    server.Put(R"(/blob-upload/.*)",
               [this](const httplib::Request &req,
                      httplib::Response &res,
                      const httplib::ContentReader &reader) { serveUpload(req, res, reader); });
    server.Get(R"(.*)", api);
    server.Post(R"(.*)", api);
    server.Put(R"(.*)", api);
    server.Patch(R"(.*)", api);
    server.Delete(R"(.*)", api);
}

void HttpFront::Private::serveApi(const httplib::Request &req, httplib::Response &res)
{
    QElapsedTimer timer;
    timer.start();
    const ServerResponse response = router.handle(convert(req));
    apply(response, res);
    logRequest(req, response.status, timer, response.userEmail);
}

void HttpFront::Private::serveUpload(const httplib::Request &req,
                                     httplib::Response &res,
                                     const httplib::ContentReader &reader)
{
    QElapsedTimer timer;
    timer.start();
    bool bodyRead = false;
    const auto finish = [&](int status, const QString &message) {
        if (!bodyRead) {
            // Refused before reading: the unread body must not be taken for the next request.
            res.set_header("Connection", "close");
        }
        if (status == 200) {
            res.status = 200;
            res.set_content(std::string(), "text/plain");
        } else {
            apply(V2Api::error(status, message), res);
        }
        logRequest(req, status, timer, {});
    };

    ServerRequest request = convert(req);
    const BlobService::Decision decision = blobs.authorize(request);
    if (decision.status != 200)
        return finish(decision.status, decision.message);
    if (!req.has_header("Content-Length"))
        return finish(411, QStringLiteral("Content-Length is required."));
    const quint64 declared = req.get_header_value<uint64_t>("Content-Length");
    if (declared > quint64(BlobService::kMaxUploadSize))
        return finish(413, QStringLiteral("The file is too large."));

    std::unique_ptr<BlobWriter> writer = blobs.beginUpload(decision.objectKey);
    if (!writer)
        return finish(404, QStringLiteral("Unknown or already registered upload."));
    if (!writer->isOpen())
        return finish(500, QStringLiteral("Cannot store the upload."));
    const bool received = reader(
        [&](const char *data, size_t length) { return writer->write(data, qint64(length)); });
    if (!received || quint64(writer->size()) != declared)
        return finish(400, QStringLiteral("The upload was incomplete."));
    const QString sha = writer->finish();
    if (sha.isEmpty())
        return finish(500, QStringLiteral("Cannot store the upload."));
    const QString contentType = QString::fromStdString(req.get_header_value("Content-Type"));
    if (!blobs.completeUpload(decision.objectKey, sha, writer->size(), contentType))
        return finish(404, QStringLiteral("Unknown upload."));
    qCDebug(lcServerBlob) << "stored upload of" << writer->size() << "bytes";
    finish(200, {});
}

void HttpFront::Private::serveSpooled(const httplib::Request &req,
                                      httplib::Response &res,
                                      const httplib::ContentReader &reader)
{
    QElapsedTimer timer;
    timer.start();
    bool bodyRead = false;
    const auto answer = [&](const ServerResponse &response) {
        if (!bodyRead) // the unread body must not be taken for the next request
            res.set_header("Connection", "close");
        apply(response, res);
        logRequest(req, response.status, timer, response.userEmail);
    };

    // Who is asking is settled before anything is written: only a registered key can make
    // the server store a body, and the signature covers the digest the header claims.
    ServerRequest request = convert(req);
    request.bodyFile = QStringLiteral("(not yet received)");
    request.bodyFileSha256 = claimedSha256(request.header("content-digest"));
    if (const std::optional<ServerResponse> refused = router.refuseUnsigned(request))
        return answer(*refused);

    QTemporaryFile spool(QDir(workspace.dataDir()).filePath(QStringLiteral("spool-XXXXXX.json")));
    if (!spool.open())
        return answer(V2Api::error(500, QStringLiteral("The server cannot store the request.")));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    bool written = true;
    const bool received = reader([&](const char *data, size_t length) {
        hash.addData(QByteArrayView(data, qsizetype(length)));
        written = spool.write(data, qint64(length)) == qint64(length);
        return written;
    });
    bodyRead = received;
    const uint64_t declared = req.get_header_value<uint64_t>("Content-Length");
    if (!written || !spool.flush())
        return answer(V2Api::error(500, QStringLiteral("The server cannot store the request.")));
    if (!received || uint64_t(spool.size()) != declared)
        return answer(V2Api::error(400, QStringLiteral("The request body was incomplete.")));
    request.bodyFile = spool.fileName();
    request.bodyFileSha256 = hash.result();
    answer(router.handle(request));
}

void HttpFront::Private::serveDownload(const httplib::Request &req, httplib::Response &res)
{
    QElapsedTimer timer;
    timer.start();
    const BlobService::Decision decision = blobs.authorize(convert(req));
    std::optional<BlobService::Download> download;
    if (decision.status == 200)
        download = blobs.download(decision.objectKey);
    auto file = download ? std::make_shared<QFile>(download->filePath) : nullptr;
    if (decision.status != 200 || !download || !file->open(QIODevice::ReadOnly)) {
        const int status = decision.status != 200 ? decision.status : 404;
        apply(V2Api::error(
                  status, decision.status != 200 ? decision.message : QStringLiteral("Not found.")),
              res);
        logRequest(req, status, timer, {});
        return;
    }
    res.status = 200;
    // Streamed in chunks from disk: a large blob never sits whole in memory.
    res.set_content_provider(size_t(download->size),
                             download->contentType.toStdString(),
                             [file](size_t offset, size_t length, httplib::DataSink &sink) {
                                 constexpr size_t kChunk = 256 * 1024;
                                 if (!file->seek(qint64(offset)))
                                     return false;
                                 const QByteArray chunk =
                                     file->read(qint64(std::min(length, kChunk)));
                                 if (chunk.isEmpty())
                                     return false;
                                 return sink.write(chunk.constData(), size_t(chunk.size()));
                             });
    logRequest(req, 200, timer, {});
}

HttpFront::HttpFront(Workspace &workspace)
    : d(std::make_unique<Private>(workspace))
{
    d->install();
}

HttpFront::~HttpFront() = default;

void HttpFront::setMaxBufferedBody(qint64 bytes)
{
    d->maxBufferedBody = bytes;
}

int HttpFront::bind(const QString &host, int port)
{
    const std::string address = host.toStdString();
    if (port == 0)
        return std::max(0, d->server.bind_to_any_port(address));
    return d->server.bind_to_port(address, port) ? port : 0;
}

bool HttpFront::run()
{
    return d->server.listen_after_bind();
}

void HttpFront::stop()
{
    d->server.stop();
}

bool HttpFront::isRunning() const
{
    return d->server.is_running();
}

} // namespace Encord::Server
