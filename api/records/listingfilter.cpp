#include "listingfilter.h"

#include "jsonhelpers.h"

#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace Encord {

namespace {

struct FilterField
{
    const char *snakeName;
    const char *camelName;
    const char *longCamelName; // the datasets/list spelling, where it differs
};

// The order of the SDK's filter class.
const FilterField filterFields[] = {
    {"title_eq", "titleEq", "titleEq"},
    {"title_like", "titleLike", "titleLike"},
    {"desc_eq", "descEq", "descriptionEq"},
    {"desc_like", "descLike", "descriptionLike"},
    {"created_before", "createdBefore", "createdBefore"},
    {"created_after", "createdAfter", "createdAfter"},
    {"edited_before", "editedBefore", "editedBefore"},
    {"edited_after", "editedAfter", "editedAfter"},
};

constexpr int fieldCount = static_cast<int>(std::size(filterFields));
constexpr int textFieldCount = 4;

std::optional<QString> *textField(ListingFilter &filter, int index)
{
    std::optional<QString> *fields[] = {
        &filter.titleEq, &filter.titleLike, &filter.descEq, &filter.descLike};
    return fields[index];
}

std::optional<QDateTime> *dateField(ListingFilter &filter, int index)
{
    std::optional<QDateTime> *fields[] = {
        &filter.createdBefore, &filter.createdAfter, &filter.editedBefore, &filter.editedAfter};
    return fields[index - textFieldCount];
}

// Field values as wire strings, nullopt when unset; index as in filterFields.
QList<std::optional<QString>> wireValues(const ListingFilter &filter)
{
    const auto date = [](const std::optional<QDateTime> &value) -> std::optional<QString> {
        if (!value)
            return std::nullopt;
        return Json::toV2DateTime(*value);
    };
    return {filter.titleEq,
            filter.titleLike,
            filter.descEq,
            filter.descLike,
            date(filter.createdBefore),
            date(filter.createdAfter),
            date(filter.editedBefore),
            date(filter.editedAfter)};
}

void setField(ListingFilter &filter, int index, const QString &value)
{
    if (index < textFieldCount)
        *textField(filter, index) = value;
    else
        *dateField(filter, index) = Json::parseDateTime(value);
}

} // namespace

bool ListingFilter::isEmpty() const
{
    const QList<std::optional<QString>> values = wireValues(*this);
    return std::none_of(
        values.cbegin(), values.cend(), [](const auto &value) { return value.has_value(); });
}

QJsonObject ListingFilter::toV1Json() const
{
    QJsonObject json;
    const QList<std::optional<QString>> values = wireValues(*this);
    for (int i = 0; i < values.size(); ++i) {
        if (values.at(i))
            json.insert(QLatin1StringView(filterFields[i].snakeName), *values.at(i));
    }
    return json;
}

QList<QPair<QString, QString>> ListingFilter::toV2Query(DescriptionKeys keys) const
{
    QList<QPair<QString, QString>> query;
    const QList<std::optional<QString>> values = wireValues(*this);
    for (int i = 0; i < values.size(); ++i) {
        if (!values.at(i))
            continue;
        const char *name = keys == DescriptionKeys::Long ? filterFields[i].longCamelName
                                                         : filterFields[i].camelName;
        query.append({QString::fromLatin1(name), *values.at(i)});
    }
    return query;
}

ListingFilter ListingFilter::fromV1Json(const QJsonObject &json)
{
    ListingFilter filter;
    for (int i = 0; i < fieldCount; ++i) {
        const QJsonValue value = Json::valueOf(json, QLatin1StringView(filterFields[i].snakeName));
        if (value.isString())
            setField(filter, i, value.toString());
    }
    return filter;
}

ListingFilter ListingFilter::fromV2Query(const QList<QPair<QString, QString>> &query)
{
    ListingFilter filter;
    for (const QPair<QString, QString> &parameter : query) {
        const QString key = Json::snakeToCamel(parameter.first);
        for (int i = 0; i < fieldCount; ++i) {
            if (key == QLatin1StringView(filterFields[i].camelName)
                || key == QLatin1StringView(filterFields[i].longCamelName)) {
                setField(filter, i, parameter.second);
                break;
            }
        }
    }
    return filter;
}

bool ListingFilter::matches(const QString &title,
                            const QString &description,
                            const QDateTime &createdAt,
                            const QDateTime &lastEditedAt) const
{
    if (titleEq && title != *titleEq)
        return false;
    if (titleLike && !likeMatches(*titleLike, title))
        return false;
    if (descEq && description != *descEq)
        return false;
    if (descLike && !likeMatches(*descLike, description))
        return false;
    if (createdBefore && !(createdAt < *createdBefore))
        return false;
    if (createdAfter && !(createdAt > *createdAfter))
        return false;
    if (editedBefore && !(lastEditedAt < *editedBefore))
        return false;
    if (editedAfter && !(lastEditedAt > *editedAfter))
        return false;
    return true;
}

bool ListingFilter::likeMatches(const QString &pattern, const QString &text)
{
    QString expression;
    expression.reserve(pattern.size() * 2);
    for (const QChar c : pattern) {
        if (c == QLatin1Char('%'))
            expression += QLatin1StringView(".*");
        else if (c == QLatin1Char('_'))
            expression += QLatin1Char('.');
        else
            expression += QRegularExpression::escape(QString(c));
    }
    const QRegularExpression regex(QRegularExpression::anchoredPattern(expression),
                                   QRegularExpression::CaseInsensitiveOption
                                       | QRegularExpression::DotMatchesEverythingOption);
    return regex.match(text).hasMatch();
}

} // namespace Encord
