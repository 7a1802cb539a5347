#include "cvatattributespec.h"

#include <QRegularExpression>

namespace Encord::Cvat {

CvatAttributeSpec::InputType CvatAttributeSpec::inputTypeFromText(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == QLatin1String("select"))
        return InputType::Select;
    if (lower == QLatin1String("radio"))
        return InputType::Radio;
    if (lower == QLatin1String("checkbox"))
        return InputType::Checkbox;
    if (lower == QLatin1String("number"))
        return InputType::Number;
    if (lower == QLatin1String("text") || lower.isEmpty())
        return InputType::Text;
    return InputType::Unknown;
}

QStringList CvatAttributeSpec::splitValues(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.trimmed();
    lines.removeAll(QString());
    if (lines.size() != 1)
        return lines;
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    QStringList words = lines.first().split(separators, Qt::SkipEmptyParts);
    return words;
}

bool CvatAttributeSpec::accepts(const QString &value) const
{
    switch (inputType) {
    case InputType::Select:
    case InputType::Radio:
        return values.isEmpty() || values.contains(value);
    case InputType::Checkbox:
        return value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
               || value.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0;
    case InputType::Number: {
        bool ok = false;
        const double number = value.trimmed().toDouble(&ok);
        if (!ok)
            return false;
        if (values.size() < 2)
            return true;
        bool minOk = false;
        bool maxOk = false;
        const double low = values.at(0).toDouble(&minOk);
        const double high = values.at(1).toDouble(&maxOk);
        // Third-party files list the bounds in any order, or not as bounds at all.
        if (!minOk || !maxOk)
            return true;
        return number >= std::min(low, high) && number <= std::max(low, high);
    }
    case InputType::Text:
    case InputType::Unknown:
        return true;
    }
    return true;
}

} // namespace Encord::Cvat
