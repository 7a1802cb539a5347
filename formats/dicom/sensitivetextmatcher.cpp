#include "sensitivetextmatcher.h"

#include "dicomheader.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace Encord::Dicom {

namespace {

struct TagRef
{
    std::uint16_t group;
    std::uint16_t element;
};

// Person names: split into their components, each component a term.
constexpr TagRef kNames[] = {
    {0x0010, 0x0010}, // PatientName
    {0x0010, 0x1001}, // OtherPatientNames
    {0x0010, 0x1060}, // PatientMotherBirthName
    {0x0008, 0x0090}, // ReferringPhysicianName
    {0x0008, 0x1050}, // PerformingPhysicianName
    {0x0008, 0x1060}, // NameOfPhysiciansReadingStudy
    {0x0008, 0x1070}, // OperatorsName
};

// Identifiers and places: whole values, and their words.
constexpr TagRef kIdentifiers[] = {
    {0x0010, 0x0020}, // PatientID
    {0x0010, 0x1000}, // OtherPatientIDs
    {0x0008, 0x0050}, // AccessionNumber
    {0x0020, 0x0010}, // StudyID
    {0x0038, 0x0010}, // AdmissionID
    {0x0008, 0x0080}, // InstitutionName
    {0x0008, 0x0081}, // InstitutionAddress
    {0x0008, 0x1010}, // StationName
    {0x0010, 0x1040}, // PatientAddress
};

constexpr TagRef kDates[] = {
    {0x0010, 0x0030}, // PatientBirthDate
    {0x0008, 0x0020}, // StudyDate
    {0x0008, 0x0021}, // SeriesDate
    {0x0008, 0x0022}, // AcquisitionDate
    {0x0008, 0x0023}, // ContentDate
};

QString normalised(const QString &text)
{
    QString result;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            result.append(c.toUpper());
    }
    return result;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> previous(size_t(b.size()) + 1);
    std::vector<int> current(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[size_t(j)] =
                std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[size_t(b.size())];
}

int allowedDistance(qsizetype length)
{
    if (length >= 8)
        return 2;
    if (length >= 4)
        return 1;
    return 0;
}

} // namespace

SensitiveTextMatcher::SensitiveTextMatcher(const DicomHeader &header)
{
    static const QRegularExpression nameSeparators(QStringLiteral("[\\^=, ]+"));
    for (const TagRef &tag : kNames) {
        const auto values = header.components(tag.group, tag.element);
        for (const QString &value : values.value_or(QStringList{})) {
            for (const QString &part : value.split(nameSeparators, Qt::SkipEmptyParts))
                addTerm(part);
        }
    }
    for (const TagRef &tag : kIdentifiers) {
        const auto values = header.components(tag.group, tag.element);
        for (const QString &value : values.value_or(QStringList{})) {
            addTerm(value);
            for (const QString &part : value.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                addTerm(part);
        }
    }
    for (const TagRef &tag : kDates) {
        const auto values = header.components(tag.group, tag.element);
        for (const QString &value : values.value_or(QStringList{}))
            addDate(value);
    }
}

SensitiveTextMatcher::SensitiveTextMatcher(const QStringList &terms)
{
    for (const QString &term : terms)
        addTerm(term);
}

void SensitiveTextMatcher::addTerm(const QString &text)
{
    const QString term = normalised(text);
    // One- and two-character fragments (initials, "MR") would match everywhere.
    if (term.size() < 3 || m_terms.contains(term))
        return;
    m_terms.append(term);
}

void SensitiveTextMatcher::addDate(const QString &yyyymmdd)
{
    const QString date = normalised(yyyymmdd);
    if (date.size() != 8)
        return;
    static const char *const months[] = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    const QString year = date.left(4);
    const QString month = date.mid(4, 2);
    const QString day = date.mid(6, 2);
    addTerm(date);
    addTerm(day + month + year);
    addTerm(month + day + year);
    addTerm(day + month + year.right(2));
    addTerm(month + day + year.right(2));
    const int monthIndex = month.toInt() - 1;
    if (monthIndex >= 0 && monthIndex < 12) {
        const QString name = QLatin1String(months[monthIndex]);
        addTerm(day + name + year);
        addTerm(name + day + year);
        addTerm(year + name + day);
    }
}

bool SensitiveTextMatcher::isSensitive(const QString &word) const
{
    static const QRegularExpression writtenDate(
        QStringLiteral("\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b"));
    if (writtenDate.match(word).hasMatch())
        return true;

    const QString candidate = normalised(word);
    if (candidate.size() < 3)
        return false;
    for (const QString &term : m_terms) {
        if (candidate.contains(term))
            return true;
        if (candidate.size() >= 4 && term.contains(candidate))
            return true;
        const qsizetype length = std::max(term.size(), candidate.size());
        if (std::abs(term.size() - candidate.size()) <= allowedDistance(length)
            && editDistance(term, candidate) <= allowedDistance(length))
            return true;
    }
    return false;
}

} // namespace Encord::Dicom
