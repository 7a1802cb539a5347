#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Encord {

/// A legacy dataset API key (v1 `datasetapikey`, SDK ≤ 0.1.145; spec §4.1).
struct DatasetApiKey
{
    QString datasetHash; ///< `resource_hash` on the wire
    QString apiKey;
    QString title;
    QString keyHash;
    QList<WireEnum<DatasetScope>> scopes;
    QJsonObject extra; ///< keys this type does not know

    /// Reads `resource_hash` (or `dataset_hash`); `scopes` as a list or as a JSON text of one.
    static DatasetApiKey fromJson(const QJsonObject &json);
    /// {"resource_hash", "api_key", "title", "key_hash", "scopes": [...]}
    QJsonObject toJson() const;

    bool operator==(const DatasetApiKey &) const = default;
};

} // namespace Encord
