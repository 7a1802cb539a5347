#pragma once

#include "cvatissues.h"
#include "enums.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// The long-poll answer of `GET projects/cvat-import/{job}` (spec §5.3):
/// {"status": "PENDING"|"DONE"|"ERROR", "projectUuid"?, "issues"?}. DONE carries projectUuid and
/// issues, ERROR carries issues.
struct CvatImportJobState
{
    WireEnum<LongPollStatus> status = LongPollStatus::Pending;
    std::optional<QString> projectUuid;
    std::optional<CvatIssues> issues;
    QJsonObject extra; ///< keys this type does not know

    static CvatImportJobState fromJson(const QJsonObject &json);
    /// "status", plus "projectUuid" and "issues" when set.
    QJsonObject toJson() const;

    bool operator==(const CvatImportJobState &) const = default;
};

} // namespace Encord
