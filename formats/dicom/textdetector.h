#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QRect>
#include <QString>

#include <memory>

namespace Encord::Dicom {

/// A word Tesseract found, in the coordinates of the image it was given.
struct DetectedWord
{
    QRect box;
    QString text;
    float confidence = 0; ///< 0..100
};

/// Finds burned-in text with Tesseract. Small, low-contrast text is the hard case, so each
/// image is read several times: contrast-stretched and upscaled, inverted, and binarised just
/// above the background level (which lifts dim text to full contrast). Words found in any pass
/// are merged. Not thread-safe; one detector per thread.
class TextDetector
{
    Q_DECLARE_TR_FUNCTIONS(Encord::Dicom::TextDetector)

public:
    TextDetector();
    ~TextDetector();
    TextDetector(const TextDetector &) = delete;
    TextDetector &operator=(const TextDetector &) = delete;

    /// False when Tesseract or its English data could not be loaded; see errorString().
    bool isReady() const;
    QString errorString() const;

    /// The words in an 8-bit greyscale image (QImage::Format_Grayscale8).
    QList<DetectedWord> detect(const QImage &grey);

private:
    QList<DetectedWord> recognise(const QImage &image, double scale);

    class Engine;
    std::unique_ptr<Engine> m_engine;
    QString m_error;
};

} // namespace Encord::Dicom
