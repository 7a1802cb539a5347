#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Encord {

bool Translations::install(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();

    // Qt's texts first: ours are consulted before them, as the last installed wins.
    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale,
                           QStringLiteral("qtbase"),
                           QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto *ours = new QTranslator(app);
    if (!ours->load(locale,
                    QStringLiteral("encord-desktop"),
                    QStringLiteral("_"),
                    QStringLiteral(":/i18n"))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    return true;
}

} // namespace Encord
