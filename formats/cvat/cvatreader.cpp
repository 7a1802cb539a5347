#include "cvatreader.h"

#include "cvatpaths.h"
#include "cvatrle.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QRegularExpression>

#include <array>
#include <charconv>
#include <cmath>

namespace Encord::Cvat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CvatReader", text);
}

bool isElement(const CvatXmlStream &xml, const char *name)
{
    return xml.name() == QByteArrayView(name);
}

/// A decimal number as CVAT writes it ("12.5", "-3", "1e-3", "+4"), surrounding blanks allowed;
/// nullopt for anything else, infinities and NaN included.
std::optional<double> number(QByteArrayView text)
{
    text = text.trimmed();
    if (text.startsWith('+'))
        text = text.sliced(1);
    double value = 0;
    const char *end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop != end || text.isEmpty() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<double> numberAttribute(const CvatXmlStream::Attributes &attributes, const char *name)
{
    const std::optional<QByteArrayView> value = attributes.find(name);
    if (!value)
        return std::nullopt;
    return number(*value);
}

bool flag(const CvatXmlStream::Attributes &attributes, const char *name)
{
    const QByteArrayView value = attributes.value(name).trimmed();
    return value == "1" || value.compare("true", Qt::CaseInsensitive) == 0;
}

int integer(QByteArrayView text, int fallback = 0)
{
    text = text.trimmed();
    if (text.startsWith('+'))
        text = text.sliced(1);
    int value = 0;
    const char *end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error == std::errc() && stop == end && !text.isEmpty())
        return value;
    // Some writers put "3.0" where an integer belongs.
    const std::optional<double> real = number(text);
    if (real && std::abs(*real) < 2e9)
        return int(std::lround(*real));
    return fallback;
}

int integer(const QString &text, int fallback = 0)
{
    return integer(QByteArrayView(text.toUtf8()), fallback);
}

qint64 longInteger(QByteArrayView text)
{
    text = text.trimmed();
    qint64 value = 0;
    const auto [stop, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && stop == text.data() + text.size() ? value : 0;
}

/// "x,y;x,y;…"; nullopt when a pair is incomplete or not a number.
std::optional<QList<QPointF>> parsePoints(QByteArrayView text)
{
    QList<QPointF> points;
    points.reserve(text.count(';') + 1);
    while (!text.isEmpty()) {
        const qsizetype semicolon = text.indexOf(';');
        QByteArrayView pair = semicolon < 0 ? text : text.first(semicolon);
        text = semicolon < 0 ? QByteArrayView() : text.sliced(semicolon + 1);
        pair = pair.trimmed();
        if (pair.isEmpty())
            continue;
        const qsizetype comma = pair.indexOf(',');
        if (comma < 0)
            return std::nullopt;
        const std::optional<double> x = number(pair.first(comma));
        const std::optional<double> y = number(pair.sliced(comma + 1));
        if (!x || !y)
            return std::nullopt;
        points.append(QPointF(*x, *y));
    }
    return points;
}

/// Distinct strings shared() keeps before it starts over: a file whose values never repeat
/// (free-text attributes) must not grow the table without end.
constexpr qsizetype kMaxSharedStrings = 4096;

/// Refuses masks whose rectangle would need more than this many pixels to decode.
constexpr qint64 kMaxMaskArea = qint64(1) << 28;

} // namespace

CvatReader::CvatReader(QIODevice *device)
    : m_xml(device)
{ }

CvatReader::CvatReader(const QByteArray &data)
    : m_xml(data)
{ }

QString CvatReader::readSharedText()
{
    // Nearly always one run of text ("true", "red"), shared; the general case is concatenated.
    QString first;
    QByteArray joined;
    int runs = 0;
    while (!m_xml.atEnd()) {
        switch (m_xml.readNext()) {
        case CvatXmlStream::Token::Characters:
            if (runs++ == 0) {
                first = shared(m_xml.text());
            } else {
                if (runs == 2)
                    joined = first.toUtf8();
                joined += m_xml.text();
            }
            break;
        case CvatXmlStream::Token::StartElement:
            m_xml.skipCurrentElement();
            break;
        case CvatXmlStream::Token::EndElement:
            return runs <= 1 ? first : QString::fromUtf8(joined);
        default:
            break;
        }
    }
    return runs <= 1 ? first : QString::fromUtf8(joined);
}

QString CvatReader::shared(QByteArrayView utf8)
{
    // fromRawData: the lookup itself allocates nothing.
    const QByteArray key = QByteArray::fromRawData(utf8.data(), utf8.size());
    const auto found = m_sharedStrings.constFind(key);
    if (found != m_sharedStrings.cend())
        return found.value();
    if (m_sharedStrings.size() >= kMaxSharedStrings)
        m_sharedStrings.clear();
    const QString text = QString::fromUtf8(utf8);
    m_sharedStrings.insert(utf8.toByteArray(), text);
    return text;
}

void CvatReader::fail(CvatProblem::Kind kind, const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_position = Position::Done;
    m_problems.add(CvatProblem{CvatProblem::Severity::Error,
                               kind,
                               message,
                               QString(),
                               m_xml.lineNumber(),
                               m_xml.columnNumber()});
}

bool CvatReader::checkXmlError()
{
    if (!m_xml.hasError())
        return false;
    if (m_failed)
        return true;
    const QString message = m_xml.prematureEnd()
                                ? tr("The file ends before the XML document is complete.")
                                : tr("The XML is not well-formed: %1").arg(m_xml.errorString());
    fail(CvatProblem::Kind::MalformedXml, message);
    return true;
}

bool CvatReader::advanceToRoot()
{
    while (!m_xml.atEnd()) {
        const CvatXmlStream::Token token = m_xml.readNext();
        if (token == CvatXmlStream::Token::Dtd) {
            fail(CvatProblem::Kind::ForbiddenDtd,
                 tr("The file declares a DTD. CVAT never writes one, and entity declarations "
                    "are refused for safety."));
            return false;
        }
        if (token == CvatXmlStream::Token::StartElement) {
            if (!isElement(m_xml, "annotations")) {
                fail(CvatProblem::Kind::NotCvat,
                     tr("This is not a CVAT annotations file: the root element is <%1>, not "
                        "<annotations>.")
                         .arg(m_xml.nameString()));
                return false;
            }
            m_position = Position::InRoot;
            return true;
        }
    }
    if (!checkXmlError())
        fail(CvatProblem::Kind::MalformedXml, tr("The file holds no XML element."));
    return false;
}

bool CvatReader::advanceToImage()
{
    while (!m_xml.atEnd()) {
        const CvatXmlStream::Token token = m_xml.readNext();
        if (token == CvatXmlStream::Token::Dtd) {
            fail(CvatProblem::Kind::ForbiddenDtd, tr("A DTD appears inside the document."));
            return false;
        }
        if (token == CvatXmlStream::Token::EndElement) {
            // The root's end: whatever follows can only be comments or an error.
            finish();
            return false;
        }
        if (token != CvatXmlStream::Token::StartElement)
            continue;
        if (isElement(m_xml, "image")) {
            m_position = Position::AtImage;
            return true;
        }
        if (isElement(m_xml, "version")) {
            m_sawVersion = true;
            m_info.version = m_xml.readElementText().trimmed();
        } else if (isElement(m_xml, "meta")) {
            m_sawMeta = true;
            readMeta();
        } else if (isElement(m_xml, "track") && m_videoAsImages) {
            m_info.flavour = CvatExportInfo::Flavour::Video;
            readTracks();
            if (m_failed)
                return false;
            m_position = Position::VideoFrames;
            return true;
        } else if (isElement(m_xml, "track")) {
            m_info.flavour = CvatExportInfo::Flavour::Video;
            fail(CvatProblem::Kind::VideoExport,
                 tr("This file is a \"CVAT for video 1.1\" export (it holds tracks). Export the "
                    "task again in CVAT as \"CVAT for images 1.1\" with \"Save images\" ticked, "
                    "and import that."));
            return false;
        } else {
            m_xml.skipCurrentElement();
        }
        if (checkXmlError())
            return false;
    }
    if (!checkXmlError())
        fail(CvatProblem::Kind::MalformedXml,
             tr("The file ends before the XML document is complete."));
    return false;
}

QString CvatReader::frameName(qint64 frame)
{
    return QStringLiteral("frame_%1").arg(frame, 6, 10, QLatin1Char('0'));
}

void CvatReader::readTracks()
{
    // Every frame of the task's range is an image, annotated or not.
    if (!m_info.tasks.isEmpty()) {
        const CvatExportInfo::Task &task = m_info.tasks.first();
        for (qint64 frame = task.startFrame; frame <= task.stopFrame && task.frameStep > 0;
             frame += task.frameStep)
            m_frames[frame];
        if (task.originalWidth <= 0 || task.originalHeight <= 0)
            m_problems.add(CvatProblem::Kind::MissingImageSize,
                           tr("The video export has no <original_size>; the frame files must "
                              "provide their size."));
    }
    readTrack();
    while (!m_failed && !m_xml.atEnd()) {
        const CvatXmlStream::Token token = m_xml.readNext();
        if (token == CvatXmlStream::Token::EndElement) {
            // The root ends: check what follows, but the frames are still to be handed out.
            while (!m_xml.atEnd()) {
                if (m_xml.readNext() == CvatXmlStream::Token::StartElement) {
                    m_xml.raiseError(tr("Extra content at the end of the document."));
                    break;
                }
            }
            checkXmlError();
            return;
        }
        if (token != CvatXmlStream::Token::StartElement)
            continue;
        if (isElement(m_xml, "track"))
            readTrack();
        else if (isElement(m_xml, "image"))
            readImage(); // a mixed file: its images are not frames, read and dropped
        else
            m_xml.skipCurrentElement();
        if (checkXmlError())
            return;
    }
    checkXmlError();
}

void CvatReader::readTrack()
{
    const CvatXmlStream::Attributes attributes = m_xml.attributes();
    m_trackLabel = shared(attributes.value("label"));
    m_trackSource = shared(attributes.value("source"));
    m_trackGroup = integer(attributes.value("group_id"));
    m_inTrack = true;
    QSet<qint64> framesOfTrack;
    while (!m_xml.atEnd()) {
        const CvatXmlStream::Token token = m_xml.readNext();
        if (token == CvatXmlStream::Token::EndElement)
            break;
        if (token != CvatXmlStream::Token::StartElement)
            continue;
        const std::optional<CvatShape::Kind> kind = CvatShape::kindFromElement(m_xml.name());
        const CvatXmlStream::Attributes shapeAttributes = m_xml.attributes();
        if (!kind || *kind == CvatShape::Kind::Tag || !shapeAttributes.has("frame")) {
            m_problems.add(CvatProblem::Kind::UnknownShape,
                           tr("<%1> is not a track shape; it is left out.").arg(m_xml.nameString()),
                           QString(),
                           m_xml.lineNumber());
            m_xml.skipCurrentElement();
            continue;
        }
        const qint64 frame = longInteger(shapeAttributes.value("frame"));
        if (flag(shapeAttributes, "outside")) {
            m_xml.skipCurrentElement();
            continue;
        }
        CvatImage frameImage;
        frameImage.name = frameName(frame);
        if (!m_info.tasks.isEmpty()) {
            frameImage.width = m_info.tasks.first().originalWidth;
            frameImage.height = m_info.tasks.first().originalHeight;
        }
        std::optional<CvatShape> shape = readShape(*kind, frameImage);
        if (!shape)
            continue;
        QList<CvatShape> &shapes = m_frames[frame];
        if (framesOfTrack.contains(frame)) {
            // Broken files repeat a frame inside a track: the last one wins.
            m_problems.add(CvatProblem::Kind::DuplicateImage,
                           tr("The track has this frame twice; the later shape is kept."),
                           frameImage.name,
                           shape->line);
            shapes.removeLast();
        }
        framesOfTrack.insert(frame);
        shapes.append(std::move(*shape));
    }
    m_inTrack = false;
}

void CvatReader::finish()
{
    // Only comments and whitespace may follow the root; reading on reveals trailing garbage.
    while (!m_xml.atEnd()) {
        if (m_xml.readNext() == CvatXmlStream::Token::StartElement) {
            m_xml.raiseError(tr("Extra content at the end of the document."));
            break;
        }
    }
    if (checkXmlError())
        return;
    m_position = Position::Done;
    m_finished = true;
    if (m_imagesRead == 0 && m_info.flavour == CvatExportInfo::Flavour::Images) {
        m_info.flavour = CvatExportInfo::Flavour::Empty;
        m_problems.add(CvatProblem::Kind::EmptyExport,
                       tr("The export holds no images and no tracks."));
    }
}

bool CvatReader::readHeader()
{
    if (m_position == Position::Start && !advanceToRoot())
        return false;
    if (m_position == Position::InRoot)
        advanceToImage();
    if (!m_headerChecked && !m_failed) {
        m_headerChecked = true;
        if (!m_sawVersion)
            m_problems.add(CvatProblem::Kind::MissingVersion,
                           tr("The file has no <version>; it is read as CVAT XML 1.1."));
        else if (m_info.version != QLatin1String("1.1"))
            m_problems.add(CvatProblem::Kind::UnexpectedVersion,
                           tr("The file says it is CVAT XML version %1; it is read as 1.1.")
                               .arg(m_info.version));
        if (!m_sawMeta)
            m_problems.add(CvatProblem::Kind::MissingMeta,
                           tr("The file has no <meta>; the labels are taken from the shapes."));
    }
    return !m_failed;
}

std::optional<CvatImage> CvatReader::readNextImage()
{
    if (!m_headerChecked && !readHeader())
        return std::nullopt;
    if (m_position == Position::VideoFrames) {
        if (m_frames.isEmpty()) {
            m_position = Position::Done;
            m_finished = true;
            return std::nullopt;
        }
        const auto first = m_frames.begin();
        CvatImage image;
        image.id = first.key();
        image.name = frameName(first.key());
        if (!m_info.tasks.isEmpty()) {
            image.width = m_info.tasks.first().originalWidth;
            image.height = m_info.tasks.first().originalHeight;
        }
        image.shapes = std::move(first.value());
        image.line = image.shapes.isEmpty() ? 0 : image.shapes.first().line;
        m_frames.erase(first);
        ++m_imagesRead;
        return image;
    }
    if (m_position == Position::InRoot && !advanceToImage())
        return std::nullopt;
    if (m_position != Position::AtImage)
        return std::nullopt;
    CvatImage image = readImage();
    if (checkXmlError())
        return std::nullopt;
    m_position = Position::InRoot;
    ++m_imagesRead;
    return image;
}

void CvatReader::readMeta()
{
    while (m_xml.readNextStartElement()) {
        if (isElement(m_xml, "task"))
            readScope(CvatExportInfo::Scope::Task);
        else if (isElement(m_xml, "job"))
            readScope(CvatExportInfo::Scope::Job);
        else if (isElement(m_xml, "project"))
            readScope(CvatExportInfo::Scope::Project);
        else if (isElement(m_xml, "original_size")) {
            // Video job exports put the frame size directly under <meta>.
            if (m_info.tasks.isEmpty())
                m_info.tasks.append(CvatExportInfo::Task());
            readOriginalSize(m_info.tasks.last());
        } else
            m_xml.skipCurrentElement();
    }
}

void CvatReader::readScope(CvatExportInfo::Scope scope)
{
    m_info.scope = scope;
    if (scope != CvatExportInfo::Scope::Project) {
        const CvatExportInfo::Task task = readTask(true);
        m_info.id = task.id;
        m_info.name = task.name;
        if (!m_info.tasks.isEmpty() && m_info.tasks.last().id == -1) {
            // An <original_size> seen before the scope element belongs to it.
            const CvatExportInfo::Task early = m_info.tasks.takeLast();
            CvatExportInfo::Task merged = task;
            if (merged.originalWidth == 0) {
                merged.originalWidth = early.originalWidth;
                merged.originalHeight = early.originalHeight;
            }
            m_info.tasks.append(merged);
        } else {
            m_info.tasks.append(task);
        }
        return;
    }
    while (m_xml.readNextStartElement()) {
        if (isElement(m_xml, "id")) {
            m_info.id = integer(m_xml.readElementText(), -1);
        } else if (isElement(m_xml, "name")) {
            m_info.name = m_xml.readElementText();
        } else if (isElement(m_xml, "tasks")) {
            while (m_xml.readNextStartElement()) {
                if (isElement(m_xml, "task"))
                    m_info.tasks.append(readTask(false));
                else
                    m_xml.skipCurrentElement();
            }
        } else if (isElement(m_xml, "subsets")) {
            m_info.subsets = CvatAttributeSpec::splitValues(m_xml.readElementText());
        } else if (isElement(m_xml, "labels")) {
            readLabels();
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

CvatExportInfo::Task CvatReader::readTask(bool intoInfo)
{
    static const QRegularExpression step(QStringLiteral("step\\s*=\\s*(\\d+)"));
    CvatExportInfo::Task task;
    while (m_xml.readNextStartElement()) {
        const auto text = [&] {
            return m_xml.readElementText().trimmed();
        };
        if (isElement(m_xml, "id"))
            task.id = integer(text(), -1);
        else if (isElement(m_xml, "name"))
            task.name = m_xml.readElementText();
        else if (isElement(m_xml, "mode"))
            task.mode = text();
        else if (isElement(m_xml, "subset"))
            task.subset = text();
        else if (isElement(m_xml, "start_frame"))
            task.startFrame = integer(text());
        else if (isElement(m_xml, "stop_frame"))
            task.stopFrame = integer(text());
        else if (isElement(m_xml, "frame_filter")) {
            const QRegularExpressionMatch match = step.match(text());
            if (match.hasMatch())
                task.frameStep = std::max(1, integer(match.captured(1), 1));
        } else if (isElement(m_xml, "original_size"))
            readOriginalSize(task);
        else if (intoInfo && isElement(m_xml, "labels"))
            readLabels();
        else
            m_xml.skipCurrentElement();
    }
    return task;
}

void CvatReader::readOriginalSize(CvatExportInfo::Task &task)
{
    while (m_xml.readNextStartElement()) {
        if (isElement(m_xml, "width"))
            task.originalWidth = integer(m_xml.readElementText());
        else if (isElement(m_xml, "height"))
            task.originalHeight = integer(m_xml.readElementText());
        else
            m_xml.skipCurrentElement();
    }
}

void CvatReader::readLabels()
{
    while (m_xml.readNextStartElement()) {
        if (isElement(m_xml, "label"))
            m_info.labels.append(readLabel());
        else
            m_xml.skipCurrentElement();
    }
}

CvatLabel CvatReader::readLabel()
{
    CvatLabel label;
    while (m_xml.readNextStartElement()) {
        const auto text = [&] {
            return m_xml.readElementText();
        };
        if (isElement(m_xml, "name"))
            label.name = text();
        else if (isElement(m_xml, "color"))
            label.color = text().trimmed();
        else if (isElement(m_xml, "type"))
            label.type = text().trimmed();
        else if (isElement(m_xml, "parent"))
            label.parent = text();
        else if (isElement(m_xml, "svg"))
            label.parseSkeletonSvg(text());
        else if (isElement(m_xml, "attributes"))
            label.attributes = readAttributeSpecs();
        else
            m_xml.skipCurrentElement();
    }
    return label;
}

QList<CvatAttributeSpec> CvatReader::readAttributeSpecs()
{
    // 2018-era files write each attribute as one string: "@select=quality:good,bad"
    // ('@' immutable, '~' mutable).
    static const QRegularExpression oldSpec(QStringLiteral("^([@~])(\\w+)=([^:]*):(.*)$"));
    QList<CvatAttributeSpec> specs;
    while (m_xml.readNextStartElement()) {
        if (!isElement(m_xml, "attribute")) {
            m_xml.skipCurrentElement();
            continue;
        }
        CvatAttributeSpec spec;
        bool structured = false;
        QString loose;
        while (!m_xml.atEnd()) {
            const CvatXmlStream::Token token = m_xml.readNext();
            if (token == CvatXmlStream::Token::EndElement)
                break;
            if (token == CvatXmlStream::Token::Characters) {
                loose += QString::fromUtf8(m_xml.text());
                continue;
            }
            if (token != CvatXmlStream::Token::StartElement)
                continue;
            structured = true;
            const QString text = m_xml.readElementText();
            if (isElement(m_xml, "name"))
                spec.name = text;
            else if (isElement(m_xml, "mutable"))
                spec.isMutable =
                    text.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
            else if (isElement(m_xml, "input_type")) {
                spec.inputTypeText = text.trimmed();
                spec.inputType = CvatAttributeSpec::inputTypeFromText(text);
            } else if (isElement(m_xml, "default_value"))
                spec.defaultValue = text;
            else if (isElement(m_xml, "values"))
                spec.values = CvatAttributeSpec::splitValues(text);
        }
        if (!structured) {
            const QRegularExpressionMatch match = oldSpec.match(loose.trimmed());
            if (!match.hasMatch())
                continue;
            spec.isMutable = match.captured(1) == QLatin1String("~");
            spec.inputTypeText = match.captured(2);
            spec.inputType = CvatAttributeSpec::inputTypeFromText(spec.inputTypeText);
            spec.name = match.captured(3);
            spec.values = match.captured(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
            if (!spec.values.isEmpty())
                spec.defaultValue = spec.values.first();
        }
        if (spec.inputTypeText.isEmpty())
            spec.inputTypeText = QStringLiteral("text");
        specs.append(spec);
    }
    return specs;
}

CvatImage CvatReader::readImage()
{
    CvatImage image;
    image.line = m_xml.lineNumber();
    const CvatXmlStream::Attributes attributes = m_xml.attributes();
    image.id = longInteger(attributes.value("id"));
    image.name = attributes.string("name");
    image.subset = shared(attributes.value("subset"));
    if (attributes.has("task_id"))
        image.taskId = longInteger(attributes.value("task_id"));
    image.width = integer(attributes.value("width"));
    image.height = integer(attributes.value("height"));

    if (!CvatPaths::isSafeRelative(image.name)) {
        m_problems.add(CvatProblem::Kind::UnsafeImageName,
                       image.name.isEmpty()
                           ? tr("The image has no name.")
                           : tr("The image name is absolute or leaves the export folder; no file "
                                "is looked up for it."),
                       image.name,
                       image.line);
    }
    const size_t key = qHash(QString(image.subset + QLatin1Char('\n') + image.name));
    if (m_imageKeys.contains(key)) {
        m_problems.add(CvatProblem::Kind::DuplicateImage,
                       tr("Another <image> earlier in the file has the same name%1.")
                           .arg(image.subset.isEmpty() ? QString()
                                                       : tr(" in subset \"%1\"").arg(image.subset)),
                       image.name,
                       image.line);
    }
    m_imageKeys.insert(key);
    if (image.width <= 0 || image.height <= 0) {
        image.width = std::max(0, image.width);
        image.height = std::max(0, image.height);
        m_problems.add(CvatProblem::Kind::MissingImageSize,
                       tr("The image has no width and height; the image file must provide them."),
                       image.name,
                       image.line);
    }

    while (!m_xml.atEnd()) {
        const CvatXmlStream::Token token = m_xml.readNext();
        if (token == CvatXmlStream::Token::EndElement)
            break;
        if (token != CvatXmlStream::Token::StartElement)
            continue;
        const std::optional<CvatShape::Kind> kind = CvatShape::kindFromElement(m_xml.name());
        if (!kind) {
            m_problems.add(CvatProblem::Kind::UnknownShape,
                           tr("<%1> is not a CVAT shape; it is left out.").arg(m_xml.nameString()),
                           image.name,
                           m_xml.lineNumber());
            m_xml.skipCurrentElement();
            continue;
        }
        if (std::optional<CvatShape> shape = readShape(*kind, image))
            image.shapes.append(std::move(*shape));
    }
    return image;
}

std::optional<CvatShape> CvatReader::readShape(CvatShape::Kind kind, const CvatImage &image)
{
    CvatShape shape;
    shape.kind = kind;
    shape.line = m_xml.lineNumber();
    const CvatXmlStream::Attributes attributes = m_xml.attributes();
    shape.label = shared(attributes.value("label"));
    shape.source = shared(attributes.value("source"));
    shape.occluded = flag(attributes, "occluded");
    shape.zOrder = integer(attributes.value("z_order"));
    shape.groupId = integer(attributes.value("group_id"));
    if (m_inTrack) {
        // Track shapes carry their label, source and group on the <track>.
        shape.label = m_trackLabel;
        shape.source = m_trackSource;
        shape.groupId = m_trackGroup;
    }
    shape.rotation = numberAttribute(attributes, "rotation").value_or(0.0);

    const bool geometryOk = readGeometry(shape, attributes);
    readShapeChildren(shape, image);
    if (!geometryOk) {
        m_problems.add(CvatProblem::Kind::InvalidGeometry,
                       tr("The %1 has missing or unreadable coordinates; it is left out.")
                           .arg(CvatShape::elementName(kind)),
                       image.name,
                       shape.line);
        return std::nullopt;
    }
    bool keep = true;
    checkShape(shape, image, keep);
    checkLabelAndAttributes(shape, image);
    if (!keep)
        return std::nullopt;
    checkBounds(shape, image);
    return shape;
}

bool CvatReader::readGeometry(CvatShape &shape, const CvatXmlStream::Attributes &attributes)
{
    using Kind = CvatShape::Kind;
    switch (shape.kind) {
    case Kind::Box: {
        const auto xtl = numberAttribute(attributes, "xtl");
        const auto ytl = numberAttribute(attributes, "ytl");
        const auto xbr = numberAttribute(attributes, "xbr");
        const auto ybr = numberAttribute(attributes, "ybr");
        if (!xtl || !ytl || !xbr || !ybr)
            return false;
        shape.points = {QPointF(*xtl, *ytl), QPointF(*xbr, *ybr)};
        return true;
    }
    case Kind::Polygon:
    case Kind::Polyline:
    case Kind::Points: {
        const std::optional<QList<QPointF>> points = parsePoints(attributes.value("points"));
        if (!points)
            return false;
        shape.points = *points;
        return true;
    }
    case Kind::Ellipse: {
        const auto cx = numberAttribute(attributes, "cx");
        const auto cy = numberAttribute(attributes, "cy");
        const auto rx = numberAttribute(attributes, "rx");
        const auto ry = numberAttribute(attributes, "ry");
        if (!cx || !cy || !rx || !ry)
            return false;
        shape.points = {QPointF(*cx, *cy)};
        shape.radii = QPointF(*rx, *ry);
        return true;
    }
    case Kind::Cuboid: {
        static constexpr std::array<const char *, 8> corners{
            "tl1", "bl1", "tr1", "br1", "tl2", "bl2", "tr2", "br2"};
        for (const char *corner : corners) {
            const QByteArray suffix(corner);
            const auto x = number(attributes.value(QByteArray('x' + suffix)));
            const auto y = number(attributes.value(QByteArray('y' + suffix)));
            if (!x || !y)
                return false;
            shape.points.append(QPointF(*x, *y));
        }
        return true;
    }
    case Kind::Mask: {
        const auto left = numberAttribute(attributes, "left");
        const auto top = numberAttribute(attributes, "top");
        const auto width = numberAttribute(attributes, "width");
        const auto height = numberAttribute(attributes, "height");
        if (!left || !top || !width || !height || std::abs(*left) > 1e9 || std::abs(*top) > 1e9
            || *width > 1e9 || *height > 1e9)
            return false;
        shape.maskLeft = int(std::lround(*left));
        shape.maskTop = int(std::lround(*top));
        shape.maskWidth = int(std::lround(*width));
        shape.maskHeight = int(std::lround(*height));
        // The runs are checked in checkShape(), where a bad RLE gets its own report entry.
        if (const auto runs = CvatRle::parse(attributes.value("rle")))
            shape.rle = *runs;
        else
            shape.maskWidth = -1;
        return true;
    }
    case Kind::Skeleton:
    case Kind::Tag:
        return true;
    }
    return false;
}

void CvatReader::readShapeChildren(CvatShape &shape, const CvatImage &image)
{
    while (!m_xml.atEnd()) {
        const CvatXmlStream::Token token = m_xml.readNext();
        if (token == CvatXmlStream::Token::EndElement)
            return;
        if (token != CvatXmlStream::Token::StartElement)
            continue;
        if (isElement(m_xml, "attribute")) {
            const QString name = shared(m_xml.attributes().value("name"));
            shape.attributes.append({name, readSharedText()});
        } else if (shape.kind == CvatShape::Kind::Skeleton && isElement(m_xml, "points")) {
            shape.nodes.append(readSkeletonNode(image));
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

CvatShape::Node CvatReader::readSkeletonNode(const CvatImage &image)
{
    CvatShape::Node node;
    const CvatXmlStream::Attributes attributes = m_xml.attributes();
    const qint64 line = m_xml.lineNumber();
    node.label = shared(attributes.value("label"));
    node.outside = flag(attributes, "outside");
    node.occluded = flag(attributes, "occluded");
    const std::optional<QList<QPointF>> points = parsePoints(attributes.value("points"));
    if (points && !points->isEmpty()) {
        node.point = points->first();
    } else {
        node.outside = true;
        m_problems.add(
            CvatProblem::Kind::InvalidGeometry,
            tr("Skeleton node \"%1\" has no readable point; it is marked absent.").arg(node.label),
            image.name,
            line);
    }
    while (m_xml.readNextStartElement()) {
        if (isElement(m_xml, "attribute")) {
            const QString name = shared(m_xml.attributes().value("name"));
            node.attributes.append({name, readSharedText()});
        } else {
            m_xml.skipCurrentElement();
        }
    }
    return node;
}

void CvatReader::checkShape(CvatShape &shape, const CvatImage &image, bool &keep)
{
    using Kind = CvatShape::Kind;
    const auto problem = [&](CvatProblem::Kind kind, const QString &message) {
        m_problems.add(kind, message, image.name, shape.line);
    };
    switch (shape.kind) {
    case Kind::Polygon:
        if (shape.points.size() < 3) {
            problem(CvatProblem::Kind::DegeneratePolygon,
                    tr("A polygon with %1 point(s) has no area; it is left out.")
                        .arg(shape.points.size()));
            keep = false;
        }
        break;
    case Kind::Polyline:
        if (shape.points.size() < 2) {
            problem(CvatProblem::Kind::DegeneratePolyline,
                    tr("A polyline with %1 point(s) is no line; it is left out.")
                        .arg(shape.points.size()));
            keep = false;
        }
        break;
    case Kind::Points:
        if (shape.points.isEmpty()) {
            problem(CvatProblem::Kind::InvalidGeometry,
                    tr("A points shape without points is left out."));
            keep = false;
        }
        break;
    case Kind::Mask: {
        if (shape.maskWidth < 0) {
            problem(CvatProblem::Kind::BadRle,
                    tr("The mask's RLE is not a list of non-negative integers; it is left out."));
            keep = false;
            break;
        }
        if (shape.maskWidth <= 0 || shape.maskHeight <= 0
            || qint64(shape.maskWidth) * shape.maskHeight > kMaxMaskArea) {
            problem(CvatProblem::Kind::BadRle,
                    tr("The mask's rectangle of %1 × %2 pixels is unusable; it is left out.")
                        .arg(shape.maskWidth)
                        .arg(shape.maskHeight));
            keep = false;
            break;
        }
        const CvatRle::Fit fit = CvatRle::fit(shape.rle, shape.maskWidth, shape.maskHeight);
        if (fit == CvatRle::Fit::Long) {
            problem(CvatProblem::Kind::BadRle,
                    tr("The mask's runs cover more pixels than its %1 × %2 rectangle; it is left "
                       "out.")
                        .arg(shape.maskWidth)
                        .arg(shape.maskHeight));
            keep = false;
        } else if (fit == CvatRle::Fit::Short) {
            problem(CvatProblem::Kind::BadRle,
                    tr("The mask's runs end before its %1 × %2 rectangle does; the rest is "
                       "taken as background.")
                        .arg(shape.maskWidth)
                        .arg(shape.maskHeight));
        }
        break;
    }
    case Kind::Skeleton: {
        const CvatLabel *skeleton = m_info.label(shape.label);
        if (!skeleton || skeleton->skeletonNodes.isEmpty())
            break;
        for (const CvatShape::Node &node : shape.nodes) {
            if (!skeleton->skeletonNodes.contains(node.label))
                problem(
                    CvatProblem::Kind::SkeletonNodeUnknown,
                    tr("Skeleton \"%1\" declares no node \"%2\".").arg(shape.label, node.label));
        }
        break;
    }
    case Kind::Box:
    case Kind::Ellipse:
    case Kind::Cuboid:
    case Kind::Tag:
        break;
    }
}

void CvatReader::checkLabelAndAttributes(const CvatShape &shape, const CvatImage &image)
{
    if (shape.label.isEmpty()) {
        m_problems.add(CvatProblem::Kind::EmptyLabel,
                       tr("A %1 has an empty label.").arg(CvatShape::elementName(shape.kind)),
                       image.name,
                       shape.line);
    }
    const CvatLabel *label = m_info.label(shape.label);
    if (!label) {
        CvatLabel discovered;
        discovered.name = shape.label;
        discovered.declared = false;
        m_info.labels.append(discovered);
        label = &m_info.labels.last();
        if (m_sawMeta && !shape.label.isEmpty() && !m_reportedLabels.contains(shape.label)) {
            m_reportedLabels.insert(shape.label);
            m_problems.add(CvatProblem::Kind::UndeclaredLabel,
                           tr("Label \"%1\" is used but not declared in <meta>; it is created.")
                               .arg(shape.label),
                           image.name,
                           shape.line);
        }
    }
    if (!label->declared)
        return;
    for (const auto &[name, value] : shape.attributes) {
        const CvatAttributeSpec *spec = label->attribute(name);
        if (!spec) {
            const QString key = shape.label + QLatin1Char('\n') + name;
            if (!m_reportedAttributes.contains(key)) {
                m_reportedAttributes.insert(key);
                m_problems.add(CvatProblem::Kind::UndeclaredAttribute,
                               tr("Label \"%1\" declares no attribute \"%2\"; the value is kept.")
                                   .arg(shape.label, name),
                               image.name,
                               shape.line);
            }
            continue;
        }
        if (!spec->accepts(value)) {
            m_problems.add(CvatProblem::Kind::AttributeValueNotInSpec,
                           tr("\"%1\" is not an allowed value of attribute \"%2\" of label "
                              "\"%3\"; it is kept.")
                               .arg(value, name, shape.label),
                           image.name,
                           shape.line);
        }
    }
}

void CvatReader::checkBounds(const CvatShape &shape, const CvatImage &image)
{
    if (image.width <= 0 || image.height <= 0)
        return;
    const auto outside = [&](const QPointF &p) {
        return p.x() < 0 || p.y() < 0 || p.x() > image.width || p.y() > image.height;
    };
    bool beyond = false;
    switch (shape.kind) {
    case CvatShape::Kind::Ellipse:
        beyond = outside(shape.points.first() - shape.radii)
                 || outside(shape.points.first() + shape.radii);
        break;
    case CvatShape::Kind::Mask:
        beyond = shape.maskLeft < 0 || shape.maskTop < 0
                 || shape.maskLeft + qint64(shape.maskWidth) > image.width
                 || shape.maskTop + qint64(shape.maskHeight) > image.height;
        break;
    case CvatShape::Kind::Skeleton:
        for (const CvatShape::Node &node : shape.nodes)
            beyond = beyond || (!node.outside && outside(node.point));
        break;
    default:
        for (const QPointF &point : shape.points)
            beyond = beyond || outside(point);
        break;
    }
    if (beyond)
        m_problems.add(CvatProblem::Kind::OutsideImage,
                       tr("The %1 reaches beyond the %2 × %3 image.")
                           .arg(CvatShape::elementName(shape.kind))
                           .arg(image.width)
                           .arg(image.height),
                       image.name,
                       shape.line);
}

} // namespace Encord::Cvat
