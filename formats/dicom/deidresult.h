#pragma once

#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>

#include <cstdint>

namespace Encord::Dicom {

/// One attribute in a preview or result: the top-level tag, its keyword, and its value as
/// decoded text (shortened; binary values summarised).
struct TagSummary
{
    std::uint16_t group = 0;
    std::uint16_t element = 0;
    QString keyword;
    QString value;
    int nestedCount = 0; ///< elements inside it at any depth (sequences), removed with it

    QString tagText() const; ///< "(0010,0010)"
};

/// A region of burned-in text, in pixel coordinates of the image (column, row).
struct RedactedBox
{
    QRect rect;
    QString text; ///< what OCR read there (may be imperfect)
};

/// What happened to one file.
struct DeidResult
{
    enum class Status {
        Written,   ///< a de-identified copy was written to outputPath
        Previewed, ///< preview only: nothing written
        NotSaved,  ///< a save condition failed for this file or another of its series
        Failed,    ///< the file could not be read, de-identified or written: see error
    };

    Status status = Status::Failed;
    QString inputPath;
    QString outputPath;
    QString error; ///< a sentence for a user (Failed), or the failing condition (NotSaved)

    QString sopInstanceUid;
    QString seriesInstanceUid;
    bool conditionsHeld = true;

    QList<TagSummary> removedTags; ///< top-level attributes removed (with nested counts)
    QList<TagSummary> keptTags;
    int removedElementCount = 0; ///< every element removed, at any depth

    QList<RedactedBox> boxes; ///< blacked out on every frame
    int frameCount = 0;
    int framesScanned = 0;
    QString inputTransferSyntax;  ///< UID
    QString outputTransferSyntax; ///< UID (empty when nothing was written)

    static DeidResult failure(const QString &inputPath, const QString &error);

    static QString statusName(Status status);
    QJsonObject toJson() const;
    static DeidResult fromJson(const QJsonObject &json);
};

} // namespace Encord::Dicom
