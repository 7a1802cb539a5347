#pragma once

#include "wireenum.h"

#include <QString>

// The enums of the Encord wire protocol (spec section 4) and their wire spellings. Each enum ends
// in Unknown: fromWire<E>() returns it for any value it does not recognise, and WireEnum<E> keeps
// the original value so records write it back unchanged. toWire() gives the canonical spelling:
// an int for int enums, a QString for string enums.

namespace Encord {

/// Where a dataset's files live (int on the wire, §4.1). 4 was called OTC in legacy SDKs.
enum class StorageLocation {
    CordStorage = 0,
    Aws = 1,
    Gcp = 2,
    Azure = 3,
    S3Compatible = 4,
    Unknown,
};
int toWire(StorageLocation location);
/// The string form used by v1 `dataset_type`: "CORD_STORAGE", "AWS_S3", "GCP_STR", "AZURE_STR",
/// "S3_COMPATIBLE_STR". fromWire<StorageLocation> accepts these, legacy "OTC_STR" and the ints.
QString toWireString(StorageLocation location);
template<>
StorageLocation fromWire<StorageLocation>(const QJsonValue &wire);

/// The caller's role on a dataset: v1 int 0/1, v2 "admin"/"user" (both accepted on read).
enum class DatasetUserRole {
    Admin = 0,
    User = 1,
    Unknown,
};
int toWire(DatasetUserRole role);
QString toV2Wire(DatasetUserRole role);
template<>
DatasetUserRole fromWire<DatasetUserRole>(const QJsonValue &wire);

/// The caller's role on a project (int 0..4, §4.2).
enum class ProjectUserRole {
    Admin = 0,
    Annotator = 1,
    Reviewer = 2,
    AnnotatorReviewer = 3,
    TeamManager = 4,
    Unknown,
};
int toWire(ProjectUserRole role);
template<>
ProjectUserRole fromWire<ProjectUserRole>(const QJsonValue &wire);

/// The caller's role on an ontology (int 0/1, both API versions).
enum class OntologyUserRole {
    Admin = 0,
    User = 1,
    Unknown,
};
int toWire(OntologyUserRole role);
template<>
OntologyUserRole fromWire<OntologyUserRole>(const QJsonValue &wire);

/// v2 project status ("notStarted", …). InReview needs SDK 0.1.189+ (§4.2).
enum class ProjectStatus {
    NotStarted,
    InProgress,
    InReview,
    Paused,
    Completed,
    Cancelled,
    Archived,
    Unknown,
};
QString toWire(ProjectStatus status);
template<>
ProjectStatus fromWire<ProjectStatus>(const QJsonValue &wire);

/// v2 project type: "workflow" or "manual_qa".
enum class ProjectType {
    Workflow,
    ManualQa,
    Unknown,
};
QString toWire(ProjectType type);
template<>
ProjectType fromWire<ProjectType>(const QJsonValue &wire);

/// The QA workflow chosen at project creation: "manual" or "benchmark".
enum class ProjectWorkflowType {
    Manual,
    Benchmark,
    Unknown,
};
QString toWire(ProjectWorkflowType type);
template<>
ProjectWorkflowType fromWire<ProjectWorkflowType>(const QJsonValue &wire);

/// Stage kinds of a workflow project ("ANNOTATION", …).
enum class WorkflowStageType {
    Annotation,
    Review,
    UserRouter,
    PercentageRouter,
    ConsensusAnnotation,
    ConsensusReview,
    Done,
    Agent,
    Unknown,
};
QString toWire(WorkflowStageType type);
template<>
WorkflowStageType fromWire<WorkflowStageType>(const QJsonValue &wire);

/// Kind of a storage item (camelCase strings, §4.6). Newer kinds break older SDKs.
enum class StorageItemType {
    Video,
    Image,
    ImageGroup,
    ImageSequence,
    DicomFile,
    DicomSeries,
    Audio,
    Nifti,
    PlainText,
    Pdf,
    Group,
    Scene,
    Unknown,
};
QString toWire(StorageItemType type);
template<>
StorageItemType fromWire<StorageItemType>(const QJsonValue &wire);

/// Where a storage item lives ("encord", "gcp", …). S3Compatible needs SDK 0.1.129+.
enum class StorageLocationName {
    Encord,
    Gcp,
    S3,
    Azure,
    OpenTelekom,
    DirectAccess,
    S3Compatible,
    Unknown,
};
QString toWire(StorageLocationName name);
template<>
StorageLocationName fromWire<StorageLocationName>(const QJsonValue &wire);

/// The caller's role on a storage folder or item: "user" or "admin".
enum class StorageUserRole {
    User,
    Admin,
    Unknown,
};
QString toWire(StorageUserRole role);
template<>
StorageUserRole fromWire<StorageUserRole>(const QJsonValue &wire);

/// Sort key of storage folder listings: "name" or "createdAt".
enum class FoldersSortBy {
    Name,
    CreatedAt,
    Unknown,
};
QString toWire(FoldersSortBy sortBy);
template<>
FoldersSortBy fromWire<FoldersSortBy>(const QJsonValue &wire);

/// Kind of a v1 data row, upper case on the wire ("VIDEO", "IMG_GROUP", …).
enum class DataType {
    Video,
    ImageGroup,
    Dicom,
    Image,
    DicomStudy,
    Nifti,
    Audio,
    PlainText,
    Pdf,
    Group,
    Scene,
    Unknown,
};
QString toWire(DataType type);
template<>
DataType fromWire<DataType>(const QJsonValue &wire);

/// How imported CVAT labels enter review: "unlabelled", "labelled" (SDK default), "reviewed".
enum class ReviewMode {
    Unlabelled,
    Labelled,
    Reviewed,
    Unknown,
};
QString toWire(ReviewMode mode);
template<>
ReviewMode fromWire<ReviewMode>(const QJsonValue &wire);

/// Kind of CVAT export: "project" or "task".
enum class CvatExportType {
    Project,
    Task,
    Unknown,
};
QString toWire(CvatExportType type);
template<>
CvatExportType fromWire<CvatExportType>(const QJsonValue &wire);

/// Pixel text redaction of DICOM de-identification. v1 spells "REDACT_ALL_TEXT", v2
/// "redactAllText"; both are accepted on read. toWire() gives the v2 spelling.
enum class DeidentifyRedactTextMode {
    RedactAllText,
    RedactNoText,
    RedactSensitiveText,
    Unknown,
};
QString toWire(DeidentifyRedactTextMode mode);
QString toV1Wire(DeidentifyRedactTextMode mode);
QString toV2Wire(DeidentifyRedactTextMode mode);
template<>
DeidentifyRedactTextMode fromWire<DeidentifyRedactTextMode>(const QJsonValue &wire);

/// Kind of a save condition of DICOM de-identification: v1 "IN"/"NOT_SUBSTR", v2
/// "in"/"notSubstr" (both accepted on read; toWire() gives v2).
enum class DeidentifyConditionType {
    In,
    NotSubstr,
    Unknown,
};
QString toWire(DeidentifyConditionType type);
QString toV1Wire(DeidentifyConditionType type);
QString toV2Wire(DeidentifyConditionType type);
template<>
DeidentifyConditionType fromWire<DeidentifyConditionType>(const QJsonValue &wire);

/// Value type of a client metadata key (§4.10): "number", "string", …, "long_string".
enum class ClientMetadataSchemaType {
    Number,
    String,
    Boolean,
    DateTime,
    Geospatial,
    Enum,
    Embedding,
    LongString,
    Unknown,
};
QString toWire(ClientMetadataSchemaType type);
template<>
ClientMetadataSchemaType fromWire<ClientMetadataSchemaType>(const QJsonValue &wire);

/// Geometry of an ontology object ("bounding_box", …). Newer shapes break older SDKs (§4.4).
enum class Shape {
    BoundingBox,
    Polygon,
    Point,
    Skeleton,
    Polyline,
    RotatableBoundingBox,
    Bitmask,
    Audio,
    Text,
    Cuboid,
    Cuboid2d,
    Segmentation,
    Unknown,
};
QString toWire(Shape shape);
template<>
Shape fromWire<Shape>(const QJsonValue &wire);

/// Kind of an ontology attribute: "radio", "checklist", "text", "numeric" (0.1.174+).
enum class AttributeType {
    Radio,
    Checklist,
    Text,
    Numeric,
    Unknown,
};
QString toWire(AttributeType type);
template<>
AttributeType fromWire<AttributeType>(const QJsonValue &wire);

/// Level of an ontology classification; only "global" exists (0.1.181+).
enum class ClassificationLevel {
    Global,
    Unknown,
};
QString toWire(ClassificationLevel level);
template<>
ClassificationLevel fromWire<ClassificationLevel>(const QJsonValue &wire);

/// Scope of a legacy dataset API key: "dataset.read", "dataset.write".
enum class DatasetScope {
    Read,
    Write,
    Unknown,
};
QString toWire(DatasetScope scope);
template<>
DatasetScope fromWire<DatasetScope>(const QJsonValue &wire);

/// Scope of a legacy project API key (APIKeyScopes): "label.read", … "algo.library".
enum class ApiKeyScope {
    LabelRead,
    LabelWrite,
    ModelInference,
    ModelTrain,
    LabelLogsRead,
    AlgoLibrary,
    Unknown,
};
QString toWire(ApiKeyScope scope);
template<>
ApiKeyScope fromWire<ApiKeyScope>(const QJsonValue &wire);

/// State of a storage data-upload job: "PENDING", "DONE", "ERROR", "CANCELLED".
enum class UploadJobStatus {
    Pending,
    Done,
    Error,
    Cancelled,
    Unknown,
};
QString toWire(UploadJobStatus status);
template<>
UploadJobStatus fromWire<UploadJobStatus>(const QJsonValue &wire);

/// State of a long-polled job (CVAT import, DICOM de-identification): "PENDING", "DONE", "ERROR".
enum class LongPollStatus {
    Pending,
    Done,
    Error,
    Unknown,
};
QString toWire(LongPollStatus status);
template<>
LongPollStatus fromWire<LongPollStatus>(const QJsonValue &wire);

} // namespace Encord
