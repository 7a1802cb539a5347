#pragma once

#include <QJsonObject>

namespace Encord {

/// Options of v1 `dataset` GET, sent as `{"dataset_access_settings": {…}}` (spec §4.1).
struct DatasetAccessSettings
{
    /// Ask the server to fill `client_metadata` in the data rows.
    bool fetchClientMetadata = false;
    QJsonObject extra; ///< keys this type does not know

    static DatasetAccessSettings fromJson(const QJsonObject &json);
    /// {"fetch_client_metadata": bool}
    QJsonObject toJson() const;

    bool operator==(const DatasetAccessSettings &) const = default;
};

} // namespace Encord
