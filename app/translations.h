#pragma once

#include <QLocale>

namespace Encord {

/// Loads the program's translation for a locale (built into the program from
/// resources/translations/*.ts) and Qt's own for its standard dialogs and buttons.
class Translations final
{
public:
    Translations() = delete;

    /// Installs the translators for @p locale (the system's by default) into the application.
    /// Returns whether a translation of the program's own texts was found for it; without one
    /// the program speaks its source language, English.
    static bool install(const QLocale &locale = QLocale());
};

} // namespace Encord
