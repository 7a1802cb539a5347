#pragma once

#include "enums.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Encord {

/// A condition that a de-identified DICOM file must meet to be saved (spec §4.9).
/// IN: the tag's value is one of a list. NOT_SUBSTR: the tag's value does not contain a string.
/// v1: {"value", "dicom_tag", "condition_type": "IN"|"NOT_SUBSTR"};
/// v2: {"value", "dicomTag", "conditionType": "in"|"notSubstr"}.
struct DeidentifyCondition
{
    WireEnum<DeidentifyConditionType> type = DeidentifyConditionType::In;
    QString dicomTag;  ///< passed through as given, e.g. "00100010"
    QJsonValue value;  ///< a list of strings (IN) or a string (NOT_SUBSTR), as on the wire
    QJsonObject extra; ///< keys this type does not know

    static DeidentifyCondition in(const QString &dicomTag, const QStringList &values);
    static DeidentifyCondition notSubstr(const QString &dicomTag, const QString &substring);

    /// Reads either spelling of keys and condition types.
    static DeidentifyCondition fromJson(const QJsonObject &json);
    QJsonObject toV1Json() const;
    QJsonObject toV2Json() const;

    /// The value as a list (a single string becomes a one-element list).
    QStringList values() const;
    /// The value as a string (empty for a list).
    QString text() const;

    bool operator==(const DeidentifyCondition &) const = default;
};

} // namespace Encord
