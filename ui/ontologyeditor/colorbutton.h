#pragma once

#include <QColor>
#include <QPushButton>

namespace Encord {

/// A button that shows a colour as a swatch with its "#RRGGBB" name and lets the user pick
/// another one with QColorDialog.
class ColorButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColorButton)

public:
    explicit ColorButton(QWidget *parent = nullptr);

    QColor color() const { return m_color; }
    /// Shows @p color; emits nothing.
    void setColor(const QColor &color);

Q_SIGNALS:
    /// The user picked a colour in the dialog.
    void colorPicked(const QColor &color);

private:
    void pick();

    QColor m_color;
};

} // namespace Encord
