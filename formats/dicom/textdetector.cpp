#include "textdetector.h"

#include <algorithm>
#include <array>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

namespace Encord::Dicom {

namespace {

// Words below this confidence are noise in anatomy more often than text.
constexpr float kMinimumConfidence = 20.0f;
constexpr float kSingleGlyphConfidence = 80.0f;

QImage stretched(const QImage &grey)
{
    int low = 255;
    int high = 0;
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x) {
            low = std::min<int>(low, row[x]);
            high = std::max<int>(high, row[x]);
        }
    }
    QImage result = grey.copy();
    if (high <= low)
        return result;
    for (int y = 0; y < result.height(); ++y) {
        uchar *row = result.scanLine(y);
        for (int x = 0; x < result.width(); ++x)
            row[x] = uchar((row[x] - low) * 255 / (high - low));
    }
    return result;
}

// Black text on white: pixels clearly above the most common (background) level become black.
QImage binarisedAboveBackground(const QImage &grey)
{
    std::array<int, 256> histogram{};
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            ++histogram[row[x]];
    }
    const int background =
        int(std::max_element(histogram.begin(), histogram.end()) - histogram.begin());
    int high = background;
    for (int level = 255; level > background; --level) {
        if (histogram[level] > 0) {
            high = level;
            break;
        }
    }
    const int threshold = background + std::max(6, (high - background) / 3);
    QImage result(grey.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *in = grey.constScanLine(y);
        uchar *out = result.scanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            out[x] = in[x] >= threshold ? 0 : 255;
    }
    return result;
}

bool hasLetterOrDigit(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

} // namespace

class TextDetector::Engine
{
public:
    tesseract::TessBaseAPI api;
};

TextDetector::TextDetector()
    : m_engine(std::make_unique<Engine>())
{
    if (m_engine->api.Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0) {
        m_error = tr("The text recogniser could not load its English data "
                     "(install tesseract-ocr-eng).");
        m_engine.reset();
        return;
    }
    m_engine->api.SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
    m_engine->api.SetVariable("debug_file", "/dev/null");
}

TextDetector::~TextDetector()
{
    if (m_engine)
        m_engine->api.End();
}

bool TextDetector::isReady() const
{
    return m_engine != nullptr;
}

QString TextDetector::errorString() const
{
    return m_error;
}

QList<DetectedWord> TextDetector::detect(const QImage &grey)
{
    if (!m_engine || grey.isNull())
        return {};
    const QImage source = grey.format() == QImage::Format_Grayscale8
                              ? grey
                              : grey.convertToFormat(QImage::Format_Grayscale8);

    // Tesseract reads glyphs about 20-30 px high best; DICOM overlays are often 8-12 px.
    const int longest = std::max(source.width(), source.height());
    const double scale = longest <= 256 ? 3.0 : longest <= 800 ? 2.0 : 1.0;
    const QImage base = stretched(source);
    const QImage scaled = scale == 1.0 ? base
                                       : base.scaled(qRound(base.width() * scale),
                                                     qRound(base.height() * scale),
                                                     Qt::IgnoreAspectRatio,
                                                     Qt::SmoothTransformation);
    QImage inverted = scaled;
    inverted.invertPixels();

    QList<DetectedWord> words;
    for (const QImage &pass : {inverted, binarisedAboveBackground(scaled), scaled}) {
        for (const DetectedWord &word : recognise(pass, scale)) {
            auto overlapping = std::find_if(words.begin(), words.end(), [&](const auto &known) {
                const QRect common = known.box.intersected(word.box);
                return common.width() * common.height()
                       > std::min(known.box.width() * known.box.height(),
                                  word.box.width() * word.box.height())
                             / 2;
            });
            if (overlapping == words.end()) {
                words.append(word);
            } else {
                overlapping->box = overlapping->box.united(word.box);
                if (word.confidence > overlapping->confidence) {
                    overlapping->text = word.text;
                    overlapping->confidence = word.confidence;
                }
            }
        }
    }
    return words;
}

QList<DetectedWord> TextDetector::recognise(const QImage &image, double scale)
{
    tesseract::TessBaseAPI &api = m_engine->api;
    api.SetImage(image.constBits(), image.width(), image.height(), 1, int(image.bytesPerLine()));
    api.SetSourceResolution(300);
    QList<DetectedWord> words;
    if (api.Recognize(nullptr) != 0)
        return words;

    std::unique_ptr<tesseract::ResultIterator> iterator(api.GetIterator());
    if (!iterator)
        return words;
    do {
        const std::unique_ptr<char[]> utf8(iterator->GetUTF8Text(tesseract::RIL_WORD));
        if (!utf8)
            continue;
        const QString text = QString::fromUtf8(utf8.get()).trimmed();
        const float confidence = iterator->Confidence(tesseract::RIL_WORD);
        int left = 0;
        int top = 0;
        int right = 0;
        int bottom = 0;
        if (!iterator->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom))
            continue;
        if (confidence < kMinimumConfidence || !hasLetterOrDigit(text))
            continue;
        // A lone character read with doubt is usually an edge in the anatomy, and a "word"
        // covering a quarter of the image is the image itself.
        const auto glyphs =
            std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (glyphs == 1 && confidence < kSingleGlyphConfidence)
            continue;
        if (qint64(right - left) * (bottom - top) * 4 > qint64(image.width()) * image.height())
            continue;
        const QRect box(
            QPoint(int(left / scale), int(top / scale)),
            QPoint(int((right - 1) / scale + 0.999), int((bottom - 1) / scale + 0.999)));
        words.append({box, text, confidence});
    } while (iterator->Next(tesseract::RIL_WORD));
    api.Clear();
    return words;
}

} // namespace Encord::Dicom
