#pragma once

#include "modelformat.h"

#include <QVariant>

namespace Encord {

/// The five leading columns that datasets, projects and ontologies share: Title,
/// Description, Your role, Created, Edited. Their list models number these columns the same
/// way and hand them here; any column of their own comes after Edited.
/// T needs title, description, userRole, createdAt and lastEditedAt.
namespace TitledColumns {

enum Column {
    Title,
    Description,
    Role,
    Created,
    Edited,
    Count,
};

/// The header text of @p column; null past Edited.
QVariant header(int column);

/// DisplayRole of a shared column; null past Edited.
template<typename T>
QVariant display(const T &record, int column)
{
    switch (column) {
    case Title:
        return record.title;
    case Description:
        return record.description;
    case Role:
        return ModelFormat::roleName(ModelFormat::known(record.userRole));
    case Created:
        return ModelFormat::shortDate(record.createdAt);
    case Edited:
        return ModelFormat::shortDate(record.lastEditedAt);
    default:
        return {};
    }
}

/// SortRole of a shared column: the dates as QDateTime, the rest as displayed.
template<typename T>
QVariant sort(const T &record, int column)
{
    switch (column) {
    case Created:
        return record.createdAt;
    case Edited:
        return record.lastEditedAt;
    default:
        return display(record, column);
    }
}

} // namespace TitledColumns

} // namespace Encord
