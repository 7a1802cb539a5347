#pragma once

#include <QList>
#include <QString>

namespace Encord {

/// One page of a v2 listing: its results and the token that asks for the next page
/// (empty on the last page).
template<typename T>
struct Page
{
    QList<T> results;
    QString nextPageToken;

    bool isLast() const { return nextPageToken.isEmpty(); }
};

} // namespace Encord
