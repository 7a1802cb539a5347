#pragma once

#include "cvatexportinfo.h"
#include "cvatimage.h"
#include "cvatproblemreport.h"
#include "cvatxmlstream.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

class QIODevice;

namespace Encord::Cvat {

/// A streaming reader of annotations.xml ("CVAT for images 1.1"; spec cvat-format.md).
///
/// It pulls one <image> at a time from the device, so memory stays proportional to the largest
/// image's annotations, not to the file: call readHeader() once (optional), then
/// readNextImage() until it returns nullopt. Everything odd goes into problems(); shapes that
/// cannot be used are dropped with a warning, and a fatal problem (malformed XML with its line
/// and column, a DTD, a root other than <annotations>, a "CVAT for video" export) stops the
/// reading with an error.
///
/// Hostile input: DTDs are refused outright, so no entity is ever declared or expanded;
/// image names that are absolute or climb out with ".." are reported as errors (the folder
/// code never resolves them).
class CvatReader
{
public:
    /// Reads from @p device, which must stay open and alive while the reader is used.
    explicit CvatReader(QIODevice *device);
    /// Reads from a byte array (copied).
    explicit CvatReader(const QByteArray &data);

    CvatReader(const CvatReader &) = delete;
    CvatReader &operator=(const CvatReader &) = delete;

    /// Reads a "CVAT for video 1.1" export as images: one per frame of the task's range
    /// (start_frame to stop_frame by the frame step, named like CVAT's frame files,
    /// "frame_000010"), holding every track's shape on that frame unless it is outside. CVAT
    /// writes interpolated frames as shapes of their own, so nothing is computed. Off by
    /// default: the export is then refused with a message naming what to export instead.
    /// Memory: the tracks are held until the end of the file (the frames cross them).
    void setVideoAsImages(bool on) { m_videoAsImages = on; }

    /// Reads <version> and <meta>, up to the first <image>. False on a fatal problem.
    bool readHeader();
    /// The next image, or nullopt at the end of the document or on a fatal problem.
    std::optional<CvatImage> readNextImage();

    /// What the header said, plus the undeclared labels met so far.
    const CvatExportInfo &info() const { return m_info; }
    const CvatProblemReport &problems() const { return m_problems; }
    /// True once a fatal problem stopped the reading.
    bool failed() const { return m_failed; }
    /// True once the whole document was read without a fatal problem.
    bool finished() const { return m_finished; }
    qint64 imagesRead() const { return m_imagesRead; }

private:
    enum class Position {
        Start,       ///< nothing read yet
        AtImage,     ///< the current token is an <image> start tag not yet parsed
        InRoot,      ///< between the root's children
        VideoFrames, ///< the tracks are read; frames are handed out from m_frames
        Done,
    };

    bool advanceToRoot();
    /// Reads root children until an <image> start tag, the end, or a fatal problem.
    bool advanceToImage();
    void readMeta();
    void readScope(CvatExportInfo::Scope scope);
    CvatExportInfo::Task readTask(bool intoInfo);
    void readOriginalSize(CvatExportInfo::Task &task);
    void readLabels();
    CvatLabel readLabel();
    QList<CvatAttributeSpec> readAttributeSpecs();
    CvatImage readImage();
    std::optional<CvatShape> readShape(CvatShape::Kind kind, const CvatImage &image);
    void readShapeChildren(CvatShape &shape, const CvatImage &image);
    CvatShape::Node readSkeletonNode(const CvatImage &image);
    bool readGeometry(CvatShape &shape, const CvatXmlStream::Attributes &attributes);
    /// @p utf8 as a QString, shared with earlier equal values: labels, sources and attribute
    /// names and values repeat on every shape, and sharing them saves a conversion and an
    /// allocation each.
    QString shared(QByteArrayView utf8);
    /// From a start tag: its text, shared() when it is one run (attribute values repeat).
    QString readSharedText();
    void checkShape(CvatShape &shape, const CvatImage &image, bool &keep);
    void checkLabelAndAttributes(const CvatShape &shape, const CvatImage &image);
    void checkBounds(const CvatShape &shape, const CvatImage &image);
    /// Reads every <track> from the current one to the end of the root into m_frames.
    void readTracks();
    void readTrack();
    static QString frameName(qint64 frame);
    void fail(CvatProblem::Kind kind, const QString &message);
    /// Turns an XML error of the stream into a fatal problem; true if there was one.
    bool checkXmlError();
    void finish();

    CvatXmlStream m_xml;
    CvatExportInfo m_info;
    CvatProblemReport m_problems;
    Position m_position = Position::Start;
    bool m_sawMeta = false;
    bool m_sawVersion = false;
    bool m_headerChecked = false;
    bool m_failed = false;
    bool m_finished = false;
    qint64 m_imagesRead = 0;
    bool m_videoAsImages = false;
    /// Video: shapes per frame, and the track attributes the shapes inherit.
    QMap<qint64, QList<CvatShape>> m_frames;
    QString m_trackLabel;
    QString m_trackSource;
    int m_trackGroup = 0;
    bool m_inTrack = false;
    /// Hashes of subset + '\n' + name of every image read: 8 bytes per image, not the names.
    QSet<size_t> m_imageKeys;
    QSet<QString> m_reportedLabels;             ///< undeclared labels already reported
    QSet<QString> m_reportedAttributes;         ///< label + '\n' + attribute already reported
    QHash<QByteArray, QString> m_sharedStrings; ///< see shared(); bounded in size
};

} // namespace Encord::Cvat
