#include "errorcolour.h"

#include <QEvent>
#include <QWidget>

#include <cmath>

namespace Encord {

namespace {

double relativeLuminance(const QColor &colour)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
           + 0.0722 * channel(colour.blueF());
}

} // namespace

double ErrorColour::contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ErrorColour::forBackground(const QColor &background)
{
    // From a mid red, step towards black on a light background and towards white on a dark
    // one, and stop at the first red that reads: the most saturated red that is legible.
    const bool light = relativeLuminance(background) > 0.18;
    const double step = light ? -0.02 : 0.02;
    QColor best;
    for (double lightness = 0.5; lightness >= 0.0 && lightness <= 1.0; lightness += step) {
        best = QColor::fromHslF(0.01f, 0.8f, float(lightness));
        if (contrast(best, background) >= kMinimumContrast)
            return best;
    }
    return light ? QColor(Qt::black) : QColor(Qt::white);
}

void ErrorColour::apply(QWidget *widget)
{
    if (!widget || isApplied(widget))
        return;
    auto *follower = new ErrorColour(widget);
    widget->installEventFilter(follower);
    follower->update();
}

void ErrorColour::clear(QWidget *widget)
{
    if (!widget)
        return;
    ErrorColour *follower = widget->findChild<ErrorColour *>(QString(), Qt::FindDirectChildrenOnly);
    if (!follower)
        return;
    delete follower;
    // Only the two roles apply() set were the widget's own.
    widget->setPalette(QPalette());
}

bool ErrorColour::isApplied(const QWidget *widget)
{
    return widget && widget->findChild<ErrorColour *>(QString(), Qt::FindDirectChildrenOnly);
}

ErrorColour::ErrorColour(QWidget *widget)
    : QObject(widget)
    , m_widget(widget)
{ }

bool ErrorColour::eventFilter(QObject *watched, QEvent *event)
{
    // A new application palette, or a parent's, reaches the widget as a PaletteChange; the
    // one update() itself causes is ignored.
    if (watched == m_widget && !m_updating
        && (event->type() == QEvent::PaletteChange
            || event->type() == QEvent::ApplicationPaletteChange))
        update();
    return QObject::eventFilter(watched, event);
}

void ErrorColour::update()
{
    m_updating = true;
    QPalette palette = m_widget->palette();
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        const QColor colour = forBackground(palette.color(group, m_widget->backgroundRole()));
        palette.setColor(group, QPalette::WindowText, colour);
        palette.setColor(group, QPalette::Text, colour);
    }
    m_widget->setPalette(palette);
    m_updating = false;
}

} // namespace Encord
