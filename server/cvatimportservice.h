#pragma once

#include "userstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryFile>

#include <functional>
#include <memory>

namespace Encord::Server {

class SqliteDatabase;
class Workspace;

/// What a CVAT import is asked to do, in the terms of both protocol generations (spec §5).
struct CvatImportRequest
{
    /// One uploaded image and the path the client gives it (relative to its images base).
    struct Data
    {
        QString dataPath;
        /// Object key of the upload (current flow: "dataLink"; legacy: "file_link"); the
        /// server registers a data row for it unless @p dataHash names an existing one.
        QString objectKey;
        /// Legacy flow: the data row registered earlier (images PUT). Empty otherwise.
        QString dataHash;
        QString title; ///< file name
    };

    QByteArray annotationsXml;
    /// The annotations in a file instead, for an import whose request body was spooled to disk;
    /// removed with the last copy of the request (the job's).
    std::shared_ptr<QTemporaryFile> annotationsFile;
    QString datasetHash;
    QString reviewMode = QStringLiteral("labelled"); ///< unlabelled, labelled, reviewed
    bool boxesAsPolygons = false;
    QList<Data> data;
};

/// The result: the project on success, and the issues report in the spec's shape (§4.11).
struct CvatImportOutcome
{
    bool success = false;
    QString projectHash;
    QString datasetHash;
    QJsonObject issues; ///< {"errors", "warnings", "infos"}: [{"issue_type", "instances"}]
};

/// Converts a CVAT export into an ontology, a project on the given dataset and one label row
/// per image.
///
/// The annotations are read once: each image's label row is written (as JSON text, spooled)
/// as soon as the image is read, against the ontology as surveyed so far (see
/// CvatOntologyBuilder). Until then nothing is written to the database; everything (ontology,
/// project, storage items, data rows, label rows) goes in one transaction at the end, so an
/// import that fails or is cancelled leaves nothing behind but the dataset the client created
/// beforehand, and other writers wait only for that last step.
///
/// Runs on the calling thread with that thread's database connection; a job thread gets its
/// own (Workspace::database()).
class CvatImportService
{
public:
    /// Called inside the import's transaction just before it commits, e.g. to record a job's
    /// outcome in the same transaction as the project.
    using BeforeCommit = std::function<void(SqliteDatabase &db, const CvatImportOutcome &)>;

    CvatImportService(Workspace &workspace, UserRecord user);

    /// What can be checked at once, before the work starts: there are annotations, and the
    /// dataset exists, is the caller's to administer and has a storage folder. Throws
    /// RequestError (a 400 or 404 of the request that asks for the import).
    void check(const CvatImportRequest &request) const;

    /// The import. @p cancelled is polled between images and before the transaction; a
    /// cancelled import writes nothing and ends in an error outcome. Throws RequestError when
    /// check() would.
    CvatImportOutcome run(const CvatImportRequest &request,
                          const std::function<bool()> &cancelled = {},
                          const BeforeCommit &beforeCommit = {}) const;

    /// "project" or "task" for the legacy export type check (v1 projectimportercvatinfo);
    /// an empty string and @p error set when the XML is not a CVAT for images export.
    static QString exportType(const QByteArray &annotationsXml, QString *error);

private:
    Workspace &m_workspace;
    UserRecord m_user; ///< a copy: a job outlives the request that started it
};

} // namespace Encord::Server
