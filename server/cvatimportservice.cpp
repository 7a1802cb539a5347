#include "cvatimportservice.h"

#include "blobservice.h"
#include "cvat/cvatlabelrowbuilder.h"
#include "cvat/cvatontologybuilder.h"
#include "cvat/cvatpaths.h"
#include "cvat/cvatreader.h"
#include "datasetstore.h"
#include "folderstore.h"
#include "itemstore.h"
#include "labelrowstore.h"
#include "ontologystore.h"
#include "projectstore.h"
#include "requesterror.h"
#include "serverlogging.h"
#include "sqlitedatabase.h"
#include "sqliteerror.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"
#include "workspace.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMimeDatabase>
#include <QTemporaryFile>
#include <QUuid>

#include <memory>

namespace Encord::Server {

using namespace Encord::Cvat;

namespace {

// The spec's Issues: problems grouped by severity, then by kind, each instance one line.
QJsonObject issuesJson(const CvatProblemReport &report)
{
    QJsonObject result;
    const std::array<std::pair<CvatProblem::Severity, const char *>, 3> groups{
        {{CvatProblem::Severity::Error, "errors"},
         {CvatProblem::Severity::Warning, "warnings"},
         {CvatProblem::Severity::Info, "infos"}}};
    for (const auto &[severity, key] : groups) {
        QList<QPair<QString, QJsonArray>> byKind;
        for (const CvatProblem &problem : report.problems()) {
            if (problem.severity != severity)
                continue;
            const QString type = CvatProblem::kindName(problem.kind);
            auto it = std::find_if(byKind.begin(), byKind.end(), [&](const auto &entry) {
                return entry.first == type;
            });
            if (it == byKind.end()) {
                byKind.append({type, {}});
                it = byKind.end() - 1;
            }
            QString instance = problem.message;
            if (!problem.imageName.isEmpty())
                instance = problem.imageName + QStringLiteral(": ") + instance;
            if (problem.line > 0)
                instance += QStringLiteral(" (annotations.xml line %1)").arg(problem.line);
            it->second.append(instance);
        }
        QJsonArray issues;
        for (const auto &[type, instances] : std::as_const(byKind))
            issues.append(QJsonObject{{QStringLiteral("issue_type"), type},
                                      {QStringLiteral("instances"), instances}});
        result.insert(QLatin1String(key), issues);
    }
    return result;
}

QString labelStatus(const QString &reviewMode)
{
    if (reviewMode == QLatin1String("unlabelled"))
        return QStringLiteral("LABEL_IN_PROGRESS");
    if (reviewMode == QLatin1String("reviewed"))
        return QStringLiteral("REVIEWED");
    return QStringLiteral("LABELLED");
}

// Where the client's data paths are: the path as given, normalised.
class DataIndex
{
public:
    explicit DataIndex(const QList<CvatImportRequest::Data> &data)
    {
        for (qsizetype i = 0; i < data.size(); ++i) {
            const QString path = CvatPaths::normalised(data.at(i).dataPath);
            m_byPath.insert(path, int(i));
            m_byFileName[CvatPaths::fileName(path)].append(int(i));
        }
    }

    /// The entry for @p image: <subset>/<name>, <name>, video frames with their extension,
    /// then a unique file name; -1 when none.
    int match(const CvatImage &image) const
    {
        if (!CvatPaths::isSafeRelative(image.name))
            return -1;
        const QString name = CvatPaths::normalised(image.name);
        QStringList candidates;
        if (!image.subset.isEmpty())
            candidates << image.subset + QLatin1Char('/') + name;
        candidates << name;
        if (CvatPaths::withoutLastSuffix(CvatPaths::fileName(name)) == CvatPaths::fileName(name)) {
            const QStringList bases = candidates;
            for (const QString &base : bases) {
                for (const char *extension : {".PNG", ".png", ".jpg"})
                    candidates << base + QLatin1String(extension);
            }
        }
        for (const QString &candidate : std::as_const(candidates)) {
            const auto it = m_byPath.constFind(candidate);
            if (it != m_byPath.constEnd())
                return *it;
        }
        const QList<int> sameName = m_byFileName.value(CvatPaths::fileName(name));
        return sameName.size() == 1 ? sameName.first() : -1;
    }

private:
    QHash<QString, int> m_byPath;
    QHash<QString, QList<int>> m_byFileName;
};

// Label rows between the pass that writes them and the transaction that stores them: in memory
// up to kInMemory bytes, then in a temporary file in the workspace, so that an export of any size
// holds about one row at a time.
class RowSpool
{
public:
    explicit RowSpool(QString dir)
        : m_dir(std::move(dir))
    { }

    bool append(const QByteArray &row)
    {
        constexpr qsizetype kInMemory = qsizetype(32) << 20;
        if (!m_file && m_memory.size() + row.size() <= kInMemory) {
            // Reserved once: growing by doubling would copy the rows again and again. Pages
            // are only touched as they are written.
            if (m_memory.isEmpty())
                m_memory.reserve(kInMemory);
            m_memory.append(row);
            return true;
        }
        if (!m_file) {
            m_file =
                std::make_unique<QTemporaryFile>(m_dir + QStringLiteral("/cvat-import-XXXXXX"));
            if (!m_file->open() || m_file->write(m_memory) != m_memory.size())
                return false;
            m_memory = QByteArray();
        }
        return m_file->write(row) == row.size();
    }

    /// The rows again, in order, each of the size append() was given.
    QByteArray next(qsizetype size)
    {
        if (!m_file) {
            const QByteArray row = m_memory.mid(m_readOffset, size);
            m_readOffset += size;
            return row;
        }
        if (m_readOffset == 0 && !m_file->seek(0))
            return {};
        m_readOffset += size;
        return m_file->read(size);
    }

private:
    QString m_dir;
    QByteArray m_memory;
    std::unique_ptr<QTemporaryFile> m_file;
    qsizetype m_readOffset = 0;
};

// A label row written and spooled, waiting for the transaction.
struct PendingRow
{
    QString labelHash;
    QString dataHash;
    QString status;
    int objects = 0;
    int classifications = 0;
    qsizetype size = 0;
};

// A storage item and its data row, made by the import for an upload.
struct NewRow
{
    ItemRecord item;
    DataRowRecord row;
};

} // namespace

CvatImportService::CvatImportService(Workspace &workspace, UserRecord user)
    : m_workspace(workspace)
    , m_user(std::move(user))
{ }

void CvatImportService::check(const CvatImportRequest &request) const
{
    const bool noFile = !request.annotationsFile || request.annotationsFile->size() == 0;
    if (request.annotationsXml.isEmpty() && noFile)
        throw RequestError::invalidArgument(QStringLiteral("The annotations are empty."));
    const DatasetRecord dataset =
        DatasetStore(m_workspace.database(), m_user).getAsAdmin(request.datasetHash);
    if (!dataset.backingFolder)
        throw RequestError::invalidArgument(
            QStringLiteral("The dataset has no storage folder to hold the imported images."));
}

QString CvatImportService::exportType(const QByteArray &annotationsXml, QString *error)
{
    CvatReader reader(annotationsXml);
    reader.setVideoAsImages(true);
    if (!reader.readHeader()) {
        const QList<CvatProblem> &problems = reader.problems().problems();
        if (error)
            *error = problems.isEmpty() ? QStringLiteral("The annotations cannot be read.")
                                        : problems.last().toText();
        return {};
    }
    return reader.info().scope == CvatExportInfo::Scope::Project ? QStringLiteral("project")
                                                                 : QStringLiteral("task");
}

CvatImportOutcome CvatImportService::run(const CvatImportRequest &request,
                                         const std::function<bool()> &cancelled,
                                         const BeforeCommit &beforeCommit) const
{
    CvatImportOutcome outcome;
    outcome.datasetHash = request.datasetHash;
    CvatProblemReport report;
    const auto fail = [&](const QString &message) {
        if (!message.isEmpty())
            report.add(CvatProblem::Severity::Error, CvatProblem::Kind::MalformedXml, message);
        outcome.success = false;
        outcome.projectHash.clear();
        outcome.issues = issuesJson(report);
        return outcome;
    };
    const auto stopped = [&] {
        return cancelled && cancelled();
    };
    const QString cancelledMessage =
        QStringLiteral("The import was stopped before it finished; nothing was created.");

    check(request);
    SqliteDatabase &db = m_workspace.database();
    DatasetStore datasets(db, m_user);
    const DatasetRecord dataset = datasets.getAsAdmin(request.datasetHash);

    try {
        // Reading: nothing is written to the database until the transaction at the end.
        QHash<QString, DataRowRecord> existingRows;
        for (const DataRowRecord &row : datasets.rows(dataset.hash))
            existingRows.insert(row.hash, row);
        const BlobService blobs(m_workspace);
        ItemStore items(db, m_user);
        QList<NewRow> newRows;
        QHash<QString, DataRowRecord> newRowOfItem;
        QHash<int, DataRowRecord> rowOfEntry;
        // The uploads the request names and which of their items exist, read up front: a
        // query per image cost more than the rest of its conversion.
        QStringList objectKeys;
        for (const CvatImportRequest::Data &data : request.data) {
            if (!data.objectKey.isEmpty())
                objectKeys.append(data.objectKey);
        }
        const QHash<QString, BlobService::Upload> uploads =
            blobs.completedUploads(m_user.id, objectKeys);
        QStringList uploadedItems;
        for (const BlobService::Upload &upload : uploads)
            uploadedItems.append(upload.itemUuid);
        const QSet<QString> registeredItems = items.existing(uploadedItems);
        // The data row of entry @p index: registered before (legacy images PUT) or made now.
        const auto rowFor = [&](int index, int width, int height) -> std::optional<DataRowRecord> {
            if (const auto it = rowOfEntry.constFind(index); it != rowOfEntry.constEnd())
                return *it;
            const CvatImportRequest::Data &data = request.data.at(index);
            if (const auto it = existingRows.constFind(data.dataHash);
                it != existingRows.constEnd())
                return rowOfEntry.insert(index, *it).value();
            const auto upload = uploads.constFind(data.objectKey);
            if (upload == uploads.constEnd())
                return std::nullopt;
            if (const auto it = existingRows.constFind(upload->itemUuid);
                it != existingRows.constEnd())
                return rowOfEntry.insert(index, *it).value();
            if (const auto it = newRowOfItem.constFind(upload->itemUuid);
                it != newRowOfItem.constEnd())
                return rowOfEntry.insert(index, *it).value();
            if (registeredItems.contains(upload->itemUuid))
                return std::nullopt; // registered in another folder: not ours to take
            ItemRecord item;
            item.uuid = upload->itemUuid;
            item.folder = *dataset.backingFolder;
            item.itemType = QStringLiteral("image");
            item.name = data.title.isEmpty() ? CvatPaths::fileName(data.dataPath) : data.title;
            item.url = upload->objectKey;
            item.fileSize = upload->size;
            item.mimeType = upload->contentType.isEmpty()
                                ? QMimeDatabase()
                                      .mimeTypeForFile(item.name, QMimeDatabase::MatchExtension)
                                      .name()
                                : upload->contentType;
            if (width > 0 && height > 0) {
                item.width = width;
                item.height = height;
            }
            item = items.completed(item);
            const DataRowRecord row = DatasetStore::rowOfItem(item);
            newRows.append({item, row});
            newRowOfItem.insert(item.uuid, row);
            return rowOfEntry.insert(index, row).value();
        };

        // One pass: each image surveyed for the ontology, then its label row written.
        CvatOntologyBuilder ontology(request.boxesAsPolygons);
        CvatProblemReport rowReport;
        CvatProblemReport scratch; // the reports of the ontology's interim builds
        const DataIndex index(request.data);
        QFile annotations(request.annotationsFile ? request.annotationsFile->fileName()
                                                  : QString());
        if (request.annotationsFile && !annotations.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("The server could not read back the annotations it "
                                       "received: %1")
                            .arg(annotations.errorString()));
        CvatReader reader =
            request.annotationsFile ? CvatReader(&annotations) : CvatReader(request.annotationsXml);
        reader.setVideoAsImages(true);
        CvatLabelRowBuilder builder(ontology, request.boxesAsPolygons);
        RowSpool spool(m_workspace.dataDir());
        QList<PendingRow> pending;
        const QString createdAt = QLocale::c().toString(
            QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        const QString status = labelStatus(request.reviewMode);
        QSet<int> used;
        while (std::optional<CvatImage> image = reader.readNextImage()) {
            if (stopped())
                return fail(cancelledMessage);
            if (ontology.survey(*image, reader.info()))
                ontology.build(reader.info(), scratch);
            const int entry = index.match(*image);
            const std::optional<DataRowRecord> row =
                entry < 0 ? std::nullopt : rowFor(entry, image->width, image->height);
            if (!row) {
                rowReport.add(CvatProblem::Kind::MissingImage,
                              QStringLiteral("No uploaded file matches this image; its %1 "
                                             "annotation(s) are not imported.")
                                  .arg(image->shapes.size()),
                              image->name,
                              image->line);
                continue;
            }
            if (used.contains(entry)) {
                rowReport.add(CvatProblem::Kind::DuplicateImage,
                              QStringLiteral("Another image already used the file %1; this one "
                                             "is not imported.")
                                  .arg(request.data.at(entry).dataPath),
                              image->name,
                              image->line);
                continue;
            }
            used.insert(entry);
            CvatLabelRowBuilder::Target target;
            target.labelHash = QUuid::createUuid().toString(QUuid::WithoutBraces);
            target.dataHash = row->hash;
            target.dataTitle = row->title;
            target.dataLink = row->fileLink.value_or(QString());
            target.fileType = row->fileType.value_or(QString());
            target.datasetHash = dataset.hash;
            target.datasetTitle = dataset.title;
            target.labelStatus = status;
            target.createdBy = m_user.email;
            target.createdAt = createdAt;
            target.width = int(row->width.value_or(0));
            target.height = int(row->height.value_or(0));
            const QByteArray content = builder.build(*image, target, rowReport);
            if (!spool.append(content))
                return fail(QStringLiteral("The workspace has no room for the label rows."));
            pending.append({target.labelHash,
                            row->hash,
                            builder.labelStatus(),
                            builder.objectCount(),
                            builder.classificationCount(),
                            content.size()});
        }
        report.append(reader.problems());
        if (!reader.finished() || report.hasErrors())
            return fail(QString());
        ontology.build(reader.info(), report);
        report.append(rowReport);
        // Files no image names were uploaded all the same: they join the dataset.
        for (qsizetype i = 0; i < request.data.size(); ++i) {
            if (used.contains(int(i)))
                continue;
            if (rowFor(int(i), 0, 0))
                report.add(CvatProblem::Kind::ExtraImage,
                           QStringLiteral("No <image> names this file; it is added to the "
                                          "dataset without labels."),
                           request.data.at(i).dataPath);
        }
        if (stopped())
            return fail(cancelledMessage);

        // Writing, all in one transaction.
        const CvatExportInfo &info = reader.info();
        SqliteTransaction transaction(db);
        const QString title = info.name.isEmpty() ? dataset.title : info.name;
        const QString description =
            QStringLiteral("Imported from a CVAT %1 export.").arg(info.scopeName());
        const OntologyRecord ontologyRecord =
            OntologyStore(db, m_user)
                .insert(title,
                        description,
                        QJsonDocument(ontology.structure()).toJson(QJsonDocument::Compact));
        ProjectDraft draft;
        draft.title = title;
        draft.description = description;
        draft.datasetHashes = {dataset.hash};
        draft.ontologyHash = ontologyRecord.hash;
        const ProjectRecord project = ProjectStore(db, m_user).insert(draft);
        // What ItemStore::insert() checks per item, once: the folder is the caller's to see.
        if (!newRows.isEmpty())
            FolderStore(db, m_user).get(*dataset.backingFolder);
        for (const NewRow &row : std::as_const(newRows)) {
            items.insertCompleted(row.item);
            datasets.addItemRow(dataset.hash, row.item);
        }
        LabelRowStore labelRows(db);
        const qint64 now = TimeFormat::nowMs();
        for (const PendingRow &row : std::as_const(pending)) {
            labelRows.insert({row.labelHash,
                              project.hash,
                              row.dataHash,
                              row.status,
                              row.objects,
                              row.classifications,
                              spool.next(row.size),
                              now,
                              now});
        }
        outcome.success = true;
        outcome.projectHash = project.hash;
        outcome.issues = issuesJson(report);
        if (beforeCommit)
            beforeCommit(db, outcome);
        transaction.commit();
    } catch (const SqliteError &e) {
        qCWarning(lcServerDb) << "CVAT import failed:" << e.what();
        return fail(QStringLiteral("The workspace database refused the import."));
    }
    return outcome;
}

} // namespace Encord::Server
