#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Encord {

/// A legacy project API key (v1 `projectapikey` GET element, SDK ≤ 0.1.145; spec §4.2).
struct ProjectApiKey
{
    QString apiKey;
    QString title;
    QList<WireEnum<ApiKeyScope>> scopes;
    QJsonObject extra; ///< keys this type does not know

    /// `scopes` as a list or as a JSON text of one.
    static ProjectApiKey fromJson(const QJsonObject &json);
    /// {"api_key", "title", "scopes": [...]}
    QJsonObject toJson() const;

    bool operator==(const ProjectApiKey &) const = default;
};

} // namespace Encord
