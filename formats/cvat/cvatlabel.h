#pragma once

#include "cvatattributespec.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace Encord::Cvat {

/// A label of the export (spec cvat-format §3.5), declared in <meta> or found on a shape.
struct CvatLabel
{
    QString name;
    QString color; ///< "#rrggbb", empty in old exports
    /// "any", "rectangle", "polygon", … or empty (old exports). Advisory only.
    QString type;
    QList<CvatAttributeSpec> attributes;
    /// Skeleton point sub-labels: the skeleton label's name; empty otherwise.
    QString parent;
    /// Skeleton labels: the node names in the order the <svg> lists them.
    QStringList skeletonNodes;
    /// Skeleton labels: where the <svg> draws each node (CVAT's template canvas units).
    QList<QPointF> skeletonNodePositions;
    /// Skeleton labels: edges between nodes, as pairs of indexes into skeletonNodes.
    QList<QPair<int, int>> skeletonEdges;
    /// False for labels used by shapes but missing from <labels>.
    bool declared = true;

    /// The spec of attribute @p name, or nullptr.
    const CvatAttributeSpec *attribute(const QString &name) const;
    /// Reads the node order and the edges from the skeleton's escaped SVG text.
    void parseSkeletonSvg(const QString &svg);

    bool operator==(const CvatLabel &) const = default;
};

} // namespace Encord::Cvat
