#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Encord {

/// A user group of the organisation (spec §4.7).
struct Group
{
    QString groupHash;
    QString name;
    QString description;
    QDateTime createdAt;
    QJsonObject extra; ///< keys this type does not know

    static Group fromJson(const QJsonObject &json);
    /// {"groupHash", "name", "description", "createdAt"}, ISO date.
    QJsonObject toJson() const;

    bool operator==(const Group &) const = default;
};

} // namespace Encord
