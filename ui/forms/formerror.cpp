#include "formerror.h"

#include "core/apierror.h"

#include <QCoreApplication>
#include <QLabel>

namespace Encord::FormError {

void style(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    label->setPalette(palette);
    label->setAccessibleName(QCoreApplication::translate("Encord::FormError", "Error"));
    label->hide();
}

void show(QLabel *label, const ApiError &error)
{
    label->setText(error.userMessage());
    label->show();
}

} // namespace Encord::FormError
