#include "titledcolumns.h"

#include <QCoreApplication>

namespace Encord::TitledColumns {

QVariant header(int column)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Encord::TitledColumns", text);
    };
    switch (column) {
    case Title:
        return tr("Title");
    case Description:
        return tr("Description");
    case Role:
        return tr("Your role");
    case Created:
        return tr("Created");
    case Edited:
        return tr("Edited");
    default:
        return {};
    }
}

} // namespace Encord::TitledColumns
