#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <string>
#include <vector>

class QIODevice;
struct XML_ParserStruct;

namespace Encord::Cvat {

/// A pull reader of XML tokens on UTF-8 bytes, built on Expat.
///
/// CvatReader used QXmlStreamReader, which decodes everything to UTF-16 and allocates an
/// attribute list per element: on a 17 MB annotations.xml it could not pass ~50 MB/s, half the
/// throughput issue 6 asks for. Expat hands out UTF-8 names and values without that work; this
/// class turns its callbacks into the small subset of QXmlStreamReader's pull interface the
/// reader needs. Input is fed in 64 KiB blocks, and only one block's tokens are queued at a
/// time, so memory stays bounded whatever the file size.
///
/// Names, values and text are views into the current block's storage: they stay valid until the
/// next call that reads a token (readNext() and everything built on it).
///
/// Positions: a token records only its byte offset; its line and column are counted from the
/// input bytes when asked for (lineNumber()), which is rare. Expat's own line counting walks
/// every byte again through its encoding tables and cost more than a tenth of a parse.
///
/// Safety: a document type declaration stops the parse at its first line (its token is
/// delivered so that the caller can say why), so no entity is ever declared or expanded, and
/// Expat never loads external entities since no handler for them is installed.
class CvatXmlStream
{
public:
    enum class Token {
        None,         ///< nothing read yet
        StartElement, ///< name() and attributes() describe it
        EndElement,   ///< name() is the element's
        Characters,   ///< text(), entities and character references resolved
        Dtd,          ///< a <!DOCTYPE …>: the parse stops after this token
        EndDocument,
        Invalid, ///< an error: hasError() and errorString() say which
    };

    /// The attributes of the current start tag.
    class Attributes
    {
    public:
        /// The value of @p name, nullopt when absent.
        std::optional<QByteArrayView> find(QByteArrayView name) const;
        bool has(QByteArrayView name) const { return find(name).has_value(); }
        /// The value of @p name, empty when absent.
        QByteArrayView value(QByteArrayView name) const
        {
            return find(name).value_or(QByteArrayView());
        }
        QString string(QByteArrayView name) const { return QString::fromUtf8(value(name)); }

    private:
        friend class CvatXmlStream;
        const CvatXmlStream *m_stream = nullptr;
        size_t m_first = 0;
        size_t m_count = 0;
    };

    /// Reads from @p device, which must stay open and alive while the stream is used.
    explicit CvatXmlStream(QIODevice *device);
    /// Reads from @p data (shared, not copied: QByteArray is implicitly shared).
    explicit CvatXmlStream(const QByteArray &data);
    ~CvatXmlStream();

    CvatXmlStream(const CvatXmlStream &) = delete;
    CvatXmlStream &operator=(const CvatXmlStream &) = delete;

    Token readNext();
    Token tokenType() const { return m_current.type; }
    /// True once the end of the document or an error was reached.
    bool atEnd() const;

    QByteArrayView name() const { return view(m_current.text); }
    QString nameString() const { return QString::fromUtf8(name()); }
    QByteArrayView text() const { return view(m_current.text); }
    Attributes attributes() const;

    /// From a start tag: the text it contains, child elements skipped; the current token is
    /// then the element's end tag.
    QString readElementText();
    /// From a start tag: reads to its end tag.
    void skipCurrentElement();
    /// Reads to the next start tag of the current element's children; false at its end tag
    /// (which is then the current token), at the end of the document or on an error.
    bool readNextStartElement();

    /// Line (1-based) and column (1-based, in bytes) where the current token starts, or where
    /// the error was found. Lines end at LF; a document whose lines end at CR alone, or one in
    /// UTF-16, is counted by Expat instead.
    qint64 lineNumber() const { return position().line; }
    qint64 columnNumber() const { return position().column; }

    bool hasError() const { return m_current.type == Token::Invalid; }
    QString errorString() const { return m_errorMessage; }
    /// True if the error is that the input ended inside the document.
    bool prematureEnd() const { return m_prematureEnd; }
    /// Stops the reading with an error of the caller's at the current position.
    void raiseError(const QString &message);

private:
    struct Span
    {
        size_t offset = 0;
        size_t length = 0;
    };
    struct Position
    {
        qint64 line = 0;
        qint64 column = 0;
    };
    struct Event
    {
        Token type = Token::None;
        qint64 offset = 0; ///< byte offset in the input; -1 when position is set instead
        Position position; ///< Expat's line and column, for input it counts (see position())
        Span text;         ///< element name or character data
        size_t firstAttribute = 0;
        size_t attributeCount = 0;
    };
    struct Attribute
    {
        Span name;
        Span value;
    };

    void createParser();
    /// Parses the next block of input; false when there is none left (end or error).
    bool feed();
    void recordParseError(bool finalBlock);
    Span store(const char *data, size_t length);
    QByteArrayView view(Span span) const
    {
        return {m_storage.data() + span.offset, qsizetype(span.length)};
    }
    Event eventHere(Token type) const;
    /// Counts the lines of the input up to the current token (see position()).
    Position position() const;
    /// Advances the line count to absolute byte @p offset (never backwards).
    void countLinesTo(qint64 offset) const;
    /// Reads the next block of the device onto the end of m_input, dropping what lies before
    /// the current token; the new bytes, empty at the end of the input.
    QByteArrayView readBlock();

    static void onStartElement(void *self, const char *name, const char **attributes);
    static void onEndElement(void *self, const char *name);
    static void onCharacters(void *self, const char *text, int length);
    static void onDoctype(void *self, const char *, const char *, const char *, int);

    XML_ParserStruct *m_parser = nullptr;
    QIODevice *m_device = nullptr;
    /// The input from absolute offset m_inputStart on: the whole document for a byte array, the
    /// bytes from the current token to the last block read for a device.
    QByteArray m_input;
    qint64 m_inputStart = 0;
    qint64 m_fed = 0; ///< bytes handed to Expat so far
    bool m_inputDone = false;
    /// Line counting state (mutable: advanced by the const position queries). Set to use
    /// Expat's counting when the input is not LF-separated single-byte text.
    bool m_expatPositions = false;
    mutable qint64 m_countedTo = 0;
    mutable qint64 m_newlines = 0;
    mutable qint64 m_lineStart = 0;

    /// The tokens of the block being handed out, and the bytes their views point into.
    std::string m_storage;
    std::vector<Event> m_events;
    std::vector<Attribute> m_attributes;
    size_t m_nextEvent = 0;
    Event m_current;

    bool m_failed = false; ///< the parse stopped: what is queued is handed out, then the error
    Event m_errorEvent;
    QString m_errorMessage;
    bool m_prematureEnd = false;
};

} // namespace Encord::Cvat
