#include "deidentifycondition.h"

#include "jsonreader.h"

namespace Encord {

DeidentifyCondition DeidentifyCondition::in(const QString &dicomTag, const QStringList &values)
{
    DeidentifyCondition condition;
    condition.type = DeidentifyConditionType::In;
    condition.dicomTag = dicomTag;
    condition.value = Json::toArray(values);
    return condition;
}

DeidentifyCondition DeidentifyCondition::notSubstr(const QString &dicomTag,
                                                   const QString &substring)
{
    DeidentifyCondition condition;
    condition.type = DeidentifyConditionType::NotSubstr;
    condition.dicomTag = dicomTag;
    condition.value = substring;
    return condition;
}

DeidentifyCondition DeidentifyCondition::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    DeidentifyCondition condition;
    condition.type = reader.enumValue("conditionType", DeidentifyConditionType::In);
    condition.dicomTag = reader.string("dicomTag");
    condition.value = reader.value("value");
    if (condition.value.isUndefined())
        condition.value = QJsonValue(QJsonValue::Null);
    condition.extra = reader.unconsumed();
    return condition;
}

QJsonObject DeidentifyCondition::toV1Json() const
{
    const auto spelling = [](DeidentifyConditionType type) {
        return toV1Wire(type);
    };
    QJsonObject json{
        {QStringLiteral("value"), value},
        {QStringLiteral("dicom_tag"), dicomTag},
        {QStringLiteral("condition_type"), type.toJson(spelling)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

QJsonObject DeidentifyCondition::toV2Json() const
{
    const auto spelling = [](DeidentifyConditionType type) {
        return toV2Wire(type);
    };
    QJsonObject json{
        {QStringLiteral("value"), value},
        {QStringLiteral("conditionType"), type.toJson(spelling)},
        {QStringLiteral("dicomTag"), dicomTag},
    };
    Json::mergeExtra(json, extra);
    return json;
}

QStringList DeidentifyCondition::values() const
{
    if (value.isString())
        return {value.toString()};
    return Json::toStringList(value);
}

QString DeidentifyCondition::text() const
{
    return value.toString();
}

} // namespace Encord
