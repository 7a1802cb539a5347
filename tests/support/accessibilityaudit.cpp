#include "accessibilityaudit.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QTextEdit>

namespace EncordTest {

namespace {

bool isControl(const QWidget *widget)
{
    if (qobject_cast<const QScrollBar *>(widget))
        return false;
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
           || qobject_cast<const QComboBox *>(widget)
           || qobject_cast<const QAbstractSpinBox *>(widget)
           || qobject_cast<const QAbstractSlider *>(widget)
           || qobject_cast<const QAbstractItemView *>(widget)
           || qobject_cast<const QPlainTextEdit *>(widget)
           || qobject_cast<const QTextEdit *>(widget)
           || qobject_cast<const QKeySequenceEdit *>(widget)
           || qobject_cast<const QTabBar *>(widget);
}

// Whether @p widget is a piece of a control that Qt built and announces with it.
bool isPartOfAControl(const QWidget *widget)
{
    for (const QWidget *up = widget->parentWidget(); up; up = up->parentWidget()) {
        if (qobject_cast<const QComboBox *>(up) || qobject_cast<const QAbstractSpinBox *>(up)
            || qobject_cast<const QLineEdit *>(up) || qobject_cast<const QTabBar *>(up)
            || qobject_cast<const QKeySequenceEdit *>(up)
            || up->inherits("QComboBoxPrivateContainer"))
            return true;
    }
    // A view's headers and corner button; what a view holds in its cells (index widgets, on
    // its viewport) is a control of its own.
    return qobject_cast<const QAbstractItemView *>(widget->parentWidget());
}

QString describe(const QWidget *widget)
{
    QStringList chain;
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        const QString name = w->objectName();
        chain << QString::fromLatin1(w->metaObject()->className())
                     + (name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(name));
    }
    return chain.join(QStringLiteral(" in "));
}

} // namespace

bool AccessibilityAudit::lacksName(QWidget *widget)
{
    if (!widget || !isControl(widget) || widget->objectName().startsWith(QLatin1String("qt_"))
        || isPartOfAControl(widget))
        return false;
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    if (!accessible)
        return true;
    if (qobject_cast<const QComboBox *>(widget)) {
        // On Linux Qt gives a combo box its current text as its name and leaves what it is for
        // to a label relation: the text says what is chosen, not what for.
        return widget->accessibleName().trimmed().isEmpty()
               && accessible->relations(QAccessible::Label).isEmpty();
    }
    return accessible->text(QAccessible::Name).trimmed().isEmpty();
}

QStringList AccessibilityAudit::unnamedControls(QWidget *root)
{
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    QStringList unnamed;
    for (QWidget *widget : std::as_const(widgets)) {
        if (lacksName(widget))
            unnamed << describe(widget);
    }
    return unnamed;
}

} // namespace EncordTest
