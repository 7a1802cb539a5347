// DICOM de-identification through the real worker processes over the shared samples: what
// survives in the header (read back with DCMTK's dcmdump and with GDCM), what happens to the
// pixels (decoded again with GDCM, OCR run again with Tesseract), save conditions and the
// per-series rule, naming, and files that cannot be read.

#include "deidrunner.h"
#include "dicomdeidentifier.h"
#include "dicomheader.h"
#include "keptattributes.h"
#include "savecondition.h"
#include "sensitivetextmatcher.h"
#include "testpaths.h"
#include "textdetector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFontMetrics>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <gdcmAttribute.h>
#include <gdcmImageApplyLookupTable.h>
#include <gdcmImageChangeTransferSyntax.h>
#include <gdcmImageReader.h>
#include <gdcmImageWriter.h>
#include <gdcmReader.h>
#include <gdcmSequenceOfItems.h>
#include <gdcmUIDGenerator.h>
#include <gdcmWriter.h>

using namespace Encord::Dicom;

namespace {

// Samples that hold a storable DICOM object; every other sample must give a per-file error.
const QStringList kUnreadable = {
    QStringLiteral("dcmtk_wklist1.wl"),
    QStringLiteral("dcmtk_wklist4.wl"),
    QStringLiteral("pydicom_MR_truncated.dcm"), // its Pixel Data ends early: GDCM pads it
    QStringLiteral("pydicom_UN_sequence.dcm"),
    QStringLiteral("pydicom_chrSQEncoding.dcm"),
    QStringLiteral("pydicom_empty_charset_LEI.dcm"),
    QStringLiteral("pydicom_meta_missing_tsyntax.dcm"),
    QStringLiteral("pydicom_nested_priv_SQ.dcm"),
    QStringLiteral("pydicom_no_meta.dcm"),
    QStringLiteral("pydicom_priv_SQ.dcm"),
};

QString sampleDir()
{
    return EncordTest::sharedPath(QStringLiteral("samples/dicom"));
}

QStringList sampleNames()
{
    return QDir(sampleDir())
        .entryList({QStringLiteral("*.dcm"), QStringLiteral("*.wl")}, QDir::Files, QDir::Name);
}

// Writes an executable shell script; the runner's tests use them as stand-in workers.
bool writeScript(const QString &path, const QByteArray &body)
{
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly) || script.write("#!/bin/sh\n" + body) < 0)
        return false;
    script.close();
    return script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                 | QFileDevice::ExeOwner);
}

// A stand-in worker that speaks the real one's protocol: it logs its pid when it starts, then
// answers each request line as written, naming its pid as the output so that a test sees which
// process served which file. A request for "abort.dcm" aborts it, as a library assertion
// would; one for "hang.dcm" never answers.
bool writeFakeWorker(const QString &path, const QString &pidLog)
{
    const QByteArray body = "echo $$ >> '" + pidLog.toUtf8()
                            + "'\n"
                              "while IFS= read -r line; do\n"
                              "  case \"$line\" in\n"
                              "    *abort.dcm*) kill -ABRT $$ ;;\n"
                              "    *hang.dcm*) exec sleep 600 ;;\n"
                              "  esac\n"
                              "  printf '{\"status\":\"written\",\"output\":\"%s\"}\\n' $$\n"
                              "done\n";
    return writeScript(path, body);
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Top-level tags dcmdump lists (file meta and item/fragment delimiters left out), with the VR.
struct DumpedTag
{
    quint16 group;
    quint16 element;
    QString vr;
    int depth;
};

std::optional<QList<DumpedTag>> dcmdumpTags(const QString &path)
{
    QProcess dump;
    dump.start(QStringLiteral("dcmdump"), {QStringLiteral("-q"), path});
    if (!dump.waitForFinished(30000) || dump.exitCode() != 0)
        return std::nullopt;
    static const QRegularExpression line(
        QStringLiteral("^(\\s*)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) ([A-Z][A-Z])"));
    QList<DumpedTag> tags;
    for (const QString &text : QString::fromLatin1(dump.readAllStandardOutput()).split(u'\n')) {
        const QRegularExpressionMatch match = line.match(text);
        if (!match.hasMatch())
            continue;
        tags.append({quint16(match.captured(2).toUInt(nullptr, 16)),
                     quint16(match.captured(3).toUInt(nullptr, 16)),
                     match.captured(4),
                     int(match.captured(1).size())});
    }
    return tags;
}

// The decoded pixels of a file (Explicit VR LE), or empty when it has none.
std::vector<char> decodedPixels(const QString &path, QString *photometric = nullptr)
{
    gdcm::ImageReader reader;
    const QByteArray native = QFile::encodeName(path);
    reader.SetFileName(native.constData());
    if (!reader.Read())
        return {};
    gdcm::ImageChangeTransferSyntax change;
    change.SetTransferSyntax(gdcm::TransferSyntax::ExplicitVRLittleEndian);
    change.SetInput(reader.GetImage());
    if (!change.Change())
        return {};
    std::vector<char> buffer(change.GetOutput().GetBufferLength());
    if (!change.GetOutput().GetBuffer(buffer.data()))
        return {};
    if (photometric)
        *photometric =
            QString::fromLatin1(change.GetOutput().GetPhotometricInterpretation().GetString());
    return buffer;
}

// A file's pixels as GDCM decodes them (Explicit VR LE), with what is needed to walk them.
struct DecodedImage
{
    std::vector<char> bytes;
    QString photometric;
    int width = 0;
    int height = 0;
    int frames = 1;
    int samples = 1;
    int bytesPerSample = 1;
    int bitsStored = 8;
    bool isSigned = false;
    bool planar = false;
    bool subsampled422 = false; ///< YBR_FULL_422 left subsampled: Y0 Y1 Cb Cr per pixel pair

    bool isNull() const { return bytes.empty(); }
    qint64 sample(int frame, int x, int y, int s) const
    {
        const qsizetype pixels = qsizetype(width) * height;
        const qsizetype pixel = qsizetype(y) * width + x;
        qsizetype offset = 0;
        if (subsampled422) {
            offset = (frame * pixels / 2 + pixel / 2) * 4 + (s == 0 ? pixel % 2 : 1 + s);
        } else {
            const qsizetype index = planar ? s * pixels + pixel : pixel * samples + s;
            offset = (frame * pixels * samples + index) * bytesPerSample;
        }
        quint32 raw = 0;
        for (int b = bytesPerSample - 1; b >= 0; --b)
            raw = (raw << 8) | quint8(bytes[size_t(offset + b)]);
        if (bitsStored < 32)
            raw &= (quint32(1) << bitsStored) - 1;
        if (isSigned && (raw & (quint32(1) << (bitsStored - 1))))
            return qint64(raw) - (qint64(1) << bitsStored);
        return raw;
    }
};

// @p applyPalette: PALETTE COLOR images come back as RGB, through GDCM's lookup table.
DecodedImage decodeImage(const QString &path, bool applyPalette = false)
{
    gdcm::ImageReader reader;
    const QByteArray native = QFile::encodeName(path);
    reader.SetFileName(native.constData());
    if (!reader.Read())
        return {};
    gdcm::ImageApplyLookupTable palette;
    const gdcm::Image *image = &reader.GetImage();
    if (applyPalette
        && image->GetPhotometricInterpretation()
               == gdcm::PhotometricInterpretation::PALETTE_COLOR) {
        palette.SetInput(*image);
        if (!palette.Apply())
            return {};
        image = &palette.GetOutput();
    }
    gdcm::ImageChangeTransferSyntax change;
    change.SetTransferSyntax(gdcm::TransferSyntax::ExplicitVRLittleEndian);
    change.SetInput(*image);
    if (!change.Change())
        return {};
    const gdcm::Image &decoded = change.GetOutput();
    DecodedImage result;
    result.bytes.resize(decoded.GetBufferLength());
    if (!decoded.GetBuffer(result.bytes.data()))
        return {};
    const gdcm::PixelFormat &format = decoded.GetPixelFormat();
    result.photometric =
        QString::fromLatin1(decoded.GetPhotometricInterpretation().GetString()).trimmed();
    result.width = int(decoded.GetDimension(0));
    result.height = int(decoded.GetDimension(1));
    result.frames = decoded.GetNumberOfDimensions() > 2 ? int(decoded.GetDimension(2)) : 1;
    result.samples = format.GetSamplesPerPixel();
    result.bytesPerSample = format.GetBitsAllocated() / 8;
    result.bitsStored = format.GetBitsStored();
    result.isSigned = format.GetPixelRepresentation() == 1;
    result.planar = decoded.GetPlanarConfiguration() == 1;
    result.subsampled422 =
        result.photometric == QLatin1String("YBR_FULL_422")
        && result.bytes.size() == size_t(result.width) * result.height * 2 * result.frames;
    return result;
}

// The pixel bytes of @p path as DCMTK stores them after reading (RLE, JPEG lossless and
// JPEG-LS decompressed by DCMTK's own codecs first), a second opinion on what GDCM decodes.
// Empty when DCMTK cannot decode the transfer syntax (it has no JPEG 2000) or fails.
QByteArray dcmtkPixels(const QString &path, const QString &transferSyntax, const QString &scratch)
{
    static const QHash<QString, QString> decompressors = {
        {QStringLiteral("1.2.840.10008.1.2.5"), QStringLiteral("dcmdrle")},
        {QStringLiteral("1.2.840.10008.1.2.4.70"), QStringLiteral("dcmdjpeg")},
        {QStringLiteral("1.2.840.10008.1.2.4.80"), QStringLiteral("dcmdjpls")},
    };
    if (transferSyntax.startsWith(QLatin1String("1.2.840.10008.1.2.4."))
        && !decompressors.contains(transferSyntax))
        return {};
    QDir(scratch).removeRecursively();
    QDir().mkpath(scratch + QStringLiteral("/raw"));
    QString input = path;
    if (decompressors.contains(transferSyntax)) {
        input = scratch + QStringLiteral("/decompressed.dcm");
        QProcess tool;
        tool.start(decompressors.value(transferSyntax), {path, input});
        if (!tool.waitForFinished(30000) || tool.exitCode() != 0)
            return {};
    }
    QProcess dump;
    dump.start(
        QStringLiteral("dcmdump"),
        {QStringLiteral("-q"), QStringLiteral("+W"), scratch + QStringLiteral("/raw"), input});
    if (!dump.waitForFinished(30000) || dump.exitCode() != 0)
        return {};
    // Every OB/OW value goes to its own file; Pixel Data is the largest.
    const QFileInfoList files =
        QDir(scratch + QStringLiteral("/raw")).entryInfoList(QDir::Files, QDir::Size);
    if (files.isEmpty())
        return {};
    QFile raw(files.first().filePath());
    return raw.open(QIODevice::ReadOnly) ? raw.readAll() : QByteArray();
}

// The stored value of sample @p s that shows as black under the image's interpretation; nullopt
// for PALETTE COLOR, whose black depends on its table.
std::optional<qint64> blackSample(const DecodedImage &image, int s)
{
    const qint64 half = qint64(1) << (image.bitsStored - 1);
    const QString &pi = image.photometric;
    if (pi == QLatin1String("MONOCHROME2"))
        return image.isSigned ? -half : 0;
    if (pi == QLatin1String("MONOCHROME1"))
        return image.isSigned ? half - 1 : 2 * half - 1;
    if (pi == QLatin1String("RGB"))
        return 0;
    if (pi.startsWith(QLatin1String("YBR_FULL")))
        return s == 0 ? 0 : half;
    return std::nullopt;
}

QString transferSyntaxOf(const QString &path)
{
    gdcm::Reader reader;
    const QByteArray native = QFile::encodeName(path);
    reader.SetFileName(native.constData());
    if (!reader.Read())
        return {};
    return QString::fromLatin1(reader.GetFile().GetHeader().GetDataSetTransferSyntax().GetString());
}

void setText(gdcm::DataSet &dataSet, quint16 group, quint16 element, gdcm::VR vr, QByteArray value)
{
    if (value.size() % 2)
        value.append(vr == gdcm::VR::UI ? '\0' : ' ');
    gdcm::DataElement dataElement(gdcm::Tag(group, element));
    dataElement.SetVR(vr);
    dataElement.SetByteValue(value.constData(), gdcm::VL::Type(value.size()));
    dataSet.Replace(dataElement);
}

// @p value as it is, for binary VRs (US, SS, OW) in the little-endian byte order of the data set.
void setBytes(
    gdcm::DataSet &dataSet, quint16 group, quint16 element, gdcm::VR vr, const QByteArray &value)
{
    gdcm::DataElement dataElement(gdcm::Tag(group, element));
    dataElement.SetVR(vr);
    dataElement.SetByteValue(value.constData(), gdcm::VL::Type(value.size()));
    dataSet.Replace(dataElement);
}

QByteArray uint16s(std::initializer_list<quint16> values)
{
    QByteArray bytes;
    for (const quint16 value : values) {
        bytes.append(char(value & 0xff));
        bytes.append(char(value >> 8));
    }
    return bytes;
}

// A sequence (undefined lengths) of one item holding @p item.
gdcm::DataElement sequenceOf(const gdcm::Tag &tag, const gdcm::DataSet &item)
{
    gdcm::Item entry;
    entry.SetVLToUndefined();
    entry.SetNestedDataSet(item);
    gdcm::SmartPointer<gdcm::SequenceOfItems> items = new gdcm::SequenceOfItems;
    items->SetLengthToUndefined();
    items->AddItem(entry);
    gdcm::DataElement sequence(tag);
    sequence.SetVR(gdcm::VR::SQ);
    sequence.SetValue(*items);
    sequence.SetVLToUndefined();
    return sequence;
}

// A synthetic secondary-capture image with a patient's details burned into its pixels.
struct BurnedIn
{
    QString path;
    QImage pixels;
    QRect name;  ///< "DOE JANE"
    QRect id;    ///< "12345678"
    QRect plain; ///< "AXIAL", not identifying
};

BurnedIn writeBurnedIn(const QString &path, gdcm::TransferSyntax::TSType transferSyntax)
{
    BurnedIn sample;
    sample.path = path;
    QImage image(256, 128, QImage::Format_Grayscale8);
    image.fill(12);
    QPainter painter(&image);
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setPixelSize(14);
    font.setBold(true);
    painter.setFont(font);
    // Low contrast on purpose: grey 70 on 12.
    painter.setPen(QColor(70, 70, 70));
    const QFontMetrics metrics(font);
    const auto draw = [&](const QPoint &origin, const QString &text) {
        painter.drawText(origin, text);
        return metrics.boundingRect(text).translated(origin).adjusted(-2, -2, 2, 2);
    };
    sample.name = draw({8, 20}, QStringLiteral("DOE JANE"));
    painter.setPen(QColor(200, 200, 200));
    sample.id = draw({8, 42}, QStringLiteral("12345678"));
    sample.plain = draw({170, 118}, QStringLiteral("AXIAL"));
    painter.fillRect(QRect(90, 60, 60, 30), QColor(120, 120, 120)); // "anatomy"
    painter.end();
    sample.pixels = image;
    // The text's ink, not the font's line box: the pixels that differ from the background.
    const auto ink = [&image](const QRect &area) {
        QRect bounds;
        for (int y = std::max(0, area.top()); y <= std::min(image.height() - 1, area.bottom());
             ++y) {
            for (int x = std::max(0, area.left()); x <= std::min(image.width() - 1, area.right());
                 ++x) {
                if (image.constScanLine(y)[x] != 12)
                    bounds |= QRect(x, y, 1, 1);
            }
        }
        return bounds;
    };
    sample.name = ink(sample.name);
    sample.id = ink(sample.id);
    sample.plain = ink(sample.plain);

    gdcm::SmartPointer<gdcm::Image> pixels = new gdcm::Image;
    pixels->SetNumberOfDimensions(2);
    const unsigned int dimensions[2] = {unsigned(image.width()), unsigned(image.height())};
    pixels->SetDimensions(dimensions);
    pixels->SetPixelFormat(gdcm::PixelFormat::UINT8);
    pixels->SetPhotometricInterpretation(gdcm::PhotometricInterpretation::MONOCHROME2);
    pixels->SetTransferSyntax(gdcm::TransferSyntax::ExplicitVRLittleEndian);
    QByteArray bytes;
    for (int y = 0; y < image.height(); ++y)
        bytes.append(reinterpret_cast<const char *>(image.constScanLine(y)), image.width());
    gdcm::DataElement pixelData(gdcm::Tag(0x7fe0, 0x0010));
    pixelData.SetByteValue(bytes.constData(), gdcm::VL::Type(bytes.size()));
    pixels->SetDataElement(pixelData);

    gdcm::ImageChangeTransferSyntax change;
    change.SetTransferSyntax(transferSyntax);
    change.SetInput(*pixels);
    if (!change.Change())
        return {};

    gdcm::ImageWriter writer;
    writer.SetImage(change.GetOutput());
    gdcm::DataSet &dataSet = writer.GetFile().GetDataSet();
    gdcm::UIDGenerator uids;
    setText(dataSet, 0x0008, 0x0016, gdcm::VR::UI, "1.2.840.10008.5.1.4.1.1.7");
    setText(dataSet, 0x0008, 0x0018, gdcm::VR::UI, uids.Generate());
    setText(dataSet, 0x0008, 0x0060, gdcm::VR::CS, "OT");
    setText(dataSet, 0x0010, 0x0010, gdcm::VR::PN, "DOE^JANE");
    setText(dataSet, 0x0010, 0x0020, gdcm::VR::LO, "12345678");
    setText(dataSet, 0x0010, 0x0030, gdcm::VR::DA, "19600102");
    setText(dataSet, 0x0008, 0x0080, gdcm::VR::LO, "ST. MUNGO HOSPITAL");
    setText(dataSet, 0x0020, 0x000D, gdcm::VR::UI, uids.Generate());
    setText(dataSet, 0x0020, 0x000E, gdcm::VR::UI, uids.Generate());
    const QByteArray native = QFile::encodeName(path);
    writer.SetFileName(native.constData());
    if (!writer.Write())
        return {};
    return sample;
}

QImage frameOf(const QString &path)
{
    const std::vector<char> buffer = decodedPixels(path);
    QImage image(256, 128, QImage::Format_Grayscale8);
    if (buffer.size() != 256 * 128)
        return {};
    for (int y = 0; y < 128; ++y)
        memcpy(image.scanLine(y), buffer.data() + y * 256, 256);
    return image;
}

QString describe(const QRect &text, const QList<RedactedBox> &boxes)
{
    QStringList parts;
    for (const RedactedBox &box : boxes)
        parts.append(QStringLiteral("%1 at %2,%3 %4x%5")
                         .arg(box.text)
                         .arg(box.rect.x())
                         .arg(box.rect.y())
                         .arg(box.rect.width())
                         .arg(box.rect.height()));
    return QStringLiteral("text at %1,%2 %3x%4 not covered by [%5]")
        .arg(text.x())
        .arg(text.y())
        .arg(text.width())
        .arg(text.height())
        .arg(parts.join(QStringLiteral("; ")));
}

GreyImage grey(const QImage &image)
{
    GreyImage result(image.width(), image.height());
    for (int y = 0; y < image.height(); ++y)
        memcpy(result.row(y), image.constScanLine(y), size_t(image.width()));
    return result;
}

bool covered(const QRect &text, const QList<RedactedBox> &boxes, const QImage &image)
{
    // Every pixel of ink (not background) of the text lies inside some box.
    for (int y = text.top(); y <= text.bottom(); ++y) {
        for (int x = text.left(); x <= text.right(); ++x) {
            if (image.constScanLine(y)[x] == 12)
                continue;
            const bool inside = std::any_of(boxes.cbegin(), boxes.cend(), [&](const auto &box) {
                return box.rect.contains(x, y);
            });
            if (!inside)
                return false;
        }
    }
    return true;
}

// One explicit-VR little-endian element with a short (16-bit) length, padded to even length.
QByteArray explicitElement(quint16 group, quint16 element, const char *vr, QByteArray value)
{
    if (value.size() % 2)
        value.append('\0');
    QByteArray bytes(8, '\0');
    qToLittleEndian<quint16>(group, bytes.data());
    qToLittleEndian<quint16>(element, bytes.data() + 2);
    bytes[4] = vr[0];
    bytes[5] = vr[1];
    qToLittleEndian<quint16>(quint16(value.size()), bytes.data() + 6);
    return bytes + value;
}

// @p file (preamble, DICM, explicit little-endian meta group) with @p elements put at the start
// of its data set and every other byte as it was: unlike a rewrite by GDCM or dcmodify, which
// re-encode sequences, this keeps whatever encoding the sample has.
QByteArray withLeadingElements(const QByteArray &file, const QByteArray &elements)
{
    // (0002,0000) UL is the first meta element: its value is at 132 + 8.
    if (file.size() < 144 || file.mid(128, 4) != "DICM")
        return {};
    const qsizetype dataSet = 144 + qFromLittleEndian<quint32>(file.constData() + 140);
    return file.left(dataSet) + elements + file.mid(dataSet);
}

} // namespace

class TestDicomDeid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void shouldKeepOnlyTheKeptSetInEverySample();
    void shouldReportUnreadableAndBrokenFilesPerFile();
    void shouldReadEverySampleInProcess();
    void shouldRemoveOverlaysCurvesAndOriginalAttributesAtAnyDepth();
    void shouldNotTakeAnUndefinedLengthUnSequenceForACutFile();
    void shouldBlackOutAllBurnedInText();
    void shouldBlackOutOnlySensitiveText();
    void shouldBlackOutFixedBoxesForEveryPhotometricInterpretation_data();
    void shouldBlackOutFixedBoxesForEveryPhotometricInterpretation();
    void shouldMatchIdentifyingWordsTolerantly_data();
    void shouldMatchIdentifyingWordsTolerantly();
    void shouldEvaluateSaveConditions_data();
    void shouldEvaluateSaveConditions();
    void shouldApplySaveConditionsPerSeries();
    void shouldNameBySopInstanceUidAndNeverOverwrite();
    void shouldPreviewWithoutWriting();
    void shouldCancelAndLeaveNothingHalfWritten();
    void shouldServeManyFilesPerWorkerProcess();
    void shouldFailOnlyTheFileAWorkerDiedOn();
    void shouldStopAHungWorkerAndGoOn();

private:
    QList<DeidResult> run(const DeidOptions &options, const QList<DeidJob> &jobs);

    QTemporaryDir m_dir;
};

void TestDicomDeid::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("ENCORD_DEID_WORKER", ENCORD_DEID_WORKER_BINARY);
    qputenv("ASAN_OPTIONS", "detect_leaks=0");
}

QList<DeidResult> TestDicomDeid::run(const DeidOptions &options, const QList<DeidJob> &jobs)
{
    return DeidRunner::runBlocking(options, jobs);
}

void TestDicomDeid::shouldKeepOnlyTheKeptSetInEverySample()
{
    // Given every sample, tag redaction only
    const QString out = m_dir.filePath(QStringLiteral("tags"));
    QVERIFY(QDir().mkpath(out));
    QList<DeidJob> jobs;
    QHash<QString, QByteArray> hashes;
    for (const QString &name : sampleNames()) {
        const QString input = QDir(sampleDir()).filePath(name);
        jobs.append({input, out, DicomDeidentifier::prefixedName(name, QStringLiteral("1"))});
        hashes.insert(input, fileHash(input));
    }

    // When they are de-identified
    const QList<DeidResult> results = run(DeidOptions{}, jobs);

    // Then each readable one has a copy with nothing outside the kept set, at any depth
    QCOMPARE(results.size(), jobs.size());
    int written = 0;
    for (const DeidResult &result : results) {
        const QString name = QFileInfo(result.inputPath).fileName();
        QCOMPARE(fileHash(result.inputPath), hashes.value(result.inputPath));
        if (kUnreadable.contains(name)) {
            QVERIFY2(result.status == DeidResult::Status::Failed, qPrintable(name));
            QVERIFY(!result.error.isEmpty());
            continue;
        }
        QVERIFY2(result.status == DeidResult::Status::Written,
                 qPrintable(name + QStringLiteral(": ") + result.error));
        ++written;
        QCOMPARE(QFileInfo(result.outputPath).fileName(), QStringLiteral("deid_1_") + name);

        // A zeroed preamble (pydicom_CT_small's holds a TIFF header) and a DICM prefix
        QFile output(result.outputPath);
        QVERIFY(output.open(QIODevice::ReadOnly));
        const QByteArray head = output.read(132);
        QCOMPARE(head, QByteArray(128, '\0') + QByteArray("DICM"));

        const auto tags = dcmdumpTags(result.outputPath);
        QVERIFY2(tags, qPrintable(name + QStringLiteral(": dcmdump cannot read the output")));
        for (const DumpedTag &tag : *tags) {
            if (tag.group == 0x0002 || tag.group == 0xfffe)
                continue;
            QVERIFY2(tag.depth == 0 && tag.vr != QLatin1String("SQ")
                         && KeptAttributes::contains(tag.group, tag.element),
                     qPrintable(QStringLiteral("%1 keeps (%2,%3)")
                                    .arg(name)
                                    .arg(tag.group, 4, 16, QLatin1Char('0'))
                                    .arg(tag.element, 4, 16, QLatin1Char('0'))));
        }
        const bool hadPatientId = std::any_of(
            result.removedTags.cbegin(), result.removedTags.cend(), [](const TagSummary &tag) {
                return tag.group == 0x0010 && tag.element == 0x0020;
            });
        if (hadPatientId)
            QVERIFY(result.removedElementCount > 0);

        // Same transfer syntax, and the pixels GDCM decodes are the original's.
        QCOMPARE(transferSyntaxOf(result.outputPath), result.inputTransferSyntax);
        const std::vector<char> before = decodedPixels(result.inputPath);
        if (!before.empty())
            QVERIFY2(decodedPixels(result.outputPath) == before, qPrintable(name));
    }
    QVERIFY(written >= 40);
}

void TestDicomDeid::shouldReportUnreadableAndBrokenFilesPerFile()
{
    // Given a truncated copy, random bytes, a missing file and a good file
    const QString folder = m_dir.filePath(QStringLiteral("broken"));
    QVERIFY(QDir().mkpath(folder));
    QFile source(QDir(sampleDir()).filePath(QStringLiteral("pydicom_MR_small.dcm")));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray good = source.readAll();
    QFile truncated(QDir(folder).filePath(QStringLiteral("truncated.dcm")));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(good.left(400));
    truncated.close();
    QFile noise(QDir(folder).filePath(QStringLiteral("noise.dcm")));
    QVERIFY(noise.open(QIODevice::WriteOnly));
    noise.write(QByteArray(4096, 'x'));
    noise.close();

    DeidOptions options;
    options.pixelMode = PixelRedactionMode::AllText;
    const QList<DeidJob> jobs = {
        {truncated.fileName(), folder, QStringLiteral("out-truncated.dcm")},
        {noise.fileName(), folder, QStringLiteral("out-noise.dcm")},
        {QDir(folder).filePath(QStringLiteral("missing.dcm")),
         folder,
         QStringLiteral("out-missing.dcm")},
        {source.fileName(), folder, QStringLiteral("out-good.dcm")},
    };

    // When they run together
    const QList<DeidResult> results = run(options, jobs);

    // Then the bad ones fail alone, with a sentence, and leave nothing behind
    QCOMPARE(results.size(), 4);
    for (int index = 0; index < 3; ++index) {
        QCOMPARE(results.at(index).status, DeidResult::Status::Failed);
        QVERIFY(!results.at(index).error.isEmpty());
        QVERIFY(!QFile::exists(QDir(folder).filePath(jobs.at(index).fileName)));
    }
    QCOMPARE(results.at(3).status, DeidResult::Status::Written);

    // And a worker that dies is a per-file error too
    DeidRunner runner(DeidOptions{});
    runner.setWorkerPath(QStringLiteral("/bin/false"));
    QSignalSpy finished(&runner, &DeidRunner::finished);
    runner.start({{source.fileName(), folder, QStringLiteral("never.dcm")}});
    QVERIFY(finished.wait(10000));
    QCOMPARE(runner.results().at(0).status, DeidResult::Status::Failed);
    QVERIFY(!runner.results().at(0).error.isEmpty());

    // And a file whose pixel data the file ends inside of is an error in every mode, not a copy
    // with pixels made up for the missing bytes
    const QString cut = QDir(sampleDir()).filePath(QStringLiteral("pydicom_MR_truncated.dcm"));
    for (const PixelRedactionMode mode :
         {PixelRedactionMode::NoText, PixelRedactionMode::AllText}) {
        DeidOptions cutOptions;
        cutOptions.pixelMode = mode;
        const DeidResult cutResult =
            run(cutOptions, {{cut, folder, QStringLiteral("out-cut.dcm")}}).at(0);
        QCOMPARE(cutResult.status, DeidResult::Status::Failed);
        QVERIFY2(cutResult.error.contains(QStringLiteral("cut short")),
                 qPrintable(cutResult.error));
        QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("out-cut.dcm"))));
    }
    const DeidResult cutPreview = DicomDeidentifier(DeidOptions{}).preview(cut);
    QCOMPARE(cutPreview.status, DeidResult::Status::Failed);

    // And so is a file cut inside an encapsulated fragment or just before the fragments'
    // delimiter, or inside implicit-VR or big-endian Pixel Data
    const QList<std::pair<QString, int>> cuts = {
        {QStringLiteral("pydicom_JPEG2000.dcm"), 100},
        {QStringLiteral("pydicom_JPEG2000.dcm"), 8},
        {QStringLiteral("pydicom_MR_small_implicit.dcm"), 1},
        {QStringLiteral("pydicom_MR_small_bigendian.dcm"), 100},
    };
    for (const auto &[name, dropped] : cuts) {
        QFile whole(QDir(sampleDir()).filePath(name));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QString shortened =
            QDir(folder).filePath(QStringLiteral("cut-%1-%2").arg(dropped).arg(name));
        QFile part(shortened);
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(whole.readAll().chopped(dropped));
        part.close();
        const DeidResult cutResult =
            run(DeidOptions{}, {{shortened, folder, QStringLiteral("out-cut.dcm")}}).at(0);
        QVERIFY2(cutResult.error.contains(QStringLiteral("cut short")),
                 qPrintable(name + QStringLiteral(": ") + cutResult.error));
        QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("out-cut.dcm"))));
    }
}

void TestDicomDeid::shouldReadEverySampleInProcess()
{
    // Given every sample and the engine in this process, as encord-deid-bench runs it
    const DicomDeidentifier engine{DeidOptions{}};

    // When each is inspected and previewed
    for (const QString &name : sampleNames()) {
        const QString path = QDir(sampleDir()).filePath(name);
        const DeidResult inspected = engine.inspect(path);
        const DeidResult previewed = engine.preview(path);

        // Then this process is still running (GDCM asserted and aborted it when
        // pydicom_nested_priv_SQ.dcm was measured for truncation), and each answer is a result
        // or a per-file error with its reason
        for (const DeidResult &result : {inspected, previewed}) {
            QVERIFY2(
                result.status == DeidResult::Status::Previewed
                    || (result.status == DeidResult::Status::Failed && !result.error.isEmpty()),
                qPrintable(name));
        }
    }
    const DeidResult nested =
        engine.preview(QDir(sampleDir()).filePath(QStringLiteral("pydicom_nested_priv_SQ.dcm")));
    QCOMPARE(nested.status, DeidResult::Status::Previewed);
}

void TestDicomDeid::shouldRemoveOverlaysCurvesAndOriginalAttributesAtAnyDepth()
{
    // Given a real MR image with what no shared sample has: two overlay planes (6000, 6002), a
    // curve (5000), an Original Attributes Sequence holding replaced identifying values, and a
    // private block inside a sequence item
    gdcm::Reader reader;
    const QByteArray source =
        QFile::encodeName(QDir(sampleDir()).filePath(QStringLiteral("pydicom_MR_small.dcm")));
    reader.SetFileName(source.constData());
    QVERIFY(reader.Read());
    gdcm::DataSet &dataSet = reader.GetFile().GetDataSet();
    for (const quint16 overlay : {quint16(0x6000), quint16(0x6002)}) {
        setBytes(dataSet, overlay, 0x0010, gdcm::VR::US, uint16s({64})); // OverlayRows
        setBytes(dataSet, overlay, 0x0011, gdcm::VR::US, uint16s({64})); // OverlayColumns
        setText(dataSet, overlay, 0x0022, gdcm::VR::LO, "DOE JANE 12345678");
        setText(dataSet, overlay, 0x0040, gdcm::VR::CS, "G");              // OverlayType
        setBytes(dataSet, overlay, 0x0050, gdcm::VR::SS, uint16s({1, 1})); // OverlayOrigin
        setBytes(dataSet, overlay, 0x0100, gdcm::VR::US, uint16s({1}));    // OverlayBitsAllocated
        setBytes(dataSet, overlay, 0x0102, gdcm::VR::US, uint16s({0}));    // OverlayBitPosition
        setBytes(dataSet, overlay, 0x3000, gdcm::VR::OW, QByteArray(64 * 64 / 8, '\x55'));
    }
    setBytes(dataSet, 0x5000, 0x0005, gdcm::VR::US, uint16s({2}));       // CurveDimensions
    setBytes(dataSet, 0x5000, 0x0010, gdcm::VR::US, uint16s({2}));       // NumberOfPoints
    setText(dataSet, 0x5000, 0x0020, gdcm::VR::CS, "POLY");              // TypeOfData
    setText(dataSet, 0x5000, 0x0022, gdcm::VR::LO, "DOE JANE 12345678"); // CurveDescription
    setBytes(dataSet, 0x5000, 0x0103, gdcm::VR::US, uint16s({0}));       // DataValueRepresentation
    setBytes(dataSet, 0x5000, 0x3000, gdcm::VR::OW, uint16s({0, 0, 63, 63})); // CurveData

    gdcm::DataSet modified;
    setText(modified, 0x0010, 0x0010, gdcm::VR::PN, "DOE^JANE");
    setText(modified, 0x0010, 0x0020, gdcm::VR::LO, "12345678");
    gdcm::DataSet original;
    original.Insert(sequenceOf(gdcm::Tag(0x0400, 0x0550), modified)); // ModifiedAttributesSeq.
    setText(original, 0x0400, 0x0562, gdcm::VR::DT, "20260101120000");
    setText(original, 0x0400, 0x0563, gdcm::VR::LO, "ST. MUNGO PACS"); // ModifyingSystem
    setText(original, 0x0400, 0x0565, gdcm::VR::CS, "COERCE");
    dataSet.Replace(sequenceOf(gdcm::Tag(0x0400, 0x0561), original));

    gdcm::UIDGenerator uids;
    gdcm::DataSet referenced;
    setText(referenced, 0x0008, 0x1150, gdcm::VR::UI, "1.2.840.10008.5.1.4.1.1.4");
    setText(referenced, 0x0008, 0x1155, gdcm::VR::UI, uids.Generate());
    setText(referenced, 0x0029, 0x0010, gdcm::VR::LO, "ACME 1.0"); // private creator
    setText(referenced, 0x0029, 0x1010, gdcm::VR::LO, "DOE JANE 12345678");
    dataSet.Replace(sequenceOf(gdcm::Tag(0x0008, 0x1140), referenced)); // ReferencedImageSeq.

    const QString folder = m_dir.filePath(QStringLiteral("graphics"));
    QVERIFY(QDir().mkpath(folder));
    const QString input = QDir(folder).filePath(QStringLiteral("planted.dcm"));
    gdcm::Writer writer;
    writer.SetFile(reader.GetFile());
    const QByteArray native = QFile::encodeName(input);
    writer.SetFileName(native.constData());
    QVERIFY(writer.Write());

    // The tags a copy must not have, at any depth: overlays and curves (even groups 6000-601E
    // and 5000-501E), Original and Modified Attributes Sequences, and private elements
    const auto forbidden = [](const DumpedTag &tag) {
        const bool repeating = (tag.group & 0xffe1) == 0x6000 || (tag.group & 0xffe1) == 0x5000;
        const bool attributes =
            tag.group == 0x0400 && (tag.element == 0x0561 || tag.element == 0x0550);
        return repeating || attributes || (tag.group % 2 == 1 && tag.group != 0xfffe);
    };
    const auto planted = dcmdumpTags(input);
    QVERIFY2(planted, "dcmdump cannot read the input");
    const auto count = [&forbidden](const QList<DumpedTag> &tags, bool nestedOnly) {
        return std::count_if(tags.cbegin(), tags.cend(), [&](const DumpedTag &tag) {
            return forbidden(tag) && (!nestedOnly || tag.depth > 0);
        });
    };
    QCOMPARE(count(*planted, false), 26); // 2 x 8 overlay, 6 curve, 2 attribute, 2 private
    QCOMPARE(count(*planted, true), 3);   // (0400,0550) and the private creator and element

    for (const PixelRedactionMode mode :
         {PixelRedactionMode::NoText, PixelRedactionMode::AllText}) {
        // When it is de-identified, in tag-only and in pixel mode
        DeidOptions options;
        options.pixelMode = mode;
        const QString name = QStringLiteral("out-%1.dcm").arg(int(mode));
        const DeidResult result = run(options, {{input, folder, name}}).at(0);
        QVERIFY2(result.status == DeidResult::Status::Written, qPrintable(result.error));

        // Then DCMTK finds none of them in the copy, nor anything nested, nor their text
        const auto tags = dcmdumpTags(result.outputPath);
        QVERIFY2(tags, "dcmdump cannot read the output");
        for (const DumpedTag &tag : *tags) {
            QVERIFY2(!forbidden(tag) && tag.depth == 0,
                     qPrintable(QStringLiteral("the copy keeps (%1,%2) at depth %3")
                                    .arg(tag.group, 4, 16, QLatin1Char('0'))
                                    .arg(tag.element, 4, 16, QLatin1Char('0'))
                                    .arg(tag.depth)));
        }
        QFile output(result.outputPath);
        QVERIFY(output.open(QIODevice::ReadOnly));
        const QByteArray bytes = output.readAll();
        for (const char *text : {"12345678", "DOE JANE", "ACME", "MUNGO", "COERCE"})
            QVERIFY2(!bytes.contains(text), text);
    }
}

void TestDicomDeid::shouldNotTakeAnUndefinedLengthUnSequenceForACutFile()
{
    // Given pydicom_UN_sequence.dcm, whose private sequence is stored as UN with undefined
    // lengths, made storable by SOP Class and Instance UIDs put in front of its data set
    QFile sample(QDir(sampleDir()).filePath(QStringLiteral("pydicom_UN_sequence.dcm")));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray uids = explicitElement(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7")
                            + explicitElement(0x0008, 0x0018, "UI", "1.2.826.0.1.3680043.2.1143.1");
    const QByteArray bytes = withLeadingElements(sample.readAll(), uids);
    QVERIFY(!bytes.isEmpty());
    const QString folder = m_dir.filePath(QStringLiteral("un-sequence"));
    QVERIFY(QDir().mkpath(folder));
    const QString input = QDir(folder).filePath(QStringLiteral("un-sequence.dcm"));
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    const auto inputTags = dcmdumpTags(input);
    QVERIFY2(inputTags, "dcmdump cannot read the input");
    QVERIFY(std::any_of(inputTags->cbegin(), inputTags->cend(), [](const DumpedTag &tag) {
        return tag.group == 0x4453 && tag.element == 0x100c && tag.vr == QLatin1String("SQ");
    }));

    // When it is de-identified
    const DeidResult result =
        run(DeidOptions{}, {{input, folder, QStringLiteral("out.dcm")}}).at(0);

    // Then it is written, not refused as cut short, and the copy has no trace of the sequence
    QVERIFY2(result.status == DeidResult::Status::Written, qPrintable(result.error));
    const auto tags = dcmdumpTags(result.outputPath);
    QVERIFY2(tags, "dcmdump cannot read the output");
    QVERIFY(std::none_of(tags->cbegin(), tags->cend(), [](const DumpedTag &tag) {
        return tag.group == 0x4453 || tag.depth > 0;
    }));
    QCOMPARE(result.sopInstanceUid, QStringLiteral("1.2.826.0.1.3680043.2.1143.1"));
}

void TestDicomDeid::shouldBlackOutAllBurnedInText()
{
    // Given the same image with a name, an ID and a plain word burned in, stored lossless
    // (RLE, JPEG-LS, JPEG 2000, JPEG lossless), uncompressed and lossy (JPEG baseline)
    struct Encoding
    {
        gdcm::TransferSyntax::TSType syntax;
        QString outputSyntax; ///< what the rule says the output must use
        bool lossy;
    };
    const QList<Encoding> encodings = {
        {gdcm::TransferSyntax::RLELossless, QStringLiteral("1.2.840.10008.1.2.5"), false},
        {gdcm::TransferSyntax::JPEGLSLossless, QStringLiteral("1.2.840.10008.1.2.4.80"), false},
        {gdcm::TransferSyntax::JPEG2000Lossless, QStringLiteral("1.2.840.10008.1.2.4.90"), false},
        {gdcm::TransferSyntax::JPEGLosslessProcess14_1,
         QStringLiteral("1.2.840.10008.1.2.4.70"),
         false},
        {gdcm::TransferSyntax::ExplicitVRLittleEndian,
         QStringLiteral("1.2.840.10008.1.2.1"),
         false},
        {gdcm::TransferSyntax::JPEGBaselineProcess1, QStringLiteral("1.2.840.10008.1.2.1"), true},
    };
    const QString folder = m_dir.filePath(QStringLiteral("alltext"));
    QVERIFY(QDir().mkpath(folder));
    QList<BurnedIn> samples;
    QList<DeidJob> jobs;
    for (const Encoding &encoding : encodings) {
        const QString name = QStringLiteral("burned-%1.dcm").arg(int(encoding.syntax));
        samples.append(writeBurnedIn(QDir(folder).filePath(name), encoding.syntax));
        QVERIFY2(!samples.last().path.isEmpty(), qPrintable(name));
        jobs.append({samples.last().path, folder, QStringLiteral("out-") + name});
    }

    // When all text is redacted
    DeidOptions options;
    options.pixelMode = PixelRedactionMode::AllText;
    const QList<DeidResult> results = run(options, jobs);

    TextDetector detector;
    QVERIFY2(detector.isReady(), qPrintable(detector.errorString()));
    for (int index = 0; index < encodings.size(); ++index) {
        const BurnedIn &sample = samples.at(index);
        const DeidResult &result = results.at(index);
        const QString label = QFileInfo(sample.path).fileName();
        QVERIFY2(result.status == DeidResult::Status::Written,
                 qPrintable(label + QStringLiteral(": ") + result.error));

        // Then every word lies inside a box
        QVERIFY2(covered(sample.name, result.boxes, sample.pixels),
                 qPrintable(label + describe(sample.name, result.boxes)));
        QVERIFY2(covered(sample.id, result.boxes, sample.pixels),
                 qPrintable(label + describe(sample.id, result.boxes)));
        QVERIFY2(covered(sample.plain, result.boxes, sample.pixels),
                 qPrintable(label + describe(sample.plain, result.boxes)));

        // And lossless sources keep their transfer syntax, lossy ones are stored uncompressed
        // and still say they were lossy once
        QCOMPARE(transferSyntaxOf(result.outputPath), encodings.at(index).outputSyntax);
        const auto tags = dcmdumpTags(result.outputPath);
        QVERIFY(tags);
        const bool flagged = std::any_of(tags->cbegin(), tags->cend(), [](const DumpedTag &tag) {
            return tag.group == 0x0028 && tag.element == 0x2110;
        });
        QCOMPARE(flagged, encodings.at(index).lossy);

        // And the boxes are black, every other pixel is the source's decoded pixel
        const QImage before = frameOf(sample.path);
        const QImage after = frameOf(result.outputPath);
        QVERIFY(!before.isNull() && !after.isNull());
        for (int y = 0; y < after.height(); ++y) {
            for (int x = 0; x < after.width(); ++x) {
                const bool inBox =
                    std::any_of(result.boxes.cbegin(), result.boxes.cend(), [&](const auto &box) {
                        return box.rect.contains(x, y);
                    });
                const int expected = inBox ? 0 : before.constScanLine(y)[x];
                if (after.constScanLine(y)[x] != expected)
                    QFAIL(qPrintable(label + QStringLiteral(": pixel %1,%2").arg(x).arg(y)));
            }
        }

        // And OCR finds no word in the result any more
        QStringList left;
        for (const DetectedWord &word : detector.detect(grey(after)))
            left.append(word.text);
        QVERIFY2(left.isEmpty(), qPrintable(label + QStringLiteral(": ") + left.join(u' ')));
    }
}

void TestDicomDeid::shouldBlackOutOnlySensitiveText()
{
    // Given an uncompressed image with a name, an ID and a plain word burned in
    const QString folder = m_dir.filePath(QStringLiteral("sensitive"));
    QVERIFY(QDir().mkpath(folder));
    const BurnedIn sample = writeBurnedIn(QDir(folder).filePath(QStringLiteral("burned.dcm")),
                                          gdcm::TransferSyntax::ExplicitVRLittleEndian);
    QVERIFY(!sample.path.isEmpty());

    // When only sensitive text is redacted
    DeidOptions options;
    options.pixelMode = PixelRedactionMode::SensitiveText;
    const QList<DeidResult> results =
        run(options, {{sample.path, folder, QStringLiteral("out.dcm")}});
    const DeidResult &result = results.at(0);
    QVERIFY2(result.status == DeidResult::Status::Written, qPrintable(result.error));

    // Then the name and the ID (from the header) are black, the plain word stays
    QVERIFY2(covered(sample.name, result.boxes, sample.pixels),
             qPrintable(describe(sample.name, result.boxes)));
    QVERIFY2(covered(sample.id, result.boxes, sample.pixels),
             qPrintable(describe(sample.id, result.boxes)));
    for (const RedactedBox &box : result.boxes)
        QVERIFY2(!box.rect.intersects(sample.plain), qPrintable(box.text));
    const QImage after = frameOf(result.outputPath);
    QCOMPARE(after.pixel(sample.plain.center()), sample.pixels.pixel(sample.plain.center()));
}

void TestDicomDeid::shouldBlackOutFixedBoxesForEveryPhotometricInterpretation_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("outputSyntax"); ///< the rule's; empty: refused, a per-file error
    QTest::addColumn<bool>("lossyFlag");       ///< (0028,2110) must say 01

    const QString explicitLe = QStringLiteral("1.2.840.10008.1.2.1");
    const QString rle = QStringLiteral("1.2.840.10008.1.2.5");
    QTest::newRow("palette, RLE, 10 frames")
        << QStringLiteral("octave_US-PAL-8-10x-echo.dcm") << rle << false;
    QTest::newRow("MONOCHROME1, implicit LE")
        << QStringLiteral("octave_simple-test.dcm") << QStringLiteral("1.2.840.10008.1.2") << false;
    QTest::newRow("MONOCHROME2 signed 16-bit")
        << QStringLiteral("pydicom_MR_small.dcm") << explicitLe << false;
    QTest::newRow("MONOCHROME2 signed 16-bit, implicit LE")
        << QStringLiteral("octave_CT-MONO2-16-ankle.dcm") << QStringLiteral("1.2.840.10008.1.2")
        << false;
    QTest::newRow("MONOCHROME2 signed 16-bit, big endian")
        << QStringLiteral("pydicom_MR_small_bigendian.dcm") << QStringLiteral("1.2.840.10008.1.2.2")
        << false;
    QTest::newRow("MONOCHROME2 signed 16-bit, RLE")
        << QStringLiteral("pydicom_MR_small_RLE.dcm") << rle << false;
    QTest::newRow("MONOCHROME2 signed, JPEG-LS lossless")
        << QStringLiteral("pydicom_MR_small_jpeg_ls_lossless.dcm")
        << QStringLiteral("1.2.840.10008.1.2.4.80") << false;
    QTest::newRow("MONOCHROME2 signed, JPEG 2000 lossless")
        << QStringLiteral("pydicom_MR_small_jp2klossless.dcm")
        << QStringLiteral("1.2.840.10008.1.2.4.90") << false;
    QTest::newRow("MONOCHROME2 signed, JPEG 2000 lossy")
        << QStringLiteral("pydicom_JPEG2000.dcm") << explicitLe << true;
    QTest::newRow("MONOCHROME2 12-bit, JPEG extended (lossy)")
        << QStringLiteral("pydicom_JPGExtended.dcm") << explicitLe << true;
    QTest::newRow("MONOCHROME2 32-bit, RLE, 15 frames")
        << QStringLiteral("pydicom_rtdose_rle.dcm") << rle << false;
    QTest::newRow("MONOCHROME2, deflated") << QStringLiteral("pydicom_image_dfl.dcm")
                                           << QStringLiteral("1.2.840.10008.1.2.1.99") << false;
    QTest::newRow("RGB, odd size")
        << QStringLiteral("pydicom_SC_rgb_small_odd.dcm") << explicitLe << false;
    QTest::newRow("RGB planar, big endian") << QStringLiteral("pydicom_ExplVR_BigEnd.dcm")
                                            << QStringLiteral("1.2.840.10008.1.2.2") << false;
    QTest::newRow("RGB, RLE, 2 frames")
        << QStringLiteral("pydicom_SC_rgb_rle_2frame.dcm") << rle << false;
    // GDCM misplaces the bytes of colour RLE samples wider than 8 bits: refused, not mangled.
    QTest::newRow("RGB 16-bit, RLE, 2 frames (refused)")
        << QStringLiteral("pydicom_SC_rgb_rle_16bit_2frame.dcm") << QString() << false;
    QTest::newRow("RGB, JPEG lossless") << QStringLiteral("pydicom_SC_rgb_jpeg_gdcm.dcm")
                                        << QStringLiteral("1.2.840.10008.1.2.4.70") << false;
    QTest::newRow("YBR_FULL, JPEG baseline")
        << QStringLiteral("pydicom_SC_rgb_jpeg_dcmtk.dcm") << explicitLe << true;
    QTest::newRow("YBR_FULL, JPEG baseline, odd size")
        << QStringLiteral("pydicom_SC_rgb_small_odd_jpeg.dcm") << explicitLe << true;
    QTest::newRow("YBR_FULL_422 uncompressed, lossy once")
        << QStringLiteral("pydicom_SC_ybr_full_422_uncompressed.dcm") << explicitLe << true;
    QTest::newRow("YBR_RCT, JPEG 2000 lossless")
        << QStringLiteral("pydicom_GDCMJ2K_TextGBR.dcm") << QStringLiteral("1.2.840.10008.1.2.4.90")
        << false;
}

void TestDicomDeid::shouldBlackOutFixedBoxesForEveryPhotometricInterpretation()
{
    QFETCH(QString, sample);
    QFETCH(QString, outputSyntax);
    QFETCH(bool, lossyFlag);

    // Given a sample and a box over part of it: pair-aligned, so that a YBR_FULL_422 pair is
    // either inside or outside it
    const QString input = QDir(sampleDir()).filePath(sample);
    const DecodedImage before = decodeImage(input);
    QVERIFY2(!before.isNull(), qPrintable(sample));
    const int left = (before.width / 4) & ~1;
    const QRect box(left,
                    before.height / 4,
                    std::max(1, (before.width / 2) & ~1),
                    std::max(1, before.height / 3));
    const QString folder = m_dir.filePath(QStringLiteral("fixed"));
    QVERIFY(QDir().mkpath(folder));

    // When it is de-identified with that box (no text search)
    DeidOptions options;
    options.fixedBoxes = {box, QRect(-50, -50, 10, 10)}; // the second lies outside the image
    const QList<DeidResult> results =
        run(options, {{input, folder, QStringLiteral("boxed-") + sample}});
    const DeidResult &result = results.at(0);
    if (outputSyntax.isEmpty()) {
        QCOMPARE(result.status, DeidResult::Status::Failed);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(QDir(folder).entryList({QStringLiteral("*") + sample}, QDir::Files).isEmpty());
        return;
    }
    QVERIFY2(result.status == DeidResult::Status::Written, qPrintable(result.error));
    QCOMPARE(result.boxes.size(), 1);
    QCOMPARE(result.boxes.first().rect, box);

    // Then the copy opens in DCMTK, follows the transfer-syntax rule, keeps the lossy flag
    const auto tags = dcmdumpTags(result.outputPath);
    QVERIFY2(tags, "dcmdump cannot read the output");
    QCOMPARE(transferSyntaxOf(result.outputPath), outputSyntax);
    QProcess flag;
    flag.start(QStringLiteral("dcmdump"),
               {QStringLiteral("-q"),
                QStringLiteral("+P"),
                QStringLiteral("0028,2110"),
                result.outputPath});
    QVERIFY(flag.waitForFinished(30000));
    QCOMPARE(QString::fromLatin1(flag.readAllStandardOutput()).contains(QLatin1String("[01]")),
             lossyFlag);

    // And on every frame the box holds the interpretation's black and nothing else changed
    const DecodedImage after = decodeImage(result.outputPath);
    QVERIFY(!after.isNull());
    // GDCM decodes YBR_FULL_422 to full resolution: stored so, it is YBR_FULL
    const bool upsampled =
        before.photometric == QLatin1String("YBR_FULL_422") && !before.subsampled422;
    QCOMPARE(after.photometric, upsampled ? QStringLiteral("YBR_FULL") : before.photometric);
    // DCMTK reads the same pixels from the copy as GDCM (an odd length has a pad byte more)
    const QByteArray second =
        dcmtkPixels(result.outputPath, outputSyntax, m_dir.filePath(QStringLiteral("dcmtk")));
    const QByteArray decoded(after.bytes.data(), qsizetype(after.bytes.size()));
    if (!outputSyntax.startsWith(QLatin1String("1.2.840.10008.1.2.4.9"))) // no JPEG 2000 in DCMTK
        QVERIFY2(second.left(decoded.size()) == decoded && second.size() - decoded.size() <= 1,
                 "DCMTK and GDCM read different pixels from the copy");
    QCOMPARE(after.bytes.size(), before.bytes.size());
    QCOMPARE(after.frames, before.frames);
    for (int frame = 0; frame < after.frames; ++frame) {
        for (int y = 0; y < after.height; ++y) {
            for (int x = 0; x < after.width; ++x) {
                for (int s = 0; s < after.samples; ++s) {
                    const qint64 value = after.sample(frame, x, y, s);
                    const std::optional<qint64> black = blackSample(after, s);
                    const bool inside = box.contains(x, y);
                    if (inside && black && value == *black)
                        continue;
                    if (!inside && value == before.sample(frame, x, y, s))
                        continue;
                    if (inside && !black)
                        continue; // palette: checked below through its table
                    QFAIL(qPrintable(
                        QStringLiteral("frame %1, pixel %2,%3, sample %4: %5 (%6), was %7")
                            .arg(frame)
                            .arg(x)
                            .arg(y)
                            .arg(s)
                            .arg(value)
                            .arg(inside ? QStringLiteral("inside the box")
                                        : QStringLiteral("outside"))
                            .arg(before.sample(frame, x, y, s))));
                }
            }
        }
    }

    // A palette's black is its darkest colour: no pixel of any frame is darker than the box
    if (after.photometric == QLatin1String("PALETTE COLOR")) {
        const DecodedImage colours = decodeImage(result.outputPath, true);
        const DecodedImage original = decodeImage(input, true);
        QCOMPARE(colours.photometric, QStringLiteral("RGB"));
        const auto brightness = [](const DecodedImage &image, int frame, int x, int y) {
            return image.sample(frame, x, y, 0) + image.sample(frame, x, y, 1)
                   + image.sample(frame, x, y, 2);
        };
        const qint64 boxed = brightness(colours, 0, box.left(), box.top());
        for (int frame = 0; frame < colours.frames; ++frame) {
            for (int y = 0; y < colours.height; ++y) {
                for (int x = 0; x < colours.width; ++x) {
                    if (box.contains(x, y))
                        QCOMPARE(brightness(colours, frame, x, y), boxed);
                    else
                        QVERIFY(brightness(original, frame, x, y) >= boxed);
                }
            }
        }
        QCOMPARE(boxed, qint64(0)); // this palette has a true black
    }
}

void TestDicomDeid::shouldMatchIdentifyingWordsTolerantly_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("sensitive");

    // Header values (writeBurnedIn): name DOE^JANE, ID 12345678, birth date 19600102,
    // institution ST. MUNGO HOSPITAL.
    QTest::newRow("a name part") << "JANE" << true;
    QTest::newRow("a name part in lower case") << "doe," << true;
    QTest::newRow("a name read with one wrong letter") << "JAME" << true;
    QTest::newRow("name parts run together") << "DOE*JANE" << true;
    QTest::newRow("the ID") << "12345678" << true;
    QTest::newRow("the ID read with two wrong characters") << "I2345G78" << true;
    QTest::newRow("the ID behind a label") << "ID:12345678" << true;
    QTest::newRow("the birth date as written") << "1960-01-02" << true;
    QTest::newRow("the birth date day first") << "02/01/1960" << true;
    QTest::newRow("the birth date run together, day first") << "02011960" << true;
    QTest::newRow("the birth date with a month name") << "02-JAN-1960" << true;
    QTest::newRow("another written date") << "12.11.2001" << true;
    QTest::newRow("a word of the institution") << "MUNGO" << true;
    QTest::newRow("an unrelated word") << "AXIAL" << false;
    QTest::newRow("a short word") << "MR" << false;
    QTest::newRow("a number that is not the ID") << "512" << false;
    QTest::newRow("an unrelated longer word") << "SAGITTAL" << false;
}

void TestDicomDeid::shouldMatchIdentifyingWordsTolerantly()
{
    QFETCH(QString, word);
    QFETCH(bool, sensitive);

    // Given the header of the burned-in sample
    const QString path = m_dir.filePath(QStringLiteral("matcher.dcm"));
    if (!QFile::exists(path))
        QVERIFY(!writeBurnedIn(path, gdcm::TransferSyntax::ExplicitVRLittleEndian).path.isEmpty());
    gdcm::Reader reader;
    const QByteArray native = QFile::encodeName(path);
    reader.SetFileName(native.constData());
    QVERIFY(reader.Read());
    const DicomHeader header(reader.GetFile());
    const SensitiveTextMatcher matcher(header);

    // Then a word read from the pixels is sensitive when it matches one of its identifying
    // values, tolerantly
    QVERIFY2(matcher.isSensitive(word) == sensitive, qPrintable(matcher.terms().join(u' ')));
}

void TestDicomDeid::shouldEvaluateSaveConditions_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<std::optional<QStringList>>("components");
    QTest::addColumn<bool>("holds");

    const QStringList modalities = {QStringLiteral("ct"), QStringLiteral("mr")};
    QTest::newRow("IN matches case-insensitively")
        << "IN" << modalities << std::optional<QStringList>(QStringList{QStringLiteral("MR")})
        << true;
    QTest::newRow("IN ignores padding")
        << "IN" << modalities << std::optional<QStringList>(QStringList{QStringLiteral(" CT ")})
        << true;
    QTest::newRow("IN false for another value")
        << "IN" << modalities << std::optional<QStringList>(QStringList{QStringLiteral("US")})
        << false;
    QTest::newRow("IN false when absent")
        << "IN" << modalities << std::optional<QStringList>() << false;
    QTest::newRow("IN matches one component of a multi-valued value")
        << "IN" << QStringList{QStringLiteral("axial")}
        << std::optional<QStringList>(
               {QStringLiteral("ORIGINAL"), QStringLiteral("PRIMARY"), QStringLiteral("AXIAL")})
        << true;
    QTest::newRow("IN matches the whole multi-valued value")
        << "IN" << QStringList{QStringLiteral("ORIGINAL\\PRIMARY")}
        << std::optional<QStringList>({QStringLiteral("ORIGINAL"), QStringLiteral("PRIMARY ")})
        << true;
    QTest::newRow("NOT_SUBSTR false when contained")
        << "NOT_SUBSTR" << QStringList{QStringLiteral("primary")}
        << std::optional<QStringList>({QStringLiteral("ORIGINAL"), QStringLiteral("PRIMARY")})
        << false;
    QTest::newRow("NOT_SUBSTR true when not contained")
        << "NOT_SUBSTR" << QStringList{QStringLiteral("DERIVED")}
        << std::optional<QStringList>({QStringLiteral("ORIGINAL"), QStringLiteral("PRIMARY")})
        << true;
    QTest::newRow("NOT_SUBSTR spans components")
        << "NOT_SUBSTR" << QStringList{QStringLiteral("L\\PRI")}
        << std::optional<QStringList>({QStringLiteral("ORIGINAL"), QStringLiteral("PRIMARY")})
        << false;
    QTest::newRow("NOT_SUBSTR true when absent")
        << "NOT_SUBSTR" << QStringList{QStringLiteral("X")} << std::optional<QStringList>() << true;
}

void TestDicomDeid::shouldEvaluateSaveConditions()
{
    QFETCH(QString, type);
    QFETCH(QStringList, values);
    QFETCH(std::optional<QStringList>, components);
    QFETCH(bool, holds);

    // Every accepted tag spelling names the same tag
    for (const QString &tag : {QStringLiteral("00080060"),
                               QStringLiteral("x00080060"),
                               QStringLiteral("(0008,0060)"),
                               QStringLiteral("0008,0060")}) {
        QJsonObject json{{QStringLiteral("condition_type"), type},
                         {QStringLiteral("dicom_tag"), tag}};
        if (type == QLatin1String("IN"))
            json.insert(QStringLiteral("value"), QJsonArray::fromStringList(values));
        else
            json.insert(QStringLiteral("value"), values.value(0));
        QString error;
        const auto condition = SaveCondition::fromJson(json, &error);
        QVERIFY2(condition, qPrintable(error));
        QCOMPARE(condition->group, quint16(0x0008));
        QCOMPARE(condition->element, quint16(0x0060));
        QCOMPARE(condition->holds(components), holds);
    }
}

void TestDicomDeid::shouldApplySaveConditionsPerSeries()
{
    // Given two files of one MR series, one of them a LOCALIZER, and a CT of another series
    const QString folder = m_dir.filePath(QStringLiteral("series"));
    QVERIFY(QDir().mkpath(folder));
    const QString mr = QDir(sampleDir()).filePath(QStringLiteral("pydicom_MR_small.dcm"));
    const QString localizer = QDir(folder).filePath(QStringLiteral("localizer.dcm"));
    {
        gdcm::Reader reader;
        const QByteArray native = QFile::encodeName(mr);
        reader.SetFileName(native.constData());
        QVERIFY(reader.Read());
        gdcm::DataSet &dataSet = reader.GetFile().GetDataSet();
        gdcm::UIDGenerator uids;
        setText(dataSet, 0x0008, 0x0008, gdcm::VR::CS, "DERIVED\\SECONDARY\\LOCALIZER");
        setText(dataSet, 0x0008, 0x0018, gdcm::VR::UI, uids.Generate());
        gdcm::Writer writer;
        writer.SetFile(reader.GetFile());
        const QByteArray out = QFile::encodeName(localizer);
        writer.SetFileName(out.constData());
        QVERIFY(writer.Write());
    }
    const QString ct = QDir(sampleDir()).filePath(QStringLiteral("pydicom_CT_small.dcm"));

    DeidOptions options;
    QString error;
    options.saveConditions.append(
        *SaveCondition::fromJson({{QStringLiteral("conditionType"), QStringLiteral("notSubstr")},
                                  {QStringLiteral("dicomTag"), QStringLiteral("00080008")},
                                  {QStringLiteral("value"), QStringLiteral("localizer")}},
                                 &error));

    // When all three are de-identified
    const QList<DeidResult> results = run(options,
                                          {{mr, folder, QStringLiteral("mr.dcm")},
                                           {localizer, folder, QStringLiteral("mr-localizer.dcm")},
                                           {ct, folder, QStringLiteral("ct.dcm")}});

    // Then the failing file blocks its whole series, the other series is saved
    QCOMPARE(results.at(0).status, DeidResult::Status::NotSaved);
    QVERIFY(results.at(0).conditionsHeld);
    QCOMPARE(results.at(1).status, DeidResult::Status::NotSaved);
    QVERIFY(!results.at(1).conditionsHeld);
    QCOMPARE(results.at(2).status, DeidResult::Status::Written);
    QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("mr.dcm"))));
    QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("mr-localizer.dcm"))));
    QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("ct.dcm"))));
}

void TestDicomDeid::shouldNameBySopInstanceUidAndNeverOverwrite()
{
    const QString folder = m_dir.filePath(QStringLiteral("naming"));
    QVERIFY(QDir().mkpath(folder));
    const QString input = QDir(sampleDir()).filePath(QStringLiteral("pydicom_CT_small.dcm"));
    DeidOptions options;
    options.naming = OutputNaming::SopInstanceUid;

    const QList<DeidResult> first = run(options, {{input, folder, QString()}});
    QCOMPARE(first.at(0).status, DeidResult::Status::Written);
    QCOMPARE(QFileInfo(first.at(0).outputPath).fileName(),
             first.at(0).sopInstanceUid + QStringLiteral(".dcm"));
    const QByteArray written = fileHash(first.at(0).outputPath);

    const QList<DeidResult> second = run(options, {{input, folder, QString()}});
    QCOMPARE(second.at(0).status, DeidResult::Status::Failed);
    QCOMPARE(fileHash(first.at(0).outputPath), written);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestDicomDeid::shouldPreviewWithoutWriting()
{
    const QString folder = m_dir.filePath(QStringLiteral("preview"));
    QVERIFY(QDir().mkpath(folder));
    const BurnedIn sample = writeBurnedIn(QDir(folder).filePath(QStringLiteral("burned.dcm")),
                                          gdcm::TransferSyntax::ExplicitVRLittleEndian);
    DeidOptions options;
    options.pixelMode = PixelRedactionMode::SensitiveText;
    const DicomDeidentifier deidentifier(options);
    GreyImage frame;
    const DeidResult preview = deidentifier.preview(sample.path, &frame);

    QCOMPARE(preview.status, DeidResult::Status::Previewed);
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);
    QCOMPARE(QSize(frame.width, frame.height), QSize(256, 128));
    const auto has = [](const QList<TagSummary> &tags, quint16 group, quint16 element) {
        return std::any_of(tags.cbegin(), tags.cend(), [&](const TagSummary &tag) {
            return tag.group == group && tag.element == element;
        });
    };
    QVERIFY(has(preview.removedTags, 0x0010, 0x0020)); // PatientID
    QVERIFY(has(preview.keptTags, 0x0010, 0x0010));    // PatientName, kept by Encord's list
    QVERIFY2(covered(sample.id, preview.boxes, sample.pixels),
             qPrintable(describe(sample.id, preview.boxes)));

    // The same through a worker process, with frame 0 saved for display
    const QString image = m_dir.filePath(QStringLiteral("preview.png"));
    const QList<DeidResult> viaWorker = run(options, {{sample.path, folder, {}, image}});
    QCOMPARE(viaWorker.at(0).status, DeidResult::Status::Previewed);
    QCOMPARE(viaWorker.at(0).boxes.size(), preview.boxes.size());
    QCOMPARE(viaWorker.at(0).removedTags.size(), preview.removedTags.size());
    QCOMPARE(QImage(image).size(), QSize(256, 128));
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 1);
}

void TestDicomDeid::shouldCancelAndLeaveNothingHalfWritten()
{
    // Given a run over many files
    const QString folder = m_dir.filePath(QStringLiteral("cancel"));
    QVERIFY(QDir().mkpath(folder));
    QList<DeidJob> jobs;
    for (const QString &name : sampleNames())
        jobs.append({QDir(sampleDir()).filePath(name), folder, QStringLiteral("c-") + name});
    DeidRunner runner(DeidOptions{});
    runner.setParallelism(2);
    QSignalSpy finished(&runner, &DeidRunner::finished);
    QSignalSpy progress(&runner, &DeidRunner::progress);
    int seen = 0;
    connect(&runner, &DeidRunner::fileFinished, this, [&](int, const DeidResult &) {
        // When the user cancels after the second file
        if (++seen == 2)
            runner.cancel();
    });
    runner.start(jobs);
    QVERIFY(finished.wait(60000));

    // Then every file has a result, the rest are cancelled, nothing partial is left behind
    QCOMPARE(finished.size(), 1);
    QVERIFY(!runner.isRunning());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(runner.results().size(), jobs.size());
    int cancelled = 0;
    for (const DeidResult &result : runner.results()) {
        QVERIFY(!result.inputPath.isEmpty());
        if (result.status == DeidResult::Status::Failed && result.error.contains(u"Cancelled"))
            ++cancelled;
    }
    QVERIFY(cancelled >= jobs.size() - 4);
    for (const QString &name : QDir(folder).entryList(QDir::Files | QDir::Hidden))
        QVERIFY2(!name.contains(QStringLiteral(".partial-")), qPrintable(name));
}

void TestDicomDeid::shouldServeManyFilesPerWorkerProcess()
{
    // Given the real worker behind a script that logs each process it starts and the thread
    // limit it was given, and a dozen files with an unreadable one among them
    const QString folder = m_dir.filePath(QStringLiteral("pool"));
    QVERIFY(QDir().mkpath(folder));
    const QString log = QDir(folder).filePath(QStringLiteral("starts.log"));
    const QString wrapper = QDir(folder).filePath(QStringLiteral("worker.sh"));
    QVERIFY(writeScript(wrapper,
                        "echo \"$$ $OMP_THREAD_LIMIT\" >> '" + log.toUtf8() + "'\nexec '"
                            + QByteArray(ENCORD_DEID_WORKER_BINARY) + "'\n"));
    const QStringList names = {QStringLiteral("pydicom_MR_small.dcm"),
                               QStringLiteral("pydicom_CT_small.dcm"),
                               QStringLiteral("pydicom_no_meta.dcm"),
                               QStringLiteral("pydicom_JPEG2000.dcm")};
    QList<DeidJob> jobs;
    for (int copy = 0; copy < 3; ++copy) {
        for (const QString &name : names)
            jobs.append({QDir(sampleDir()).filePath(name),
                         folder,
                         QStringLiteral("%1-%2").arg(copy).arg(name)});
    }
    qunsetenv("OMP_THREAD_LIMIT");

    // When two workers at a time de-identify them
    DeidRunner runner(DeidOptions{});
    runner.setWorkerPath(wrapper);
    runner.setParallelism(2);
    QSignalSpy finished(&runner, &DeidRunner::finished);
    runner.start(jobs);
    QVERIFY(finished.wait(60000));

    // Then every file has its own result, the unreadable one an error of its own
    for (int index = 0; index < jobs.size(); ++index) {
        const DeidResult &result = runner.results().at(index);
        const bool unreadable = jobs.at(index).inputPath.endsWith(u"pydicom_no_meta.dcm");
        QCOMPARE(result.inputPath, jobs.at(index).inputPath);
        QCOMPARE(result.status,
                 unreadable ? DeidResult::Status::Failed : DeidResult::Status::Written);
        QCOMPARE(QFileInfo::exists(QDir(folder).filePath(jobs.at(index).fileName)), !unreadable);
    }

    // And two processes served them all, each with OpenMP held to one thread
    const QStringList starts = readLines(log);
    QVERIFY2(!starts.isEmpty() && starts.size() <= 2, qPrintable(starts.join(u'|')));
    for (const QString &start : starts)
        QCOMPARE(start.section(QLatin1Char(' '), 1), QStringLiteral("1"));

    // And a worker that cannot be started fails every file, one by one, and the run still ends
    DeidRunner missing(DeidOptions{});
    missing.setWorkerPath(QDir(folder).filePath(QStringLiteral("no-such-worker")));
    QSignalSpy missingFinished(&missing, &DeidRunner::finished);
    missing.start(jobs.mid(0, 3));
    QVERIFY(missingFinished.wait(10000));
    for (const DeidResult &result : missing.results())
        QCOMPARE(result.status, DeidResult::Status::Failed);
}

void TestDicomDeid::shouldFailOnlyTheFileAWorkerDiedOn()
{
    // Given a worker that aborts on one file, queued with others on a single worker
    const QString folder = m_dir.filePath(QStringLiteral("abort"));
    QVERIFY(QDir().mkpath(folder));
    const QString log = QDir(folder).filePath(QStringLiteral("starts.log"));
    const QString worker = QDir(folder).filePath(QStringLiteral("worker.sh"));
    QVERIFY(writeFakeWorker(worker, log));
    QList<DeidJob> jobs;
    for (const char *name : {"a.dcm", "abort.dcm", "b.dcm", "c.dcm", "d.dcm"})
        jobs.append({QDir(folder).filePath(QLatin1String(name)), folder, QStringLiteral("out")});

    // When they run
    DeidRunner runner(DeidOptions{});
    runner.setWorkerPath(worker);
    runner.setParallelism(1);
    QSignalSpy finished(&runner, &DeidRunner::finished);
    runner.start(jobs);
    QVERIFY(finished.wait(20000));

    // Then that file alone failed, with a sentence, and the files after it were done by one
    // fresh worker
    const QList<DeidResult> &results = runner.results();
    QCOMPARE(results.at(1).status, DeidResult::Status::Failed);
    QVERIFY(!results.at(1).error.isEmpty());
    for (const int index : {0, 2, 3, 4})
        QCOMPARE(results.at(index).status, DeidResult::Status::Written);
    QVERIFY(results.at(0).outputPath != results.at(2).outputPath);
    QCOMPARE(results.at(3).outputPath, results.at(2).outputPath);
    QCOMPARE(results.at(4).outputPath, results.at(2).outputPath);
    QCOMPARE(readLines(log).size(), 2);

    // And a worker is replaced after some hundreds of files without losing any
    QFile::remove(log);
    QList<DeidJob> many;
    for (int index = 0; index < 450; ++index)
        many.append({QDir(folder).filePath(QStringLiteral("%1.dcm").arg(index)),
                     folder,
                     QStringLiteral("out")});
    runner.start(many);
    QVERIFY(finished.wait(60000));
    for (const DeidResult &result : runner.results())
        QCOMPARE(result.status, DeidResult::Status::Written);
    const qsizetype started = readLines(log).size();
    QVERIFY2(started > 1 && started < 10, qPrintable(QString::number(started)));
}

void TestDicomDeid::shouldStopAHungWorkerAndGoOn()
{
    // Given a worker that hangs on one file, and a one-second limit per file
    const QString folder = m_dir.filePath(QStringLiteral("hang"));
    QVERIFY(QDir().mkpath(folder));
    const QString worker = QDir(folder).filePath(QStringLiteral("worker.sh"));
    QVERIFY(writeFakeWorker(worker, QDir(folder).filePath(QStringLiteral("starts.log"))));
    QList<DeidJob> jobs;
    for (const char *name : {"a.dcm", "hang.dcm", "b.dcm", "c.dcm"})
        jobs.append({QDir(folder).filePath(QLatin1String(name)), folder, QStringLiteral("out")});

    // When they run on one worker
    DeidRunner runner(DeidOptions{});
    runner.setWorkerPath(worker);
    runner.setParallelism(1);
    runner.setFileTimeout(1000);
    QSignalSpy finished(&runner, &DeidRunner::finished);
    QElapsedTimer clock;
    clock.start();
    runner.start(jobs);
    QVERIFY(finished.wait(20000));

    // Then the hung file was stopped at the limit, and the others were done
    QVERIFY(clock.elapsed() < 10000);
    const QList<DeidResult> &results = runner.results();
    QCOMPARE(results.at(1).status, DeidResult::Status::Failed);
    QVERIFY2(results.at(1).error.contains(u"too long"), qPrintable(results.at(1).error));
    for (const int index : {0, 2, 3})
        QCOMPARE(results.at(index).status, DeidResult::Status::Written);
    QCOMPARE(results.at(3).outputPath, results.at(2).outputPath);
}

QTEST_MAIN(TestDicomDeid)
#include "tst_dicomdeid.moc"
