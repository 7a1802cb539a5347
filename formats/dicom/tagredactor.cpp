#include "tagredactor.h"

#include "dicomheader.h"
#include "keptattributes.h"

#include <gdcmDataSet.h>
#include <gdcmDicts.h>
#include <gdcmGlobal.h>
#include <gdcmSequenceOfItems.h>

namespace Encord::Dicom {

namespace {

// Elements inside an element's sequence items, at any depth.
int nestedElementCount(const gdcm::DataElement &element)
{
    gdcm::VR vr = element.GetVR();
    if (vr == gdcm::VR::INVALID || vr == gdcm::VR::UN) {
        const gdcm::Dicts &dicts = gdcm::Global::GetInstance().GetDicts();
        vr = dicts.GetPublicDict().GetDictEntry(element.GetTag()).GetVR();
    }
    if (vr != gdcm::VR::SQ)
        return 0;
    const gdcm::SmartPointer<gdcm::SequenceOfItems> items = element.GetValueAsSQ();
    if (!items)
        return 0;
    int count = 0;
    for (gdcm::SequenceOfItems::SizeType index = 1; index <= items->GetNumberOfItems(); ++index) {
        const gdcm::DataSet &nested = items->GetItem(index).GetNestedDataSet();
        for (const gdcm::DataElement &child : nested.GetDES())
            count += 1 + nestedElementCount(child);
    }
    return count;
}

TagSummary summarise(const gdcm::DataElement &element, const DicomHeader &header, bool removed)
{
    const gdcm::Tag &tag = element.GetTag();
    TagSummary summary;
    summary.group = tag.GetGroup();
    summary.element = tag.GetElement();
    summary.keyword = DicomHeader::keyword(summary.group, summary.element);
    summary.value = header.summary(element);
    summary.nestedCount = removed ? nestedElementCount(element) : 0;
    return summary;
}

} // namespace

TagRedactor::Outcome TagRedactor::plan(const gdcm::DataSet &dataSet, const DicomHeader &header)
{
    Outcome outcome;
    for (const gdcm::DataElement &element : dataSet.GetDES()) {
        const gdcm::Tag &tag = element.GetTag();
        const bool keep = KeptAttributes::contains(tag.GetGroup(), tag.GetElement());
        TagSummary summary = summarise(element, header, !keep);
        if (keep) {
            outcome.kept.append(summary);
        } else {
            outcome.removedElementCount += 1 + summary.nestedCount;
            outcome.removed.append(summary);
        }
    }
    return outcome;
}

TagRedactor::Outcome TagRedactor::redact(gdcm::DataSet &dataSet, const DicomHeader &header)
{
    Outcome outcome = plan(dataSet, header);
    for (const TagSummary &summary : outcome.removed)
        dataSet.Remove(gdcm::Tag(summary.group, summary.element));
    return outcome;
}

} // namespace Encord::Dicom
