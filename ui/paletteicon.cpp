#include "paletteicon.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace Encord {

namespace {

QPixmap tinted(const QIcon &source, int side, const QColor &color)
{
    QPixmap pixmap = source.pixmap(QSize(side, side));
    if (pixmap.isNull())
        return pixmap;
    QPainter painter(&pixmap);
    // Keep the icon's shape (its alpha) and replace every colour in it.
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(pixmap.rect(), color);
    return pixmap;
}

} // namespace

QColor PaletteIcon::selectedColor(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::HighlightedText);
}

QIcon PaletteIcon::make(const QIcon &source, const QPalette &palette)
{
    QColor normal = palette.color(QPalette::Active, QPalette::WindowText);
    normal.setAlphaF(0.75f); // a little softer than text, as icons usually are
    QIcon icon;
    // The sizes the navigation, toolbars and menus ask for, at 1x and 2x for HiDPI screens.
    for (int side : {16, 20, 24, 32, 40, 48}) {
        icon.addPixmap(tinted(source, side, normal), QIcon::Normal);
        icon.addPixmap(tinted(source, side, selectedColor(palette)), QIcon::Selected);
    }
    return icon;
}

} // namespace Encord
