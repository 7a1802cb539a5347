#pragma once

#include "aboutinfo.h"

#include <QDialog>

namespace Encord {

/// Help → About: the program's name, version and licence, and a table of the libraries it
/// runs with and their versions, which a user can copy into a bug report.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(const AboutInfo &info, QWidget *parent = nullptr);

    /// The version lines as plain text, one "library version" per line (what Copy copies).
    QString versionsText() const { return m_versionsText; }

    /// The sentence shown for @p spdxLicence.
    static QString licenceSentence(const QString &spdxLicence);

private:
    QString m_versionsText;
};

} // namespace Encord
