#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace gdcm {
class DataElement;
class DataSet;
class File;
} // namespace gdcm

namespace Encord::Dicom {

/// Reads attribute values of a GDCM data set as text a person can read: string values decoded
/// with the data set's Specific Character Set, numbers through GDCM's dictionary, components
/// split at '\'. Works on the original data set, before anything is removed.
class DicomHeader
{
    Q_DECLARE_TR_FUNCTIONS(Encord::Dicom::DicomHeader)

public:
    /// @p file must outlive this object and be owned by a GDCM reader or SmartPointer.
    explicit DicomHeader(const gdcm::File &file);

    /// The components of a top-level attribute; empty optional when it is absent.
    std::optional<QStringList> components(std::uint16_t group, std::uint16_t element) const;
    /// The components joined with '\' and trimmed; empty when absent.
    QString text(std::uint16_t group, std::uint16_t element) const;

    /// The keyword of a public tag ("PatientName"), "Private" for odd groups, or "".
    static QString keyword(std::uint16_t group, std::uint16_t element);
    /// A short, readable summary of any element (sequences and binary data summarised).
    QString summary(const gdcm::DataElement &element) const;

    /// Decodes @p bytes as text in the data set's character set.
    QString decode(const QByteArray &bytes) const;

private:
    const gdcm::File &m_file;
    const gdcm::DataSet &m_dataSet;
    QByteArray m_characterSet;
};

} // namespace Encord::Dicom
