#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace EncordTest {

/// Objects per "label|encord shape" (e.g. "car|bounding_box").
using CvatObjectCounts = QMap<QString, int>;

/// Objects an annotations.xml should become, per (label, Encord shape) as the spec's mapping
/// gives them, counted with regular expressions over the XML text (one element per line, as
/// CVAT writes), independently of the reader: skeleton nodes are not shapes, each CVAT point is
/// one point object, empty labels and tags make no object.
CvatObjectCounts expectedCvatObjects(const QByteArray &xml);

/// Objects an import of @p xml must hold given its report @p issues (the spec's Issues object),
/// counted from the XML text apart from the reader: every shape of every image, empty labels
/// and cuboids included, minus only the shapes whose line a warning or an error names (as
/// "(annotations.xml line N)") and the shapes of images a missing_image warning names. Tracks
/// (CVAT for video) count on each frame of @p frames (absolute frame numbers with a file) that
/// a keyframe with outside="0" covers until the next keyframe. Report lines that name no
/// shape are returned in @p unexplained.
CvatObjectCounts expectedCvatObjectsAfterReport(const QByteArray &xml,
                                                const QJsonObject &issues,
                                                const QList<int> &frames,
                                                QStringList *unexplained);

/// Objects in label rows (their JSON text), per (name, shape).
CvatObjectCounts labelRowObjects(const QList<QByteArray> &rows);

/// A copy of the shared sample @p sample in @p folder: its annotations.xml and, at every path
/// its images.tsv lists, a small placeholder file (the real pixels where the sample ships them).
bool makeCvatSampleExport(const QString &sample, const QString &folder);

} // namespace EncordTest
