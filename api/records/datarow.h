#pragma once

#include "enums.h"
#include "imagedata.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Encord {

/// One data unit (video, image group, image, DICOM series, …) of a v1 dataset (spec §4.1,
/// `DataRow.from_dict`). v1 only, hence snake_case on output.
struct DataRow
{
    QString dataHash;
    QString dataTitle;
    WireEnum<DataType> dataType = DataType::Image;
    QDateTime createdAt;
    QDateTime lastEditedAt;
    std::optional<int> width;
    std::optional<int> height;
    std::optional<QString> fileLink;
    std::optional<qint64> fileSize;
    std::optional<QString> fileType; ///< MIME type
    WireEnum<StorageLocation> storageLocation = StorageLocation::CordStorage;
    std::optional<double> framesPerSecond;
    std::optional<double> duration;

    // Optional keys: written only when set.
    std::optional<QJsonObject> clientMetadata; ///< filled when fetch_client_metadata was asked
    std::optional<QString> signedUrl;
    std::optional<bool> isOptimisedImageGroup; ///< true for an "image sequence"
    std::optional<QString> backingItemUuid;
    std::optional<QList<ImageData>> imagesData;

    QJsonObject extra; ///< keys this type does not know

    /// Reads snake_case or camelCase keys; missing keys leave the defaults.
    static DataRow fromJson(const QJsonObject &json);
    /// The v1 object. Every key the SDK requires is present (nullable ones as null); the
    /// optional ones appear only when set. Dates as "YYYY-MM-DD HH:MM:SS" UTC.
    QJsonObject toJson() const;

    bool operator==(const DataRow &) const = default;
};

} // namespace Encord
