#pragma once

#include "client/encordclient.h"
#include "cvat/cvatexportscan.h"
#include "records/cvatimportresult.h"

#include <QWizard>

#include <memory>

namespace Encord {

/// File → Import CVAT Export…: from a CVAT export folder or .zip to an Encord project.
/// Pages: the export; a preview of what was found (counts, labels, problems); options; the
/// uploads and the import with progress; the result with the issues the server reported.
class CvatImportWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CvatImportWizard)

public:
    enum PageId {
        SourcePageId,
        PreviewPageId,
        OptionsPageId,
        RunPageId,
        ResultPageId,
    };

    /// @p exportPath fills the first page (a dropped folder); the preview starts at once when
    /// it is given.
    CvatImportWizard(EncordClient client, const QString &exportPath, QWidget *parent = nullptr);
    ~CvatImportWizard() override;

    const EncordClient &client() const { return m_client; }

    /// The last scan of the chosen export (set by the preview page).
    std::shared_ptr<const Cvat::CvatScanResult> scan() const { return m_scan; }
    void setScan(std::shared_ptr<const Cvat::CvatScanResult> scan) { m_scan = std::move(scan); }

    /// Set by the run page when the server finished the import.
    const std::optional<CvatImportResult> &result() const { return m_result; }
    void setResult(CvatImportResult result) { m_result = std::move(result); }

    void reject() override;
    void accept() override;

Q_SIGNALS:
    /// Finish was pressed with "Open the project" checked.
    void openProjectRequested(const QString &projectHash);
    /// Cancel was pressed: the run page stops its uploads.
    void cancelRequested();

private:
    EncordClient m_client;
    std::shared_ptr<const Cvat::CvatScanResult> m_scan;
    std::optional<CvatImportResult> m_result;
};

} // namespace Encord
