#include "dicomdeidservice.h"

#include "blobservice.h"
#include "blobwriter.h"
#include "datasetstore.h"
#include "dicomdeidentifier.h"
#include "integrationstore.h"
#include "itemstore.h"
#include "records/deidentifyrequest.h"
#include "requesterror.h"
#include "savecondition.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

namespace Encord::Server {

namespace {

bool inside(const QString &path, const QString &root)
{
    return path == root || path.startsWith(root.endsWith(QLatin1Char('/')) ? root : root + u'/');
}

// A name not used yet in @p folder by this request: "x.dcm", then "x-2.dcm", ...
QString uniqueName(const QString &folder, const QString &name, QSet<QString> &taken)
{
    QString candidate = name;
    const QFileInfo info(name);
    const QString suffix =
        info.completeSuffix().isEmpty() ? QString() : u'.' + info.completeSuffix();
    for (int n = 2; taken.contains(folder + u'/' + candidate); ++n)
        candidate = info.baseName() + QStringLiteral("-%1").arg(n) + suffix;
    taken.insert(folder + u'/' + candidate);
    return candidate;
}

} // namespace

DicomDeidService::DicomDeidService(Workspace &workspace, UserRecord user)
    : m_workspace(workspace)
    , m_user(std::move(user))
{ }

QString DicomDeidService::uploadFolder(const QString &root, const QString &uploadDir) const
{
    QString path;
    if (uploadDir.startsWith(QLatin1String("file:"), Qt::CaseInsensitive)) {
        const QUrl url(uploadDir, QUrl::StrictMode);
        if (!url.isValid() || !url.isLocalFile())
            throw RequestError::invalidArgument(
                QStringLiteral("upload_dir %1 is not a file:// URL.").arg(uploadDir));
        path = url.toLocalFile();
    } else if (QDir::isAbsolutePath(uploadDir)) {
        path = uploadDir;
    } else {
        path = root + u'/' + uploadDir;
    }
    path = QDir::cleanPath(path);
    const auto refuse = [&]() {
        return RequestError::invalidArgument(
            QStringLiteral("upload_dir %1 is not inside the integration's folder.").arg(uploadDir));
    };
    if (!inside(path, root))
        throw refuse();

    // The deepest folder that exists must really (links resolved) be inside the root before
    // anything is created below it; what is created below has no links.
    QString existing = path;
    while (!QFileInfo(existing).exists())
        existing = QFileInfo(existing).path();
    const QString real = QFileInfo(existing).canonicalFilePath();
    if (real.isEmpty() || !QFileInfo(real).isDir() || !inside(real, root))
        throw refuse();
    const QString target = real + path.mid(existing.size());
    if (!QDir().mkpath(target))
        throw RequestError::invalidArgument(
            QStringLiteral("upload_dir %1 cannot be created.").arg(uploadDir));
    const QString canonical = QFileInfo(target).canonicalFilePath();
    if (canonical.isEmpty() || !inside(canonical, root))
        throw refuse();
    return canonical;
}

DicomDeidService::Plan DicomDeidService::prepare(const DeidentifyRequest &request) const
{
    SqliteDatabase &db = m_workspace.database();
    const std::optional<IntegrationRecord> integration =
        IntegrationStore(db).find(request.integrationHash);
    if (!integration)
        throw RequestError::notFound(QStringLiteral("Integration not found."));
    if (request.dicomUrls.isEmpty())
        throw RequestError::invalidArgument(QStringLiteral("No DICOM files were given."));

    Plan plan;
    plan.options.redactTags = request.redactDicomTags;
    const auto mode =
        request.redactPixelsMode.isUnknown()
            ? std::nullopt
            : Dicom::DeidOptions::parseMode(toV2Wire(request.redactPixelsMode.value()));
    if (!mode)
        throw RequestError::invalidArgument(QStringLiteral("Unknown redact_pixels_mode."));
    plan.options.pixelMode = *mode;
    for (const DeidentifyCondition &condition : request.saveConditions) {
        QString error;
        const auto parsed = Dicom::SaveCondition::fromJson(condition.toV2Json(), &error);
        if (!parsed)
            throw RequestError::invalidArgument(error);
        plan.options.saveConditions.append(*parsed);
    }

    const QString root = integration->root;
    const std::optional<QString> upload =
        request.uploadDir && !request.uploadDir->isEmpty()
            ? std::optional(uploadFolder(root, *request.uploadDir))
            : std::nullopt;
    // One timestamp per request, in units of 10 ns like the service's names.
    const QString timestamp = Dicom::DicomDeidentifier::currentTimestamp();
    QSet<QString> taken;
    const BlobService blobs(m_workspace);
    ItemStore items(db, m_user);

    for (const QString &url : request.dicomUrls) {
        Plan::Source source;
        source.url = url;
        QString name;
        if (url.startsWith(QLatin1String("file:"), Qt::CaseInsensitive)) {
            source.localPath = IntegrationStore::resolve(*integration, url);
            if (source.localPath.isEmpty())
                throw RequestError::invalidArgument(
                    QStringLiteral("%1 is not a file inside the integration's folder.").arg(url));
            name = QFileInfo(source.localPath).fileName();
        } else {
            // A storage item, by UUID or by object key.
            std::optional<ItemRecord> item = items.find(url);
            if (!item) {
                SqliteStatement row = db.prepare(
                    QStringLiteral("SELECT uuid FROM storage_items WHERE url = ? LIMIT 1"), {url});
                if (row.next())
                    item = items.find(row.text(0));
            }
            if (!item || !item->url) {
                // An unknown item is not found; anything else (an https:// or gs:// URL of a
                // cloud bucket) is a URL this server cannot reach.
                const QString message = QStringLiteral("%1 is neither a file:// URL inside the "
                                                       "integration's folder nor a storage item.")
                                            .arg(url);
                if (!QUuid::fromString(url).isNull())
                    throw RequestError::notFound(message);
                throw RequestError::invalidArgument(message);
            }
            if (item->integration && *item->integration != integration->uuid)
                throw RequestError::invalidArgument(
                    QStringLiteral("%1 belongs to another integration.").arg(url));
            const QString key =
                item->integration ? QStringLiteral("items/") + item->uuid : *item->url;
            const std::optional<BlobService::Download> file = blobs.download(key);
            if (!file)
                throw RequestError::notFound(QStringLiteral("The file of %1 is missing.").arg(url));
            source.localPath = file->filePath;
            source.itemType = item->itemType;
            name = item->name.isEmpty() ? item->uuid : item->name;
            if (!item->integration)
                source.blobFolder = item->folder;
        }
        name = QFileInfo(name).fileName();
        if (!source.blobFolder)
            source.outputFolder = upload.value_or(QFileInfo(source.localPath).path());
        const QString folderKey =
            source.blobFolder ? QStringLiteral("blob:") + *source.blobFolder : source.outputFolder;
        source.outputName =
            uniqueName(folderKey, QStringLiteral("deid_") + timestamp + u'_' + name, taken);
        plan.sources.append(source);
    }
    return plan;
}

QString DicomDeidService::importBlob(const Plan::Source &source, const QString &file) const
{
    SqliteDatabase &db = m_workspace.database();
    const BlobService blobs(m_workspace);
    const QList<BlobService::UploadSlot> slots = blobs.issueUploads(m_user.id, 1, QString());
    if (slots.isEmpty())
        return {};
    const BlobService::UploadSlot &slot = slots.first();
    std::unique_ptr<BlobWriter> writer = blobs.beginUpload(slot.objectKey);
    QFile input(file);
    if (!writer || !input.open(QIODevice::ReadOnly))
        return {};
    while (!input.atEnd()) {
        const QByteArray chunk = input.read(1 << 20);
        if (chunk.isEmpty() || !writer->write(chunk.constData(), chunk.size()))
            return {};
    }
    const qint64 size = writer->size();
    const QString sha = writer->finish();
    if (sha.isEmpty()
        || !blobs.completeUpload(slot.objectKey, sha, size, QStringLiteral("application/dicom")))
        return {};

    SqliteTransaction transaction(db);
    ItemRecord item;
    item.uuid = slot.itemUuid;
    item.folder = *source.blobFolder;
    item.itemType = source.itemType.isEmpty() ? QStringLiteral("dicomFile") : source.itemType;
    item.name = source.outputName;
    item.url = slot.objectKey;
    item.fileSize = size;
    item.mimeType = QStringLiteral("application/dicom");
    ItemStore items(db, m_user);
    item = items.insert(item);
    DatasetStore(db, m_user).mirrorItem(item);
    transaction.commit();
    return slot.objectKey;
}

DeidJobOutcome DicomDeidService::run(const Plan &plan, const std::function<bool()> &cancelled) const
{
    // Copies of blob items are written to a scratch folder first, then stored as blobs.
    QTemporaryDir scratch(m_workspace.dataDir() + QStringLiteral("/deid-XXXXXX"));
    QList<Dicom::DeidJob> jobs;
    for (const Plan::Source &source : plan.sources) {
        jobs.append({source.localPath,
                     source.blobFolder ? scratch.path() : source.outputFolder,
                     source.outputName});
    }
    const QList<Dicom::DeidResult> results =
        Dicom::DeidRunner::runBlocking(plan.options, jobs, cancelled);
    DeidJobOutcome outcome;
    for (int index = 0; index < results.size(); ++index) {
        const Dicom::DeidResult &result = results.at(index);
        const Plan::Source &source = plan.sources.at(index);
        if (result.status == Dicom::DeidResult::Status::Failed) {
            outcome.errors.append(QStringLiteral("%1: %2").arg(source.url, result.error));
            continue;
        }
        if (result.status != Dicom::DeidResult::Status::Written)
            continue; // a save condition kept it (or its series) back
        if (source.blobFolder) {
            const QString key = importBlob(source, result.outputPath);
            QFile::remove(result.outputPath);
            if (key.isEmpty())
                outcome.errors.append(QStringLiteral("%1: the de-identified copy could not be "
                                                     "stored.")
                                          .arg(source.url));
            else
                outcome.urls.append(key);
            continue;
        }
        outcome.urls.append(QUrl::fromLocalFile(result.outputPath).toString());
    }
    return outcome;
}

} // namespace Encord::Server
