#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// One ancestor in a storage folder's `pathToRoot` (spec §4.6).
struct PathElement
{
    QString uuid;
    std::optional<QString> parentUuid; ///< null at the top level
    QString name;
    std::optional<QString> syncedDatasetHash;
    QJsonObject extra; ///< keys this type does not know

    static PathElement fromJson(const QJsonObject &json);
    /// {"uuid", "parentUuid", "name", "syncedDatasetHash"}, nullable keys always present.
    QJsonObject toJson() const;

    bool operator==(const PathElement &) const = default;
};

} // namespace Encord
