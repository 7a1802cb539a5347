#pragma once

#include "cvatissues.h"

#include <QJsonObject>
#include <QString>

namespace Encord {

/// The answer of the legacy synchronous CVAT import (v1 `projectimporter` POST, spec §4.11,
/// §5.2): {"success": {"project_hash", "issues"}} or {"error": {"issues"}} (the SDK's
/// CvatImporterSuccess / CvatImporterError).
struct CvatImportResult
{
    bool success = false;
    QString projectHash; ///< success only
    QString datasetHash; ///< success; legacy errors carry it too
    CvatIssues issues;

    /// Reads the envelope. Anything that has neither "success" nor "error" is a failure without
    /// issues (the SDK calls it an invalid payload).
    static CvatImportResult fromJson(const QJsonObject &json);
    /// {"success": {"project_hash", "issues"}} (plus "dataset_hash" when known) or
    /// {"error": {"issues"}} (plus "dataset_hash" when known).
    QJsonObject toV1Json() const;

    bool operator==(const CvatImportResult &) const = default;
};

} // namespace Encord
