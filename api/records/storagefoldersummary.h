#pragma once

#include <QJsonObject>

namespace Encord {

/// Counts of what a storage folder holds (`GET storage/folders/{uuid}/summary`, spec §4.6).
/// The key set grew over SDK versions; unknown keys are kept in extra.
struct StorageFolderSummary
{
    qint64 files = 0;
    qint64 folders = 0;
    qint64 videos = 0;
    qint64 images = 0;
    qint64 imageGroups = 0;
    qint64 imageSequences = 0;
    qint64 dicomFiles = 0;
    qint64 dicomSeries = 0;
    qint64 niftis = 0;
    qint64 audios = 0;
    qint64 pdfs = 0;
    qint64 plainTexts = 0;
    qint64 tombstones = 0;
    qint64 uploadJobs = 0;
    double totalSize = 0.0; ///< bytes
    QJsonObject extra;      ///< keys this type does not know

    static StorageFolderSummary fromJson(const QJsonObject &json);
    /// All fifteen keys.
    QJsonObject toJson() const;

    bool operator==(const StorageFolderSummary &) const = default;
};

} // namespace Encord
