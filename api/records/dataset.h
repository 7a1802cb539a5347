#pragma once

#include "datarow.h"
#include "enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Encord {

/// A dataset with its data rows: the answer of v1 `dataset` GET (spec §4.1, `Dataset.from_dict`).
/// Only a v1 form exists.
struct Dataset
{
    QString datasetHash;
    QString title;
    QString description;
    /// `dataset_type`, written in its string form ("CORD_STORAGE", "AWS_S3", …).
    WireEnum<StorageLocation> datasetType = StorageLocation::CordStorage;
    std::optional<QString> backingFolderUuid; ///< the storage folder this dataset mirrors
    QList<DataRow> dataRows;
    QJsonObject extra; ///< keys this type does not know

    /// Reads snake_case or camelCase keys; `dataset_type` as string form or int.
    static Dataset fromJson(const QJsonObject &json);
    /// The v1 object: dataset_hash, title, description, dataset_type, data_rows, and
    /// backing_folder_uuid when set.
    QJsonObject toJson() const;

    bool operator==(const Dataset &) const = default;
};

} // namespace Encord
