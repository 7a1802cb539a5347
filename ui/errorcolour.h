#pragma once

#include <QColor>
#include <QObject>

class QWidget;

namespace Encord {

/// The colour of error text (a field's problem, a failed step, a refused folder), derived from
/// the palette the text is shown on rather than fixed: a red that keeps a contrast of at least
/// 4.5:1 (WCAG AA for body text) with its background, dark on light themes and light on dark
/// ones. A widget given the colour keeps following its palette when the desktop switches
/// between light and dark while the app runs.
///
/// The ErrorColour object is a child of the widget and watches its palette changes; it is made
/// by apply() and removed by clear(), never by hand.
class ErrorColour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorColour)

public:
    /// The lowest contrast the colour keeps with its background.
    static constexpr double kMinimumContrast = 4.5;

    /// A red for text on @p background.
    static QColor forBackground(const QColor &background);
    /// WCAG contrast ratio of two colours: 1 (none) to 21 (black on white).
    static double contrast(const QColor &a, const QColor &b);

    /// Colours @p widget's text (WindowText and Text roles) as an error, now and after every
    /// change of its palette. Calling it again does nothing more.
    static void apply(QWidget *widget);
    /// Gives @p widget's text back to its palette.
    static void clear(QWidget *widget);
    /// Whether apply() is in force on @p widget.
    static bool isApplied(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ErrorColour(QWidget *widget);
    void update();

    QWidget *m_widget;
    bool m_updating = false;
};

} // namespace Encord
