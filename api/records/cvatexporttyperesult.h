#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// The answer of v1 `projectimportercvatinfo` (export type detection by the server, SDK
/// ≤ 0.1.142, spec §5.1): {"success": {"export_type": "project"|"task"}} or
/// {"error": {"message": str}}.
struct CvatExportTypeResult
{
    std::optional<WireEnum<CvatExportType>> exportType; ///< set on success
    QString errorMessage;

    static CvatExportTypeResult fromJson(const QJsonObject &json);
    QJsonObject toV1Json() const;

    bool operator==(const CvatExportTypeResult &) const = default;
};

} // namespace Encord
