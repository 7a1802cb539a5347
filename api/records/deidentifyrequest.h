#pragma once

#include "deidentifycondition.h"
#include "enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Encord {

/// The options of a DICOM de-identification job (spec §2.4, §3.4, §4.9). In v1
/// (`dicomdeidentifytask` POST) the integration travels as the query's uid and the rest as the
/// payload; in v2 (`POST dicom-deidentification`) everything is in the body.
struct DeidentifyRequest
{
    QString integrationHash; ///< the cloud integration that can read and write the files
    QStringList dicomUrls;
    bool redactDicomTags = true;
    WireEnum<DeidentifyRedactTextMode> redactPixelsMode = DeidentifyRedactTextMode::RedactNoText;
    QList<DeidentifyCondition> saveConditions; ///< all must hold for a file to be saved
    std::optional<QString> uploadDir;          ///< unset: next to the source files
    QJsonObject extra;                         ///< keys this type does not know

    /// Reads a v1 payload or a v2 body (keys, modes and conditions in either spelling). For v1
    /// the caller fills integrationHash from the uid.
    static DeidentifyRequest fromJson(const QJsonObject &json);
    /// {"dicom_urls", "redact_dicom_tags", "redact_pixels_mode", "save_conditions",
    ///  "upload_dir" (null when unset)}
    QJsonObject toV1Payload() const;
    /// {"integrationUuid", "dicomUrls", "redactDicomTags", "redactPixelsMode"} plus
    /// "saveConditions" when not empty and "uploadDir" when set (nulls are left out).
    QJsonObject toV2Body() const;

    bool operator==(const DeidentifyRequest &) const = default;
};

} // namespace Encord
