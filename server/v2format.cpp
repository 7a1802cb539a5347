#include "v2format.h"

#include "datasetstore.h"
#include "folderstore.h"
#include "itemstore.h"
#include "ontologystore.h"
#include "projectstore.h"
#include "timeformat.h"
#include "v1format.h"

#include <QJsonArray>

namespace Encord::Server {

namespace {

template<typename T>
QJsonValue orNull(const std::optional<T> &value)
{
    if (!value)
        return QJsonValue::Null;
    return QJsonValue(*value);
}

QString storageRole(const std::optional<int> &role)
{
    return role.value_or(0) == 0 ? QStringLiteral("admin") : QStringLiteral("user");
}

} // namespace

QJsonObject V2Format::project(const ProjectRecord &project, const QJsonObject &editor)
{
    return {
        {QStringLiteral("projectHash"), project.hash},
        {QStringLiteral("projectType"),
         project.workflowTemplateId ? QStringLiteral("workflow") : QStringLiteral("manual_qa")},
        {QStringLiteral("status"), project.status},
        {QStringLiteral("title"), project.title},
        {QStringLiteral("description"), project.description},
        {QStringLiteral("createdAt"), TimeFormat::v2(project.createdAt)},
        {QStringLiteral("lastEditedAt"), TimeFormat::v2(project.lastEditedAt)},
        {QStringLiteral("ontologyHash"), project.ontologyHash},
        {QStringLiteral("editorOntology"), editor},
        {QStringLiteral("userRole"), orNull(project.role)},
        {QStringLiteral("sourceProjects"),
         project.sourceProjects.isEmpty()
             ? QJsonValue(QJsonValue::Null)
             : QJsonValue(QJsonArray::fromStringList(project.sourceProjects))},
        {QStringLiteral("workflowManagerUuid"), orNull(project.workflowManagerUuid)},
        {QStringLiteral("workflow"), QJsonValue::Null},
    };
}

QJsonObject V2Format::ontology(const OntologyRecord &ontology)
{
    return {
        {QStringLiteral("ontologyUuid"), ontology.hash},
        {QStringLiteral("title"), ontology.title},
        {QStringLiteral("description"), ontology.description},
        {QStringLiteral("editor"), V1Format::editorObject(ontology.editor)},
        {QStringLiteral("createdAt"), TimeFormat::v2(ontology.createdAt)},
        {QStringLiteral("lastEditedAt"), TimeFormat::v2(ontology.lastEditedAt)},
        {QStringLiteral("userRole"), orNull(ontology.role)},
    };
}

QJsonObject V2Format::dataset(const DatasetRecord &dataset)
{
    QJsonValue role = QJsonValue::Null;
    if (dataset.role)
        role = *dataset.role == 0 ? QStringLiteral("admin") : QStringLiteral("user");
    return {
        {QStringLiteral("datasetUuid"), dataset.hash},
        {QStringLiteral("title"), dataset.title},
        {QStringLiteral("description"), dataset.description},
        {QStringLiteral("createdAt"), TimeFormat::v2(dataset.createdAt)},
        {QStringLiteral("lastEditedAt"), TimeFormat::v2(dataset.lastEditedAt)},
        {QStringLiteral("userRole"), role},
        {QStringLiteral("storageLocation"), dataset.storageType},
        {QStringLiteral("backingFolderUuid"), orNull(dataset.backingFolder)},
    };
}

QJsonObject V2Format::folder(const FolderRecord &folder, const QList<FolderRecord> &pathToRoot)
{
    QJsonArray path;
    for (const FolderRecord &element : pathToRoot) {
        path.append(QJsonObject{
            {QStringLiteral("uuid"), element.uuid},
            {QStringLiteral("parentUuid"), orNull(element.parent)},
            {QStringLiteral("name"), element.name},
            {QStringLiteral("syncedDatasetHash"), orNull(element.syncedDataset)},
        });
    }
    return {
        {QStringLiteral("uuid"), folder.uuid},
        {QStringLiteral("parent"), orNull(folder.parent)},
        {QStringLiteral("name"), folder.name},
        {QStringLiteral("description"), folder.description},
        {QStringLiteral("clientMetadata"), orNull(folder.clientMetadata)},
        {QStringLiteral("owner"), folder.ownerEmail},
        {QStringLiteral("createdAt"), TimeFormat::v2(folder.createdAt)},
        {QStringLiteral("lastEditedAt"), TimeFormat::v2(folder.lastEditedAt)},
        {QStringLiteral("userRole"), storageRole(folder.role)},
        {QStringLiteral("syncedDatasetHash"), orNull(folder.syncedDataset)},
        {QStringLiteral("pathToRoot"), path},
    };
}

QJsonObject V2Format::item(const ItemRecord &item, const QString &signedUrl)
{
    return {
        {QStringLiteral("uuid"), item.uuid},
        {QStringLiteral("parent"), item.folder},
        {QStringLiteral("itemType"), item.itemType},
        {QStringLiteral("name"), item.name},
        {QStringLiteral("description"), item.description},
        {QStringLiteral("clientMetadata"), item.clientMetadata},
        {QStringLiteral("owner"), item.ownerEmail},
        {QStringLiteral("createdAt"), TimeFormat::v2(item.createdAt)},
        {QStringLiteral("lastEditedAt"), TimeFormat::v2(item.lastEditedAt)},
        {QStringLiteral("isTombstone"), false},
        {QStringLiteral("isPlaceholder"), item.isPlaceholder},
        {QStringLiteral("backedDataUnitsCount"), item.backedDataUnits},
        {QStringLiteral("storageLocation"),
         item.integration ? QStringLiteral("directAccess") : QStringLiteral("encord")},
        {QStringLiteral("integrationHash"), orNull(item.integration)},
        {QStringLiteral("url"), orNull(item.url)},
        {QStringLiteral("signedUrl"),
         signedUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(signedUrl)},
        {QStringLiteral("fileSize"), orNull(item.fileSize)},
        {QStringLiteral("mimeType"), orNull(item.mimeType)},
        {QStringLiteral("duration"), QJsonValue::Null},
        {QStringLiteral("fps"), QJsonValue::Null},
        {QStringLiteral("height"), orNull(item.height)},
        {QStringLiteral("width"), orNull(item.width)},
        {QStringLiteral("dicomInstanceUid"), QJsonValue::Null},
        {QStringLiteral("dicomStudyUid"), QJsonValue::Null},
        {QStringLiteral("dicomSeriesUid"), QJsonValue::Null},
        {QStringLiteral("frameCount"), QJsonValue::Null},
        {QStringLiteral("audioSampleRate"), QJsonValue::Null},
        {QStringLiteral("audioBitDepth"), QJsonValue::Null},
        {QStringLiteral("audioNumChannels"), QJsonValue::Null},
        {QStringLiteral("audioCodec"), QJsonValue::Null},
    };
}

} // namespace Encord::Server
