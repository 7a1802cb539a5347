#pragma once

#include <QJsonObject>
#include <QString>

namespace Encord {

/// An outgoing pathway of an agent stage of a workflow (spec §4.2).
struct WorkflowPathway
{
    QString uuid;
    QString title;
    QString destinationUuid; ///< the stage this pathway leads to
    QJsonObject extra;       ///< keys this type does not know

    static WorkflowPathway fromJson(const QJsonObject &json);
    /// {"uuid", "title", "destinationUuid"}
    QJsonObject toJson() const;

    bool operator==(const WorkflowPathway &) const = default;
};

} // namespace Encord
