#pragma once

#include <QJsonObject>
#include <QString>

namespace Encord {

/// A label row's content (v1 `labelrow` GET, the SDK's get_label_row): Encord's label row
/// JSON. The fields a viewer needs first are read out; the whole document stays in json,
/// whose `data_units` hold the objects with coordinates normalised to the image size.
struct LabelRow
{
    QString labelHash;
    QString dataHash;
    QString dataTitle;
    QString labelStatus;
    QJsonObject json; ///< the whole label row as received

    static LabelRow fromJson(const QJsonObject &json);
    /// The first data unit (an image's only one), or an empty object.
    QJsonObject firstDataUnit() const;

    bool operator==(const LabelRow &) const = default;
};

} // namespace Encord
