#include "jsonarraywriter.h"

#include <QJsonDocument>

namespace Encord::Server {

JsonArrayWriter::JsonArrayWriter(QByteArrayView opening)
    : m_text(opening.toByteArray())
{ }

void JsonArrayWriter::append(const QJsonObject &element)
{
    if (m_count++ > 0)
        m_text.append(',');
    m_text.append(QJsonDocument(element).toJson(QJsonDocument::Compact));
}

QByteArray JsonArrayWriter::finish(QByteArrayView closing)
{
    // No squeeze(): it would copy the whole text once more to give back the slack.
    m_text.append(closing);
    return std::move(m_text);
}

} // namespace Encord::Server
