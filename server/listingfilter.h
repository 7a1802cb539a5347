#pragma once

#include "sqlitestatement.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord::Server {

struct ServerRequest;

/// The SDK's ListingFilter (spec §2.5): exact and SQL LIKE matches on title and description,
/// strict before/after comparisons on the creation and last-edit instants. Unset (absent,
/// null or empty) criteria do not filter.
struct ListingFilter
{
    std::optional<QString> titleEq;
    std::optional<QString> titleLike;
    std::optional<QString> descriptionEq;
    std::optional<QString> descriptionLike;
    std::optional<qint64> createdBefore;
    std::optional<qint64> createdAfter;
    std::optional<qint64> editedBefore;
    std::optional<qint64> editedAfter;

    /// From a v1 payload's "filter" object (snake_case keys). Throws RequestError
    /// (INVALID_DATE_FORMAT_ERROR) for an unparseable date.
    static ListingFilter fromV1(const QJsonObject &filter);
    /// From v2 query parameters (camelCase). @p descriptionPrefix is "desc" for projects and
    /// ontologies, "description" for datasets/list.
    static ListingFilter fromV2(const ServerRequest &request, const QString &descriptionPrefix);

    /// Appends " AND …" conditions on columns <alias>.title, .description, .created_at and
    /// .last_edited_at to @p where, with their values to @p values.
    void appendSql(const QString &alias, QString &where, QList<SqlValue> &values) const;
};

} // namespace Encord::Server
