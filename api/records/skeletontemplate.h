#pragma once

#include "skeletontemplatecoordinate.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace Encord {

/// A skeleton template of an ontology (spec §4.4); objects of shape "skeleton" refer to it by
/// name. Legacy SDKs wrote `skeleton_edges` / `feature_hash` and no `shape`; both spellings are
/// read, the current one is written.
struct SkeletonTemplate
{
    QString name;
    double width = 0.0;
    double height = 0.0;
    QMap<QString, SkeletonTemplateCoordinate> skeleton; ///< keyed by vertex index ("0", "1", …)
    /// {"<from>": {"<to>": {"color": "#RRGGBB"}}}, kept as JSON.
    QJsonObject skeletonEdges;
    std::optional<QString> featureNodeHash; ///< key `feature_node_hash` in both generations
    QString shape = QStringLiteral("skeleton");
    QJsonObject extra; ///< keys this type does not know

    static SkeletonTemplate fromJson(const QJsonObject &json);
    /// name, width, height, skeleton, skeletonEdges, shape, and feature_node_hash when set.
    QJsonObject toJson() const;

    /// The colour of the edge from → to; empty when there is none.
    QString edgeColor(const QString &from, const QString &to) const;

    bool operator==(const SkeletonTemplate &) const = default;
};

} // namespace Encord
