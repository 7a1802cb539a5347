#pragma once

#include <QString>
#include <QStringList>

namespace Encord::Cvat {

/// One attribute a label declares in <meta> (spec cvat-format §3.5): how its value is entered
/// and which values are allowed.
struct CvatAttributeSpec
{
    enum class InputType {
        Select,
        Radio,
        Checkbox,
        Number,
        Text,
        Unknown, ///< an input_type this reader does not know; kept verbatim in inputTypeText
    };

    QString name;
    InputType inputType = InputType::Text;
    QString inputTypeText; ///< as written in the file
    bool isMutable = false;
    QString defaultValue;
    /// Allowed values. Select/radio: the choices; checkbox: the default; number: min, max, step.
    QStringList values;

    static InputType inputTypeFromText(const QString &text);
    /// Splits a <values> text: one value per line in CVAT's output; hand-made files separate
    /// them by spaces or commas instead, which is used only when there is a single line.
    static QStringList splitValues(const QString &text);

    /// Whether @p value is acceptable for this attribute: a listed choice, true/false for a
    /// checkbox (any case), a number within [min, max] for a number; text accepts anything.
    bool accepts(const QString &value) const;

    bool operator==(const CvatAttributeSpec &) const = default;
};

} // namespace Encord::Cvat
