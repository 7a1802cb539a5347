#pragma once

#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QPointF>
#include <QString>

#include <optional>

namespace Encord::Cvat {

/// One annotation on an image (spec cvat-format §4.1, §4.2), in pixel coordinates with the
/// origin at the image's top-left corner.
struct CvatShape
{
    enum class Kind {
        Box,
        Polygon,
        Polyline,
        Points,
        Ellipse,
        Cuboid,
        Mask,
        Skeleton,
        Tag,
    };

    /// A skeleton node: a <points> child of a <skeleton>.
    struct Node
    {
        QString label; ///< node name, scoped to the skeleton's label
        QPointF point;
        bool outside = false; ///< the node is absent on this instance
        bool occluded = false;
        QList<QPair<QString, QString>> attributes;

        bool operator==(const Node &) const = default;
    };

    Kind kind = Kind::Box;
    QString label;
    QString source; ///< opaque ("manual", "auto", "file", …); empty when absent
    bool occluded = false;
    int zOrder = 0;
    int groupId = 0;     ///< 0: no group
    double rotation = 0; ///< degrees; boxes and ellipses only

    /// Box: top-left then bottom-right corner. Polygon/polyline/points: the points in order.
    /// Ellipse: the centre. Cuboid: xtl1,ybl1… as eight corners in the order of the XML
    /// attributes (tl1, bl1, tr1, br1, tl2, bl2, tr2, br2).
    QList<QPointF> points;
    /// Ellipse: the two semi-axes (rx, ry).
    QPointF radii;

    /// Mask: the bounding rectangle and the runs over it (row-major, background first).
    int maskLeft = 0;
    int maskTop = 0;
    int maskWidth = 0;
    int maskHeight = 0;
    QList<quint32> rle;

    /// Skeleton: its nodes, in file order.
    QList<Node> nodes;

    /// <attribute name="…">value</attribute> children, in file order.
    QList<QPair<QString, QString>> attributes;
    /// Line of the element in annotations.xml.
    qint64 line = 0;

    /// The XML element name of @p kind ("box", "polygon", …).
    static QString elementName(Kind kind);
    /// The kind of XML element @p name; nullopt for anything that is not a shape.
    static std::optional<Kind> kindFromElement(QByteArrayView name);

    /// The value of attribute @p name, or nullopt.
    std::optional<QString> attribute(const QString &name) const;

    bool operator==(const CvatShape &) const = default;
};

} // namespace Encord::Cvat
