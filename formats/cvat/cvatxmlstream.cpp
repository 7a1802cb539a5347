#include "cvatxmlstream.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cstring>
#include <expat.h>

namespace Encord::Cvat {

namespace {

/// Bytes handed to Expat at a time: big enough that the per-call overhead vanishes, small enough
/// that one block's queued tokens stay a few hundred KiB.
constexpr int kBlockSize = 64 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("CvatXmlStream", text);
}

bool isPrematureEnd(XML_Error code)
{
    switch (code) {
    case XML_ERROR_NO_ELEMENTS:
    case XML_ERROR_UNCLOSED_TOKEN:
    case XML_ERROR_PARTIAL_CHAR:
    case XML_ERROR_UNCLOSED_CDATA_SECTION:
        return true;
    default:
        return false;
    }
}

} // namespace

bool CvatXmlStream::Attributes::has(QByteArrayView name) const
{
    for (size_t i = m_first; i < m_first + m_count; ++i) {
        if (m_stream->view(m_stream->m_attributes[i].name) == name)
            return true;
    }
    return false;
}

QByteArrayView CvatXmlStream::Attributes::value(QByteArrayView name) const
{
    for (size_t i = m_first; i < m_first + m_count; ++i) {
        const Attribute &attribute = m_stream->m_attributes[i];
        if (m_stream->view(attribute.name) == name)
            return m_stream->view(attribute.value);
    }
    return {};
}

CvatXmlStream::CvatXmlStream(QIODevice *device)
    : m_device(device)
{
    createParser();
}

CvatXmlStream::CvatXmlStream(const QByteArray &data)
    : m_data(data)
{
    createParser();
}

CvatXmlStream::~CvatXmlStream()
{
    XML_ParserFree(m_parser);
}

void CvatXmlStream::createParser()
{
    // No encoding forced: the document's declaration or BOM decides (UTF-8, UTF-16,
    // ISO-8859-1, US-ASCII), and names, values and text always come back in UTF-8.
    m_parser = XML_ParserCreate(nullptr);
    XML_SetUserData(m_parser, this);
    XML_SetElementHandler(m_parser, &onStartElement, &onEndElement);
    XML_SetCharacterDataHandler(m_parser, &onCharacters);
    XML_SetStartDoctypeDeclHandler(m_parser, &onDoctype);
    XML_SetParamEntityParsing(m_parser, XML_PARAM_ENTITY_PARSING_NEVER);
    m_storage.reserve(2 * kBlockSize);
}

bool CvatXmlStream::atEnd() const
{
    return m_current.type == Token::EndDocument || m_current.type == Token::Invalid;
}

CvatXmlStream::Attributes CvatXmlStream::attributes() const
{
    Attributes attributes;
    attributes.m_stream = this;
    if (m_current.type == Token::StartElement) {
        attributes.m_first = m_current.firstAttribute;
        attributes.m_count = m_current.attributeCount;
    }
    return attributes;
}

CvatXmlStream::Token CvatXmlStream::readNext()
{
    if (atEnd())
        return m_current.type;
    while (m_nextEvent == m_events.size()) {
        // The previous block's tokens are all handed out: their storage can be reused.
        m_storage.clear();
        m_events.clear();
        m_attributes.clear();
        m_nextEvent = 0;
        if (!feed() && m_events.empty()) {
            m_current = m_errorEvent;
            return m_current.type;
        }
    }
    m_current = m_events[m_nextEvent++];
    return m_current.type;
}

bool CvatXmlStream::feed()
{
    if (m_failed || m_inputDone)
        return false;
    int length = 0;
    bool finalBlock = false;
    XML_Status status = XML_STATUS_OK;
    if (m_device) {
        void *buffer = XML_GetBuffer(m_parser, kBlockSize);
        if (!buffer) {
            m_failed = true;
            m_errorEvent = eventHere(Token::Invalid);
            m_errorMessage = tr("Out of memory while reading the XML.");
            return false;
        }
        // -1 is how a sequential device says it has no more to give: the input ends there, and
        // Expat says so if that is inside the document.
        const qint64 read = m_device->read(static_cast<char *>(buffer), kBlockSize);
        length = int(std::max<qint64>(read, 0));
        finalBlock = read <= 0;
        status = XML_ParseBuffer(m_parser, length, finalBlock);
    } else {
        const qsizetype left = m_data.size() - m_dataOffset;
        length = int(std::min<qsizetype>(left, kBlockSize));
        finalBlock = length == left;
        status = XML_Parse(m_parser, m_data.constData() + m_dataOffset, length, finalBlock);
        m_dataOffset += length;
    }
    if (status != XML_STATUS_OK) {
        recordParseError(finalBlock);
        return false;
    }
    if (finalBlock) {
        m_inputDone = true;
        m_events.push_back(eventHere(Token::EndDocument));
        m_errorEvent = m_events.back();
    }
    return true;
}

void CvatXmlStream::recordParseError(bool finalBlock)
{
    m_failed = true;
    const XML_Error code = XML_GetErrorCode(m_parser);
    m_errorEvent = eventHere(Token::Invalid);
    if (code == XML_ERROR_ABORTED) {
        // Only onDoctype() stops the parser; its token is queued and the caller says why.
        m_errorMessage = tr("A document type declaration is not accepted.");
        return;
    }
    m_prematureEnd = finalBlock && isPrematureEnd(code);
    m_errorMessage = QString::fromUtf8(XML_ErrorString(code));
}

void CvatXmlStream::raiseError(const QString &message)
{
    m_failed = true;
    m_errorMessage = message;
    m_errorEvent = m_current;
    m_errorEvent.type = Token::Invalid;
    m_current = m_errorEvent;
    m_events.clear();
    m_nextEvent = 0;
}

QString CvatXmlStream::readElementText()
{
    QByteArray text;
    while (!atEnd()) {
        switch (readNext()) {
        case Token::Characters:
            text += this->text();
            break;
        case Token::StartElement:
            skipCurrentElement();
            break;
        case Token::EndElement:
            return QString::fromUtf8(text);
        default:
            break;
        }
    }
    return QString::fromUtf8(text);
}

void CvatXmlStream::skipCurrentElement()
{
    int depth = 1;
    while (depth > 0 && !atEnd()) {
        const Token token = readNext();
        if (token == Token::StartElement)
            ++depth;
        else if (token == Token::EndElement)
            --depth;
    }
}

bool CvatXmlStream::readNextStartElement()
{
    while (!atEnd()) {
        const Token token = readNext();
        if (token == Token::StartElement)
            return true;
        if (token == Token::EndElement)
            return false;
    }
    return false;
}

CvatXmlStream::Span CvatXmlStream::store(const char *data, size_t length)
{
    const Span span{m_storage.size(), length};
    m_storage.append(data, length);
    return span;
}

CvatXmlStream::Event CvatXmlStream::eventHere(Token type) const
{
    Event event;
    event.type = type;
    event.line = qint64(XML_GetCurrentLineNumber(m_parser));
    event.column = qint64(XML_GetCurrentColumnNumber(m_parser)) + 1;
    return event;
}

void CvatXmlStream::onStartElement(void *self, const char *name, const char **attributes)
{
    auto *stream = static_cast<CvatXmlStream *>(self);
    Event event = stream->eventHere(Token::StartElement);
    event.text = stream->store(name, std::strlen(name));
    event.firstAttribute = stream->m_attributes.size();
    for (const char **pair = attributes; *pair; pair += 2) {
        Attribute attribute;
        attribute.name = stream->store(pair[0], std::strlen(pair[0]));
        attribute.value = stream->store(pair[1], std::strlen(pair[1]));
        stream->m_attributes.push_back(attribute);
    }
    event.attributeCount = stream->m_attributes.size() - event.firstAttribute;
    stream->m_events.push_back(event);
}

void CvatXmlStream::onEndElement(void *self, const char *name)
{
    auto *stream = static_cast<CvatXmlStream *>(self);
    Event event = stream->eventHere(Token::EndElement);
    event.text = stream->store(name, std::strlen(name));
    stream->m_events.push_back(event);
}

void CvatXmlStream::onCharacters(void *self, const char *text, int length)
{
    auto *stream = static_cast<CvatXmlStream *>(self);
    // Expat splits text at line ends and references; one token per run, as a reader expects.
    // A run's bytes are the last ones stored while it is the last token, so it grows in place.
    if (!stream->m_events.empty() && stream->m_events.back().type == Token::Characters
        && stream->m_events.back().text.offset + stream->m_events.back().text.length
               == stream->m_storage.size()) {
        stream->m_storage.append(text, size_t(length));
        stream->m_events.back().text.length += size_t(length);
        return;
    }
    Event event = stream->eventHere(Token::Characters);
    event.text = stream->store(text, size_t(length));
    stream->m_events.push_back(event);
}

void CvatXmlStream::onDoctype(void *self, const char *, const char *, const char *, int)
{
    auto *stream = static_cast<CvatXmlStream *>(self);
    stream->m_events.push_back(stream->eventHere(Token::Dtd));
    // Stop before the internal subset: no entity is declared, let alone expanded.
    XML_StopParser(stream->m_parser, XML_FALSE);
}

} // namespace Encord::Cvat
