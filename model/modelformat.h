#pragma once

#include "records/enums.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Encord {

/// How the models show values to a person: words for enums, localized short dates, human
/// readable sizes. Pure functions, translatable through the "Encord::ModelFormat" context.
namespace ModelFormat {

/// The date in local time, in the locale's short format; empty for an invalid date.
QString shortDate(const QDateTime &dateTime);

/// "512 B", "1.5 KB", "3.2 MB"… (powers of 1024, one decimal above bytes); empty for nullopt.
QString byteSize(std::optional<qint64> bytes);

/// "1920 × 1080"; empty unless both are known.
QString dimensions(std::optional<int> width, std::optional<int> height);

/// "1 item", "3 items": the number with the right form of the noun.
QString count(qint64 n, const QString &singular, const QString &plural);

/// The enumerator of an optional wire value, for the overloads below.
template<typename E>
std::optional<E> known(const std::optional<WireEnum<E>> &wire)
{
    return wire ? std::optional<E>(wire->value()) : std::nullopt;
}

/// Roles as words ("Admin", "User", "Annotator"…). A missing role means the resource is seen
/// through organisation access only: "Organisation".
QString roleName(std::optional<DatasetUserRole> role);
QString roleName(std::optional<ProjectUserRole> role);
QString roleName(std::optional<OntologyUserRole> role);

/// "Encord", "AWS S3", "GCP", "Azure", "S3 compatible"; empty for nullopt.
QString storageName(std::optional<StorageLocation> location);

/// "Image", "Video", "DICOM series"… for storage items and data rows.
QString itemTypeName(StorageItemType type);
QString dataTypeName(DataType type);

/// "Bounding box", "Polygon"… and "Radio", "Checklist", "Text", "Numeric".
QString shapeName(Shape shape);
QString attributeTypeName(AttributeType type);

} // namespace ModelFormat

} // namespace Encord
