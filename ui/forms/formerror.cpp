#include "formerror.h"

#include "core/apierror.h"
#include "errorcolour.h"

#include <QCoreApplication>
#include <QLabel>

namespace Encord::FormError {

void style(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorColour::apply(label);
    label->setAccessibleName(QCoreApplication::translate("Encord::FormError", "Error"));
    label->hide();
}

void show(QLabel *label, const ApiError &error)
{
    label->setText(error.userMessage());
    label->show();
}

} // namespace Encord::FormError
