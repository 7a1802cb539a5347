#pragma once

#include <QString>

namespace Encord::Cvat {

/// One thing about an export that the import cannot carry over as it is. Errors stop the
/// import; warnings and infos are shown and the import goes on.
struct CvatProblem
{
    enum class Severity {
        Error,
        Warning,
        Info,
    };
    enum class Kind {
        MalformedXml,         ///< error: the XML cannot be read; line and column are set
        ForbiddenDtd,         ///< error: DTDs and entity declarations are refused
        NotCvat,              ///< error: the root is not <annotations>
        VideoExport,          ///< error: "CVAT for video 1.1" (tracks) is not imported
        EmptyExport,          ///< warning: no images and no tracks
        MissingVersion,       ///< warning: no <version>, read as 1.1
        UnexpectedVersion,    ///< warning: a version other than 1.1
        MissingMeta,          ///< info: no <meta>, labels come from the shapes
        UnsafeImageName,      ///< error: the name is absolute or climbs out with ".."
        DuplicateImage,       ///< error: the same (subset, name) twice
        MissingImage,         ///< warning: no file for an <image>
        ExtraImage,           ///< info: a file under images/ that no <image> names
        ImageFoundByBasename, ///< warning: found elsewhere under images/ by its file name only
        MissingImageSize,     ///< warning: <image> without width/height
        UnknownShape,         ///< warning: an element inside <image> that is no known shape
        InvalidGeometry,      ///< warning: unreadable or missing coordinates; the shape is dropped
        DegeneratePolygon,    ///< warning: fewer than 3 points; dropped
        DegeneratePolyline,   ///< warning: fewer than 2 points; dropped
        OutsideImage,         ///< info: coordinates beyond the image (legal in CVAT)
        BadRle,               ///< warning: a mask whose runs do not cover its rectangle
        UndeclaredLabel,      ///< warning: a label used by a shape but not declared
        EmptyLabel,           ///< warning: a shape with label=""
        UndeclaredAttribute,  ///< warning: an attribute the label does not declare; kept
        AttributeValueNotInSpec, ///< warning: a value outside the attribute's spec; kept
        UnsupportedShape,        ///< warning: a shape the target cannot hold (e.g. cuboids)
        SkeletonNodeUnknown,     ///< warning: a skeleton node the skeleton label does not declare
    };

    Severity severity = Severity::Warning;
    Kind kind = Kind::MalformedXml;
    QString message;   ///< one translated sentence
    QString imageName; ///< empty when the problem is not about one image
    qint64 line = 0;   ///< 0: not about a place in annotations.xml
    qint64 column = 0;

    /// "error", "warning" or "info".
    static QString severityName(Severity severity);
    /// A stable identifier of @p kind ("missing_image", …), used as the issue type.
    static QString kindName(Kind kind);
    /// The severity @p kind has unless the caller decides otherwise.
    static Severity defaultSeverity(Kind kind);

    /// "warning: line 12: img.jpg: message".
    QString toText() const;

    bool operator==(const CvatProblem &) const = default;
};

} // namespace Encord::Cvat
