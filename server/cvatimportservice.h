#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Encord::Server {

class Workspace;
struct UserRecord;

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
/// per image, all in one transaction: an import that fails leaves nothing behind but the
/// dataset the client created beforehand.
///
/// The annotations are streamed twice (survey, then conversion), so memory stays
/// proportional to the largest image's annotations, not to the file.
class CvatImportService
{
public:
    CvatImportService(Workspace &workspace, const UserRecord &user);

    CvatImportOutcome run(const CvatImportRequest &request);

    /// "project" or "task" for the legacy export type check (v1 projectimportercvatinfo);
    /// an empty string and @p error set when the XML is not a CVAT for images export.
    static QString exportType(const QByteArray &annotationsXml, QString *error);

private:
    Workspace &m_workspace;
    const UserRecord &m_user;
};

} // namespace Encord::Server
