#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Encord {

/// One problem reported by a CVAT import (spec §4.11). Keys are snake_case in both API versions
/// (the SDK reads the raw dict).
struct CvatIssue
{
    QString issueType;
    QStringList instances;
    QJsonObject extra; ///< keys this type does not know

    static CvatIssue fromJson(const QJsonObject &json);
    /// {"issue_type", "instances"}
    QJsonObject toJson() const;

    bool operator==(const CvatIssue &) const = default;
};

} // namespace Encord
