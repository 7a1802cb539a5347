#include "enums.h"

#include <QLatin1StringView>

#include <cstddef>

namespace Encord {

namespace {

template<typename E>
struct Spelling
{
    E value;
    const char *wire;
};

template<typename E, std::size_t N>
QString spell(const Spelling<E> (&table)[N], E value)
{
    for (const Spelling<E> &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.wire);
    }
    return QString();
}

template<typename E, std::size_t N>
E parse(const Spelling<E> (&table)[N], const QJsonValue &wire)
{
    if (!wire.isString())
        return E::Unknown;
    const QString text = wire.toString();
    for (const Spelling<E> &entry : table) {
        if (text == QLatin1StringView(entry.wire))
            return entry.value;
    }
    return E::Unknown;
}

// Int enums are numbered 0..Unknown-1 on the wire; anything else (including 1.5 or "1") is
// unknown.
template<typename E>
E parseInt(const QJsonValue &wire)
{
    if (!wire.isDouble())
        return E::Unknown;
    const int number = wire.toInt(-1);
    if (number < 0 || number >= static_cast<int>(E::Unknown))
        return E::Unknown;
    return static_cast<E>(number);
}

template<typename E>
int intWire(E value)
{
    return value == E::Unknown ? -1 : static_cast<int>(value);
}

const Spelling<StorageLocation> storageLocationStrings[] = {
    {StorageLocation::CordStorage, "CORD_STORAGE"},
    {StorageLocation::Aws, "AWS_S3"},
    {StorageLocation::Gcp, "GCP_STR"},
    {StorageLocation::Azure, "AZURE_STR"},
    {StorageLocation::S3Compatible, "S3_COMPATIBLE_STR"},
    // Legacy SDKs named location 4 "OTC"; read only.
    {StorageLocation::S3Compatible, "OTC_STR"},
};

const Spelling<DatasetUserRole> datasetUserRoleStrings[] = {
    {DatasetUserRole::Admin, "admin"},
    {DatasetUserRole::User, "user"},
};

const Spelling<ProjectStatus> projectStatuses[] = {
    {ProjectStatus::NotStarted, "notStarted"},
    {ProjectStatus::InProgress, "inProgress"},
    {ProjectStatus::InReview, "inReview"},
    {ProjectStatus::Paused, "paused"},
    {ProjectStatus::Completed, "completed"},
    {ProjectStatus::Cancelled, "cancelled"},
    {ProjectStatus::Archived, "archived"},
};

const Spelling<ProjectType> projectTypes[] = {
    {ProjectType::Workflow, "workflow"},
    {ProjectType::ManualQa, "manual_qa"},
};

const Spelling<ProjectWorkflowType> projectWorkflowTypes[] = {
    {ProjectWorkflowType::Manual, "manual"},
    {ProjectWorkflowType::Benchmark, "benchmark"},
};

const Spelling<WorkflowStageType> workflowStageTypes[] = {
    {WorkflowStageType::Annotation, "ANNOTATION"},
    {WorkflowStageType::Review, "REVIEW"},
    {WorkflowStageType::UserRouter, "USER_ROUTER"},
    {WorkflowStageType::PercentageRouter, "PERCENTAGE_ROUTER"},
    {WorkflowStageType::ConsensusAnnotation, "CONSENSUS_ANNOTATION"},
    {WorkflowStageType::ConsensusReview, "CONSENSUS_REVIEW"},
    {WorkflowStageType::Done, "DONE"},
    {WorkflowStageType::Agent, "AGENT"},
};

const Spelling<StorageItemType> storageItemTypes[] = {
    {StorageItemType::Video, "video"},
    {StorageItemType::Image, "image"},
    {StorageItemType::ImageGroup, "imageGroup"},
    {StorageItemType::ImageSequence, "imageSequence"},
    {StorageItemType::DicomFile, "dicomFile"},
    {StorageItemType::DicomSeries, "dicomSeries"},
    {StorageItemType::Audio, "audio"},
    {StorageItemType::Nifti, "nifti"},
    {StorageItemType::PlainText, "plainText"},
    {StorageItemType::Pdf, "pdf"},
    {StorageItemType::Group, "group"},
    {StorageItemType::Scene, "scene"},
};

const Spelling<StorageLocationName> storageLocationNames[] = {
    {StorageLocationName::Encord, "encord"},
    {StorageLocationName::Gcp, "gcp"},
    {StorageLocationName::S3, "s3"},
    {StorageLocationName::Azure, "azure"},
    {StorageLocationName::OpenTelekom, "openTelekom"},
    {StorageLocationName::DirectAccess, "directAccess"},
    {StorageLocationName::S3Compatible, "s3Compatible"},
};

const Spelling<StorageUserRole> storageUserRoles[] = {
    {StorageUserRole::User, "user"},
    {StorageUserRole::Admin, "admin"},
};

const Spelling<FoldersSortBy> foldersSortKeys[] = {
    {FoldersSortBy::Name, "name"},
    {FoldersSortBy::CreatedAt, "createdAt"},
};

const Spelling<DataType> dataTypes[] = {
    {DataType::Video, "VIDEO"},
    {DataType::ImageGroup, "IMG_GROUP"},
    {DataType::Dicom, "DICOM"},
    {DataType::Image, "IMAGE"},
    {DataType::DicomStudy, "DICOM_STUDY"},
    {DataType::Nifti, "NIFTI"},
    {DataType::Audio, "AUDIO"},
    {DataType::PlainText, "PLAIN_TEXT"},
    {DataType::Pdf, "PDF"},
    {DataType::Group, "GROUP"},
    {DataType::Scene, "SCENE"},
};

const Spelling<ReviewMode> reviewModes[] = {
    {ReviewMode::Unlabelled, "unlabelled"},
    {ReviewMode::Labelled, "labelled"},
    {ReviewMode::Reviewed, "reviewed"},
};

const Spelling<CvatExportType> cvatExportTypes[] = {
    {CvatExportType::Project, "project"},
    {CvatExportType::Task, "task"},
};

const Spelling<DeidentifyRedactTextMode> redactModesV1[] = {
    {DeidentifyRedactTextMode::RedactAllText, "REDACT_ALL_TEXT"},
    {DeidentifyRedactTextMode::RedactNoText, "REDACT_NO_TEXT"},
    {DeidentifyRedactTextMode::RedactSensitiveText, "REDACT_SENSITIVE_TEXT"},
};

const Spelling<DeidentifyRedactTextMode> redactModesV2[] = {
    {DeidentifyRedactTextMode::RedactAllText, "redactAllText"},
    {DeidentifyRedactTextMode::RedactNoText, "redactNoText"},
    {DeidentifyRedactTextMode::RedactSensitiveText, "redactSensitiveText"},
};

const Spelling<DeidentifyConditionType> conditionTypesV1[] = {
    {DeidentifyConditionType::In, "IN"},
    {DeidentifyConditionType::NotSubstr, "NOT_SUBSTR"},
};

const Spelling<DeidentifyConditionType> conditionTypesV2[] = {
    {DeidentifyConditionType::In, "in"},
    {DeidentifyConditionType::NotSubstr, "notSubstr"},
};

const Spelling<ClientMetadataSchemaType> metadataTypes[] = {
    {ClientMetadataSchemaType::Number, "number"},
    {ClientMetadataSchemaType::String, "string"},
    {ClientMetadataSchemaType::Boolean, "boolean"},
    {ClientMetadataSchemaType::DateTime, "datetime"},
    {ClientMetadataSchemaType::Geospatial, "geospatial"},
    {ClientMetadataSchemaType::Enum, "enum"},
    {ClientMetadataSchemaType::Embedding, "embedding"},
    {ClientMetadataSchemaType::LongString, "long_string"},
};

const Spelling<Shape> shapes[] = {
    {Shape::BoundingBox, "bounding_box"},
    {Shape::Polygon, "polygon"},
    {Shape::Point, "point"},
    {Shape::Skeleton, "skeleton"},
    {Shape::Polyline, "polyline"},
    {Shape::RotatableBoundingBox, "rotatable_bounding_box"},
    {Shape::Bitmask, "bitmask"},
    {Shape::Audio, "audio"},
    {Shape::Text, "text"},
    {Shape::Cuboid, "cuboid"},
    {Shape::Cuboid2d, "cuboid_2d"},
    {Shape::Segmentation, "segmentation"},
};

const Spelling<AttributeType> attributeTypes[] = {
    {AttributeType::Radio, "radio"},
    {AttributeType::Checklist, "checklist"},
    {AttributeType::Text, "text"},
    {AttributeType::Numeric, "numeric"},
};

const Spelling<ClassificationLevel> classificationLevels[] = {
    {ClassificationLevel::Global, "global"},
};

const Spelling<DatasetScope> datasetScopes[] = {
    {DatasetScope::Read, "dataset.read"},
    {DatasetScope::Write, "dataset.write"},
};

const Spelling<ApiKeyScope> apiKeyScopes[] = {
    {ApiKeyScope::LabelRead, "label.read"},
    {ApiKeyScope::LabelWrite, "label.write"},
    {ApiKeyScope::ModelInference, "model.inference"},
    {ApiKeyScope::ModelTrain, "model.train"},
    {ApiKeyScope::LabelLogsRead, "label_logs.read"},
    {ApiKeyScope::AlgoLibrary, "algo.library"},
};

const Spelling<UploadJobStatus> uploadJobStatuses[] = {
    {UploadJobStatus::Pending, "PENDING"},
    {UploadJobStatus::Done, "DONE"},
    {UploadJobStatus::Error, "ERROR"},
    {UploadJobStatus::Cancelled, "CANCELLED"},
};

const Spelling<LongPollStatus> longPollStatuses[] = {
    {LongPollStatus::Pending, "PENDING"},
    {LongPollStatus::Done, "DONE"},
    {LongPollStatus::Error, "ERROR"},
};

} // namespace

int toWire(StorageLocation location)
{
    return intWire(location);
}

QString toWireString(StorageLocation location)
{
    return spell(storageLocationStrings, location);
}

template<>
StorageLocation fromWire<StorageLocation>(const QJsonValue &wire)
{
    return wire.isString() ? parse(storageLocationStrings, wire) : parseInt<StorageLocation>(wire);
}

int toWire(DatasetUserRole role)
{
    return intWire(role);
}

QString toV2Wire(DatasetUserRole role)
{
    return spell(datasetUserRoleStrings, role);
}

template<>
DatasetUserRole fromWire<DatasetUserRole>(const QJsonValue &wire)
{
    return wire.isString() ? parse(datasetUserRoleStrings, wire) : parseInt<DatasetUserRole>(wire);
}

int toWire(ProjectUserRole role)
{
    return intWire(role);
}

template<>
ProjectUserRole fromWire<ProjectUserRole>(const QJsonValue &wire)
{
    return parseInt<ProjectUserRole>(wire);
}

int toWire(OntologyUserRole role)
{
    return intWire(role);
}

template<>
OntologyUserRole fromWire<OntologyUserRole>(const QJsonValue &wire)
{
    return parseInt<OntologyUserRole>(wire);
}

QString toWire(ProjectStatus status)
{
    return spell(projectStatuses, status);
}

template<>
ProjectStatus fromWire<ProjectStatus>(const QJsonValue &wire)
{
    return parse(projectStatuses, wire);
}

QString toWire(ProjectType type)
{
    return spell(projectTypes, type);
}

template<>
ProjectType fromWire<ProjectType>(const QJsonValue &wire)
{
    return parse(projectTypes, wire);
}

QString toWire(ProjectWorkflowType type)
{
    return spell(projectWorkflowTypes, type);
}

template<>
ProjectWorkflowType fromWire<ProjectWorkflowType>(const QJsonValue &wire)
{
    return parse(projectWorkflowTypes, wire);
}

QString toWire(WorkflowStageType type)
{
    return spell(workflowStageTypes, type);
}

template<>
WorkflowStageType fromWire<WorkflowStageType>(const QJsonValue &wire)
{
    return parse(workflowStageTypes, wire);
}

QString toWire(StorageItemType type)
{
    return spell(storageItemTypes, type);
}

template<>
StorageItemType fromWire<StorageItemType>(const QJsonValue &wire)
{
    return parse(storageItemTypes, wire);
}

QString toWire(StorageLocationName name)
{
    return spell(storageLocationNames, name);
}

template<>
StorageLocationName fromWire<StorageLocationName>(const QJsonValue &wire)
{
    return parse(storageLocationNames, wire);
}

QString toWire(StorageUserRole role)
{
    return spell(storageUserRoles, role);
}

template<>
StorageUserRole fromWire<StorageUserRole>(const QJsonValue &wire)
{
    return parse(storageUserRoles, wire);
}

QString toWire(FoldersSortBy sortBy)
{
    return spell(foldersSortKeys, sortBy);
}

template<>
FoldersSortBy fromWire<FoldersSortBy>(const QJsonValue &wire)
{
    return parse(foldersSortKeys, wire);
}

QString toWire(DataType type)
{
    return spell(dataTypes, type);
}

template<>
DataType fromWire<DataType>(const QJsonValue &wire)
{
    return parse(dataTypes, wire);
}

QString toWire(ReviewMode mode)
{
    return spell(reviewModes, mode);
}

template<>
ReviewMode fromWire<ReviewMode>(const QJsonValue &wire)
{
    return parse(reviewModes, wire);
}

QString toWire(CvatExportType type)
{
    return spell(cvatExportTypes, type);
}

template<>
CvatExportType fromWire<CvatExportType>(const QJsonValue &wire)
{
    return parse(cvatExportTypes, wire);
}

QString toWire(DeidentifyRedactTextMode mode)
{
    return toV2Wire(mode);
}

QString toV1Wire(DeidentifyRedactTextMode mode)
{
    return spell(redactModesV1, mode);
}

QString toV2Wire(DeidentifyRedactTextMode mode)
{
    return spell(redactModesV2, mode);
}

template<>
DeidentifyRedactTextMode fromWire<DeidentifyRedactTextMode>(const QJsonValue &wire)
{
    const DeidentifyRedactTextMode mode = parse(redactModesV2, wire);
    return mode != DeidentifyRedactTextMode::Unknown ? mode : parse(redactModesV1, wire);
}

QString toWire(DeidentifyConditionType type)
{
    return toV2Wire(type);
}

QString toV1Wire(DeidentifyConditionType type)
{
    return spell(conditionTypesV1, type);
}

QString toV2Wire(DeidentifyConditionType type)
{
    return spell(conditionTypesV2, type);
}

template<>
DeidentifyConditionType fromWire<DeidentifyConditionType>(const QJsonValue &wire)
{
    const DeidentifyConditionType type = parse(conditionTypesV2, wire);
    return type != DeidentifyConditionType::Unknown ? type : parse(conditionTypesV1, wire);
}

QString toWire(ClientMetadataSchemaType type)
{
    return spell(metadataTypes, type);
}

template<>
ClientMetadataSchemaType fromWire<ClientMetadataSchemaType>(const QJsonValue &wire)
{
    return parse(metadataTypes, wire);
}

QString toWire(Shape shape)
{
    return spell(shapes, shape);
}

template<>
Shape fromWire<Shape>(const QJsonValue &wire)
{
    return parse(shapes, wire);
}

QString toWire(AttributeType type)
{
    return spell(attributeTypes, type);
}

template<>
AttributeType fromWire<AttributeType>(const QJsonValue &wire)
{
    return parse(attributeTypes, wire);
}

QString toWire(ClassificationLevel level)
{
    return spell(classificationLevels, level);
}

template<>
ClassificationLevel fromWire<ClassificationLevel>(const QJsonValue &wire)
{
    return parse(classificationLevels, wire);
}

QString toWire(DatasetScope scope)
{
    return spell(datasetScopes, scope);
}

template<>
DatasetScope fromWire<DatasetScope>(const QJsonValue &wire)
{
    return parse(datasetScopes, wire);
}

QString toWire(ApiKeyScope scope)
{
    return spell(apiKeyScopes, scope);
}

template<>
ApiKeyScope fromWire<ApiKeyScope>(const QJsonValue &wire)
{
    return parse(apiKeyScopes, wire);
}

QString toWire(UploadJobStatus status)
{
    return spell(uploadJobStatuses, status);
}

template<>
UploadJobStatus fromWire<UploadJobStatus>(const QJsonValue &wire)
{
    return parse(uploadJobStatuses, wire);
}

QString toWire(LongPollStatus status)
{
    return spell(longPollStatuses, status);
}

template<>
LongPollStatus fromWire<LongPollStatus>(const QJsonValue &wire)
{
    return parse(longPollStatuses, wire);
}

} // namespace Encord
