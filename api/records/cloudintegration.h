#pragma once

#include <QJsonObject>
#include <QString>

namespace Encord {

/// A cloud storage integration (spec §4.5): v1 {"id", "title"}, v2 {"integrationUuid", "title"}.
struct CloudIntegration
{
    QString id; ///< the integration's UUID in v2
    QString title;
    QJsonObject extra; ///< keys this type does not know

    /// Reads `id`, `integrationUuid` or `integration_uuid`.
    static CloudIntegration fromJson(const QJsonObject &json);
    /// {"id", "title"}
    QJsonObject toV1Json() const;
    /// {"integrationUuid", "title"}
    QJsonObject toV2Json() const;

    bool operator==(const CloudIntegration &) const = default;
};

} // namespace Encord
