#pragma once

#include <QString>

namespace Encord::Dicom {

/// The versions of the libraries the de-identification engine runs with, for Help → About and
/// bug reports.
class EngineVersions final
{
public:
    EngineVersions() = delete;

    /// GDCM's, asked of the library this program is linked with.
    static QString gdcm();
    /// Tesseract's, as the text-detection module was built against. The module (and with it
    /// Tesseract) is loaded only when pixels are searched for text; loading it to ask would cost
    /// every About box the time of loading Tesseract and Leptonica, for the same answer as long
    /// as the package's dependencies hold.
    static QString tesseract();
};

} // namespace Encord::Dicom
