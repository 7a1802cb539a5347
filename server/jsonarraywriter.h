#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Encord::Server {

/// Writes a JSON answer whose bulk is one array, element by element, straight into the body
/// bytes. A listing of 100,000 datasets built as a QJsonArray first holds the records, the
/// JSON tree and the serialised text at once; written this way it holds only the text.
///
///     JsonArrayWriter out(R"({"result":[)");
///     for (...) out.append(object);
///     QByteArray body = out.finish("]}");
class JsonArrayWriter final
{
public:
    /// @p opening: everything before the first element, up to and including the '['.
    explicit JsonArrayWriter(QByteArrayView opening);

    void append(const QJsonObject &element);
    int count() const { return m_count; }
    /// The whole text, @p closing (from the ']' on) appended.
    QByteArray finish(QByteArrayView closing);

private:
    QByteArray m_text;
    int m_count = 0;
};

} // namespace Encord::Server
