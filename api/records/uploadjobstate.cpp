#include "uploadjobstate.h"

#include "jsonreader.h"

namespace Encord {

UploadJobState UploadJobState::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    UploadJobState state;
    state.status = reader.enumValue("status", UploadJobStatus::Pending);
    state.itemsWithNames = reader.records<UploadedItem>("itemsWithNames");
    state.errors = reader.stringList("errors");
    state.unitsPendingCount = reader.integer("unitsPendingCount");
    state.unitsDoneCount = reader.integer("unitsDoneCount");
    state.unitsErrorCount = reader.integer("unitsErrorCount");
    state.unitsCancelledCount = reader.integer("unitsCancelledCount");
    state.unitErrors = reader.array("unitErrors");
    state.fileName = reader.optionalString("fileName");
    state.extra = reader.unconsumed();
    return state;
}

QJsonObject UploadJobState::toJson() const
{
    QJsonObject json{
        {QStringLiteral("status"), status.toJson()},
        {QStringLiteral("itemsWithNames"),
         Json::toArray(itemsWithNames, [](const UploadedItem &item) { return item.toJson(); })},
        {QStringLiteral("errors"), Json::toArray(errors)},
        {QStringLiteral("unitsPendingCount"), unitsPendingCount},
        {QStringLiteral("unitsDoneCount"), unitsDoneCount},
        {QStringLiteral("unitsErrorCount"), unitsErrorCount},
        {QStringLiteral("unitsCancelledCount"), unitsCancelledCount},
        {QStringLiteral("unitErrors"), unitErrors},
    };
    if (fileName)
        json.insert(QStringLiteral("fileName"), *fileName);
    Json::mergeExtra(json, extra);
    return json;
}

bool UploadJobState::isFinished() const
{
    return status == UploadJobStatus::Done || status == UploadJobStatus::Error
           || status == UploadJobStatus::Cancelled;
}

} // namespace Encord
