#include "v2params.h"

#include "requesterror.h"
#include "serverrequest.h"

#include <QJsonDocument>

#include <algorithm>

namespace Encord::Server {

bool V2Params::matches(const QStringList &path, std::initializer_list<const char *> pattern)
{
    if (path.size() != qsizetype(pattern.size()))
        return false;
    qsizetype i = 0;
    for (const char *segment : pattern) {
        if (qstrcmp(segment, "*") != 0 && path.at(i) != QLatin1String(segment))
            return false;
        ++i;
    }
    return true;
}

QJsonObject V2Params::bodyObject(const ServerRequest &request)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw RequestError::invalidArgument(QStringLiteral("The body must be a JSON object."));
    return document.object();
}

std::optional<QString> V2Params::optionalString(const QJsonObject &body, const char *key)
{
    const QJsonValue value = body.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        throw RequestError::invalidArgument(
            QStringLiteral("%1 must be a string.").arg(QLatin1String(key)));
    return value.toString();
}

std::optional<QString> V2Params::optionalMetadata(const QJsonObject &body)
{
    const QJsonValue value = body.value(QLatin1String("clientMetadata"));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const QJsonDocument document = value.isObject()
                                       ? QJsonDocument(value.toObject())
                                       : QJsonDocument::fromJson(value.toString().toUtf8());
    if (!document.isObject())
        throw RequestError::invalidArgument(
            QStringLiteral("clientMetadata must be a JSON object."));
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

std::optional<bool> V2Params::boolParam(const ServerRequest &request, const QString &name)
{
    if (!request.hasQuery(name))
        return std::nullopt;
    const QString value = request.queryValue(name);
    if (value == QLatin1String("True") || value == QLatin1String("true") || value == u'1')
        return true;
    if (value == QLatin1String("False") || value == QLatin1String("false") || value == u'0')
        return false;
    throw RequestError::invalidArgument(QStringLiteral("%1 must be a boolean.").arg(name));
}

std::pair<qint64, qint64> V2Params::pageWindow(const ServerRequest &request)
{
    qint64 size = 100;
    if (request.hasQuery(QStringLiteral("pageSize"))) {
        bool ok = false;
        size = request.queryValue(QStringLiteral("pageSize")).toLongLong(&ok);
        if (!ok)
            throw RequestError::invalidArgument(QStringLiteral("pageSize must be an integer."));
        size = std::clamp<qint64>(size, 1, kMaxPageSize);
    }
    qint64 offset = 0;
    const QString token = request.queryValue(QStringLiteral("pageToken"));
    if (!token.isEmpty()) {
        bool ok = false;
        offset =
            QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding).toLongLong(&ok);
        if (!ok || offset < 0)
            throw RequestError::invalidArgument(QStringLiteral("Invalid pageToken."));
    }
    return {offset, size};
}

QJsonObject V2Params::pageObject(const QJsonArray &results,
                                 qint64 offset,
                                 qint64 size,
                                 qint64 total)
{
    QJsonValue next = QJsonValue::Null;
    if (offset + size < total) {
        next = QString::fromLatin1(
            QByteArray::number(offset + size)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
    return QJsonObject{{QStringLiteral("results"), results},
                       {QStringLiteral("nextPageToken"), next}};
}

QJsonObject V2Params::page(const QJsonArray &all, const ServerRequest &request)
{
    const auto [offset, size] = pageWindow(request);
    QJsonArray results;
    for (qint64 i = offset; i < all.size() && i < offset + size; ++i)
        results.append(all.at(i));
    return pageObject(results, offset, size, all.size());
}

RequestError V2Params::notSupported(const QString &what)
{
    return RequestError::notSupported(
        QStringLiteral("%1 is not supported by the local workspace server.").arg(what));
}

} // namespace Encord::Server
