#include "aboutinformation.h"

#include "engineversions.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <libssh/libssh.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

namespace Encord {

AboutInfo AboutInformation::collect()
{
    AboutInfo info;
    info.version = QStringLiteral(ENCORD_VERSION_STRING);
    info.licence = QStringLiteral(ENCORD_LICENSE_SPDX);
    // "OpenSSL 3.0.11 19 Sep 2023" → "3.0.11 19 Sep 2023"
    QString openSsl = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
    if (openSsl.startsWith(QLatin1String("OpenSSL ")))
        openSsl = openSsl.mid(8);
    info.components = {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("OpenSSL"), openSsl},
        {QStringLiteral("libssh"), QString::fromLatin1(ssh_version(0))},
        {QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion())},
        {QStringLiteral("QCoro"), QStringLiteral(ENCORD_QCORO_VERSION)},
        {QStringLiteral("GDCM"), Dicom::EngineVersions::gdcm()},
        // Built against: the text-detection module is not loaded just to ask it.
        {QStringLiteral("Tesseract"), Dicom::EngineVersions::tesseract()},
        {QCoreApplication::translate("Encord::AboutInformation", "System"),
         QSysInfo::prettyProductName() + QStringLiteral(" (") + QSysInfo::currentCpuArchitecture()
             + QLatin1Char(')')},
    };
    return info;
}

} // namespace Encord
