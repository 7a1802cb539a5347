#include "engineversions.h"

#include <gdcmVersion.h>
#include <tesseract/version.h>

namespace Encord::Dicom {

QString EngineVersions::gdcm()
{
    return QString::fromLatin1(gdcm::Version::GetVersion());
}

QString EngineVersions::tesseract()
{
    return QStringLiteral(TESSERACT_VERSION_STR);
}

} // namespace Encord::Dicom
