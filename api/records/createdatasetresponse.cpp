#include "createdatasetresponse.h"

#include "jsonreader.h"

namespace Encord {

CreateDatasetResponse CreateDatasetResponse::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    CreateDatasetResponse response;
    response.title = reader.string("title");
    response.type = reader.enumValue("type", StorageLocation::CordStorage);
    response.datasetHash = reader.string({"dataset_hash", "datasetUuid"});
    response.userHash = reader.string("user_hash");
    response.backingFolderUuid = reader.optionalString("backing_folder_uuid");
    response.extra = reader.unconsumed();
    return response;
}

CreateDatasetResponse CreateDatasetResponse::fromV2Json(const QJsonObject &json,
                                                        const QString &title,
                                                        StorageLocation type)
{
    CreateDatasetResponse response = fromJson(json);
    response.title = title;
    response.type = type;
    response.userHash = withdrawnUserHash();
    return response;
}

QString CreateDatasetResponse::withdrawnUserHash()
{
    return QStringLiteral("fields withdrawn for compliance reasons");
}

QJsonObject CreateDatasetResponse::toV1Json() const
{
    QJsonObject json{
        {QStringLiteral("title"), title},
        {QStringLiteral("type"), type.toJson()},
        {QStringLiteral("dataset_hash"), datasetHash},
        {QStringLiteral("user_hash"), userHash},
        {QStringLiteral("backing_folder_uuid"), Json::nullable(backingFolderUuid)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject CreateDatasetResponse::toV2Json() const
{
    QJsonObject json{
        {QStringLiteral("datasetUuid"), datasetHash},
        {QStringLiteral("backingFolderUuid"), Json::nullable(backingFolderUuid)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
