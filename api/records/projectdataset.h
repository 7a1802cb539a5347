#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// A dataset attached to a project (spec §4.2, §3.4): an entry of the v1 project's `datasets`
/// list ({dataset_hash, title, description, dataset_type, …}) or an element of v2
/// `GET projects/{h}/datasets` ({"datasetHash", "title", "description"}).
struct ProjectDataset
{
    QString datasetHash;
    QString title;
    QString description;
    std::optional<WireEnum<StorageLocation>> datasetType; ///< v1 entries only, string form
    QJsonObject extra;                                    ///< keys this type does not know

    static ProjectDataset fromJson(const QJsonObject &json);
    /// dataset_hash, title, description, and dataset_type when set.
    QJsonObject toV1Json() const;
    /// {"datasetHash", "title", "description"}
    QJsonObject toV2Json() const;

    bool operator==(const ProjectDataset &) const = default;
};

} // namespace Encord
