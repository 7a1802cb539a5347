#pragma once

#include "cvatissue.h"

#include <QJsonObject>
#include <QList>

namespace Encord {

/// The problems of a CVAT import, by severity (spec §4.11). All three keys are required.
struct CvatIssues
{
    QList<CvatIssue> errors;
    QList<CvatIssue> warnings;
    QList<CvatIssue> infos;
    QJsonObject extra; ///< keys this type does not know

    static CvatIssues fromJson(const QJsonObject &json);
    /// {"errors", "warnings", "infos"}, always all three.
    QJsonObject toJson() const;

    bool isEmpty() const { return errors.isEmpty() && warnings.isEmpty() && infos.isEmpty(); }

    bool operator==(const CvatIssues &) const = default;
};

} // namespace Encord
