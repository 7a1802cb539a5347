#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace Encord {

/// What Help → About tells: the program's version and licence, and the versions of the
/// libraries it runs with. The app layer collects it (it links every library); the dialog
/// only shows it.
struct AboutInfo
{
    QString version;
    /// An SPDX expression, e.g. "Apache-2.0"; "LicenseRef-proprietary" when none is granted.
    QString licence;
    /// (library, version) in the order shown, e.g. {"Qt", "6.4.2"}.
    QList<std::pair<QString, QString>> components;
};

} // namespace Encord
