#pragma once

#include "greyimage.h"

#include <QCoreApplication>
#include <QList>
#include <QRect>
#include <QString>

namespace Encord::Dicom {

/// A word Tesseract found, in the coordinates of the image it was given.
struct DetectedWord
{
    QRect box;
    QString text;
    float confidence = 0; ///< 0..100
};

/// Finds burned-in text with Tesseract, through the encord_deid_ocr module (ocrabi.h), which
/// is loaded on first use: processes that never look at pixels never load Tesseract or Qt
/// GUI. The module reads each image several times (upscaled, inverted, binarised above the
/// background) so that small, low-contrast text is found. Not thread-safe; one per thread.
class TextDetector
{
    Q_DECLARE_TR_FUNCTIONS(Encord::Dicom::TextDetector)

public:
    TextDetector();
    ~TextDetector();
    TextDetector(const TextDetector &) = delete;
    TextDetector &operator=(const TextDetector &) = delete;

    /// False when the module or Tesseract's English data could not be loaded; see
    /// errorString().
    bool isReady() const;
    QString errorString() const;

    /// The words in @p grey.
    QList<DetectedWord> detect(const GreyImage &grey);

    /// Writes @p grey as a PNG file (through the module). False on failure.
    static bool savePng(const GreyImage &grey, const QString &path);
    /// Where the module is looked for: ENCORD_DEID_OCR_MODULE, else beside this program, else
    /// in ../lib/encord-desktop/ from this program (installed), else in this build tree.
    static QString modulePath();

private:
    void *m_engine = nullptr;
    QString m_error;
};

} // namespace Encord::Dicom
