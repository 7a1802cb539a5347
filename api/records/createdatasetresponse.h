#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// The answer to dataset creation (spec §4.1, §3.4). v1 `dataset` POST returns
/// {"title", "type", "dataset_hash", "user_hash", "backing_folder_uuid"}; v2 `POST datasets`
/// returns only {"datasetUuid", "backingFolderUuid"}.
struct CreateDatasetResponse
{
    QString title;
    WireEnum<StorageLocation> type = StorageLocation::CordStorage;
    QString datasetHash;
    QString userHash;
    std::optional<QString> backingFolderUuid; ///< set for a "mirror" dataset
    QJsonObject extra;                        ///< keys this type does not know

    /// Reads either form; `datasetUuid` is accepted for `dataset_hash`.
    static CreateDatasetResponse fromJson(const QJsonObject &json);
    /// Completes a v2 answer with what the caller asked for, as SDK 0.1.190 does: the user hash
    /// becomes withdrawnUserHash().
    static CreateDatasetResponse fromV2Json(const QJsonObject &json,
                                            const QString &title,
                                            StorageLocation type);
    /// The text SDK 0.1.190 puts in `user_hash` when it synthesises a v1 answer.
    static QString withdrawnUserHash();

    /// The v1 object with all five keys (backing_folder_uuid null when unset).
    QJsonObject toV1Json() const;
    /// {"datasetUuid", "backingFolderUuid"} (null when unset).
    QJsonObject toV2Json() const;

    bool operator==(const CreateDatasetResponse &) const = default;
};

} // namespace Encord
