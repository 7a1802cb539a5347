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

#include <chrono>
#include <gdcmExplicitDataElement.h>
#include <gdcmFileMetaInformation.h>
#include <gdcmImageReader.h>
#include <gdcmImplicitDataElement.h>
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

// Whether the file ends before the data set it declares. GDCM reads a Pixel Data element cut
// short by the end of the file without failing and fills the missing bytes in, which would make
// a damaged file look whole (DCMTK refuses it). An unbroken file's size is exactly its preamble,
// meta group and data set as GDCM measures them; deflated data sets are compressed, so they
// cannot be measured this way (zlib reports their truncation itself).
bool isTruncated(const gdcm::File &file, qint64 fileSize)
{
    const gdcm::FileMetaInformation &meta = file.GetHeader();
    const gdcm::TransferSyntax syntax = meta.GetDataSetTransferSyntax();
    if (syntax == gdcm::TransferSyntax::DeflatedExplicitVRLittleEndian)
        return false;
    qint64 declared = meta.GetPreamble().IsEmpty() ? 0 : 128 + 4;
    declared += qint64(meta.GetLength<gdcm::ExplicitDataElement>());
    const gdcm::DataSet &dataSet = file.GetDataSet();
    declared += syntax.IsImplicit() ? qint64(dataSet.GetLength<gdcm::ImplicitDataElement>())
                                    : qint64(dataSet.GetLength<gdcm::ExplicitDataElement>());
    return declared > fileSize;
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
    if (isTruncated(file, input.size()))
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
