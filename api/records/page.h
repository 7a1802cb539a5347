#pragma once

#include "jsonhelpers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Encord {

/// One page of a v2 listing (spec §3.3): {"results": [T…], "nextPageToken": str|null}.
/// T needs `static T fromJson(const QJsonObject &)`.
template<typename T>
struct Page
{
    QList<T> results;
    std::optional<QString> nextPageToken; ///< nullopt on the last page

    /// Reads "results" (or the singular "result" of the non-paged list answers such as
    /// `datasets/list` and `cloud-integrations`) and "nextPageToken" / "next_page_token".
    static Page fromJson(const QJsonObject &json)
    {
        Page page;
        QJsonValue results = Json::valueOf(json, QLatin1StringView("results"));
        if (results.isUndefined())
            results = json.value(QLatin1StringView("result"));
        page.results = Json::recordsFromJson<T>(results);
        const QJsonValue token = Json::valueOf(json, QLatin1StringView("nextPageToken"));
        if (token.isString() && !token.toString().isEmpty())
            page.nextPageToken = token.toString();
        return page;
    }

    /// {"results": [convert(T)…], "nextPageToken": token or null}.
    template<typename Convert>
    QJsonObject toJson(Convert convert) const
    {
        return QJsonObject{
            {QStringLiteral("results"), Json::toArray(results, convert)},
            {QStringLiteral("nextPageToken"), Json::nullable(nextPageToken)},
        };
    }

    bool hasMore() const { return nextPageToken.has_value(); }

    bool operator==(const Page &) const = default;
};

} // namespace Encord
