#pragma once

#include "cvatimage.h"
#include "cvatjsonwriter.h"
#include "cvatontologybuilder.h"
#include "cvatproblemreport.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

namespace Encord::Cvat {

/// Turns the shapes of one CVAT image into an Encord label row (the JSON the SDK's
/// LabelRowV2 reads: object_answers, classification_answers, data_units with per-frame
/// objects and classifications), with coordinates normalised to [0, 1] by the image size.
///
/// The row is written as compact JSON text, never as a QJsonObject tree: an import writes one
/// row per image, and building and serialising trees was most of its time.
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

    /// @p ontology must have been built (again) after every image it is asked about was
    /// surveyed; its objects are looked up per image, so it may be rebuilt between images.
    CvatLabelRowBuilder(const CvatOntologyBuilder &ontology, bool boxesAsPolygons);

    /// The label row of @p image, as UTF-8 JSON text.
    QByteArray build(const CvatImage &image, const Target &target, CvatProblemReport &report);
    /// Objects and classifications put into the last row built, and its label status.
    int objectCount() const { return m_objects; }
    int classificationCount() const { return m_classifications; }
    const QString &labelStatus() const { return m_status; }

    /// Encord's bitmask string of a CVAT mask over a @p imageWidth × @p imageHeight image:
    /// COCO's compressed RLE text of the runs (background first) over the whole image in
    /// row-major order, the mask's rectangle clipped to the image. Computed from the mask's own
    /// runs, without expanding either the rectangle or the image to pixels.
    static QByteArray cocoRle(const CvatShape &mask, int imageWidth, int imageHeight);

private:
    void writeAnswers(CvatJsonWriter &json,
                      const QList<CvatOntologyBuilder::Attribute> &attributes,
                      const CvatShape &shape) const;
    /// A short random id for an object or classification instance, as Encord's are (8 hex).
    QString newHash();

    const CvatOntologyBuilder &m_ontology;
    bool m_boxesAsPolygons = false;
    int m_objects = 0;
    int m_classifications = 0;
    QString m_status;
    /// Seeded once from the system: a system draw per object would be a syscall each.
    QRandomGenerator m_random;
    /// Reused between rows so that their buffers are allocated once.
    CvatJsonWriter m_objectsJson;
    CvatJsonWriter m_classificationsJson;
    CvatJsonWriter m_objectAnswersJson;
    CvatJsonWriter m_classificationAnswersJson;
};

} // namespace Encord::Cvat
