#pragma once

#include <QByteArray>
#include <QStringView>

#include <cstdint>
#include <string>

namespace Encord::Cvat {

/// Writes compact JSON text straight into a byte array, for the label rows of an import: a
/// QJsonObject tree per row, then its serialisation, cost more than everything else the import
/// does. Keys and values are written in the order given; commas are placed by the writer.
///
///     CvatJsonWriter json;
///     json.beginObject();
///     json.key("x"); json.value(0.25);
///     json.endObject();
///     QByteArray text = json.take();
///
/// Numbers are written in their shortest form that reads back as the same double, strings as
/// UTF-8 with the escapes JSON requires. Nesting is limited to 63 levels (label rows use 8).
class CvatJsonWriter
{
public:
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    /// A key of the current object; @p name is an ASCII literal that needs no escapes.
    template<std::size_t N>
    void key(const char (&name)[N])
    {
        separate();
        m_text.push_back('"');
        m_text.append(name, N - 1);
        m_text.append("\":", 2);
        m_afterKey = true;
    }
    /// The same for a name only known at run time.
    void key(const char *name, std::size_t size);
    /// A key that may need escapes (a hash, a label name).
    void key(QStringView name);

    void value(QStringView text);
    /// An ASCII literal that needs no escapes.
    void value(const char *text);
    void value(double number);
    void value(int number);
    void value(bool flag);
    void null();

    /// key() then value(), for brevity.
    template<std::size_t N, typename T>
    void member(const char (&name)[N], const T &v)
    {
        key(name);
        value(v);
    }

    /// Appends text that is already JSON (a value or a whole member list), as is.
    void raw(QByteArrayView json);

    QByteArrayView text() const { return {m_text.data(), qsizetype(m_text.size())}; }
    /// The text so far; the writer is then empty.
    QByteArray take();
    void clear();

private:
    void separate();
    void open(char bracket);
    void close(char bracket);
    void string(QStringView text);
    void escaped(QStringView text);

    /// std::string rather than QByteArray: its appends are inline, QByteArray's are calls.
    std::string m_text;
    /// Bit n: the container at depth n already holds an element (a comma comes next).
    std::uint64_t m_filled = 0;
    int m_depth = 0;
    bool m_afterKey = false;
};

} // namespace Encord::Cvat
