#pragma once

#include <QJsonObject>
#include <QList>

namespace Encord::Server {

struct DatasetRecord;
struct FolderRecord;
struct ItemRecord;
struct OntologyRecord;
struct ProjectRecord;

/// The v2 shapes of spec §4: camelCase keys, every listed key present (nullable as null),
/// ISO-8601 dates with a "+00:00" offset.
class V2Format
{
public:
    /// ProjectDTO.
    static QJsonObject project(const ProjectRecord &project, const QJsonObject &editor);
    /// OntologyWithUserRole.
    static QJsonObject ontology(const OntologyRecord &ontology);
    /// DatasetWithUserRole (datasets/list element).
    static QJsonObject dataset(const DatasetRecord &dataset);
    /// StorageFolder, with @p pathToRoot from the parent up to the root.
    static QJsonObject folder(const FolderRecord &folder, const QList<FolderRecord> &pathToRoot);
    /// StorageItem; @p signedUrl empty = not requested (null).
    static QJsonObject item(const ItemRecord &item, const QString &signedUrl);
};

} // namespace Encord::Server
