#include "editoricons.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QStyle>

#include <functional>

namespace Encord::EditorIcons {

namespace {

/// A 16×16 icon (drawn at twice the size for high-density screens) painted by @p draw on a
/// 16-unit canvas with the given ink: the window text colour, and a faded one for the disabled
/// state (the generated disabled look barely differs for thin dark lines).
QIcon painted(const std::function<void(QPainter &, const QColor &)> &draw)
{
    QIcon icon;
    const QPalette palette = QApplication::palette();
    const std::pair<QIcon::Mode, QColor> modes[] = {
        {QIcon::Normal, palette.color(QPalette::Active, QPalette::WindowText)},
        {QIcon::Disabled, palette.color(QPalette::Disabled, QPalette::WindowText)},
    };
    for (const auto &[mode, ink] : modes) {
        QPixmap pixmap(32, 32);
        pixmap.setDevicePixelRatio(2.0);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        if (mode == QIcon::Disabled)
            painter.setOpacity(0.45);
        draw(painter, ink);
        painter.end();
        icon.addPixmap(pixmap, mode);
    }
    return icon;
}

QIcon themed(const char *name, const std::function<QIcon()> &fallback)
{
    const QString themeName = QLatin1String(name);
    return QIcon::hasThemeIcon(themeName) ? QIcon::fromTheme(themeName) : fallback();
}

QIcon standard(QStyle::StandardPixmap pixmap)
{
    return QApplication::style()->standardIcon(pixmap);
}

} // namespace

QIcon add()
{
    return themed("list-add", [] {
        return painted([](QPainter &painter, const QColor &) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(46, 139, 87));
            painter.drawEllipse(QRectF(1, 1, 14, 14));
            painter.setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(8, 4.5), QPointF(8, 11.5));
            painter.drawLine(QPointF(4.5, 8), QPointF(11.5, 8));
        });
    });
}

QIcon duplicate()
{
    return themed("edit-copy", [] {
        return painted([](QPainter &painter, const QColor &ink) {
            painter.setPen(QPen(ink, 1.2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(QRectF(1.5, 1.5, 9, 9), 1.5, 1.5);
            painter.setBrush(QApplication::palette().color(QPalette::Base));
            painter.drawRoundedRect(QRectF(5.5, 5.5, 9, 9), 1.5, 1.5);
        });
    });
}

QIcon remove()
{
    return themed("edit-delete", [] { return standard(QStyle::SP_TrashIcon); });
}

namespace {

QIcon verticalArrow(bool down)
{
    return painted([down](QPainter &painter, const QColor &ink) {
        if (down) {
            painter.translate(0, 16);
            painter.scale(1, -1);
        }
        painter.setPen(QPen(ink, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawLine(QPointF(8, 3), QPointF(8, 13));
        painter.drawLine(QPointF(8, 3), QPointF(4, 7));
        painter.drawLine(QPointF(8, 3), QPointF(12, 7));
    });
}

} // namespace

QIcon moveUp()
{
    return themed("go-up", [] { return verticalArrow(false); });
}

QIcon moveDown()
{
    return themed("go-down", [] { return verticalArrow(true); });
}

namespace {

QIcon curvedArrow(bool mirrored)
{
    return painted([mirrored](QPainter &painter, const QColor &ink) {
        if (mirrored) {
            painter.translate(16, 0);
            painter.scale(-1, 1);
        }
        painter.setPen(QPen(ink, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        QPainterPath arc;
        arc.moveTo(4, 6);
        arc.lineTo(10, 6);
        arc.cubicTo(15, 6, 15, 13, 10, 13);
        arc.lineTo(6, 13);
        painter.drawPath(arc);
        painter.drawLine(QPointF(4, 6), QPointF(7, 3));
        painter.drawLine(QPointF(4, 6), QPointF(7, 9));
    });
}

} // namespace

QIcon undo()
{
    return themed("edit-undo", [] { return curvedArrow(false); });
}

QIcon redo()
{
    return themed("edit-redo", [] { return curvedArrow(true); });
}

QIcon import()
{
    return themed("document-open", [] { return standard(QStyle::SP_DialogOpenButton); });
}

QIcon exportFile()
{
    return themed("document-save-as", [] { return standard(QStyle::SP_DialogSaveButton); });
}

} // namespace Encord::EditorIcons
