#pragma once

#include "deidoptions.h"
#include "deidresult.h"
#include "greyimage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace gdcm {
class File;
class Image;
} // namespace gdcm

namespace Encord::Dicom {

class SensitiveTextMatcher;

/// Finds burned-in text in an image's frames and blacks it out on every frame.
///
/// The pixels are decoded to Explicit VR Little Endian, text is searched on up to
/// DeidOptions::maxOcrFrames frames spread over the file, and every box found is filled with
/// the darkest value of the photometric interpretation on every frame. The new pixels are
/// re-encoded in the source transfer syntax when it is lossless; lossy sources are stored
/// uncompressed (no second lossy generation) with LossyImageCompression kept at "01".
class PixelRedactor
{
    Q_DECLARE_TR_FUNCTIONS(Encord::Dicom::PixelRedactor)

public:
    struct Outcome
    {
        bool ok = false;
        QString error;
        QList<RedactedBox> boxes;
        int frameCount = 0;
        int framesScanned = 0;
        QString outputTransferSyntax; ///< UID; empty when the pixels were left as they were
        GreyImage firstFrame;         ///< frame 0 rendered to 8-bit grey, before redaction
    };

    /// Searches @p image for text per @p mode (AllText: every word; SensitiveText: words
    /// @p matcher calls sensitive). When @p apply is true and boxes were found, replaces Pixel
    /// Data and the attributes that describe it in @p file and sets its transfer syntax.
    static Outcome run(const gdcm::Image &image,
                       gdcm::File &file,
                       const DeidOptions &options,
                       const SensitiveTextMatcher &matcher,
                       bool apply);
};

} // namespace Encord::Dicom
