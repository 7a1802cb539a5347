#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Encord::Server {

class BlobWriter;
class Workspace;
struct ServerRequest;

/// The signed-URL side of the server: PUT /blob-upload/<key>?expires=…&sig=… and
/// GET /blob-download/<key>?expires=…&sig=…. Needs no Encord signature; the URL's HMAC is the
/// authorisation. The HTTP front streams bodies through BlobWriter and file reads; this class
/// only decides and records.
class BlobService
{
public:
    /// Largest accepted upload.
    static constexpr qint64 kMaxUploadSize = qint64(64) << 30;

    explicit BlobService(Workspace &workspace);

    struct Decision
    {
        int status = 200; ///< anything but 200: refuse with this status and message
        QString message;
        QString objectKey;
    };
    /// Checks the path prefix for @p method, the object key, the expiry and the signature.
    Decision authorize(const ServerRequest &request) const;

    /// Lifetime of a signed URL.
    static constexpr qint64 kUrlLifetimeSeconds = 3600;

    struct UploadSlot
    {
        QString itemUuid; ///< placeholder id of the storage item the upload will become
        QString objectKey;
        QString signedUrl; ///< absolute, on @p baseUrl
    };
    /// Reserves @p count object keys for @p userId and signs a PUT URL for each.
    QList<UploadSlot> issueUploads(qint64 userId, int count, const QString &baseUrl) const;
    /// A signed GET URL for a completed upload's object key.
    QString downloadUrl(const QString &objectKey, const QString &baseUrl) const;

    struct Upload
    {
        QString objectKey;
        QString itemUuid;
        QString sha256;
        qint64 size = 0;
        QString contentType;
    };
    /// The completed upload of @p userId reserved under @p itemUuid or, failing that, under
    /// object key @p objectKey.
    std::optional<Upload> completedUpload(qint64 userId,
                                          const QString &itemUuid,
                                          const QString &objectKey) const;
    /// The completed uploads of @p userId under any of @p objectKeys, by object key: one query
    /// per few hundred keys rather than one per key (a CVAT import names thousands).
    QHash<QString, Upload> completedUploads(qint64 userId, const QStringList &objectKeys) const;

    /// A writer for the upload to @p objectKey. nullptr when the key was never handed out or
    /// an item is already registered on it.
    std::unique_ptr<BlobWriter> beginUpload(const QString &objectKey) const;
    /// Records a finished upload: the blob with @p sha256 of @p size bytes now backs
    /// @p objectKey. False when the key vanished meanwhile.
    bool completeUpload(const QString &objectKey,
                        const QString &sha256,
                        qint64 size,
                        const QString &contentType) const;

    struct Download
    {
        QString filePath;
        qint64 size = 0;
        QByteArray contentType;
    };
    /// The file behind @p objectKey: a completed upload, or for "items/<uuid>" the file of an
    /// integration item (only while it resolves inside the integration's root).
    std::optional<Download> download(const QString &objectKey) const;

private:
    Workspace &m_workspace;
};

} // namespace Encord::Server
