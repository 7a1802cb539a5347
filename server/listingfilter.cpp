#include "listingfilter.h"

#include "requesterror.h"
#include "serverrequest.h"
#include "timeformat.h"

#include <QJsonValue>

namespace Encord::Server {

namespace {

std::optional<QString> text(const QString &value)
{
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

std::optional<qint64> instant(const QString &value, const QString &name)
{
    if (value.isEmpty())
        return std::nullopt;
    const std::optional<qint64> parsed = TimeFormat::parseInstant(value);
    if (!parsed)
        throw RequestError::invalidDate(QStringLiteral("Cannot parse %1: %2").arg(name, value));
    return parsed;
}

} // namespace

ListingFilter ListingFilter::fromV1(const QJsonObject &filter)
{
    const auto get = [&](const char *key) {
        return filter.value(QLatin1String(key)).toString();
    };
    ListingFilter result;
    result.titleEq = text(get("title_eq"));
    result.titleLike = text(get("title_like"));
    result.descriptionEq = text(get("desc_eq"));
    result.descriptionLike = text(get("desc_like"));
    result.createdBefore = instant(get("created_before"), QStringLiteral("created_before"));
    result.createdAfter = instant(get("created_after"), QStringLiteral("created_after"));
    result.editedBefore = instant(get("edited_before"), QStringLiteral("edited_before"));
    result.editedAfter = instant(get("edited_after"), QStringLiteral("edited_after"));
    return result;
}

ListingFilter ListingFilter::fromV2(const ServerRequest &request, const QString &descriptionPrefix)
{
    const auto get = [&](const QString &key) {
        return request.queryValue(key);
    };
    ListingFilter result;
    result.titleEq = text(get(QStringLiteral("titleEq")));
    result.titleLike = text(get(QStringLiteral("titleLike")));
    result.descriptionEq = text(get(descriptionPrefix + QStringLiteral("Eq")));
    result.descriptionLike = text(get(descriptionPrefix + QStringLiteral("Like")));
    for (const auto &[key, target] :
         {std::pair{QStringLiteral("createdBefore"), &result.createdBefore},
          std::pair{QStringLiteral("createdAfter"), &result.createdAfter},
          std::pair{QStringLiteral("editedBefore"), &result.editedBefore},
          std::pair{QStringLiteral("editedAfter"), &result.editedAfter}}) {
        *target = instant(get(key), key);
    }
    return result;
}

void ListingFilter::appendSql(const QString &alias, QString &where, QList<SqlValue> &values) const
{
    const auto add = [&](const char *condition, const SqlValue &value) {
        where += QStringLiteral(" AND ") + alias + QLatin1Char('.') + QLatin1String(condition);
        values.append(value);
    };
    if (titleEq)
        add("title = ?", *titleEq);
    if (titleLike)
        add("title LIKE ?", *titleLike);
    if (descriptionEq)
        add("description = ?", *descriptionEq);
    if (descriptionLike)
        add("description LIKE ?", *descriptionLike);
    if (createdBefore)
        add("created_at < ?", *createdBefore);
    if (createdAfter)
        add("created_at > ?", *createdAfter);
    if (editedBefore)
        add("last_edited_at < ?", *editedBefore);
    if (editedAfter)
        add("last_edited_at > ?", *editedAfter);
}

} // namespace Encord::Server
