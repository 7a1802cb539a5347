#include "v1format.h"

#include "apikeystore.h"
#include "datasetstore.h"
#include "labelrowstore.h"
#include "ontologystore.h"
#include "projectstore.h"
#include "timeformat.h"
#include "userstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Encord::Server {

namespace {

template<typename T>
QJsonValue orNull(const std::optional<T> &value)
{
    if (!value)
        return QJsonValue::Null;
    return QJsonValue(*value);
}

} // namespace

QString V1Format::storageTypeName(int storageType)
{
    switch (storageType) {
    case 1:
        return QStringLiteral("AWS_S3");
    case 2:
        return QStringLiteral("GCP_STR");
    case 3:
        return QStringLiteral("AZURE_STR");
    case 4:
        return QStringLiteral("OTC_STR");
    default:
        return QStringLiteral("CORD_STORAGE");
    }
}

QJsonObject V1Format::editorObject(const QByteArray &editor)
{
    return QJsonDocument::fromJson(editor).object();
}

QJsonObject V1Format::dataset(const DatasetRecord &dataset,
                              const QList<DataRowRecord> &rows,
                              bool withClientMetadata)
{
    QJsonArray dataRows;
    for (const DataRowRecord &row : rows) {
        QJsonObject object{
            {QStringLiteral("data_hash"), row.hash},
            {QStringLiteral("data_title"), row.title},
            {QStringLiteral("data_type"), row.dataType},
            {QStringLiteral("created_at"), TimeFormat::v1(row.createdAt)},
            {QStringLiteral("last_edited_at"), TimeFormat::v1(row.lastEditedAt)},
            {QStringLiteral("width"), orNull(row.width)},
            {QStringLiteral("height"), orNull(row.height)},
            {QStringLiteral("file_link"), orNull(row.fileLink)},
            {QStringLiteral("file_size"), orNull(row.fileSize)},
            {QStringLiteral("file_type"), orNull(row.fileType)},
            {QStringLiteral("storage_location"), dataset.storageType},
            {QStringLiteral("frames_per_second"), QJsonValue::Null},
            {QStringLiteral("duration"), QJsonValue::Null},
            {QStringLiteral("backing_item_uuid"), orNull(row.itemUuid)},
            {QStringLiteral("images_data"), QJsonValue::Null},
            {QStringLiteral("is_optimised_image_group"), QJsonValue::Null},
        };
        if (withClientMetadata) {
            object.insert(QStringLiteral("client_metadata"),
                          row.clientMetadata ? QJsonValue(
                              QJsonDocument::fromJson(row.clientMetadata->toUtf8()).object())
                                             : QJsonValue::Null);
        }
        dataRows.append(object);
    }
    return {
        {QStringLiteral("dataset_hash"), dataset.hash},
        {QStringLiteral("title"), dataset.title},
        {QStringLiteral("description"), dataset.description},
        {QStringLiteral("dataset_type"), storageTypeName(dataset.storageType)},
        {QStringLiteral("backing_folder_uuid"), orNull(dataset.backingFolder)},
        {QStringLiteral("data_rows"), dataRows},
    };
}

QJsonObject V1Format::datasetInfo(const DatasetRecord &dataset)
{
    return {
        {QStringLiteral("dataset_hash"), dataset.hash},
        {QStringLiteral("user_hash"), UserStore::userHash(dataset.creatorEmail)},
        {QStringLiteral("title"), dataset.title},
        {QStringLiteral("description"), dataset.description},
        {QStringLiteral("type"), dataset.storageType},
        {QStringLiteral("created_at"), TimeFormat::v1(dataset.createdAt)},
        {QStringLiteral("last_edited_at"), TimeFormat::v1(dataset.lastEditedAt)},
        {QStringLiteral("backing_folder_uuid"), orNull(dataset.backingFolder)},
    };
}

QJsonObject V1Format::createDatasetResponse(const DatasetRecord &dataset, const QString &userHash)
{
    return {
        {QStringLiteral("title"), dataset.title},
        {QStringLiteral("type"), dataset.storageType},
        {QStringLiteral("dataset_hash"), dataset.hash},
        {QStringLiteral("user_hash"), userHash},
        {QStringLiteral("backing_folder_uuid"), orNull(dataset.backingFolder)},
    };
}

QJsonObject V1Format::project(const ProjectRecord &project,
                              const QJsonObject &editor,
                              const QList<DatasetRecord> &datasets)
{
    QJsonArray datasetArray;
    for (const DatasetRecord &dataset : datasets) {
        datasetArray.append(QJsonObject{
            {QStringLiteral("dataset_hash"), dataset.hash},
            {QStringLiteral("title"), dataset.title},
            {QStringLiteral("description"), dataset.description},
            {QStringLiteral("dataset_type"), storageTypeName(dataset.storageType)},
        });
    }
    QJsonObject object{
        {QStringLiteral("project_hash"), project.hash},
        {QStringLiteral("title"), project.title},
        {QStringLiteral("description"), project.description},
        {QStringLiteral("created_at"), TimeFormat::v1(project.createdAt)},
        {QStringLiteral("last_edited_at"), TimeFormat::v1(project.lastEditedAt)},
        {QStringLiteral("editor_ontology"), editor},
        {QStringLiteral("datasets"), datasetArray},
        {QStringLiteral("label_rows"), QJsonArray()},
        {QStringLiteral("ontology_hash"), project.ontologyHash},
        {QStringLiteral("source_projects"), QJsonArray::fromStringList(project.sourceProjects)},
    };
    // The dict-ORM drops values of the wrong type; a null would read as a missing string.
    if (project.workflowManagerUuid)
        object.insert(QStringLiteral("workflow_manager_uuid"), *project.workflowManagerUuid);
    return object;
}

QJsonObject V1Format::ontology(const OntologyRecord &ontology)
{
    return {
        {QStringLiteral("title"), ontology.title},
        {QStringLiteral("description"), ontology.description},
        {QStringLiteral("ontology_hash"), ontology.hash},
        {QStringLiteral("editor"), editorObject(ontology.editor)},
        {QStringLiteral("created_at"), TimeFormat::v1(ontology.createdAt)},
        {QStringLiteral("last_edited_at"), TimeFormat::v1(ontology.lastEditedAt)},
    };
}

QJsonObject V1Format::datasetApiKey(const ApiKeyRecord &key)
{
    return {
        {QStringLiteral("resource_hash"), key.resource},
        {QStringLiteral("api_key"), key.apiKey},
        {QStringLiteral("title"), key.title},
        {QStringLiteral("key_hash"), key.keyHash},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(key.scopes)},
    };
}

QJsonObject V1Format::projectApiKey(const ApiKeyRecord &key)
{
    return {
        {QStringLiteral("api_key"), key.apiKey},
        {QStringLiteral("title"), key.title},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(key.scopes)},
    };
}

QJsonObject V1Format::labelRowMetadata(const DatasetRecord &dataset,
                                       const DataRowRecord &data,
                                       const LabelRowRecord *label)
{
    const QJsonValue null(QJsonValue::Null);
    const auto optionalNumber = [&null](const std::optional<qint64> &value) {
        return value ? QJsonValue(*value) : null;
    };
    return QJsonObject{
        {QStringLiteral("label_hash"), label ? QJsonValue(label->hash) : null},
        {QStringLiteral("created_at"), label ? QJsonValue(TimeFormat::v1(label->createdAt)) : null},
        {QStringLiteral("last_edited_at"),
         label ? QJsonValue(TimeFormat::v1(label->lastEditedAt)) : null},
        {QStringLiteral("branch_name"), QStringLiteral("main")},
        {QStringLiteral("data_hash"), data.hash},
        {QStringLiteral("dataset_hash"), dataset.hash},
        {QStringLiteral("dataset_title"), dataset.title},
        {QStringLiteral("data_title"), data.title},
        {QStringLiteral("data_type"), data.dataType},
        {QStringLiteral("data_link"), data.fileLink ? QJsonValue(*data.fileLink) : null},
        {QStringLiteral("file_type"), data.fileType ? QJsonValue(*data.fileType) : null},
        {QStringLiteral("label_status"), label ? label->status : QStringLiteral("NOT_LABELLED")},
        {QStringLiteral("annotation_task_status"), null},
        {QStringLiteral("workflow_graph_node"), null},
        {QStringLiteral("is_shadow_data"), false},
        {QStringLiteral("number_of_frames"), 1},
        {QStringLiteral("width"), optionalNumber(data.width)},
        {QStringLiteral("height"), optionalNumber(data.height)},
        {QStringLiteral("spaces"), QJsonObject()},
        {QStringLiteral("is_valid"), true},
        {QStringLiteral("backing_item_uuid"), data.itemUuid ? QJsonValue(*data.itemUuid) : null},
        // Not in the SDK's dataclass (it ignores unknown keys): the counts the desktop lists.
        {QStringLiteral("object_count"), label ? label->objectCount : 0},
        {QStringLiteral("classification_count"), label ? label->classificationCount : 0}};
}

} // namespace Encord::Server
