#include "colorbutton.h"

#include <QColorDialog>
#include <QPainter>
#include <QPixmap>

namespace Encord {

ColorButton::ColorButton(QWidget *parent)
    : QPushButton(parent)
{
    setAccessibleName(tr("Colour"));
    setToolTip(tr("Choose the colour annotators see for this object"));
    connect(this, &QPushButton::clicked, this, &ColorButton::pick);
}

void ColorButton::setColor(const QColor &color)
{
    m_color = color;
    const int side = fontMetrics().height();
    QPixmap swatch(side * 2, side);
    swatch.fill(Qt::transparent);
    QPainter painter(&swatch);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(color.isValid() ? color : QColor(Qt::transparent));
    painter.drawRoundedRect(QRectF(swatch.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    painter.end();
    setIcon(QIcon(swatch));
    setIconSize(swatch.size());
    setText(color.isValid() ? color.name(QColor::HexRgb).toUpper() : QString());
}

void ColorButton::pick()
{
    const QColor chosen = QColorDialog::getColor(m_color, this, tr("Object Colour"));
    if (!chosen.isValid() || chosen == m_color)
        return;
    setColor(chosen);
    Q_EMIT colorPicked(chosen);
}

} // namespace Encord
