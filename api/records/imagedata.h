#pragma once

#include "enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// One image of an image group inside a v1 data row (`images_data` element, spec §4.1).
struct ImageData
{
    QString imageHash;
    QString title;
    QString fileLink;
    QString fileType; ///< MIME type
    std::optional<qint64> fileSize;
    WireEnum<StorageLocation> storageLocation = StorageLocation::CordStorage;
    QDateTime createdAt;
    QDateTime lastEditedAt;
    std::optional<int> height;
    std::optional<int> width;
    std::optional<QString> signedUrl;
    QJsonObject extra; ///< keys this type does not know, written back where they do not collide

    /// Reads snake_case or camelCase keys; missing keys leave the defaults.
    static ImageData fromJson(const QJsonObject &json);
    /// The v1 object: every required key (nullable ones as null), `signed_url` only when set.
    QJsonObject toJson() const;

    bool operator==(const ImageData &) const = default;
};

} // namespace Encord
