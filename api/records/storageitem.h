#pragma once

#include "enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// A file (or group of files) in Encord storage (v2 only, spec §4.6).
///
/// Current SDKs (pydantic 2) require every optional key to be present, so toJson() writes all
/// of them, null when unset.
struct StorageItem
{
    QString uuid;
    QString parent; ///< the folder
    WireEnum<StorageItemType> itemType = StorageItemType::Image;
    QString name;
    QString description;
    QString clientMetadata = QStringLiteral("{}"); ///< JSON text, required
    QString owner;
    QDateTime createdAt;
    QDateTime lastEditedAt;
    bool isTombstone = false;
    bool isPlaceholder = false;
    qint64 backedDataUnitsCount = 0;
    WireEnum<StorageLocationName> storageLocation = StorageLocationName::Encord;
    std::optional<QString> integrationHash;
    std::optional<QString> url;       ///< object key or URL
    std::optional<QString> signedUrl; ///< filled when signing was requested
    std::optional<qint64> fileSize;
    std::optional<QString> mimeType;
    std::optional<double> duration;
    std::optional<double> fps;
    std::optional<int> height;
    std::optional<int> width;
    std::optional<QString> dicomInstanceUid;
    std::optional<QString> dicomStudyUid;
    std::optional<QString> dicomSeriesUid;
    std::optional<int> frameCount;
    std::optional<int> audioSampleRate;
    std::optional<int> audioBitDepth;
    std::optional<int> audioNumChannels;
    std::optional<QString> audioCodec;
    QJsonObject extra; ///< keys this type does not know

    /// Reads either spelling. `clientMetadata` given as an object is kept as its JSON text.
    static StorageItem fromJson(const QJsonObject &json);
    /// Every key of spec §4.6, nullable ones as null, ISO dates.
    QJsonObject toJson() const;

    /// clientMetadata parsed; empty when it is not a JSON object.
    QJsonObject clientMetadataObject() const;

    bool operator==(const StorageItem &) const = default;
};

} // namespace Encord
