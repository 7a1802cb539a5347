#include "labelrow.h"

namespace Encord {

LabelRow LabelRow::fromJson(const QJsonObject &json)
{
    LabelRow row;
    row.labelHash = json.value(QLatin1String("label_hash")).toString();
    row.dataHash = json.value(QLatin1String("data_hash")).toString();
    row.dataTitle = json.value(QLatin1String("data_title")).toString();
    row.labelStatus = json.value(QLatin1String("label_status")).toString();
    row.json = json;
    return row;
}

QJsonObject LabelRow::firstDataUnit() const
{
    const QJsonObject units = json.value(QLatin1String("data_units")).toObject();
    return units.isEmpty() ? QJsonObject() : units.begin()->toObject();
}

} // namespace Encord
