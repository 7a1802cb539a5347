#include "base64fieldsplitter.h"

#include <QIODevice>
#include <QJsonDocument>

#include <algorithm>

namespace Encord::Server {

namespace {

constexpr qint64 kReadBlock = qint64(1) << 20;
// Base64 characters decoded at a time: a multiple of 4, so blocks decode independently.
constexpr qsizetype kDecodeBlock = qsizetype(4) << 20;

// The input a block at a time, byte by byte where the grammar needs it.
class Scanner
{
public:
    explicit Scanner(QIODevice &in)
        : m_in(in)
    { }

    bool ensure()
    {
        if (m_pos < m_buffer.size())
            return true;
        m_buffer = m_in.read(kReadBlock);
        m_pos = 0;
        return !m_buffer.isEmpty();
    }
    /// The next byte, or -1 at the end of the input.
    int get() { return ensure() ? uchar(m_buffer.at(m_pos++)) : -1; }
    int peek() { return ensure() ? uchar(m_buffer.at(m_pos)) : -1; }
    void skipSpace()
    {
        for (int c = peek(); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek())
            ++m_pos;
    }
    /// The unread part of the current block, consumed up to @p count bytes by take().
    QByteArrayView rest() const { return QByteArrayView(m_buffer).sliced(m_pos); }
    void take(qsizetype count) { m_pos += count; }

private:
    QIODevice &m_in;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
};

// Copies a JSON string token, quotes included, from the opening quote (not yet read).
bool copyString(Scanner &scanner, QByteArray &into)
{
    if (scanner.get() != '"')
        return false;
    into.append('"');
    for (;;) {
        const int c = scanner.get();
        if (c < 0)
            return false;
        into.append(char(c));
        if (c == '"')
            return true;
        if (c == '\\') {
            const int escaped = scanner.get();
            if (escaped < 0)
                return false;
            into.append(char(escaped));
        }
    }
}

// Copies any JSON value as it is written; QJsonDocument checks it afterwards.
bool copyValue(Scanner &scanner, QByteArray &into)
{
    const int first = scanner.peek();
    if (first == '"')
        return copyString(scanner, into);
    if (first == '{' || first == '[') {
        int depth = 0;
        for (;;) {
            const int c = scanner.peek();
            if (c < 0)
                return false;
            if (c == '"') {
                if (!copyString(scanner, into))
                    return false;
                continue;
            }
            scanner.get();
            into.append(char(c));
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return true;
        }
    }
    // A number or a literal: up to the next delimiter.
    const qsizetype start = into.size();
    for (int c = scanner.peek(); c >= 0 && c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t'
                                 && c != '\n' && c != '\r';
         c = scanner.peek()) {
        into.append(char(scanner.get()));
    }
    return into.size() > start;
}

// Decodes base64 characters into @p out; @p last allows the final padding.
bool decodeInto(QByteArrayView characters, bool last, QIODevice &out, QString *error)
{
    if (!last && characters.contains('=')) {
        *error = QStringLiteral("The annotations are not valid base64: padding before the end.");
        return false;
    }
    const QByteArray::FromBase64Result result = QByteArray::fromBase64Encoding(
        characters.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (result.decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
        *error = QStringLiteral("The annotations are not valid base64.");
        return false;
    }
    if (out.write(result.decoded) != result.decoded.size()) {
        *error = QStringLiteral("The annotations could not be stored: %1").arg(out.errorString());
        return false;
    }
    return true;
}

// Decodes the string value at the scanner (opening quote not yet read) into @p out.
bool decodeString(Scanner &scanner, QIODevice &out, QString *error)
{
    if (scanner.get() != '"') {
        *error = QStringLiteral("The annotations must be a JSON string.");
        return false;
    }
    QByteArray pending;
    for (;;) {
        if (!scanner.ensure()) {
            *error = QStringLiteral("The request body ends inside the annotations.");
            return false;
        }
        const QByteArrayView block = scanner.rest();
        const auto stop =
            std::find_if(block.begin(), block.end(), [](char c) { return c == '"' || c == '\\'; });
        const qsizetype run = stop - block.begin();
        pending.append(block.first(run));
        scanner.take(run);
        if (pending.size() >= kDecodeBlock) {
            const qsizetype whole = pending.size() - pending.size() % 4;
            if (!decodeInto(QByteArrayView(pending).first(whole), false, out, error))
                return false;
            pending.remove(0, whole);
        }
        if (stop == block.end())
            continue;
        if (scanner.get() == '"')
            return decodeInto(pending, true, out, error);
        // An escape: JSON may write '/' as "\/", and wrapped base64 carries line breaks.
        const int escaped = scanner.get();
        if (escaped == '/') {
            pending.append('/');
        } else if (escaped != 'n' && escaped != 'r') {
            *error = QStringLiteral("The annotations are not valid base64.");
            return false;
        }
    }
}

} // namespace

std::optional<QJsonObject> Base64FieldSplitter::split(QIODevice &in,
                                                      QByteArrayView key,
                                                      QIODevice &out,
                                                      QString *error)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    const auto malformed = [&message] {
        message = QStringLiteral("The request body is not a valid JSON object.");
        return std::nullopt;
    };
    const QByteArray quotedKey = '"' + key.toByteArray() + '"';

    Scanner scanner(in);
    scanner.skipSpace();
    if (scanner.get() != '{')
        return malformed();
    QByteArray others("{");
    bool found = false;
    scanner.skipSpace();
    if (scanner.peek() == '}') {
        scanner.get();
    } else {
        for (;;) {
            scanner.skipSpace();
            QByteArray name;
            if (!copyString(scanner, name))
                return malformed();
            scanner.skipSpace();
            if (scanner.get() != ':')
                return malformed();
            scanner.skipSpace();
            if (name == quotedKey) {
                if (found) {
                    message = QStringLiteral("The request body names %1 twice.")
                                  .arg(QString::fromUtf8(key.toByteArray()));
                    return std::nullopt;
                }
                found = true;
                if (!decodeString(scanner, out, &message))
                    return std::nullopt;
            } else {
                if (others.size() > 1)
                    others.append(',');
                others.append(name).append(':');
                if (!copyValue(scanner, others))
                    return malformed();
            }
            scanner.skipSpace();
            const int next = scanner.get();
            if (next == '}')
                break;
            if (next != ',')
                return malformed();
        }
    }
    scanner.skipSpace();
    if (scanner.peek() >= 0)
        return malformed();
    if (!found) {
        message =
            QStringLiteral("The request body has no %1.").arg(QString::fromUtf8(key.toByteArray()));
        return std::nullopt;
    }
    others.append('}');
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(others, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return malformed();
    return document.object();
}

} // namespace Encord::Server
