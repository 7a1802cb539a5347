#pragma once

#include <QStringList>

class QWidget;

namespace EncordTest {

/// Finds the controls a screen reader would announce without a name.
///
/// A control is anything a user operates or reads values from: buttons (push, tool, radio,
/// check), line and text edits, combo boxes, spin boxes (dates and times included), sliders and
/// dials, tab bars and item views. Its name is what Qt's accessibility layer reports,
/// QAccessible::queryAccessibleInterface(w)->text(QAccessible::Name): the accessible name, else
/// what Qt derives one from (a button's text, a buddy label). A combo box's Name on Linux is
/// its current text, so it needs an accessible name of its own or a label that names it (the
/// relation screen readers use there). The parts Qt builds inside a control (a combo box's
/// popup, a spin box's editor, a view's headers and scroll bars, a tab bar's scroll buttons; not
/// the widgets a view shows in its cells) are announced as part of it and are not reported on
/// their own, nor are Qt's private widgets ("qt_" object names).
class AccessibilityAudit final
{
public:
    AccessibilityAudit() = delete;

    /// One line per unnamed control under @p root (and @p root itself), visible or not:
    /// class, object name and the chain of parents that leads to it, to find it in the code.
    static QStringList unnamedControls(QWidget *root);
    /// Whether unnamedControls() would report @p widget (false for what is no control).
    static bool lacksName(QWidget *widget);
};

} // namespace EncordTest

/// Fails the current Qt Test function, listing them, when a control under @p root has no
/// accessible name. Needs <QTest> where it is used.
#define ENCORD_VERIFY_CONTROLS_NAMED(root)                                \
    do {                                                                  \
        const QStringList unnamedControls_ =                              \
            EncordTest::AccessibilityAudit::unnamedControls(root);        \
        QVERIFY2(unnamedControls_.isEmpty(),                              \
                 qPrintable(QStringLiteral("unnamed controls:\n")         \
                            + unnamedControls_.join(QLatin1Char('\n')))); \
    } while (false)
