#include "imagepreviewloader.h"

#include <QBuffer>
#include <QCoroFuture>
#include <QCoroNetworkReply>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace Encord {

namespace {

struct Decoded
{
    QImage image;
    QString error;
};

// Decodes straight to the wanted size where the format allows (JPEG scales while decoding).
Decoded decode(const QByteArray &bytes, const QSize &maxSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize original = reader.size();
    if (original.isValid()
        && (original.width() > maxSize.width() || original.height() > maxSize.height()))
        reader.setScaledSize(original.scaled(maxSize, Qt::KeepAspectRatio));
    Decoded out;
    out.image = reader.read();
    if (out.image.isNull())
        out.error = reader.errorString();
    else if (out.image.width() > maxSize.width() || out.image.height() > maxSize.height())
        out.image = out.image.scaled(maxSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return out;
}

} // namespace

ImagePreviewLoader::ImagePreviewLoader(QObject *parent, qint64 cacheBytes)
    : QObject(parent)
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_cache(int(std::max<qint64>(1, cacheBytes / 1024)))
{ }

ImagePreviewLoader::~ImagePreviewLoader() = default;

QImage ImagePreviewLoader::cached(const QString &key) const
{
    const QImage *image = m_cache.object(key);
    return image ? *image : QImage();
}

void ImagePreviewLoader::clear()
{
    ++m_generation;
    m_cache.clear();
    m_pending.clear();
}

void ImagePreviewLoader::request(const QString &key, const QUrl &signedUrl, const QSize &maxSize)
{
    if (const QImage *image = m_cache.object(key)) {
        const QImage copy = *image;
        QMetaObject::invokeMethod(
            this, [this, key, copy] { Q_EMIT previewReady(key, copy); }, Qt::QueuedConnection);
        return;
    }
    if (m_pending.contains(key))
        return;
    m_pending.insert(key);

    QNetworkRequest networkRequest(signedUrl);
    networkRequest.setTransferTimeout(60000);
    QNetworkReply *reply = m_network->get(networkRequest);
    const quint64 generation = m_generation;
    QPointer<ImagePreviewLoader> self(this);
    // The reply is the download's context: it dies with the loader, ending the coroutine.
    [](QPointer<ImagePreviewLoader> self,
       QNetworkReply *reply,
       QString key,
       QSize maxSize,
       quint64 generation) -> QCoro::Task<> {
        co_await qCoro(reply).waitForFinished();
        reply->deleteLater();
        if (!self)
            co_return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            self->finish(generation,
                         key,
                         {},
                         tr("The image could not be downloaded (%1).").arg(reply->errorString()));
            co_return;
        }
        const QByteArray bytes = reply->readAll();
        QFuture<Decoded> decoding = QtConcurrent::run(decode, bytes, maxSize);
        const Decoded decoded = co_await decoding;
        if (self)
            self->finish(generation, key, decoded.image, decoded.error);
    }(self, reply, key, maxSize, generation);
}

void ImagePreviewLoader::finish(quint64 generation,
                                const QString &key,
                                const QImage &image,
                                const QString &error)
{
    if (generation != m_generation)
        return;
    m_pending.remove(key);
    if (image.isNull()) {
        Q_EMIT previewFailed(key, error.isEmpty() ? tr("The file is not an image.") : error);
        return;
    }
    m_cache.insert(key, new QImage(image), int(std::max<qint64>(1, image.sizeInBytes() / 1024)));
    Q_EMIT previewReady(key, image);
}

} // namespace Encord
