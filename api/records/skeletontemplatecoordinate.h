#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// One named vertex of a skeleton template (spec §4.4, SkeletonTemplateCoordinate).
struct SkeletonTemplateCoordinate
{
    double x = 0.0;
    double y = 0.0;
    QString name;
    QString color = QStringLiteral("#00000"); ///< the SDK's default, five digits as written there
    QString value;
    std::optional<QString> featureHash;
    QJsonObject extra; ///< keys this type does not know

    /// Reads `featureHash` or legacy `feature_hash`.
    static SkeletonTemplateCoordinate fromJson(const QJsonObject &json);
    /// x, y, name, color, value, and featureHash when set (nulls are left out, as the SDK does).
    QJsonObject toJson() const;

    bool operator==(const SkeletonTemplateCoordinate &) const = default;
};

} // namespace Encord
