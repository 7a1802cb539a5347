#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Encord::Dicom {

/// A condition a file must meet for its de-identified copy to be saved (spec §4.9).
///
/// Values are compared as decoded text, case-insensitively, with leading/trailing spaces and
/// NULs of every component removed; a multi-valued attribute is its components joined by '\'.
/// * In: true when the whole value, or any one of its components, equals an entry of the list.
///   False when the attribute is absent.
/// * NotSubstr: true when the whole value does not contain the string. True when absent.
struct SaveCondition
{
    enum class Kind {
        In,
        NotSubstr,
    };

    Kind kind = Kind::In;
    std::uint16_t group = 0;
    std::uint16_t element = 0;
    QStringList values; ///< the list for In; one string for NotSubstr

    /// Parses "GGGGEEEE", "xGGGGEEEE", "(GGGG,EEEE)" or "GGGG,EEEE", any case.
    static std::optional<std::pair<std::uint16_t, std::uint16_t>> parseTag(const QString &text);
    /// Reads {"value", "dicom_tag"|"dicomTag", "condition_type"|"conditionType"} in either
    /// spelling ("IN"/"in", "NOT_SUBSTR"/"notSubstr"). Empty on anything it cannot read, with
    /// the reason in @p error.
    static std::optional<SaveCondition> fromJson(const QJsonObject &json, QString *error);
    /// The v2 spelling with the tag as GGGGEEEE.
    QJsonObject toJson() const;

    /// Evaluates the condition on an attribute's components (empty optional: absent).
    bool holds(const std::optional<QStringList> &components) const;
    /// "(0008,0060) in [CT, MR]" — for error messages and the result table.
    QString describe() const;
};

} // namespace Encord::Dicom
