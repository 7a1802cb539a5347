#pragma once

#include <QJsonObject>
#include <QString>

namespace Encord {

/// A storage item created by an upload job: an `itemsWithNames` element (spec §3.4).
struct UploadedItem
{
    QString itemUuid;
    QString name;
    QJsonObject extra; ///< keys this type does not know

    static UploadedItem fromJson(const QJsonObject &json);
    /// {"itemUuid", "name"}
    QJsonObject toJson() const;

    bool operator==(const UploadedItem &) const = default;
};

} // namespace Encord
