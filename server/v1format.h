#pragma once

#include <QJsonObject>
#include <QList>

namespace Encord::Server {

struct ApiKeyRecord;
struct DataRowRecord;
struct DatasetRecord;
struct LabelRowRecord;
struct OntologyRecord;
struct ProjectRecord;

/// The v1 shapes of spec §4 (snake_case keys, "YYYY-MM-DD HH:MM:SS" dates). Where the SDK
/// builds a dataclass from an object, exactly the dataclass's keys are emitted.
class V1Format
{
public:
    /// "CORD_STORAGE", "AWS_S3", … for a StorageLocation integer.
    static QString storageTypeName(int storageType);
    /// The ontology structure stored as text, as a JSON object (empty object if damaged).
    static QJsonObject editorObject(const QByteArray &editor);

    /// Dataset (v1 "dataset" GET).
    static QJsonObject dataset(const DatasetRecord &dataset,
                               const QList<DataRowRecord> &rows,
                               bool withClientMetadata);
    /// DatasetInfo: exactly dataset_hash, user_hash, title, description, type, created_at,
    /// last_edited_at, backing_folder_uuid.
    static QJsonObject datasetInfo(const DatasetRecord &dataset);
    /// CreateDatasetResponse.
    static QJsonObject createDatasetResponse(const DatasetRecord &dataset, const QString &userHash);
    /// Project dict-ORM; @p datasets are the project's datasets.
    static QJsonObject project(const ProjectRecord &project,
                               const QJsonObject &editor,
                               const QList<DatasetRecord> &datasets);
    /// LabelRowMetadata of data row @p data of @p dataset; @p label is null for a data row
    /// with no label row yet (label_hash null, NOT_LABELLED).
    static QJsonObject labelRowMetadata(const DatasetRecord &dataset,
                                        const DataRowRecord &data,
                                        const LabelRowRecord *label);
    /// Ontology: title, description, ontology_hash, editor, created_at, last_edited_at.
    static QJsonObject ontology(const OntologyRecord &ontology);
    /// DatasetAPIKey: resource_hash, api_key, title, key_hash, scopes.
    static QJsonObject datasetApiKey(const ApiKeyRecord &key);
    /// ProjectAPIKey: exactly api_key, title, scopes.
    static QJsonObject projectApiKey(const ApiKeyRecord &key);
};

} // namespace Encord::Server
