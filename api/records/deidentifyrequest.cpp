#include "deidentifyrequest.h"

#include "jsonreader.h"

namespace Encord {

DeidentifyRequest DeidentifyRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    DeidentifyRequest request;
    request.integrationHash = reader.string({"integrationUuid", "integration_hash"});
    request.dicomUrls = reader.stringList("dicomUrls");
    request.redactDicomTags = reader.boolean("redactDicomTags", request.redactDicomTags);
    request.redactPixelsMode =
        reader.enumValue("redactPixelsMode", DeidentifyRedactTextMode::RedactNoText);
    request.saveConditions = reader.records<DeidentifyCondition>("saveConditions");
    request.uploadDir = reader.optionalString("uploadDir");
    request.extra = reader.unconsumed();
    return request;
}

QJsonObject DeidentifyRequest::toV1Payload() const
{
    const auto spelling = [](DeidentifyRedactTextMode mode) {
        return toV1Wire(mode);
    };
    QJsonObject payload{
        {QStringLiteral("dicom_urls"), Json::toArray(dicomUrls)},
        {QStringLiteral("redact_dicom_tags"), redactDicomTags},
        {QStringLiteral("redact_pixels_mode"), redactPixelsMode.toJson(spelling)},
        {QStringLiteral("save_conditions"),
         Json::toArray(saveConditions,
                       [](const DeidentifyCondition &condition) { return condition.toV1Json(); })},
        {QStringLiteral("upload_dir"), Json::nullable(uploadDir)},
    };
    Json::mergeExtra(payload, extra);
    return payload;
}

QJsonObject DeidentifyRequest::toV2Body() const
{
    const auto spelling = [](DeidentifyRedactTextMode mode) {
        return toV2Wire(mode);
    };
    QJsonObject body{
        {QStringLiteral("integrationUuid"), integrationHash},
        {QStringLiteral("dicomUrls"), Json::toArray(dicomUrls)},
        {QStringLiteral("redactDicomTags"), redactDicomTags},
        {QStringLiteral("redactPixelsMode"), redactPixelsMode.toJson(spelling)},
    };
    if (!saveConditions.isEmpty()) {
        body.insert(QStringLiteral("saveConditions"),
                    Json::toArray(saveConditions, [](const DeidentifyCondition &condition) {
                        return condition.toV2Json();
                    }));
    }
    if (uploadDir)
        body.insert(QStringLiteral("uploadDir"), *uploadDir);
    Json::mergeExtra(body, extra);
    return body;
}

} // namespace Encord
