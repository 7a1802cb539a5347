#pragma once

#include "records/enums.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Encord {

/// What a CVAT import needs once the export folder has been read and checked: the raw
/// annotations.xml, and each image file with the name the XML gives it.
struct CvatImportInput
{
    struct Image
    {
        /// The name as in <image name="…"> (relative path below the images folder, '/').
        QString dataPath;
        /// The file on this computer.
        QString localFile;
    };

    /// annotations.xml on disk, read as the request is written (any size); when empty, the
    /// document is annotationsXml.
    QString annotationsFile;
    QByteArray annotationsXml;
    QList<Image> images;
    QString datasetName;
    ReviewMode reviewMode = ReviewMode::Labelled;
    bool transformBoundingBoxesToPolygons = false;
    /// Uploads running at once.
    int parallelUploads = 4;
};

} // namespace Encord
