#pragma once

#include <QString>

namespace Encord::Cvat {

/// Rules for the relative paths an export names (image names, archive entries).
class CvatPaths
{
public:
    /// True when @p path is relative and stays below its base: not empty, no leading '/' or
    /// '\', no drive letter, no ".." component, no NUL.
    static bool isSafeRelative(const QString &path);
    /// @p path with '\' turned into '/', "." components and repeated separators removed.
    /// Only meaningful for paths isSafeRelative() accepts.
    static QString normalised(const QString &path);
    /// The file name part of @p path (after the last '/').
    static QString fileName(const QString &path);
    /// @p name without its last suffix ("x.rgb.jpg" → "x.rgb"; "frame_000001" unchanged), as
    /// CVAT's own matcher compares names.
    static QString withoutLastSuffix(const QString &name);
};

} // namespace Encord::Cvat
