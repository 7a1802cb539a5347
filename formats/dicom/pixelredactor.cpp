#include "pixelredactor.h"

#include "sensitivetextmatcher.h"
#include "textdetector.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <gdcmAttribute.h>
#include <gdcmFile.h>
#include <gdcmImage.h>
#include <gdcmImageChangeTransferSyntax.h>
#include <gdcmLookupTable.h>
#include <vector>

namespace Encord::Dicom {

namespace {

using PI = gdcm::PhotometricInterpretation;
using TS = gdcm::TransferSyntax;

// The decoded (Explicit VR Little Endian) pixel buffer and how to walk it.
struct Layout
{
    int width = 0;
    int height = 0;
    int frames = 1;
    int samples = 1;
    int bytesPerSample = 1;
    int bitsStored = 8;
    bool isSigned = false;
    bool planar = false;
    bool subsampled422 = false; ///< uncompressed YBR_FULL_422: Y0 Y1 Cb Cr per pixel pair
    PI::PIType photometric = PI::MONOCHROME2;

    size_t frameBytes() const
    {
        if (subsampled422)
            return size_t(width) * size_t(height) * 2;
        return size_t(width) * size_t(height) * size_t(samples) * size_t(bytesPerSample);
    }
    // Byte offset of sample s of pixel (x, y) in frame f.
    size_t offset(int f, int x, int y, int s) const
    {
        const size_t pixels = size_t(width) * size_t(height);
        const size_t pixel = size_t(y) * size_t(width) + size_t(x);
        if (subsampled422) {
            const size_t pair = size_t(f) * pixels / 2 + pixel / 2;
            const size_t index = s == 0 ? (pixel % 2) : size_t(1 + s);
            return pair * 4 + index;
        }
        const size_t sample =
            planar ? size_t(s) * pixels + pixel : pixel * size_t(samples) + size_t(s);
        return size_t(f) * frameBytes() + sample * size_t(bytesPerSample);
    }
};

qint64 readSample(const char *data, const Layout &layout)
{
    quint32 raw = 0;
    switch (layout.bytesPerSample) {
    case 1:
        raw = quint8(*data);
        break;
    case 2:
        raw = qFromLittleEndian<quint16>(data);
        break;
    default:
        raw = qFromLittleEndian<quint32>(data);
        break;
    }
    if (layout.bitsStored < 32)
        raw &= (quint32(1) << layout.bitsStored) - 1;
    qint64 value = raw;
    if (layout.isSigned && layout.bitsStored < 64
        && (raw & (quint64(1) << (layout.bitsStored - 1))))
        value -= qint64(1) << layout.bitsStored;
    return value;
}

void writeSample(char *data, const Layout &layout, qint64 value)
{
    switch (layout.bytesPerSample) {
    case 1:
        *data = char(quint8(value));
        break;
    case 2:
        qToLittleEndian<quint16>(quint16(value), data);
        break;
    default:
        qToLittleEndian<quint32>(quint32(value), data);
        break;
    }
}

// RGB of every palette index, through GDCM's lookup table.
std::vector<std::array<int, 3>> paletteColours(const gdcm::LookupTable &lut, const Layout &layout)
{
    std::vector<std::array<int, 3>> colours;
    if (!lut.Initialized() || layout.bytesPerSample > 2)
        return colours;
    const size_t count = size_t(1) << (8 * layout.bytesPerSample);
    std::vector<char> indices(count * size_t(layout.bytesPerSample));
    for (size_t index = 0; index < count; ++index) {
        if (layout.bytesPerSample == 1)
            indices[index] = char(index);
        else
            qToLittleEndian<quint16>(quint16(index), indices.data() + index * 2);
    }
    const int entryBytes = lut.GetBitSample() <= 8 ? 1 : 2;
    std::vector<char> rgb(count * 3 * size_t(entryBytes));
    if (!lut.Decode(rgb.data(), rgb.size(), indices.data(), indices.size()))
        return colours;
    colours.resize(count);
    for (size_t index = 0; index < count; ++index) {
        for (size_t channel = 0; channel < 3; ++channel) {
            const char *p = rgb.data() + (index * 3 + channel) * size_t(entryBytes);
            colours[index][channel] =
                entryBytes == 1 ? quint8(*p) : qFromLittleEndian<quint16>(p) >> 8;
        }
    }
    return colours;
}

// The darkest value of each sample for the photometric interpretation.
std::array<qint64, 3> blackSamples(const Layout &layout,
                                   const std::vector<std::array<int, 3>> &palette)
{
    const qint64 fullScale = (qint64(1) << layout.bitsStored) - 1;
    const qint64 middle = qint64(1) << (layout.bitsStored - 1);
    switch (layout.photometric) {
    case PI::MONOCHROME1:
        return {layout.isSigned ? middle - 1 : fullScale, 0, 0};
    case PI::MONOCHROME2:
        return {layout.isSigned ? -middle : 0, 0, 0};
    case PI::PALETTE_COLOR: {
        qint64 darkest = 0;
        int darkestSum = INT_MAX;
        for (size_t index = 0; index < palette.size(); ++index) {
            const int sum = palette[index][0] + palette[index][1] + palette[index][2];
            if (sum < darkestSum) {
                darkestSum = sum;
                darkest = qint64(index);
            }
        }
        return {darkest, 0, 0};
    }
    case PI::YBR_FULL:
    case PI::YBR_FULL_422:
    case PI::YBR_ICT:
    case PI::YBR_RCT:
        return {0, middle, middle};
    case PI::YBR_PARTIAL_422:
    case PI::YBR_PARTIAL_420:
        return {qint64(16) << (layout.bitsStored - 8), middle, middle};
    default:
        return {0, 0, 0};
    }
}

// One frame as 8-bit grey (luminance, contrast-stretched over the frame).
GreyImage renderFrame(const std::vector<char> &buffer,
                      const Layout &layout,
                      int frame,
                      const std::vector<std::array<int, 3>> &palette)
{
    std::vector<double> luminance(size_t(layout.width) * size_t(layout.height));
    const bool colour = layout.samples == 3;
    for (int y = 0; y < layout.height; ++y) {
        for (int x = 0; x < layout.width; ++x) {
            const double first =
                double(readSample(buffer.data() + layout.offset(frame, x, y, 0), layout));
            double value = first;
            if (layout.photometric == PI::PALETTE_COLOR && !palette.empty()) {
                const auto &rgb = palette[size_t(
                    std::clamp<qint64>(qint64(first), 0, qint64(palette.size()) - 1))];
                value = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
            } else if (colour && layout.photometric == PI::RGB) {
                const double g =
                    double(readSample(buffer.data() + layout.offset(frame, x, y, 1), layout));
                const double b =
                    double(readSample(buffer.data() + layout.offset(frame, x, y, 2), layout));
                value = 0.299 * first + 0.587 * g + 0.114 * b;
            } else if (layout.photometric == PI::MONOCHROME1) {
                value = -first;
            }
            luminance[size_t(y) * size_t(layout.width) + size_t(x)] = value;
        }
    }
    const auto [low, high] = std::minmax_element(luminance.begin(), luminance.end());
    const double range = *high > *low ? *high - *low : 1.0;
    GreyImage image(layout.width, layout.height);
    for (int y = 0; y < layout.height; ++y) {
        std::uint8_t *row = image.row(y);
        for (int x = 0; x < layout.width; ++x) {
            const double value = luminance[size_t(y) * size_t(layout.width) + size_t(x)];
            row[x] = std::uint8_t(std::clamp((value - *low) * 255.0 / range, 0.0, 255.0));
        }
    }
    return image;
}

void fillBox(std::vector<char> &buffer,
             const Layout &layout,
             int frame,
             const QRect &box,
             const std::array<qint64, 3> &black)
{
    for (int y = box.top(); y <= box.bottom(); ++y) {
        for (int x = box.left(); x <= box.right(); ++x) {
            if (layout.subsampled422) {
                // A pair shares its chroma: a half-covered pair loses its colour too.
                writeSample(buffer.data() + layout.offset(frame, x, y, 0), layout, black[0]);
                writeSample(buffer.data() + layout.offset(frame, x, y, 1), layout, black[1]);
                writeSample(buffer.data() + layout.offset(frame, x, y, 2), layout, black[2]);
                continue;
            }
            for (int s = 0; s < layout.samples; ++s)
                writeSample(buffer.data() + layout.offset(frame, x, y, s),
                            layout,
                            black[size_t(std::min(s, 2))]);
        }
    }
}

bool isLossySource(const TS &ts, const gdcm::DataSet &dataSet)
{
    QByteArray lossyFlag;
    const gdcm::Tag lossyTag(0x0028, 0x2110);
    if (dataSet.FindDataElement(lossyTag)) {
        const gdcm::ByteValue *bytes = dataSet.GetDataElement(lossyTag).GetByteValue();
        if (bytes && bytes->GetPointer())
            lossyFlag = QByteArray(bytes->GetPointer(), qsizetype(bytes->GetLength())).trimmed();
    }
    switch (TS::TSType(ts)) {
    case TS::JPEGBaselineProcess1:
    case TS::JPEGExtendedProcess2_4:
    case TS::JPEGExtendedProcess3_5:
    case TS::JPEGSpectralSelectionProcess6_8:
    case TS::JPEGFullProgressionProcess10_12:
    case TS::JPEGLSNearLossless:
        return true;
    case TS::JPEG2000:
    case TS::JPEG2000Part2:
        // These may hold either; only a "00" flag proves the stream is reversible.
        return lossyFlag != "00";
    default:
        return false;
    }
}

void setString(gdcm::DataSet &dataSet, const gdcm::Tag &tag, gdcm::VR vr, std::string value)
{
    if (value.size() % 2 == 1)
        value.push_back(' ');
    gdcm::DataElement element(tag);
    element.SetVR(vr);
    element.SetByteValue(value.data(), gdcm::VL::Type(value.size()));
    dataSet.Replace(element);
}

void setUnsignedShort(gdcm::DataSet &dataSet, const gdcm::Tag &tag, quint16 value)
{
    char bytes[2];
    qToLittleEndian<quint16>(value, bytes);
    gdcm::DataElement element(tag);
    element.SetVR(gdcm::VR::US);
    element.SetByteValue(bytes, 2);
    dataSet.Replace(element);
}

QRect padded(const QRect &box, const Layout &layout)
{
    const int pad = std::max(2, box.height() / 5);
    return box.adjusted(-pad, -pad, pad, pad).intersected(QRect(0, 0, layout.width, layout.height));
}

// Looks for text on frames spread evenly over the file and adds a box for each word the mode
// redacts (unless a box holds it already); frame 0's rendering goes to @p outcome. False, with
// the reason in @p outcome, when Tesseract cannot be used.
bool findText(const std::vector<char> &buffer,
              const Layout &layout,
              const std::vector<std::array<int, 3>> &palette,
              const DeidOptions &options,
              const SensitiveTextMatcher &matcher,
              QList<RedactedBox> &boxes,
              PixelRedactor::Outcome &outcome)
{
    TextDetector detector;
    if (!detector.isReady()) {
        outcome.error = detector.errorString();
        return false;
    }
    const int scans = std::min(layout.frames, std::max(1, options.maxOcrFrames));
    for (int scan = 0; scan < scans; ++scan) {
        const int frame = scans == 1 ? 0 : scan * (layout.frames - 1) / (scans - 1);
        GreyImage grey = renderFrame(buffer, layout, frame, palette);
        if (frame == 0)
            outcome.firstFrame = grey;
        // Tesseract skips some words beside text it has already segmented; a second look
        // with every word found so far masked out finds most of them.
        for (int look = 0; look < 2; ++look) {
            const QList<DetectedWord> words = detector.detect(grey);
            for (const DetectedWord &word : words) {
                const QRect box = padded(word.box, layout);
                for (int y = box.top(); y <= box.bottom(); ++y)
                    std::memset(grey.row(y) + box.left(), 0, size_t(box.width()));
                if (options.pixelMode == PixelRedactionMode::SensitiveText
                    && !matcher.isSensitive(word.text))
                    continue;
                const bool known = std::any_of(boxes.cbegin(), boxes.cend(), [&](const auto &b) {
                    return b.rect.contains(box);
                });
                if (!known && !box.isEmpty())
                    boxes.append({box, word.text});
            }
            if (words.isEmpty())
                break;
        }
        ++outcome.framesScanned;
    }
    return true;
}

} // namespace

PixelRedactor::Outcome PixelRedactor::run(const gdcm::Image &image,
                                          gdcm::File &file,
                                          const DeidOptions &options,
                                          const SensitiveTextMatcher &matcher,
                                          bool apply)
{
    Outcome outcome;
    const TS sourceTs = image.GetTransferSyntax();
    if (sourceTs.IsEncapsulated() && !sourceTs.IsLossless() && !sourceTs.IsLossy()) {
        outcome.error = tr("Video transfer syntaxes cannot be redacted.");
        return outcome;
    }

    // Decode to little-endian samples.
    gdcm::ImageChangeTransferSyntax decoder;
    decoder.SetTransferSyntax(TS::ExplicitVRLittleEndian);
    decoder.SetInput(image);
    if (!decoder.Change()) {
        outcome.error = tr("The pixel data could not be decoded.");
        return outcome;
    }
    const gdcm::Image &decoded = decoder.GetOutput();
    std::vector<char> buffer(decoded.GetBufferLength());
    if (buffer.empty() || !decoded.GetBuffer(buffer.data())) {
        outcome.error = tr("The pixel data could not be decoded.");
        return outcome;
    }

    const gdcm::PixelFormat &format = decoded.GetPixelFormat();
    const unsigned int *dimensions = decoded.GetDimensions();
    Layout layout;
    layout.width = int(dimensions[0]);
    layout.height = int(dimensions[1]);
    layout.frames = decoded.GetNumberOfDimensions() > 2 ? int(std::max(1u, dimensions[2])) : 1;
    layout.samples = format.GetSamplesPerPixel();
    layout.bytesPerSample = std::max(1, format.GetBitsAllocated() / 8);
    layout.bitsStored = std::clamp<int>(format.GetBitsStored(), 1, 32);
    layout.isSigned = format.GetPixelRepresentation() == 1;
    layout.planar = decoded.GetPlanarConfiguration() == 1 && layout.samples > 1;
    layout.photometric = decoded.GetPhotometricInterpretation().GetType();
    if (format.GetBitsAllocated() % 8 != 0 || layout.bytesPerSample > 4
        || (layout.samples != 1 && layout.samples != 3)) {
        outcome.error = tr("This pixel layout (%1 bits, %2 samples) cannot be redacted.")
                            .arg(format.GetBitsAllocated())
                            .arg(layout.samples);
        return outcome;
    }
    // GDCM's RLE decoder puts the bytes of colour samples wider than 8 bits in the wrong places
    // (DCMTK reads the first pixel of pydicom's rgb_rle_16bit sample as red, GDCM does not), and
    // its encoder does not undo that: a redacted copy would change every pixel.
    if (TS::TSType(sourceTs) == TS::RLELossless && layout.samples > 1
        && layout.bytesPerSample > 1) {
        outcome.error = tr("Colour images with more than 8 bits per sample in RLE cannot be "
                           "redacted reliably.");
        return outcome;
    }
    if (layout.photometric == PI::YBR_FULL_422 && !sourceTs.IsEncapsulated()
        && buffer.size() == size_t(layout.width) * size_t(layout.height) * 2 * size_t(layout.frames)
        && layout.bytesPerSample == 1)
        layout.subsampled422 = true;
    if (buffer.size() < layout.frameBytes() * size_t(layout.frames)) {
        outcome.error = tr("The pixel data is shorter than the image it describes.");
        return outcome;
    }
    outcome.frameCount = layout.frames;

    const std::vector<std::array<int, 3>> palette = layout.photometric == PI::PALETTE_COLOR
                                                        ? paletteColours(decoded.GetLUT(), layout)
                                                        : std::vector<std::array<int, 3>>{};

    // The fixed regions first, then (in a text mode) the text found.
    QList<RedactedBox> boxes;
    for (const QRect &fixed : options.fixedBoxes) {
        const QRect box = fixed.intersected(QRect(0, 0, layout.width, layout.height));
        if (!box.isEmpty())
            boxes.append({box, QString()});
    }
    if (options.pixelMode == PixelRedactionMode::NoText)
        outcome.firstFrame = renderFrame(buffer, layout, 0, palette);
    else if (!findText(buffer, layout, palette, options, matcher, boxes, outcome))
        return outcome;
    outcome.boxes = boxes;
    outcome.ok = true;
    if (!apply || boxes.isEmpty())
        return outcome;

    // Black out every box on every frame.
    const std::array<qint64, 3> black = blackSamples(layout, palette);
    for (int frame = 0; frame < layout.frames; ++frame) {
        for (const RedactedBox &box : boxes)
            fillBox(buffer, layout, frame, box.rect, black);
    }

    // GDCM hands uncompressed YBR_FULL_422 back at full resolution (three samples for every
    // pixel) and still calls it YBR_FULL_422: stored as they are, those samples are YBR_FULL.
    PI outputPi = decoded.GetPhotometricInterpretation();
    if (layout.photometric == PI::YBR_FULL_422 && !layout.subsampled422)
        outputPi = PI::YBR_FULL;
    gdcm::SmartPointer<gdcm::Image> edited = new gdcm::Image;
    edited->SetNumberOfDimensions(decoded.GetNumberOfDimensions());
    edited->SetDimensions(decoded.GetDimensions());
    edited->SetPixelFormat(decoded.GetPixelFormat());
    edited->SetPhotometricInterpretation(outputPi);
    edited->SetPlanarConfiguration(decoded.GetPlanarConfiguration());
    edited->SetTransferSyntax(TS::ExplicitVRLittleEndian);
    if (layout.photometric == PI::PALETTE_COLOR)
        edited->SetLUT(decoded.GetLUT());
    gdcm::DataElement pixels(gdcm::Tag(0x7fe0, 0x0010));
    pixels.SetVR(layout.bytesPerSample == 1 ? gdcm::VR::OB : gdcm::VR::OW);
    pixels.SetByteValue(buffer.data(), gdcm::VL::Type(buffer.size()));
    edited->SetDataElement(pixels);

    gdcm::DataSet &dataSet = file.GetDataSet();
    const bool lossy = isLossySource(sourceTs, dataSet);
    TS outputTs = TS::ExplicitVRLittleEndian;
    gdcm::DataElement outputPixels = pixels;
    const bool bigEndian = TS::TSType(sourceTs) == TS::ExplicitVRBigEndian;
    if (!lossy && (sourceTs.IsEncapsulated() || bigEndian)) {
        // Lossless compression, or big-endian bytes (the rest of the data set keeps its byte
        // order as read): back into the same transfer syntax.
        gdcm::ImageChangeTransferSyntax encoder;
        encoder.SetTransferSyntax(sourceTs);
        encoder.SetInput(*edited);
        encoder.SetForce(true);
        if (!encoder.Change()) {
            outcome.ok = false;
            outcome.error = tr("The redacted pixels could not be re-encoded as %1.")
                                .arg(QString::fromLatin1(sourceTs.GetString()));
            return outcome;
        }
        outputTs = sourceTs;
        outputPixels = encoder.GetOutput().GetDataElement();
        // An encoder may store colour differently (JPEG 2000 with or without its transform).
        outputPi = encoder.GetOutput().GetPhotometricInterpretation();
    } else if (!lossy
               && (TS::TSType(sourceTs) == TS::ImplicitVRLittleEndian
                   || TS::TSType(sourceTs) == TS::DeflatedExplicitVRLittleEndian)) {
        // Uncompressed little endian: same bytes, same transfer syntax.
        outputTs = sourceTs;
    }
    // Lossy sources are written as Explicit VR Little Endian.

    dataSet.Replace(outputPixels);
    setString(
        dataSet, gdcm::Tag(0x0028, 0x0004), gdcm::VR::CS, PI::GetPIString(outputPi.GetType()));
    if (layout.samples > 1)
        setUnsignedShort(
            dataSet, gdcm::Tag(0x0028, 0x0006), quint16(decoded.GetPlanarConfiguration()));
    if (lossy)
        setString(dataSet, gdcm::Tag(0x0028, 0x2110), gdcm::VR::CS, "01");
    file.GetHeader().SetDataSetTransferSyntax(outputTs);
    outcome.outputTransferSyntax = QString::fromLatin1(outputTs.GetString());
    return outcome;
}

} // namespace Encord::Dicom
