#pragma once

#include "enums.h"
#include "pathelement.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Encord {

/// A folder of Encord storage (v2 only, spec §4.6).
struct StorageFolder
{
    QString uuid;
    std::optional<QString> parent; ///< null for a top-level folder
    QString name;
    QString description;
    /// The caller's metadata as JSON text (the SDK json.loads it on access); null when none.
    std::optional<QString> clientMetadata;
    QString owner; ///< owner e-mail
    QDateTime createdAt;
    QDateTime lastEditedAt;
    WireEnum<StorageUserRole> userRole = StorageUserRole::User;
    std::optional<QString> syncedDatasetHash; ///< the dataset mirroring this folder
    QList<PathElement> pathToRoot;            ///< from the parent up to the root
    QJsonObject extra;                        ///< keys this type does not know

    /// Reads either spelling. `clientMetadata` given as an object is kept as its JSON text.
    static StorageFolder fromJson(const QJsonObject &json);
    /// Every key of spec §4.6 (parent, clientMetadata, syncedDatasetHash null when unset),
    /// ISO dates.
    QJsonObject toJson() const;

    /// clientMetadata parsed; empty when unset or not a JSON object.
    QJsonObject clientMetadataObject() const;

    bool operator==(const StorageFolder &) const = default;
};

} // namespace Encord
