#include "cvatshape.h"

#include <array>

namespace Encord::Cvat {

namespace {

struct KindName
{
    CvatShape::Kind kind;
    const char *name;
};

constexpr std::array<KindName, 9> kKindNames{{
    {CvatShape::Kind::Box, "box"},
    {CvatShape::Kind::Polygon, "polygon"},
    {CvatShape::Kind::Polyline, "polyline"},
    {CvatShape::Kind::Points, "points"},
    {CvatShape::Kind::Ellipse, "ellipse"},
    {CvatShape::Kind::Cuboid, "cuboid"},
    {CvatShape::Kind::Mask, "mask"},
    {CvatShape::Kind::Skeleton, "skeleton"},
    {CvatShape::Kind::Tag, "tag"},
}};

} // namespace

QString CvatShape::elementName(Kind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return QLatin1String(entry.name);
    }
    return {};
}

std::optional<CvatShape::Kind> CvatShape::kindFromElement(QByteArrayView name)
{
    for (const KindName &entry : kKindNames) {
        if (name == QByteArrayView(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

std::optional<QString> CvatShape::attribute(const QString &name) const
{
    for (const auto &[key, value] : attributes) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

} // namespace Encord::Cvat
