#pragma once

#include <QList>
#include <QString>

#include <cstdint>

namespace Encord::Dicom {

/// One attribute that tag redaction keeps. A range of elements (lastElement > element) keeps a
/// whole run such as the palette descriptors.
struct KeptAttribute
{
    std::uint16_t group = 0;
    std::uint16_t element = 0;
    std::uint16_t lastElement = 0;
    const char *keyword = "";
    /// Why the attribute is kept: part of the Encord keep-list, or needed to read the image.
    const char *reason = "";
    bool encordKeepList = false; ///< one of the 12 tags the Encord service keeps
};

/// The set of attributes that survive tag redaction: the 12 tags of the Encord keep-list plus
/// the structural attributes without which no viewer can read the pixels. Everything else is
/// removed, at every depth. The file meta group (0002) is not listed: it is regenerated.
class KeptAttributes
{
public:
    /// The one table, in tag order.
    static const QList<KeptAttribute> &all();
    /// True when (group, element) is in the kept set. O(n) over a few dozen entries.
    static bool contains(std::uint16_t group, std::uint16_t element);
    /// The entry for (group, element), or nullptr.
    static const KeptAttribute *find(std::uint16_t group, std::uint16_t element);
};

} // namespace Encord::Dicom
