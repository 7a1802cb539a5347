#include "pythonjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace Encord {

namespace {

void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    const QStringView view(text);
    qsizetype i = 0;
    while (i < view.size()) {
        // A run of printable ASCII other than the quote and the backslash is copied as it is, in
        // one piece: a CVAT import's body is one 23 MB base64 string.
        qsizetype end = i;
        while (end < view.size()) {
            const char16_t code = view[end].unicode();
            if (code < 0x20 || code > 0x7e || code == u'"' || code == u'\\')
                break;
            ++end;
        }
        if (end > i) {
            const qsizetype at = out.size();
            out.resize(at + (end - i));
            char *target = out.data() + at;
            for (qsizetype k = i; k < end; ++k)
                *target++ = char(view[k].unicode());
            i = end;
            continue;
        }
        const char16_t code = view[i++].unicode();
        switch (code) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        default:
            out += "\\u" + QByteArray::number(code, 16).rightJustified(4, '0');
        }
    }
    out += '"';
}

void appendNumber(QByteArray &out, double number)
{
    double integral = 0;
    if (std::modf(number, &integral) == 0.0 && std::fabs(number) < 1e15) {
        out += QByteArray::number(qint64(number));
        return;
    }
    out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
}

void append(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        appendNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const QJsonValue &element : value.toArray()) {
            if (!first)
                out += ", ";
            first = false;
            append(out, element);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        out += '{';
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first)
                out += ", ";
            first = false;
            appendString(out, it.key());
            out += ": ";
            append(out, it.value());
        }
        out += '}';
        break;
    }
    }
}

} // namespace

QByteArray PythonJson::dumps(const QJsonValue &value)
{
    QByteArray out;
    append(out, value);
    return out;
}

} // namespace Encord
