#pragma once

#include "client/encordclient.h"

#include <QWizard>

#include <optional>

namespace Encord {

class DeidOptionsPage;
class DeidPreviewPage;
class DeidRunPage;
class DeidSourcePage;

/// Tools → De-identify DICOM…: makes de-identified copies of DICOM files, either on this
/// computer (through the engine's worker processes, so nothing identifying leaves the machine)
/// or in a cloud integration (through the service's de-identification job).
///
/// Pages: the source files; the options; for local files a preview of one file (tags removed
/// and kept, boxes blacked out); the run with a result per file and a CSV export.
class DicomDeidWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DicomDeidWizard)

public:
    enum PageId {
        SourcePageId,
        OptionsPageId,
        PreviewPageId,
        RunPageId,
    };

    /// @p client is the connection used for integration files; without one only files on this
    /// computer can be chosen.
    explicit DicomDeidWizard(std::optional<EncordClient> client, QWidget *parent = nullptr);
    ~DicomDeidWizard() override;

    const std::optional<EncordClient> &client() const { return m_client; }

    DeidSourcePage *sourcePage() const;
    DeidOptionsPage *optionsPage() const;
    DeidPreviewPage *previewPage() const;
    DeidRunPage *runPage() const;

    int nextId() const override;
    /// Closing stops a local run (its partial outputs are removed) and stops waiting for a
    /// service job.
    void reject() override;

private:
    std::optional<EncordClient> m_client;
};

} // namespace Encord
