#include "fieldmessage.h"

namespace Encord {

FieldMessage::FieldMessage(const QString &fieldName, QWidget *parent)
    : QLabel(parent)
{
    setAccessibleName(tr("%1: problem").arg(fieldName));
    setWordWrap(true);
    QPalette palette = this->palette();
    // A red that reads on light and dark themes alike.
    palette.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    setPalette(palette);
    hide();
}

void FieldMessage::setMessage(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
}

} // namespace Encord
