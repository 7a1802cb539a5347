#pragma once

#include "aboutinfo.h"

namespace Encord {

/// Collects Help → About's facts from the libraries the program runs with: the versions are
/// asked of the loaded libraries at run time (what a bug report needs), not of the headers,
/// except Tesseract's, which only the text-detection module loads when it is needed (see
/// Dicom::EngineVersions).
class AboutInformation final
{
public:
    AboutInformation() = delete;

    static AboutInfo collect();
};

} // namespace Encord
