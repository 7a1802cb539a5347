#include "cvatexporttyperesult.h"

#include "jsonreader.h"

namespace Encord {

CvatExportTypeResult CvatExportTypeResult::fromJson(const QJsonObject &json)
{
    CvatExportTypeResult result;
    const QJsonValue success = json.value(QLatin1StringView("success"));
    if (success.isObject()) {
        JsonReader reader(success.toObject());
        result.exportType = reader.enumValue("export_type", CvatExportType::Unknown);
        return result;
    }
    JsonReader reader(json.value(QLatin1StringView("error")).toObject());
    result.errorMessage = reader.string("message");
    return result;
}

QJsonObject CvatExportTypeResult::toV1Json() const
{
    if (exportType) {
        return QJsonObject{{QStringLiteral("success"),
                            QJsonObject{{QStringLiteral("export_type"), exportType->toJson()}}}};
    }
    return QJsonObject{
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), errorMessage}}}};
}

} // namespace Encord
