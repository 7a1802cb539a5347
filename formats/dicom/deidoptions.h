#pragma once

#include "savecondition.h"

#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>

#include <optional>

namespace Encord::Dicom {

/// What happens to text burned into the pixels (spec §4.9 DeidentifyRedactTextMode).
enum class PixelRedactionMode {
    NoText,        ///< REDACT_NO_TEXT / redactNoText: pixels untouched
    AllText,       ///< REDACT_ALL_TEXT / redactAllText: every text box found is blacked out
    SensitiveText, ///< REDACT_SENSITIVE_TEXT / redactSensitiveText: only identifying text
};

/// How a de-identified copy is named.
enum class OutputNaming {
    PrefixedOriginal, ///< deid_<timestamp>_<original file name>
    SopInstanceUid,   ///< <SOPInstanceUID>.dcm: file names can identify a patient
};

/// Everything that decides how one file is de-identified.
struct DeidOptions
{
    bool redactTags = true;
    PixelRedactionMode pixelMode = PixelRedactionMode::NoText;
    QList<SaveCondition> saveConditions; ///< all must hold, evaluated per series
    OutputNaming naming = OutputNaming::PrefixedOriginal;
    /// The most frames OCR looks at in one file (spread over the file); the boxes found are
    /// blacked out on every frame.
    int maxOcrFrames = 3;
    /// Regions (pixel coordinates) blacked out on every frame whatever pixelMode says, without
    /// looking for text: the places where a device always prints its header, as CTP's and
    /// deid's region scripts give them. Parts outside the image are ignored.
    QList<QRect> fixedBoxes;

    /// Whether the pixels are to be changed at all: a text mode or a fixed box.
    bool redactsPixels() const
    {
        return pixelMode != PixelRedactionMode::NoText || !fixedBoxes.isEmpty();
    }

    /// Accepts the v1 ("REDACT_ALL_TEXT") and v2 ("redactAllText") spellings.
    static std::optional<PixelRedactionMode> parseMode(const QString &text);
    /// The v2 spelling.
    static QString modeName(PixelRedactionMode mode);

    QJsonObject toJson() const;
    /// Reads what toJson() writes; empty on malformed input, with the reason in @p error.
    static std::optional<DeidOptions> fromJson(const QJsonObject &json, QString *error);
};

} // namespace Encord::Dicom
