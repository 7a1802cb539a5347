#include "dicomdeidentifier.h"

#include "dicomheader.h"
#include "pixelredactor.h"
#include "sensitivetextmatcher.h"
#include "tagredactor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtEndian>

#include <chrono>
#include <gdcmFileMetaInformation.h>
#include <gdcmImageReader.h>
#include <gdcmReader.h>
#include <gdcmWriter.h>
#include <memory>

namespace Encord::Dicom {

namespace {

const gdcm::Tag kPixelData(0x7fe0, 0x0010);

bool isValidUid(const QString &uid)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]+(\\.[0-9]+)*$"));
    return !uid.isEmpty() && uid.size() <= 64 && pattern.match(uid).hasMatch();
}

// Whether the items of an encapsulated Pixel Data value that starts at @p offset run past the
// end of the file, or the file ends before the sequence delimiter. Encapsulated syntaxes are
// all little endian. Anything other than an item or the delimiter is not judged here: GDCM
// tolerates a few such oddities and the decoder has the last word on them.
bool fragmentsEndEarly(QFile &file, qint64 offset)
{
    const qint64 size = file.size();
    for (;;) {
        if (offset + 8 > size || !file.seek(offset))
            return true;
        const QByteArray header = file.read(8);
        if (header.size() != 8)
            return true;
        const auto group = qFromLittleEndian<quint16>(header.constData());
        const auto element = qFromLittleEndian<quint16>(header.constData() + 2);
        const auto length = qFromLittleEndian<quint32>(header.constData() + 4);
        if (group != 0xfffe || element != 0xe000 || length == 0xffffffff)
            return false;
        offset += 8 + qint64(length);
        if (offset > size)
            return true;
    }
}

// Whether the file ends inside its Pixel Data. GDCM reads a Pixel Data element cut short by the
// end of the file without failing and fills the missing bytes in (it fails the read for the
// elements it does not make this exception for), which would make a damaged file look whole
// (DCMTK refuses it). So a second reader stops at the element's header, and the value it
// declares must fit in what is left. Comparing the file's size with the data set's length as
// GDCM recomputes it misfires on undefined-length UN sequences and trips a GDCM assertion on
// odd-length items. A deflated data set's offsets are not file offsets: zlib reports its
// truncation itself.
bool endsInsidePixelData(const QString &path, const gdcm::File &file)
{
    const gdcm::DataSet &dataSet = file.GetDataSet();
    if (file.GetHeader().GetDataSetTransferSyntax()
            == gdcm::TransferSyntax::DeflatedExplicitVRLittleEndian
        || !dataSet.FindDataElement(kPixelData))
        return false;
    const QByteArray nativePath = QFile::encodeName(path);
    gdcm::Reader upToPixels;
    upToPixels.SetFileName(nativePath.constData());
    if (!upToPixels.ReadUpToTag(kPixelData, {kPixelData}))
        return false;
    // The reader stops after the first tag at or past Pixel Data, leaving the stream at the
    // value only when that tag was Pixel Data itself (skipped, so not in the data set).
    const gdcm::DataSet &before = upToPixels.GetFile().GetDataSet();
    if (!before.IsEmpty() && !(before.GetDES().rbegin()->GetTag() < kPixelData))
        return false;
    const auto valueStart = qint64(upToPixels.GetStreamCurrentPosition());
    QFile input(path);
    if (valueStart <= 0 || !input.open(QIODevice::ReadOnly))
        return false;
    const gdcm::VL length = dataSet.GetDataElement(kPixelData).GetVL();
    if (length.IsUndefined())
        return fragmentsEndEarly(input, valueStart);
    return valueStart + qint64(quint32(length)) > input.size();
}

} // namespace

DicomDeidentifier::DicomDeidentifier(DeidOptions options)
    : m_options(std::move(options))
{ }

QString DicomDeidentifier::prefixedName(const QString &originalName, const QString &timestamp)
{
    return QStringLiteral("deid_") + timestamp + QLatin1Char('_') + originalName;
}

QString DicomDeidentifier::currentTimestamp()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return QString::number(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() / 10);
}

DeidResult DicomDeidentifier::inspect(const QString &inputPath) const
{
    return process(inputPath, Action::Inspect, {}, {}, nullptr);
}

DeidResult DicomDeidentifier::preview(const QString &inputPath, GreyImage *firstFrame) const
{
    return process(inputPath, Action::Preview, {}, {}, firstFrame);
}

DeidResult DicomDeidentifier::deidentify(const QString &inputPath,
                                         const QString &outputFolder,
                                         const QString &fileName) const
{
    return process(inputPath, Action::Write, outputFolder, fileName, nullptr);
}

DeidResult DicomDeidentifier::process(const QString &inputPath,
                                      Action action,
                                      const QString &outputFolder,
                                      const QString &fileName,
                                      GreyImage *firstFrame) const
{
    const QFileInfo input(inputPath);
    if (!input.isFile() || !input.isReadable())
        return DeidResult::failure(inputPath, tr("The file does not exist or cannot be read."));

    const bool wantPixels = m_options.redactsPixels() && action != Action::Inspect;
    const QByteArray nativePath = QFile::encodeName(input.absoluteFilePath());
    // Each reader reads once: GDCM asserts when a reader is asked to read a second time.
    std::unique_ptr<gdcm::Reader> reader;
    bool imageRead = false;
    bool read = false;
    if (wantPixels) {
        auto imageReader = std::make_unique<gdcm::ImageReader>();
        imageReader->SetFileName(nativePath.constData());
        imageRead = imageReader->Read();
        read = imageRead;
        reader = std::move(imageReader);
    }
    if (!read) {
        // Also a file without pixels (report, plan, waveform): it has no text to redact.
        reader = std::make_unique<gdcm::Reader>();
        reader->SetFileName(nativePath.constData());
        read = reader->Read();
        if (read && wantPixels && reader->GetFile().GetDataSet().FindDataElement(kPixelData))
            return DeidResult::failure(inputPath,
                                       tr("The pixel data of this file cannot be decoded."));
    }
    if (!read)
        return DeidResult::failure(inputPath, tr("This is not a DICOM file, or it is damaged."));

    gdcm::File &file = reader->GetFile();
    if (endsInsidePixelData(input.absoluteFilePath(), file))
        return DeidResult::failure(inputPath,
                                   tr("The file is cut short: it ends before the data it "
                                      "declares, so its image is incomplete."));
    gdcm::DataSet &dataSet = file.GetDataSet();
    const DicomHeader header(file);

    DeidResult result;
    result.inputPath = inputPath;
    result.status = DeidResult::Status::Previewed;
    result.sopInstanceUid = header.text(0x0008, 0x0018);
    result.seriesInstanceUid = header.text(0x0020, 0x000E);
    result.inputTransferSyntax =
        QString::fromLatin1(file.GetHeader().GetDataSetTransferSyntax().GetString());
    for (const SaveCondition &condition : m_options.saveConditions) {
        if (!condition.holds(header.components(condition.group, condition.element))) {
            result.conditionsHeld = false;
            result.error =
                tr("Not saved: the condition %1 does not hold.").arg(condition.describe());
            break;
        }
    }
    if (action == Action::Inspect)
        return result;
    if (action == Action::Write && !result.conditionsHeld) {
        result.status = DeidResult::Status::NotSaved;
        return result;
    }

    // Identifying values come from the original header, before any tag goes.
    const SensitiveTextMatcher matcher(header);
    if (wantPixels && imageRead) {
        const auto &imageReader = static_cast<const gdcm::ImageReader &>(*reader);
        PixelRedactor::Outcome pixels = PixelRedactor::run(
            imageReader.GetImage(), file, m_options, matcher, action == Action::Write);
        if (!pixels.ok)
            return DeidResult::failure(inputPath, pixels.error);
        result.boxes = pixels.boxes;
        result.frameCount = pixels.frameCount;
        result.framesScanned = pixels.framesScanned;
        if (firstFrame)
            *firstFrame = pixels.firstFrame;
    }

    TagRedactor::Outcome tags;
    if (!m_options.redactTags) {
        tags = TagRedactor::plan(dataSet, header);
        tags.kept += tags.removed;
        tags.removed.clear();
        tags.removedElementCount = 0;
    } else if (action == Action::Write) {
        tags = TagRedactor::redact(dataSet, header);
    } else {
        tags = TagRedactor::plan(dataSet, header);
    }
    result.removedTags = tags.removed;
    result.keptTags = tags.kept;
    result.removedElementCount = tags.removedElementCount;
    if (action == Action::Preview)
        return result;

    // Write: a regenerated meta header, a temporary name, then a rename that cannot overwrite.
    if (!isValidUid(result.sopInstanceUid) || !dataSet.FindDataElement(gdcm::Tag(0x0008, 0x0016)))
        return DeidResult::failure(inputPath,
                                   tr("This file has no valid SOP Class and Instance UIDs, so "
                                      "it is not a DICOM object that can be stored."));
    const QString name = m_options.naming == OutputNaming::SopInstanceUid
                             ? result.sopInstanceUid + QStringLiteral(".dcm")
                             : fileName;
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.')))
        return DeidResult::failure(inputPath, tr("The output file name is not valid."));
    const QDir folder(outputFolder);
    if (outputFolder.isEmpty() || !folder.exists())
        return DeidResult::failure(inputPath, tr("The output folder does not exist."));
    const QString target = folder.absoluteFilePath(name);
    if (QFileInfo::exists(target))
        return DeidResult::failure(inputPath,
                                   tr("%1 already exists; de-identification never overwrites "
                                      "a file.")
                                       .arg(target));

    gdcm::FileMetaInformation &meta = file.GetHeader();
    const gdcm::TransferSyntax transferSyntax = meta.GetDataSetTransferSyntax();
    meta.Clear();
    meta.SetDataSetTransferSyntax(transferSyntax);
    // The 128-byte preamble is free for applications (TIFF headers, vendor data): zero it.
    meta.GetPreamble().Valid();

    const QString partial = folder.absoluteFilePath(
        QStringLiteral(".%1.partial-%2").arg(name).arg(QCoreApplication::applicationPid()));
    gdcm::Writer writer;
    writer.SetFile(file);
    const QByteArray partialNative = QFile::encodeName(partial);
    writer.SetFileName(partialNative.constData());
    if (!writer.Write()) {
        QFile::remove(partial);
        return DeidResult::failure(inputPath, tr("The de-identified file could not be written."));
    }
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        return DeidResult::failure(
            inputPath, tr("The de-identified file could not be moved to %1.").arg(target));
    }
    result.status = DeidResult::Status::Written;
    result.outputPath = target;
    result.outputTransferSyntax = QString::fromLatin1(transferSyntax.GetString());
    return result;
}

} // namespace Encord::Dicom
