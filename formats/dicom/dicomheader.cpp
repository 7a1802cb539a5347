#include "dicomheader.h"

#include <QStringDecoder>

#include <gdcmDataSet.h>
#include <gdcmDict.h>
#include <gdcmDicts.h>
#include <gdcmFile.h>
#include <gdcmGlobal.h>
#include <gdcmSequenceOfItems.h>
#include <gdcmStringFilter.h>

namespace Encord::Dicom {

namespace {

gdcm::VR dictionaryVr(const gdcm::Tag &tag)
{
    const gdcm::Dicts &dicts = gdcm::Global::GetInstance().GetDicts();
    return dicts.GetPublicDict().GetDictEntry(tag).GetVR();
}

gdcm::VR effectiveVr(const gdcm::DataElement &element)
{
    const gdcm::VR vr = element.GetVR();
    if (vr == gdcm::VR::INVALID || vr == gdcm::VR::UN)
        return dictionaryVr(element.GetTag());
    return vr;
}

bool isTextVr(gdcm::VR vr)
{
    return (vr
            & (gdcm::VR::AE | gdcm::VR::AS | gdcm::VR::CS | gdcm::VR::DA | gdcm::VR::DS
               | gdcm::VR::DT | gdcm::VR::IS | gdcm::VR::LO | gdcm::VR::LT | gdcm::VR::PN
               | gdcm::VR::SH | gdcm::VR::ST | gdcm::VR::TM | gdcm::VR::UC | gdcm::VR::UI
               | gdcm::VR::UR | gdcm::VR::UT))
           && vr != gdcm::VR::INVALID;
}

// Names a character set by the encoding names ICU and Qt know.
QByteArray encodingName(const QByteArray &definedTerm)
{
    static const QList<std::pair<QByteArray, QByteArray>> names = {
        {"ISO_IR 100", "ISO-8859-1"},
        {"ISO_IR 101", "ISO-8859-2"},
        {"ISO_IR 109", "ISO-8859-3"},
        {"ISO_IR 110", "ISO-8859-4"},
        {"ISO_IR 144", "ISO-8859-5"},
        {"ISO_IR 127", "ISO-8859-6"},
        {"ISO_IR 126", "ISO-8859-7"},
        {"ISO_IR 138", "ISO-8859-8"},
        {"ISO_IR 148", "ISO-8859-9"},
        {"ISO_IR 203", "ISO-8859-15"},
        {"ISO_IR 166", "TIS-620"},
        {"ISO_IR 13", "Shift_JIS"},
        {"ISO_IR 192", "UTF-8"},
        {"GB18030", "GB18030"},
        {"GBK", "GBK"},
        {"ISO 2022 IR 87", "ISO-2022-JP"},
        {"ISO 2022 IR 149", "EUC-KR"},
    };
    for (const auto &[term, name] : names) {
        if (definedTerm.contains(term))
            return name;
    }
    return {};
}

} // namespace

DicomHeader::DicomHeader(const gdcm::File &file)
    : m_file(file)
    , m_dataSet(file.GetDataSet())
{
    const gdcm::Tag characterSet(0x0008, 0x0005);
    if (m_dataSet.FindDataElement(characterSet)) {
        const gdcm::ByteValue *bytes = m_dataSet.GetDataElement(characterSet).GetByteValue();
        if (bytes && bytes->GetPointer())
            m_characterSet = QByteArray(bytes->GetPointer(), qsizetype(bytes->GetLength()));
    }
}

QString DicomHeader::decode(const QByteArray &bytes) const
{
    // The last character set named wins: "\ISO 2022 IR 87" lists the default repertoire first.
    const QList<QByteArray> terms = m_characterSet.split('\\');
    QByteArray name;
    for (const QByteArray &term : terms) {
        const QByteArray candidate = encodingName(term.trimmed());
        if (!candidate.isEmpty())
            name = candidate;
    }
    if (!name.isEmpty()) {
        QStringDecoder decoder(name.constData());
        if (decoder.isValid()) {
            const QString text = decoder.decode(bytes);
            if (!decoder.hasError())
                return text;
        }
    }
    return QString::fromLatin1(bytes);
}

std::optional<QStringList> DicomHeader::components(std::uint16_t group, std::uint16_t element) const
{
    const gdcm::Tag tag(group, element);
    if (!m_dataSet.FindDataElement(tag))
        return std::nullopt;
    const gdcm::DataElement &dataElement = m_dataSet.GetDataElement(tag);
    const gdcm::ByteValue *bytes = dataElement.GetByteValue();
    if (!bytes || !bytes->GetPointer())
        return QStringList{};

    const gdcm::VR vr = effectiveVr(dataElement);
    QString text;
    if (isTextVr(vr)) {
        text = decode(QByteArray(bytes->GetPointer(), qsizetype(bytes->GetLength())));
    } else if (vr & gdcm::VR::VRBINARY) {
        text = summary(dataElement);
    } else {
        return QStringList{};
    }
    QStringList parts = text.split(QLatin1Char('\\'));
    for (QString &part : parts) {
        part = part.trimmed();
        while (part.endsWith(QChar(0)))
            part.chop(1);
    }
    return parts;
}

QString DicomHeader::text(std::uint16_t group, std::uint16_t element) const
{
    const auto parts = components(group, element);
    return parts ? parts->join(QLatin1Char('\\')) : QString();
}

QString DicomHeader::keyword(std::uint16_t group, std::uint16_t element)
{
    if (group % 2 == 1)
        return QStringLiteral("Private");
    if (element == 0)
        return QStringLiteral("GroupLength");
    const gdcm::Dicts &dicts = gdcm::Global::GetInstance().GetDicts();
    const gdcm::DictEntry &entry = dicts.GetPublicDict().GetDictEntry(gdcm::Tag(group, element));
    const char *name = entry.GetKeyword();
    return name ? QString::fromLatin1(name) : QString();
}

QString DicomHeader::summary(const gdcm::DataElement &element) const
{
    const gdcm::VR vr = effectiveVr(element);
    if (vr == gdcm::VR::SQ) {
        const auto items = element.GetValueAsSQ();
        return tr("sequence of %n item(s)", nullptr, items ? int(items->GetNumberOfItems()) : 0);
    }
    const gdcm::ByteValue *bytes = element.GetByteValue();
    if (!bytes || !bytes->GetPointer()) {
        if (element.IsEmpty())
            return QString();
        return tr("encapsulated data");
    }
    const QByteArray raw(bytes->GetPointer(), qsizetype(bytes->GetLength()));
    if (isTextVr(vr)) {
        QString text = decode(raw).trimmed();
        if (text.size() > 64)
            text = text.left(61) + QStringLiteral("...");
        return text;
    }
    const bool numeric = vr == gdcm::VR::US || vr == gdcm::VR::SS || vr == gdcm::VR::UL
                         || vr == gdcm::VR::SL || vr == gdcm::VR::FL || vr == gdcm::VR::FD;
    if (numeric && raw.size() <= 64) {
        gdcm::StringFilter filter;
        filter.SetFile(m_file);
        return QString::fromStdString(filter.ToString(element));
    }
    return tr("%n byte(s)", nullptr, int(raw.size()));
}

} // namespace Encord::Dicom
