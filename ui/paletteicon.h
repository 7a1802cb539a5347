#pragma once

#include <QIcon>

class QPalette;

namespace Encord {

/// Recolours a monochrome line icon (our bundled SVGs) to the palette: the window text colour
/// when shown normally, the highlighted-text colour on a selected row. A grey icon on a blue
/// selection, or on a dark theme, reads poorly; theme icons from the desktop are used as they
/// are, since the theme already drew them for its own colours.
class PaletteIcon final
{
public:
    static QIcon make(const QIcon &source, const QPalette &palette);

    /// The colour a selected row's icon gets, for tests.
    static QColor selectedColor(const QPalette &palette);
};

} // namespace Encord
