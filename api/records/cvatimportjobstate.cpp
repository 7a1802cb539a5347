#include "cvatimportjobstate.h"

#include "jsonreader.h"

namespace Encord {

CvatImportJobState CvatImportJobState::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    CvatImportJobState state;
    state.status = reader.enumValue("status", LongPollStatus::Pending);
    state.projectUuid = reader.optionalString("projectUuid");
    state.issues = reader.optionalRecord<CvatIssues>("issues");
    state.extra = reader.unconsumed();
    return state;
}

QJsonObject CvatImportJobState::toJson() const
{
    QJsonObject json{{QStringLiteral("status"), status.toJson()}};
    if (projectUuid)
        json.insert(QStringLiteral("projectUuid"), *projectUuid);
    if (issues)
        json.insert(QStringLiteral("issues"), issues->toJson());
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
