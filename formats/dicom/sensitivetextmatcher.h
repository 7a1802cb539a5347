#pragma once

#include <QString>
#include <QStringList>

namespace Encord::Dicom {

class DicomHeader;

/// Decides whether a word read from the pixels identifies the patient: it matches a value from
/// the original header (name parts, IDs, accession and study numbers, institution and station,
/// dates in the usual written forms) or looks like a written date. Matching is tolerant of OCR
/// misreads: case, punctuation and spacing are ignored and a small edit distance is allowed.
class SensitiveTextMatcher
{
public:
    /// Collects the identifying values of @p header (read before any tag is removed).
    explicit SensitiveTextMatcher(const DicomHeader &header);
    /// For tests and previews: match against these terms only (plus written dates).
    explicit SensitiveTextMatcher(const QStringList &terms);

    bool isSensitive(const QString &word) const;
    /// The normalised terms (upper case, letters and digits only).
    const QStringList &terms() const { return m_terms; }

private:
    void addTerm(const QString &text);
    void addDate(const QString &yyyymmdd);

    QStringList m_terms;
};

} // namespace Encord::Dicom
