#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>
#include <utility>

namespace Encord::Server {

class RequestError;
struct ServerRequest;

/// Reading v2 requests: path patterns, query parameters, JSON bodies, paging. Every failure
/// throws RequestError (400), which the v2 front end turns into {"message", "detail"}.
class V2Params
{
public:
    /// True when @p path has exactly the segments of @p pattern; "*" matches any segment.
    static bool matches(const QStringList &path, std::initializer_list<const char *> pattern);
    /// The body as a JSON object.
    static QJsonObject bodyObject(const ServerRequest &request);
    /// A string member of a body; nullopt when absent or null.
    static std::optional<QString> optionalString(const QJsonObject &body, const char *key);
    /// "clientMetadata" of a body, an object or its JSON text, as compact JSON text.
    static std::optional<QString> optionalMetadata(const QJsonObject &body);
    /// A query boolean: True/False/true/false/1/0; nullopt when absent.
    static std::optional<bool> boolParam(const ServerRequest &request, const QString &name);
    /// One page of @p all as {"results", "nextPageToken"}, per pageToken (opaque) and pageSize
    /// (default 100, clamped to 1…kMaxPageSize).
    static QJsonObject page(const QJsonArray &all, const ServerRequest &request);

    /// A page of records the store already cut to the window pageWindow() asked for, fetched
    /// with one record more than the page size so that a next page can be told apart. Only the
    /// records on the page are converted with @p toJson (storage folders name their path to
    /// the root, a query each).
    template<typename T, typename ToJson>
    static QJsonObject windowPage(const QList<T> &window, const ServerRequest &request, ToJson toJson)
    {
        const auto [offset, size] = pageWindow(request);
        QJsonArray results;
        for (qint64 i = 0; i < window.size() && i < size; ++i)
            results.append(toJson(window.at(i)));
        return pageObject(results, offset, size, offset + window.size());
    }

    /// {offset, size} asked for by pageToken and pageSize (clamped to 1…1000).
    static std::pair<qint64, qint64> pageWindow(const ServerRequest &request);
    /// {"results", "nextPageToken"} for a page at @p offset of @p size out of @p total.
    static QJsonObject pageObject(const QJsonArray &results,
                                  qint64 offset,
                                  qint64 size,
                                  qint64 total);
    /// The error for operations this server does not offer (400, OPERATION_NOT_ALLOWED).
    static RequestError notSupported(const QString &what);

    static constexpr int kMaxPageSize = 1000;
};

} // namespace Encord::Server
