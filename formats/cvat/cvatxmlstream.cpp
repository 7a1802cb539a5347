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

std::optional<QByteArrayView> CvatXmlStream::Attributes::find(QByteArrayView name) const
{
    for (size_t i = m_first; i < m_first + m_count; ++i) {
        const Attribute &attribute = m_stream->m_attributes[i];
        // Inline compare: names are short, and most differ in length already.
        if (attribute.name.length == size_t(name.size())
            && std::memcmp(m_stream->m_storage.data() + attribute.name.offset,
                           name.data(),
                           attribute.name.length)
                   == 0)
            return m_stream->view(attribute.value);
    }
    return std::nullopt;
}

CvatXmlStream::CvatXmlStream(QIODevice *device)
    : m_device(device)
{
    createParser();
}

CvatXmlStream::CvatXmlStream(const QByteArray &data)
    : m_input(data)
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
    QByteArrayView block;
    bool finalBlock = false;
    if (m_device) {
        // An empty read (0, or -1 from a sequential device) is the end of the input; Expat says
        // whether that is inside the document.
        block = readBlock();
        finalBlock = block.isEmpty();
    } else {
        const qint64 left = m_input.size() - m_fed;
        block = QByteArrayView(m_input).sliced(m_fed, std::min<qint64>(left, kBlockSize));
        finalBlock = block.size() == left;
    }
    if (m_fed == 0) {
        // Counting LF bytes gives lines only for byte-oriented text with LF line ends.
        m_expatPositions = block.startsWith("\xFF\xFE") || block.startsWith("\xFE\xFF")
                           || block.contains('\0')
                           || (block.contains('\r') && !block.contains('\n'));
    }
    m_fed += block.size();
    const XML_Status status = XML_Parse(m_parser, block.data(), int(block.size()), finalBlock);
    if (status != XML_STATUS_OK) {
        recordParseError(finalBlock);
        return false;
    }
    if (finalBlock) {
        m_inputDone = true;
        Event end = eventHere(Token::EndDocument);
        if (end.offset >= 0)
            end.offset = m_fed;
        m_events.push_back(end);
        m_errorEvent = m_events.back();
    }
    return true;
}

QByteArrayView CvatXmlStream::readBlock()
{
    // What lies before the current token is never looked at again: its lines are counted, then
    // it is dropped, so memory stays at about a block (plus a token longer than one).
    if (m_expatPositions) {
        m_inputStart += m_input.size();
        m_input.clear();
    } else {
        countLinesTo(m_current.offset);
        const qsizetype drop = qsizetype(m_countedTo - m_inputStart);
        if (drop > 0) {
            m_input.remove(0, drop);
            m_inputStart += drop;
        }
    }
    const qsizetype kept = m_input.size();
    m_input.resize(kept + kBlockSize);
    const qint64 read = m_device->read(m_input.data() + kept, kBlockSize);
    m_input.resize(kept + qsizetype(std::max<qint64>(read, 0)));
    return QByteArrayView(m_input).sliced(kept);
}

void CvatXmlStream::recordParseError(bool finalBlock)
{
    m_failed = true;
    const XML_Error code = XML_GetErrorCode(m_parser);
    m_errorEvent = eventHere(Token::Invalid);
    if (m_errorEvent.offset > m_fed)
        m_errorEvent.offset = m_fed;
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
    if (m_expatPositions) {
        event.offset = -1;
        event.position = {qint64(XML_GetCurrentLineNumber(m_parser)),
                          qint64(XML_GetCurrentColumnNumber(m_parser)) + 1};
    } else {
        // Constant time, unlike Expat's line and column, which rescan the bytes since the last ask.
        event.offset = qint64(XML_GetCurrentByteIndex(m_parser));
    }
    return event;
}

CvatXmlStream::Position CvatXmlStream::position() const
{
    if (m_current.offset < 0)
        return m_current.position;
    countLinesTo(m_current.offset);
    return {m_newlines + 1, m_current.offset - m_lineStart + 1};
}

void CvatXmlStream::countLinesTo(qint64 offset) const
{
    // Tokens are handed out in document order, so the count only ever moves forward, and the
    // bytes it still has to look at are all in m_input.
    offset = std::min<qint64>(offset, m_inputStart + m_input.size());
    if (offset <= m_countedTo)
        return;
    const char *data = m_input.constData();
    qsizetype from = qsizetype(m_countedTo - m_inputStart);
    const qsizetype to = qsizetype(offset - m_inputStart);
    while (from < to) {
        const void *newline = std::memchr(data + from, '\n', size_t(to - from));
        if (!newline)
            break;
        from = static_cast<const char *>(newline) - data + 1;
        ++m_newlines;
        m_lineStart = m_inputStart + from;
    }
    m_countedTo = offset;
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
