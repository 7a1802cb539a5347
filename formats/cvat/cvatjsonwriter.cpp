#include "cvatjsonwriter.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace Encord::Cvat {

void CvatJsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    const std::uint64_t bit = std::uint64_t(1) << m_depth;
    if (m_filled & bit)
        m_text.push_back(',');
    m_filled |= bit;
}

void CvatJsonWriter::open(char bracket)
{
    separate();
    m_text.push_back(bracket);
    ++m_depth;
    m_filled &= ~(std::uint64_t(1) << m_depth);
}

void CvatJsonWriter::close(char bracket)
{
    m_text.push_back(bracket);
    --m_depth;
}

void CvatJsonWriter::key(const char *name, std::size_t size)
{
    separate();
    m_text.push_back('"');
    m_text.append(name, size);
    m_text.append("\":", 2);
    m_afterKey = true;
}

void CvatJsonWriter::key(QStringView name)
{
    separate();
    string(name);
    m_text.push_back(':');
    m_afterKey = true;
}

void CvatJsonWriter::value(QStringView text)
{
    separate();
    string(text);
}

void CvatJsonWriter::value(const char *text)
{
    separate();
    m_text.push_back('"');
    m_text.append(text);
    m_text.push_back('"');
}

void CvatJsonWriter::value(double number)
{
    separate();
    // JSON has no infinities or NaN; QJsonDocument writes those as null too.
    if (!std::isfinite(number)) {
        m_text.append("null", 4);
        return;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_text.append(buffer, std::size_t(result.ptr - buffer));
}

void CvatJsonWriter::value(int number)
{
    separate();
    char buffer[16];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_text.append(buffer, std::size_t(result.ptr - buffer));
}

void CvatJsonWriter::value(bool flag)
{
    separate();
    if (flag)
        m_text.append("true", 4);
    else
        m_text.append("false", 5);
}

void CvatJsonWriter::null()
{
    separate();
    m_text.append("null", 4);
}

void CvatJsonWriter::raw(QByteArrayView json)
{
    separate();
    m_text.append(json.data(), std::size_t(json.size()));
}

QByteArray CvatJsonWriter::take()
{
    QByteArray text(m_text.data(), qsizetype(m_text.size()));
    clear();
    return text;
}

void CvatJsonWriter::clear()
{
    // Keeps the allocation: writers are reused from one label row to the next.
    m_text.clear();
    m_filled = 0;
    m_depth = 0;
    m_afterKey = false;
}

void CvatJsonWriter::string(QStringView text)
{
    // Nearly every string is ASCII that needs no escape: written a byte per character straight
    // into room made for it; anything else goes the slow way from there on.
    const std::size_t start = m_text.size();
    m_text.resize(start + std::size_t(text.size()) + 2);
    char *out = m_text.data() + start;
    *out++ = '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
            m_text.resize(std::size_t(out - m_text.data()));
            escaped(text.sliced(i));
            m_text.push_back('"');
            return;
        }
        *out++ = char(c);
    }
    *out = '"';
}

void CvatJsonWriter::escaped(QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    // UTF-8 bytes of multi-byte characters are all >= 0x80: they never need an escape.
    for (const char byte : text.toUtf8()) {
        const auto c = static_cast<unsigned char>(byte);
        if (c == '"' || c == '\\') {
            m_text.push_back('\\');
            m_text.push_back(char(c));
        } else if (c < 0x20) {
            const char sequence[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            m_text.append(sequence, sizeof sequence);
        } else {
            m_text.push_back(char(c));
        }
    }
}

} // namespace Encord::Cvat
