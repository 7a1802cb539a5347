#pragma once

#include "client/encordclient.h"

#include <QObject>

#include <memory>

namespace Encord {

/// Uploads local files into one storage folder through the folder upload routes (spec §3.4):
/// signed URLs per kind of file, the files PUT in parallel (a few at a time), then one upload
/// job that registers them, whose per-file errors are reported against their files.
///
/// Progress is the bytes sent over the bytes to send, and reaches the total only when the
/// job has registered the files. cancel() aborts every transfer; files not yet registered
/// never become items (an upload cancelled after the job started may still register).
/// Files that are missing, unreadable or of a kind that cannot go into a folder fail on their
/// own; the others go on.
class FolderUpload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderUpload)

public:
    struct Failure
    {
        QString path;
        QString message;
    };

    FolderUpload(EncordClient client,
                 QString folderUuid,
                 QStringList filePaths,
                 QObject *parent = nullptr);
    ~FolderUpload() override;

    /// Starts the upload; call once.
    void start();
    /// Aborts what is still on the wire; finished() follows with cancelled = true.
    void cancel();

    const QString &folderUuid() const { return m_folderUuid; }
    const QStringList &filePaths() const { return m_paths; }
    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_token.isCancelled(); }
    qint64 bytesDone() const { return m_bytesDone; }
    qint64 bytesTotal() const { return m_bytesTotal; }
    /// The new items' uuids.
    const QStringList &uploadedItems() const { return m_uploaded; }
    const QList<Failure> &failures() const { return m_failures; }

    /// How many files go over the wire at once.
    static constexpr int kParallelTransfers = 4;

    /// The kind of storage item a file becomes; Unknown for files a folder cannot take.
    static StorageItemType itemTypeOf(const QString &path);

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    void fileFailed(const QString &path, const QString &message);
    void finished(int uploaded, int failed, bool cancelled);

private:
    struct File;
    struct Batch;

    QCoro::Task<> run();
    QCoro::Task<> transferWorker(std::shared_ptr<Batch> batch);
    void fail(File &file, const QString &message);
    void updateProgress(std::shared_ptr<Batch> batch);

    EncordClient m_client;
    QString m_folderUuid;
    QStringList m_paths;
    CancelToken m_token;
    bool m_running = false;
    bool m_started = false;
    qint64 m_bytesDone = 0;
    qint64 m_bytesTotal = 0;
    QStringList m_uploaded;
    QList<Failure> m_failures;
};

} // namespace Encord
