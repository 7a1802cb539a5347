#pragma once

#include "blobstore.h"
#include "urlsigner.h"

#include <QString>

#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace Encord::Server {

class CvatImportJobs;
class DeidJobs;
class SqliteDatabase;

/// A workspace data folder: workspace.sqlite (WAL), the blob folder and the URL-signing
/// secret (server-secret, mode 0600). Opening creates what is missing and migrates the schema.
///
/// Thread safety: database() gives each calling thread its own connection, created on first
/// use and closed with the workspace; everything else is immutable after open().
class Workspace
{
public:
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    /// Opens or creates the workspace in @p dataDir; nullptr with @p error filled on failure.
    static std::unique_ptr<Workspace> open(const QString &dataDir, QString *error);

    const QString &dataDir() const { return m_dataDir; }
    QString databasePath() const;
    /// This thread's connection.
    SqliteDatabase &database();
    /// Closes this thread's connection, if it has one: for a thread that ends (a job's), so
    /// that connections do not pile up. The next database() on this thread opens a new one.
    void releaseDatabase();
    const BlobStore &blobs() const { return m_blobs; }
    const UrlSigner &urlSigner() const { return *m_signer; }
    /// The DICOM de-identification jobs of this workspace (in memory, thread-safe).
    DeidJobs &deidJobs() const { return *m_deidJobs; }
    /// The CVAT import jobs of this workspace (thread-safe; states kept in the database).
    CvatImportJobs &cvatImportJobs() const { return *m_cvatImportJobs; }

private:
    explicit Workspace(QString dataDir);

    QString m_dataDir;
    BlobStore m_blobs;
    std::unique_ptr<UrlSigner> m_signer;
    std::unique_ptr<DeidJobs> m_deidJobs;
    std::unique_ptr<CvatImportJobs> m_cvatImportJobs;
    std::mutex m_mutex;
    std::unordered_map<std::thread::id, std::unique_ptr<SqliteDatabase>> m_connections;
};

} // namespace Encord::Server
