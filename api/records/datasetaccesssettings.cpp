#include "datasetaccesssettings.h"

#include "jsonreader.h"

namespace Encord {

DatasetAccessSettings DatasetAccessSettings::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    DatasetAccessSettings settings;
    settings.fetchClientMetadata = reader.boolean("fetch_client_metadata");
    settings.extra = reader.unconsumed();
    return settings;
}

QJsonObject DatasetAccessSettings::toJson() const
{
    QJsonObject json{{QStringLiteral("fetch_client_metadata"), fetchClientMetadata}};
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
