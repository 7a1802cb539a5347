#include "cvatproblem.h"

#include <QStringList>

#include <array>

namespace Encord::Cvat {

namespace {

struct KindInfo
{
    CvatProblem::Kind kind;
    const char *name;
    CvatProblem::Severity severity;
};

using S = CvatProblem::Severity;
using K = CvatProblem::Kind;

constexpr std::array<KindInfo, 26> kKinds{{
    {K::MalformedXml, "malformed_xml", S::Error},
    {K::ForbiddenDtd, "forbidden_dtd", S::Error},
    {K::NotCvat, "not_cvat", S::Error},
    {K::VideoExport, "video_export", S::Error},
    {K::EmptyExport, "empty_export", S::Warning},
    {K::MissingVersion, "missing_version", S::Warning},
    {K::UnexpectedVersion, "unexpected_version", S::Warning},
    {K::MissingMeta, "missing_meta", S::Info},
    {K::UnsafeImageName, "unsafe_image_name", S::Error},
    {K::DuplicateImage, "duplicate_image", S::Error},
    {K::MissingImage, "missing_image", S::Warning},
    {K::ExtraImage, "extra_image", S::Info},
    {K::ImageFoundByBasename, "image_found_by_basename", S::Warning},
    {K::MissingImageSize, "missing_image_size", S::Warning},
    {K::UnknownShape, "unknown_shape", S::Warning},
    {K::InvalidGeometry, "invalid_geometry", S::Warning},
    {K::DegeneratePolygon, "degenerate_polygon", S::Warning},
    {K::DegeneratePolyline, "degenerate_polyline", S::Warning},
    {K::OutsideImage, "outside_image", S::Info},
    {K::BadRle, "bad_rle", S::Warning},
    {K::UndeclaredLabel, "undeclared_label", S::Warning},
    {K::EmptyLabel, "empty_label", S::Warning},
    {K::UndeclaredAttribute, "undeclared_attribute", S::Warning},
    {K::AttributeValueNotInSpec, "attribute_value_not_in_spec", S::Warning},
    {K::UnsupportedShape, "unsupported_shape", S::Warning},
    {K::SkeletonNodeUnknown, "skeleton_node_unknown", S::Warning},
}};

} // namespace

QString CvatProblem::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QString CvatProblem::kindName(Kind kind)
{
    for (const KindInfo &info : kKinds) {
        if (info.kind == kind)
            return QLatin1String(info.name);
    }
    return {};
}

CvatProblem::Severity CvatProblem::defaultSeverity(Kind kind)
{
    for (const KindInfo &info : kKinds) {
        if (info.kind == kind)
            return info.severity;
    }
    return Severity::Warning;
}

QString CvatProblem::toText() const
{
    QStringList parts{severityName(severity)};
    if (line > 0)
        parts.append(column > 0 ? QStringLiteral("line %1, column %2").arg(line).arg(column)
                                : QStringLiteral("line %1").arg(line));
    if (!imageName.isEmpty())
        parts.append(imageName);
    parts.append(message);
    return parts.join(QStringLiteral(": "));
}

} // namespace Encord::Cvat
