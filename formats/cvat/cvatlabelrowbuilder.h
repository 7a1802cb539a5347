#pragma once

#include "cvatimage.h"
#include "cvatontologybuilder.h"
#include "cvatproblemreport.h"

#include <QJsonObject>
#include <QString>

namespace Encord::Cvat {

/// Turns the shapes of one CVAT image into an Encord label row (the JSON the SDK's
/// LabelRowV2 reads: object_answers, classification_answers, data_units with per-frame
/// objects and classifications), with coordinates normalised to [0, 1] by the image size.
///
/// What cannot be carried over (cuboids, empty labels, shapes without an image size) is
/// reported per shape with the image name and line.
class CvatLabelRowBuilder
{
public:
    /// Where the labels go.
    struct Target
    {
        QString labelHash;
        QString dataHash;
        QString dataTitle;
        QString dataLink;
        QString fileType; ///< MIME type, e.g. "image/jpeg"
        QString datasetHash;
        QString datasetTitle;
        QString labelStatus = QStringLiteral("LABELLED"); ///< with annotations
        QString createdBy;                                ///< e-mail
        QString createdAt;                                ///< "Thu, 18 Feb 2021 22:24:59 GMT"
        int width = 0; ///< pixel size of the image; used when the XML has none
        int height = 0;
    };

    CvatLabelRowBuilder(const CvatOntologyBuilder &ontology, bool boxesAsPolygons);

    /// The label row of @p image.
    QJsonObject build(const CvatImage &image, const Target &target, CvatProblemReport &report);
    /// Objects and classifications put into the last row built.
    int objectCount() const { return m_objects; }
    int classificationCount() const { return m_classifications; }

    /// Encord's bitmask string: COCO's compressed RLE text of @p runs (background first) over
    /// the whole image in row-major order.
    static QString cocoRleString(const QList<quint32> &runs);
    /// The runs over a @p imageWidth × @p imageHeight image of a CVAT mask (its rectangle is
    /// clipped to the image).
    static QList<quint32> fullImageRuns(const CvatShape &mask, int imageWidth, int imageHeight);

private:
    QJsonArray answers(const QList<CvatOntologyBuilder::Attribute> &attributes,
                       const CvatShape &shape) const;

    const CvatOntologyBuilder &m_ontology;
    bool m_boxesAsPolygons = false;
    int m_objects = 0;
    int m_classifications = 0;
};

} // namespace Encord::Cvat
