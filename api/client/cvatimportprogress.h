#pragma once

#include <QtGlobal>

namespace Encord {

/// Where a CVAT import stands (EncordClient::importCvat), for a progress display.
struct CvatImportProgress
{
    enum class Phase {
        Uploading,       ///< image files going to signed URLs
        CreatingDataset, ///< uploads done; the dataset is being made
        Importing,       ///< the server converts the export (a job, long-polled)
    };
    Phase phase = Phase::Uploading;
    int filesDone = 0;
    int files = 0;
    qint64 bytesDone = 0; ///< including the parts of files still on their way
    qint64 bytes = 0;
};

} // namespace Encord
