#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QStringList>

namespace Encord {

/// The long-poll answer of `GET dicom-deidentification/{job}` (spec §3.4):
/// {"status": "PENDING"|"DONE"|"ERROR", "urls"?: [str]}. The legacy synchronous v1 call answers
/// the URL list alone.
struct DeidentifyJobState
{
    WireEnum<LongPollStatus> status = LongPollStatus::Pending;
    QStringList urls;  ///< the de-identified files, once DONE
    QJsonObject extra; ///< keys this type does not know

    static DeidentifyJobState fromJson(const QJsonObject &json);
    /// "status", plus "urls" when DONE or when there are any.
    QJsonObject toJson() const;

    bool operator==(const DeidentifyJobState &) const = default;
};

} // namespace Encord
