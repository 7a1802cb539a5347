#include "cvatimportresult.h"

#include "jsonreader.h"

namespace Encord {

CvatImportResult CvatImportResult::fromJson(const QJsonObject &json)
{
    CvatImportResult result;
    const QJsonValue success = json.value(QLatin1StringView("success"));
    const QJsonValue error = json.value(QLatin1StringView("error"));
    const QJsonObject body = success.isObject() ? success.toObject() : error.toObject();
    result.success = success.isObject();

    JsonReader reader(body);
    result.projectHash = reader.string("project_hash");
    result.datasetHash = reader.string("dataset_hash");
    result.issues = CvatIssues::fromJson(reader.object("issues"));
    return result;
}

QJsonObject CvatImportResult::toV1Json() const
{
    QJsonObject body{{QStringLiteral("issues"), issues.toJson()}};
    if (success)
        body.insert(QStringLiteral("project_hash"), projectHash);
    if (!datasetHash.isEmpty())
        body.insert(QStringLiteral("dataset_hash"), datasetHash);
    return QJsonObject{{success ? QStringLiteral("success") : QStringLiteral("error"), body}};
}

} // namespace Encord
