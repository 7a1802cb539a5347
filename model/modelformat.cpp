#include "modelformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace Encord::ModelFormat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Encord::ModelFormat", text);
}

} // namespace

QString shortDate(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    return QLocale().toString(dateTime.toLocalTime(), QLocale::ShortFormat);
}

QString byteSize(std::optional<qint64> bytes)
{
    if (!bytes)
        return {};
    if (*bytes < 1024)
        return tr("%1 B").arg(*bytes);
    const char *units[] = {"KB", "MB", "GB", "TB"};
    double value = double(*bytes);
    int unit = -1;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return QLocale().toString(value, 'f', 1) + QLatin1Char(' ') + QLatin1String(units[unit]);
}

QString dimensions(std::optional<int> width, std::optional<int> height)
{
    if (!width || !height)
        return {};
    return tr("%1 × %2").arg(*width).arg(*height);
}

QString roleName(std::optional<DatasetUserRole> role)
{
    if (!role)
        return tr("Organisation");
    switch (*role) {
    case DatasetUserRole::Admin:
        return tr("Admin");
    case DatasetUserRole::User:
        return tr("User");
    case DatasetUserRole::Unknown:
        break;
    }
    return tr("Unknown");
}

QString count(qint64 n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(QLocale().toString(n), n == 1 ? singular : plural);
}

QString roleName(std::optional<ProjectUserRole> role)
{
    if (!role)
        return tr("Organisation");
    switch (*role) {
    case ProjectUserRole::Admin:
        return tr("Admin");
    case ProjectUserRole::Annotator:
        return tr("Annotator");
    case ProjectUserRole::Reviewer:
        return tr("Reviewer");
    case ProjectUserRole::AnnotatorReviewer:
        return tr("Annotator & reviewer");
    case ProjectUserRole::TeamManager:
        return tr("Team manager");
    case ProjectUserRole::Unknown:
        break;
    }
    return tr("Unknown");
}

QString roleName(std::optional<OntologyUserRole> role)
{
    if (!role)
        return tr("Organisation");
    switch (*role) {
    case OntologyUserRole::Admin:
        return tr("Admin");
    case OntologyUserRole::User:
        return tr("User");
    case OntologyUserRole::Unknown:
        break;
    }
    return tr("Unknown");
}

QString storageName(std::optional<StorageLocation> location)
{
    if (!location)
        return {};
    switch (*location) {
    case StorageLocation::CordStorage:
        return tr("Encord");
    case StorageLocation::Aws:
        return tr("AWS S3");
    case StorageLocation::Gcp:
        return tr("GCP");
    case StorageLocation::Azure:
        return tr("Azure");
    case StorageLocation::S3Compatible:
        return tr("S3 compatible");
    case StorageLocation::Unknown:
        break;
    }
    return tr("Unknown");
}

QString itemTypeName(StorageItemType type)
{
    switch (type) {
    case StorageItemType::Video:
        return tr("Video");
    case StorageItemType::Image:
        return tr("Image");
    case StorageItemType::ImageGroup:
        return tr("Image group");
    case StorageItemType::ImageSequence:
        return tr("Image sequence");
    case StorageItemType::DicomFile:
        return tr("DICOM file");
    case StorageItemType::DicomSeries:
        return tr("DICOM series");
    case StorageItemType::Audio:
        return tr("Audio");
    case StorageItemType::Nifti:
        return tr("NIfTI");
    case StorageItemType::PlainText:
        return tr("Text");
    case StorageItemType::Pdf:
        return tr("PDF");
    case StorageItemType::Group:
        return tr("Group");
    case StorageItemType::Scene:
        return tr("Scene");
    case StorageItemType::Unknown:
        break;
    }
    return tr("Unknown");
}

QString dataTypeName(DataType type)
{
    switch (type) {
    case DataType::Video:
        return tr("Video");
    case DataType::ImageGroup:
        return tr("Image group");
    case DataType::Dicom:
        return tr("DICOM");
    case DataType::Image:
        return tr("Image");
    case DataType::DicomStudy:
        return tr("DICOM study");
    case DataType::Nifti:
        return tr("NIfTI");
    case DataType::Audio:
        return tr("Audio");
    case DataType::PlainText:
        return tr("Text");
    case DataType::Pdf:
        return tr("PDF");
    case DataType::Group:
        return tr("Group");
    case DataType::Scene:
        return tr("Scene");
    case DataType::Unknown:
        break;
    }
    return tr("Unknown");
}

QString shapeName(Shape shape)
{
    switch (shape) {
    case Shape::BoundingBox:
        return tr("Bounding box");
    case Shape::Polygon:
        return tr("Polygon");
    case Shape::Point:
        return tr("Point");
    case Shape::Skeleton:
        return tr("Skeleton");
    case Shape::Polyline:
        return tr("Polyline");
    case Shape::RotatableBoundingBox:
        return tr("Rotatable bounding box");
    case Shape::Bitmask:
        return tr("Bitmask");
    case Shape::Audio:
        return tr("Audio");
    case Shape::Text:
        return tr("Text");
    case Shape::Cuboid:
        return tr("Cuboid");
    case Shape::Cuboid2d:
        return tr("2D cuboid");
    case Shape::Segmentation:
        return tr("Segmentation");
    case Shape::Unknown:
        break;
    }
    return tr("Unknown");
}

QString attributeTypeName(AttributeType type)
{
    switch (type) {
    case AttributeType::Radio:
        return tr("Radio");
    case AttributeType::Checklist:
        return tr("Checklist");
    case AttributeType::Text:
        return tr("Text");
    case AttributeType::Numeric:
        return tr("Numeric");
    case AttributeType::Unknown:
        break;
    }
    return tr("Unknown");
}

} // namespace Encord::ModelFormat
