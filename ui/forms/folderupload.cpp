#include "folderupload.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QPointer>

#include <vector>

namespace Encord {

struct FolderUpload::File
{
    QString path;
    QString name;
    qint64 size = 0;
    qint64 sent = 0;
    StorageItemType type = StorageItemType::Unknown;
    UploadSignedUrl url;
    bool failed = false;
    bool transferred = false;
};

struct FolderUpload::Batch
{
    QList<File> files;
    int next = 0; ///< the next file a transfer worker takes
};

namespace {

// The key of the upload job's "dataItems" object for a kind of item.
QString dataItemsKey(StorageItemType type)
{
    switch (type) {
    case StorageItemType::Image:
        return QStringLiteral("images");
    case StorageItemType::Video:
        return QStringLiteral("videos");
    case StorageItemType::Audio:
        return QStringLiteral("audio");
    case StorageItemType::Nifti:
        return QStringLiteral("nifti");
    case StorageItemType::PlainText:
        return QStringLiteral("text");
    case StorageItemType::Pdf:
        return QStringLiteral("pdf");
    default:
        break;
    }
    return {};
}

} // namespace

FolderUpload::FolderUpload(EncordClient client,
                           QString folderUuid,
                           QStringList filePaths,
                           QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_folderUuid(std::move(folderUuid))
    , m_paths(std::move(filePaths))
{ }

FolderUpload::~FolderUpload()
{
    m_token.cancel();
}

StorageItemType FolderUpload::itemTypeOf(const QString &path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".nii")) || lower.endsWith(QLatin1String(".nii.gz")))
        return StorageItemType::Nifti;
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchExtension);
    const QString name = mime.name();
    if (name.startsWith(QLatin1String("image/")))
        return StorageItemType::Image;
    if (name.startsWith(QLatin1String("video/")))
        return StorageItemType::Video;
    if (name.startsWith(QLatin1String("audio/")))
        return StorageItemType::Audio;
    if (name == QLatin1String("application/pdf"))
        return StorageItemType::Pdf;
    if (name == QLatin1String("text/plain"))
        return StorageItemType::PlainText;
    return StorageItemType::Unknown;
}

void FolderUpload::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    run();
}

void FolderUpload::cancel()
{
    m_token.cancel();
}

void FolderUpload::fail(File &file, const QString &message)
{
    if (file.failed)
        return;
    file.failed = true;
    m_failures.append({file.path, message});
    Q_EMIT fileFailed(file.path, message);
}

void FolderUpload::updateProgress(std::shared_ptr<Batch> batch)
{
    qint64 done = 0;
    for (const File &file : std::as_const(batch->files)) {
        if (!file.failed)
            done += file.sent;
    }
    // The last bytes count only once the job has registered the files.
    m_bytesDone = std::min(done, std::max<qint64>(m_bytesTotal - 1, 0));
    Q_EMIT progressChanged(m_bytesDone, m_bytesTotal);
}

QCoro::Task<> FolderUpload::run()
{
    QPointer<FolderUpload> self(this);
    const EncordClient client = m_client;
    const QString folder = m_folderUuid;
    const CancelToken token = m_token;
    auto batch = std::make_shared<Batch>();

    // Which files can go, and as what.
    for (const QString &path : std::as_const(m_paths)) {
        File file;
        file.path = path;
        const QFileInfo info(path);
        file.name = info.fileName();
        file.size = info.size();
        file.type = itemTypeOf(path);
        batch->files.append(file);
        File &added = batch->files.last();
        if (!info.exists() || !info.isFile())
            fail(added, tr("The file does not exist."));
        else if (!info.isReadable())
            fail(added, tr("The file cannot be read."));
        else if (dataItemsKey(file.type).isEmpty())
            fail(added, tr("This kind of file cannot be uploaded into a folder."));
        else
            m_bytesTotal += file.size;
    }
    Q_EMIT progressChanged(0, m_bytesTotal);

    // One request for the signed URLs of each kind of file.
    QList<StorageItemType> types;
    for (const File &file : std::as_const(batch->files)) {
        if (!file.failed && !types.contains(file.type))
            types.append(file.type);
    }
    for (const StorageItemType type : types) {
        QList<int> indexes;
        for (int i = 0; i < batch->files.size(); ++i) {
            if (!batch->files.at(i).failed && batch->files.at(i).type == type)
                indexes.append(i);
        }
        auto urls = co_await client.getFolderUploadUrls(folder, type, int(indexes.size()), token);
        if (!self)
            co_return;
        if (token.isCancelled())
            break;
        for (int n = 0; n < indexes.size(); ++n) {
            File &file = batch->files[indexes.at(n)];
            if (!urls.ok())
                fail(file, urls.error().userMessage());
            else if (n >= urls->size())
                fail(file, tr("The server gave too few upload addresses."));
            else
                file.url = urls->at(n);
        }
    }

    // The transfers, a few at a time.
    if (!token.isCancelled()) {
        std::vector<QCoro::Task<>> workers;
        for (int i = 0; i < kParallelTransfers; ++i)
            workers.push_back(transferWorker(batch));
        for (QCoro::Task<> &worker : workers)
            co_await worker;
        if (!self)
            co_return;
    }

    // One job registers every file that arrived.
    QJsonObject dataItems;
    QHash<QString, int> byObjectKey;
    for (int i = 0; i < batch->files.size(); ++i) {
        const File &file = batch->files.at(i);
        if (file.failed || !file.transferred)
            continue;
        QJsonArray entries = dataItems.value(dataItemsKey(file.type)).toArray();
        entries.append(QJsonObject{{QStringLiteral("objectUrl"), file.url.objectKey},
                                   {QStringLiteral("title"), file.name},
                                   {QStringLiteral("clientMetadata"), QJsonObject()},
                                   {QStringLiteral("placeholderItemUuid"), file.url.itemUuid}});
        dataItems.insert(dataItemsKey(file.type), entries);
        byObjectKey.insert(file.url.objectKey, i);
    }
    if (!token.isCancelled() && !dataItems.isEmpty()) {
        auto job = co_await client.startDataUploadJob(folder, dataItems, true, token);
        if (!self)
            co_return;
        std::optional<UploadJobState> state;
        if (job.ok()) {
            auto result = co_await client.dataUploadJobResult(
                folder, job.value(), std::chrono::hours(1), token);
            if (!self)
                co_return;
            if (result.ok())
                state = result.value();
            else if (!token.isCancelled())
                job = result.error();
        }
        if (!job.ok() && !token.isCancelled()) {
            for (const int index : std::as_const(byObjectKey))
                fail(batch->files[index], job.error().userMessage());
        }
        if (state) {
            for (const QJsonValue &value : std::as_const(state->unitErrors)) {
                const QJsonObject unitError = value.toObject();
                const QString message = unitError.value(QLatin1String("error")).toString();
                for (const QJsonValue &url :
                     unitError.value(QLatin1String("objectUrls")).toArray()) {
                    const auto index = byObjectKey.constFind(url.toString());
                    if (index != byObjectKey.cend())
                        fail(batch->files[*index], message);
                }
            }
            for (const UploadedItem &item : std::as_const(state->itemsWithNames))
                m_uploaded.append(item.itemUuid);
        }
    }

    m_running = false;
    const bool cancelled = token.isCancelled();
    if (!cancelled) {
        m_bytesDone = m_bytesTotal;
        Q_EMIT progressChanged(m_bytesTotal, m_bytesTotal);
    }
    Q_EMIT finished(int(m_uploaded.size()), int(m_failures.size()), cancelled);
}

QCoro::Task<> FolderUpload::transferWorker(std::shared_ptr<Batch> batch)
{
    QPointer<FolderUpload> self(this);
    const EncordClient client = m_client;
    const CancelToken token = m_token;
    while (batch->next < batch->files.size() && !token.isCancelled()) {
        const int index = batch->next++;
        if (batch->files.at(index).failed)
            continue;
        const QString path = batch->files.at(index).path;
        const QString signedUrl = batch->files.at(index).url.signedUrl;
        std::function<void(qint64, qint64)> progress = [self, batch, index](qint64 sent, qint64) {
            if (!self)
                return;
            batch->files[index].sent = sent;
            self->updateProgress(batch);
        };
        auto put = co_await client.uploadFileToSignedUrl(signedUrl, path, {}, progress, token);
        if (!self)
            co_return;
        File &file = batch->files[index];
        if (put.ok()) {
            file.sent = file.size;
            file.transferred = true;
            updateProgress(batch);
        } else if (!token.isCancelled()) {
            fail(file, put.error().userMessage());
        }
    }
}

} // namespace Encord
