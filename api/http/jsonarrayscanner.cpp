#include "jsonarrayscanner.h"

#include <QByteArray>

namespace Encord {

namespace {

// A cursor over the text; every step returns false on text that is not JSON of the expected
// shape, and callers stop there.
class Cursor
{
public:
    explicit Cursor(QByteArrayView text)
        : m_text(text)
    { }

    qsizetype position() const { return m_at; }
    bool atEnd() const { return m_at >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_at); }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text.at(m_at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_at;
        }
    }

    bool expect(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }

    /// A string at the cursor; its raw text (between the quotes, escapes untouched) in @p raw.
    bool string(QByteArrayView *raw = nullptr)
    {
        skipSpace();
        if (peek() != '"')
            return false;
        const qsizetype start = ++m_at;
        while (!atEnd()) {
            const char c = m_text.at(m_at);
            if (c == '\\') {
                m_at += 2;
                continue;
            }
            if (c == '"') {
                if (raw)
                    *raw = m_text.sliced(start, m_at - start);
                ++m_at;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return false; // control characters must be escaped
            ++m_at;
        }
        return false;
    }

    /// Any value: a string, an object or array (nesting counted), or a scalar's characters.
    bool value()
    {
        skipSpace();
        const char first = peek();
        if (first == '"')
            return string();
        if (first == '{' || first == '[')
            return container();
        const qsizetype start = m_at;
        while (!atEnd()) {
            const char c = m_text.at(m_at);
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                break;
            ++m_at;
        }
        return m_at > start;
    }

private:
    bool container()
    {
        // Brackets are matched on a stack of expected closers so that "[}" is refused.
        QByteArray closers;
        while (!atEnd()) {
            const char c = m_text.at(m_at);
            if (c == '"') {
                if (!string())
                    return false;
                continue;
            }
            ++m_at;
            if (c == '{' || c == '[') {
                closers.append(c == '{' ? '}' : ']');
            } else if (c == '}' || c == ']') {
                if (closers.isEmpty() || closers.back() != c)
                    return false;
                closers.chop(1);
                if (closers.isEmpty())
                    return true;
            }
        }
        return false;
    }

    QByteArrayView m_text;
    qsizetype m_at = 0;
};

bool elements(Cursor &cursor,
              QByteArrayView document,
              const std::function<bool(QByteArrayView)> &element)
{
    if (!cursor.expect('['))
        return false;
    cursor.skipSpace();
    if (cursor.peek() == ']')
        return cursor.expect(']');
    for (;;) {
        cursor.skipSpace();
        const qsizetype start = cursor.position();
        if (!cursor.value())
            return false;
        if (!element(document.sliced(start, cursor.position() - start)))
            return false;
        cursor.skipSpace();
        if (cursor.peek() == ']')
            return cursor.expect(']');
        if (!cursor.expect(','))
            return false;
    }
}

} // namespace

bool JsonArrayScanner::forEachElement(QByteArrayView document,
                                      QByteArrayView key,
                                      const std::function<bool(QByteArrayView)> &element)
{
    Cursor cursor(document);
    if (key.isEmpty()) {
        if (!elements(cursor, document, element))
            return false;
        cursor.skipSpace();
        return cursor.atEnd();
    }
    if (!cursor.expect('{'))
        return false;
    bool found = false;
    cursor.skipSpace();
    if (cursor.peek() == '}')
        return false;
    for (;;) {
        QByteArrayView name;
        if (!cursor.string(&name) || !cursor.expect(':'))
            return false;
        if (!found && name == key) {
            found = true;
            if (!elements(cursor, document, element))
                return false;
        } else if (!cursor.value()) {
            return false;
        }
        cursor.skipSpace();
        if (cursor.peek() == '}') {
            cursor.expect('}');
            cursor.skipSpace();
            return found && cursor.atEnd();
        }
        if (!cursor.expect(','))
            return false;
    }
}

} // namespace Encord
