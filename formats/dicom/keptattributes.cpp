#include "keptattributes.h"

namespace Encord::Dicom {

namespace {

constexpr const char *kEncord = "Encord keep-list";

KeptAttribute encord(std::uint16_t group, std::uint16_t element, const char *keyword)
{
    return {group, element, element, keyword, kEncord, true};
}

KeptAttribute structural(std::uint16_t group,
                         std::uint16_t element,
                         const char *keyword,
                         const char *reason,
                         std::uint16_t lastElement = 0)
{
    return {group, element, lastElement ? lastElement : element, keyword, reason, false};
}

} // namespace

const QList<KeptAttribute> &KeptAttributes::all()
{
    static const QList<KeptAttribute> table = {
        structural(0x0008,
                   0x0005,
                   "SpecificCharacterSet",
                   "decodes PatientName, which is kept; without it non-Latin names become "
                   "unreadable bytes"),
        structural(0x0008,
                   0x0016,
                   "SOPClassUID",
                   "says what kind of object the file is; the file meta header is "
                   "regenerated from it"),
        encord(0x0008, 0x0018, "SOPInstanceUID"),
        encord(0x0010, 0x0010, "PatientName"),
        encord(0x0018, 0x0050, "SliceThickness"),
        encord(0x0018, 0x0088, "SpacingBetweenSlices"),
        encord(0x0020, 0x000D, "StudyInstanceUID"),
        encord(0x0020, 0x000E, "SeriesInstanceUID"),
        encord(0x0020, 0x0032, "ImagePositionPatient"),
        encord(0x0020, 0x0037, "ImageOrientationPatient"),
        structural(0x0028, 0x0002, "SamplesPerPixel", "Image Pixel module: samples per pixel"),
        structural(0x0028,
                   0x0004,
                   "PhotometricInterpretation",
                   "Image Pixel module: how samples become colours"),
        structural(0x0028,
                   0x0006,
                   "PlanarConfiguration",
                   "Image Pixel module: colour-by-pixel or colour-by-plane layout"),
        encord(0x0028, 0x0008, "NumberOfFrames"),
        structural(0x0028, 0x0010, "Rows", "Image Pixel module: image height"),
        structural(0x0028, 0x0011, "Columns", "Image Pixel module: image width"),
        structural(0x0028,
                   0x0034,
                   "PixelAspectRatio",
                   "Image Pixel module: non-square pixels would be drawn distorted"),
        structural(0x0028, 0x0100, "BitsAllocated", "Image Pixel module: bits per sample"),
        structural(0x0028, 0x0101, "BitsStored", "Image Pixel module: significant bits"),
        structural(0x0028, 0x0102, "HighBit", "Image Pixel module: position of the top bit"),
        structural(0x0028,
                   0x0103,
                   "PixelRepresentation",
                   "Image Pixel module: signed or unsigned samples"),
        structural(0x0028,
                   0x0106,
                   "SmallestImagePixelValue",
                   "Image Pixel module: value range (numbers only)"),
        structural(0x0028,
                   0x0107,
                   "LargestImagePixelValue",
                   "Image Pixel module: value range (numbers only)"),
        encord(0x0028, 0x1050, "WindowCenter"),
        encord(0x0028, 0x1051, "WindowWidth"),
        structural(0x0028,
                   0x1052,
                   "RescaleIntercept",
                   "Modality LUT: stored values to physical units (e.g. Hounsfield); the kept "
                   "WindowCenter/WindowWidth are expressed in those units"),
        structural(0x0028, 0x1053, "RescaleSlope", "Modality LUT, as RescaleIntercept"),
        structural(0x0028, 0x1054, "RescaleType", "Modality LUT: unit of the rescaled values"),
        structural(0x0028,
                   0x1101,
                   "PaletteColorLookupTableDescriptor",
                   "Image Pixel module: red, green and blue palette descriptors",
                   0x1103),
        structural(0x0028,
                   0x1201,
                   "PaletteColorLookupTableData",
                   "Image Pixel module: red, green and blue palette data",
                   0x1203),
        structural(0x0028,
                   0x1221,
                   "SegmentedPaletteColorLookupTableData",
                   "Image Pixel module: segmented red, green and blue palette data",
                   0x1223),
        structural(0x0028,
                   0x2110,
                   "LossyImageCompression",
                   "says the pixels went through lossy compression once; must survive "
                   "re-encoding"),
        structural(0x0028,
                   0x2112,
                   "LossyImageCompressionRatio",
                   "history of lossy compression (numbers only)"),
        structural(0x0028,
                   0x2114,
                   "LossyImageCompressionMethod",
                   "history of lossy compression (a defined term)"),
        encord(0x0052, 0x0014, "ALinePixelSpacing"),
        structural(0x7FE0, 0x0008, "FloatPixelData", "the pixels, for float images"),
        structural(0x7FE0, 0x0009, "DoubleFloatPixelData", "the pixels, for double images"),
        structural(0x7FE0, 0x0010, "PixelData", "the pixels"),
    };
    return table;
}

const KeptAttribute *KeptAttributes::find(std::uint16_t group, std::uint16_t element)
{
    for (const KeptAttribute &entry : all()) {
        if (entry.group == group && element >= entry.element && element <= entry.lastElement)
            return &entry;
    }
    return nullptr;
}

bool KeptAttributes::contains(std::uint16_t group, std::uint16_t element)
{
    return find(group, element) != nullptr;
}

} // namespace Encord::Dicom
