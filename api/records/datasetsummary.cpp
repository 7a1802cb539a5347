#include "datasetsummary.h"

#include "jsonreader.h"

namespace Encord {

DatasetSummary DatasetSummary::fromJson(const QJsonObject &json)
{
    DatasetSummary summary;
    QJsonObject fields = json;
    const QJsonValue inner = json.value(QLatin1StringView("dataset"));
    if (inner.isObject()) {
        // Legacy element: the role sits beside the dataset; other outer keys are not kept.
        fields = inner.toObject();
        JsonReader outer(json);
        summary.userRole = outer.optionalEnum<DatasetUserRole>("user_role");
    }

    JsonReader reader(fields);
    summary.datasetHash = reader.string({"dataset_hash", "datasetUuid"});
    summary.userHash = reader.string("user_hash");
    summary.title = reader.string("title");
    summary.description = reader.string("description");
    summary.storageLocation = reader.optionalEnum<StorageLocation>({"type", "storageLocation"});
    summary.createdAt = reader.dateTime("created_at");
    summary.lastEditedAt = reader.dateTime("last_edited_at");
    summary.backingFolderUuid = reader.optionalString("backing_folder_uuid");
    const std::optional<WireEnum<DatasetUserRole>> role =
        reader.optionalEnum<DatasetUserRole>("user_role");
    if (role)
        summary.userRole = role;
    summary.extra = reader.unconsumed();
    return summary;
}

QJsonObject DatasetSummary::toV1Json() const
{
    QJsonObject info{
        {QStringLiteral("dataset_hash"), datasetHash},
        {QStringLiteral("user_hash"), userHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("type"),
         storageLocation ? storageLocation->toJson()
                         : QJsonValue(toWire(StorageLocation::CordStorage))},
        {QStringLiteral("created_at"), Json::v1DateTimeJson(createdAt)},
        {QStringLiteral("last_edited_at"), Json::v1DateTimeJson(lastEditedAt)},
    };
    if (backingFolderUuid)
        info.insert(QStringLiteral("backing_folder_uuid"), *backingFolderUuid);

    const QJsonValue role =
        userRole ? userRole->toJson() : QJsonValue(toWire(DatasetUserRole::User));
    return QJsonObject{
        {QStringLiteral("user_role"), role},
        {QStringLiteral("dataset"), info},
    };
}

QJsonObject DatasetSummary::toV2Json() const
{
    const auto roleSpelling = [](DatasetUserRole role) {
        return toV2Wire(role);
    };
    QJsonObject json{
        {QStringLiteral("datasetUuid"), datasetHash},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("createdAt"), Json::v2DateTimeJson(createdAt)},
        {QStringLiteral("lastEditedAt"), Json::v2DateTimeJson(lastEditedAt)},
        {QStringLiteral("userRole"),
         userRole ? userRole->toJson(roleSpelling) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("storageLocation"),
         storageLocation ? storageLocation->toJson() : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("backingFolderUuid"), Json::nullable(backingFolderUuid)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
