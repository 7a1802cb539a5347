#pragma once

#include "enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// One dataset of a listing, with the caller's role (spec §4.1, §4.8).
///
/// Legacy v1 `datasetwithuserrole` element: {"user_role": int, "dataset": DatasetInfo} where
/// DatasetInfo is a frozen dataclass in the SDK, so its keys are exact: dataset_hash, user_hash,
/// title, description, type, created_at, last_edited_at and optionally backing_folder_uuid.
/// v2 `datasets/list` element (DatasetWithUserRole): datasetUuid, title, description, createdAt,
/// lastEditedAt, userRole ("admin"|"user"|null), storageLocation (int|null), backingFolderUuid.
struct DatasetSummary
{
    QString datasetHash;
    QString userHash; ///< v1 only
    QString title;
    QString description;
    /// v1 `type` / v2 `storageLocation`; nullopt when v2 sent null.
    std::optional<WireEnum<StorageLocation>> storageLocation;
    QDateTime createdAt;
    QDateTime lastEditedAt;
    std::optional<QString> backingFolderUuid;
    /// nullopt when the dataset is visible only through organisation access (v2 null).
    std::optional<WireEnum<DatasetUserRole>> userRole;
    /// Unknown keys of the dataset object (v1) or of the element (v2). Never written into the
    /// exact-key v1 form.
    QJsonObject extra;

    /// Reads the legacy element (detected by its "dataset" object), a bare DatasetInfo, or the
    /// v2 element, in either key spelling.
    static DatasetSummary fromJson(const QJsonObject &json);

    /// The legacy element with exactly {"user_role", "dataset"} and exact DatasetInfo keys
    /// (backing_folder_uuid only when set). A missing role is written as 1 (user) and a missing
    /// storage location as 0, since the dataclass needs ints. Dates "YYYY-MM-DD HH:MM:SS" UTC.
    QJsonObject toV1Json() const;
    /// The v2 element with all eight keys (nullable ones as null), ISO dates.
    QJsonObject toV2Json() const;

    bool operator==(const DatasetSummary &) const = default;
};

} // namespace Encord
