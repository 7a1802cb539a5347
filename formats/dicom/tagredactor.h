#pragma once

#include "deidresult.h"

#include <QList>

namespace gdcm {
class DataSet;
} // namespace gdcm

namespace Encord::Dicom {

class DicomHeader;

/// Removes every attribute outside KeptAttributes from a data set, at every depth: private
/// groups, overlays (60xx), curves (50xx), group lengths and every sequence (IconImageSequence,
/// OriginalAttributesSequence, ...) go with their contents.
class TagRedactor
{
public:
    struct Outcome
    {
        QList<TagSummary> removed;
        QList<TagSummary> kept;
        int removedElementCount = 0; ///< including the elements nested in removed sequences
    };

    /// Lists what redact() would remove and keep, without changing @p dataSet.
    static Outcome plan(const gdcm::DataSet &dataSet, const DicomHeader &header);
    /// Removes everything outside the kept set from @p dataSet. @p header must read the
    /// original data set (it summarises values before they go).
    static Outcome redact(gdcm::DataSet &dataSet, const DicomHeader &header);
};

} // namespace Encord::Dicom
