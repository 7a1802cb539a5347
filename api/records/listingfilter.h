#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace Encord {

/// The filter of resource listings (spec §2.5): datasets, projects, ontologies. Only the set
/// fields are sent. Dates are written as ISO 8601 in UTC with "+00:00".
struct ListingFilter
{
    /// How the description filters are named in a v2 query: `descEq`/`descLike` for projects
    /// and ontologies, `descriptionEq`/`descriptionLike` for `datasets/list`.
    enum class DescriptionKeys {
        Short,
        Long,
    };

    std::optional<QString> titleEq;
    std::optional<QString> titleLike; ///< SQL LIKE pattern, sent verbatim
    std::optional<QString> descEq;
    std::optional<QString> descLike;
    std::optional<QDateTime> createdBefore;
    std::optional<QDateTime> createdAfter;
    std::optional<QDateTime> editedBefore;
    std::optional<QDateTime> editedAfter;

    /// True when no field is set (the server then lists everything the caller may see).
    bool isEmpty() const;

    /// The v1 `filter` object: title_eq, title_like, desc_eq, desc_like, created_before,
    /// created_after, edited_before, edited_after, only the set ones.
    QJsonObject toV1Json() const;
    /// The v2 query parameters in that order, camelCase, only the set ones.
    QList<QPair<QString, QString>> toV2Query(DescriptionKeys keys) const;

    /// Reads a v1 `filter` object (either key spelling; naive dates are UTC).
    static ListingFilter fromV1Json(const QJsonObject &json);
    /// Reads v2 query parameters; accepts desc… and description…, camelCase and snake_case.
    /// Unknown parameters are ignored.
    static ListingFilter fromV2Query(const QList<QPair<QString, QString>> &query);

    /// The server semantics: *Eq exact and case-sensitive, *Like an SQL LIKE pattern matched
    /// case-insensitively, dates strict (before: <, after: >).
    bool matches(const QString &title,
                 const QString &description,
                 const QDateTime &createdAt,
                 const QDateTime &lastEditedAt) const;

    /// SQL LIKE: '%' any run, '_' one character, the rest literal; case-insensitive.
    static bool likeMatches(const QString &pattern, const QString &text);

    bool operator==(const ListingFilter &) const = default;
};

} // namespace Encord
