#pragma once

#include "records/enums.h"

#include <QList>
#include <QString>

#include <optional>

namespace Encord {

/// Parameters of the storage folder and item listings (spec §3.4, ListFoldersParams and
/// ListItemsParams), with the SDK's defaults.
struct StorageListOptions
{
    /// Case-insensitive substring of the name; empty = no search.
    QString search;
    /// Folders: only those mirrored by a dataset (true), only those not (false), or all.
    std::optional<bool> datasetSynced;
    /// Items: only those linked to a dataset (true), only unlinked (false), or all.
    std::optional<bool> isInDataset;
    /// Items: only these types; empty = every type.
    QList<StorageItemType> itemTypes;
    /// Organisation admins: include what is only visible through organisation access.
    std::optional<bool> includeOrgAccess;
    FoldersSortBy order = FoldersSortBy::Name;
    bool descending = false;
    /// Items: fill each item's signedUrl.
    bool signUrls = false;
    /// 1…1000.
    int pageSize = 100;
};

} // namespace Encord
