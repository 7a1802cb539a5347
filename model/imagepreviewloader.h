#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace Encord {

/// Fetches images from signed URLs for previews and thumbnails: downloads without blocking,
/// decodes and scales on a worker thread, and keeps the results in a cache bounded by
/// memory (least recently used images go first). A key (an item or data hash) names each
/// image, so a signed URL that changed on the next listing still hits the cache.
class ImagePreviewLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePreviewLoader)

public:
    /// @p cacheBytes bounds the decoded images kept (default 64 MiB).
    explicit ImagePreviewLoader(QObject *parent = nullptr, qint64 cacheBytes = 64 << 20);
    ~ImagePreviewLoader() override;

    /// Starts loading @p key from @p signedUrl, scaled to fit @p maxSize, unless it is cached
    /// or already on its way. previewReady() or previewFailed() follows, through the event loop.
    void request(const QString &key, const QUrl &signedUrl, const QSize &maxSize);
    /// The cached image of @p key; null when not loaded (yet).
    QImage cached(const QString &key) const;
    /// Forgets every image and ignores downloads still on their way.
    void clear();

Q_SIGNALS:
    void previewReady(const QString &key, const QImage &image);
    void previewFailed(const QString &key, const QString &reason);

private:
    void finish(quint64 generation, const QString &key, const QImage &image, const QString &error);

    std::unique_ptr<QNetworkAccessManager> m_network;
    QCache<QString, QImage> m_cache;
    QSet<QString> m_pending;
    quint64 m_generation = 0;
};

} // namespace Encord
