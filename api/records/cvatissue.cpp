#include "cvatissue.h"

#include "jsonreader.h"

namespace Encord {

CvatIssue CvatIssue::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    CvatIssue issue;
    issue.issueType = reader.string("issue_type");
    issue.instances = reader.stringList("instances");
    issue.extra = reader.unconsumed();
    return issue;
}

QJsonObject CvatIssue::toJson() const
{
    QJsonObject json{
        {QStringLiteral("issue_type"), issueType},
        {QStringLiteral("instances"), Json::toArray(instances)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
