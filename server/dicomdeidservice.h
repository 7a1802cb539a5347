#pragma once

#include "deidjobs.h"
#include "deidoptions.h"
#include "deidrunner.h"
#include "userstore.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Encord {
struct DeidentifyRequest;
}

namespace Encord::Server {

class Workspace;

/// DICOM de-identification for the v1 (synchronous) and v2 (job) routes.
///
/// Sources are file:// URLs inside the request's local-folder integration, or storage items
/// (by UUID or object key) the caller can see. A file's copy goes next to it, or into
/// uploadDir (a file:// URL, an absolute path or a path relative to the integration's root,
/// created when missing) — always inside the integration's root; nothing is read or written
/// outside it. A storage item kept in the workspace's blob store gets its copy as a new item
/// in the same folder, and its URL is that item's object key. Names: deid_<timestamp>_<name>.
/// The files themselves are processed by encord-deid-worker processes.
class DicomDeidService
{
public:
    DicomDeidService(Workspace &workspace, UserRecord user);

    /// A validated request, ready to run.
    struct Plan
    {
        struct Source
        {
            QString url; ///< as the caller gave it
            QString localPath;
            QString outputFolder; ///< empty for blob-backed items (a temporary folder is used)
            QString outputName;
            std::optional<QString> blobFolder; ///< storage folder receiving a blob item's copy
            QString itemType;
        };
        Dicom::DeidOptions options;
        QList<Source> sources;
    };

    /// Checks the integration, every URL, uploadDir, the mode and the conditions. Throws
    /// RequestError (404 for an unknown integration or item, 400 for anything else).
    Plan prepare(const DeidentifyRequest &request) const;
    /// Runs the plan to the end (or until @p cancelled says so).
    DeidJobOutcome run(const Plan &plan, const std::function<bool()> &cancelled = {}) const;

private:
    QString uploadFolder(const QString &root, const QString &uploadDir) const;
    QString importBlob(const Plan::Source &source, const QString &file) const;

    Workspace &m_workspace;
    UserRecord m_user;
};

} // namespace Encord::Server
