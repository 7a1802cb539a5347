#include "fieldmessage.h"

#include "errorcolour.h"

namespace Encord {

FieldMessage::FieldMessage(const QString &fieldName, QWidget *parent)
    : QLabel(parent)
{
    setAccessibleName(tr("%1: problem").arg(fieldName));
    setWordWrap(true);
    ErrorColour::apply(this);
    hide();
}

void FieldMessage::setMessage(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
}

} // namespace Encord
