#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace EncordTest {

/// Objects per "label|encord shape" (e.g. "car|bounding_box").
using CvatObjectCounts = QMap<QString, int>;

/// Objects an annotations.xml should become, per (label, Encord shape) as the spec's mapping
/// gives them, counted with regular expressions over the XML text (one element per line, as
/// CVAT writes), independently of the reader: skeleton nodes are not shapes, each CVAT point is
/// one point object, empty labels and tags make no object.
CvatObjectCounts expectedCvatObjects(const QByteArray &xml);

/// Objects in label rows (their JSON text), per (name, shape).
CvatObjectCounts labelRowObjects(const QList<QByteArray> &rows);

/// A copy of the shared sample @p sample in @p folder: its annotations.xml and, at every path
/// its images.tsv lists, a small placeholder file (the real pixels where the sample ships them).
bool makeCvatSampleExport(const QString &sample, const QString &folder);

} // namespace EncordTest
