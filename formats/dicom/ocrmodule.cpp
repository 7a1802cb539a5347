// encord_deid_ocr: the text-detection module TextDetector loads on first use (see ocrabi.h).
// Small, low-contrast text is the hard case, so each image is read several times: contrast-
// stretched and upscaled, inverted, and binarised just above the background level (which
// lifts dim text to full contrast); the words of all passes are merged.

#include "ocrabi.h"

#include <QImage>
#include <QList>
#include <QRect>
#include <QString>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

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

struct Word
{
    QRect box;
    QString text;
    float confidence = 0;
};

QList<Word> recognise(tesseract::TessBaseAPI &api, const QImage &image, double scale)
{
    api.SetImage(image.constBits(), image.width(), image.height(), 1, int(image.bytesPerLine()));
    api.SetSourceResolution(300);
    QList<Word> words;
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

QList<Word> detect(tesseract::TessBaseAPI &api, const QImage &source)
{
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

    QList<Word> words;
    for (const QImage &pass : {inverted, binarisedAboveBackground(scaled), scaled}) {
        for (const Word &word : recognise(api, pass, scale)) {
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

QImage wrap(const unsigned char *grey, int width, int height, int stride)
{
    return QImage(grey, width, height, stride, QImage::Format_Grayscale8);
}

} // namespace

extern "C" {

Q_DECL_EXPORT void *encord_ocr_create(char *error, int errorSize)
{
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    if (api->Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0) {
        if (error && errorSize > 0)
            std::snprintf(error,
                          size_t(errorSize),
                          "%s",
                          "Tesseract could not load its English data (tesseract-ocr-eng).");
        return nullptr;
    }
    api->SetPageSegMode(tesseract::PSM_SPARSE_TEXT);
    api->SetVariable("debug_file", "/dev/null");
    return api.release();
}

Q_DECL_EXPORT int encord_ocr_detect(void *engine,
                                    const unsigned char *grey,
                                    int width,
                                    int height,
                                    int stride,
                                    EncordOcrWord *words,
                                    int maxWords)
{
    if (!engine || !grey || width <= 0 || height <= 0)
        return 0;
    auto &api = *static_cast<tesseract::TessBaseAPI *>(engine);
    const QList<Word> found = detect(api, wrap(grey, width, height, stride));
    for (int index = 0; index < std::min(int(found.size()), maxWords); ++index) {
        const Word &word = found.at(index);
        EncordOcrWord &out = words[index];
        out.x = word.box.x();
        out.y = word.box.y();
        out.width = word.box.width();
        out.height = word.box.height();
        out.confidence = word.confidence;
        std::snprintf(out.text, sizeof(out.text), "%s", word.text.toUtf8().constData());
    }
    return int(found.size());
}

Q_DECL_EXPORT void encord_ocr_destroy(void *engine)
{
    auto *api = static_cast<tesseract::TessBaseAPI *>(engine);
    if (api)
        api->End();
    delete api;
}

Q_DECL_EXPORT int encord_ocr_save_png(
    const unsigned char *grey, int width, int height, int stride, const char *path)
{
    return wrap(grey, width, height, stride).save(QString::fromUtf8(path), "PNG") ? 1 : 0;
}

} // extern "C"
