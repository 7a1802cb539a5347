#pragma once

#include "enums.h"
#include "uploadeditem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord {

/// The long-poll answer of `GET storage/folders/{uuid}/data-upload-jobs/{job}`
/// (UploadLongPollingState, spec §3.4).
struct UploadJobState
{
    WireEnum<UploadJobStatus> status = UploadJobStatus::Pending;
    QList<UploadedItem> itemsWithNames;
    QStringList errors;
    qint64 unitsPendingCount = 0;
    qint64 unitsDoneCount = 0;
    qint64 unitsErrorCount = 0;
    qint64 unitsCancelledCount = 0;
    QJsonArray unitErrors; ///< DataUnitError objects, kept as JSON
    std::optional<QString> fileName;
    QJsonObject extra; ///< keys this type does not know

    static UploadJobState fromJson(const QJsonObject &json);
    /// Every key, with fileName only when set.
    QJsonObject toJson() const;

    /// True once polling can stop (DONE, ERROR or CANCELLED).
    bool isFinished() const;

    bool operator==(const UploadJobState &) const = default;
};

} // namespace Encord
