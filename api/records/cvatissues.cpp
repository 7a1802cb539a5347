#include "cvatissues.h"

#include "jsonreader.h"

namespace Encord {

namespace {

QJsonArray issuesToJson(const QList<CvatIssue> &issues)
{
    return Json::toArray(issues, [](const CvatIssue &issue) { return issue.toJson(); });
}

} // namespace

CvatIssues CvatIssues::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    CvatIssues issues;
    issues.errors = reader.records<CvatIssue>("errors");
    issues.warnings = reader.records<CvatIssue>("warnings");
    issues.infos = reader.records<CvatIssue>("infos");
    issues.extra = reader.unconsumed();
    return issues;
}

QJsonObject CvatIssues::toJson() const
{
    QJsonObject json{
        {QStringLiteral("errors"), issuesToJson(errors)},
        {QStringLiteral("warnings"), issuesToJson(warnings)},
        {QStringLiteral("infos"), issuesToJson(infos)},
    };
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
