#include "dicomdeidwizard.h"

#include "deidoptionspage.h"
#include "deidpreviewpage.h"
#include "deidrunpage.h"
#include "deidsourcepage.h"

namespace Encord {

DicomDeidWizard::DicomDeidWizard(std::optional<EncordClient> client, QWidget *parent)
    : QWizard(parent)
    , m_client(std::move(client))
{
    setObjectName(QStringLiteral("dicomDeidWizard"));
    setWindowTitle(tr("De-identify DICOM Files"));
    setAccessibleName(tr("De-identify DICOM files"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(SourcePageId, new DeidSourcePage(this));
    setPage(OptionsPageId, new DeidOptionsPage(this));
    setPage(PreviewPageId, new DeidPreviewPage(this));
    setPage(RunPageId, new DeidRunPage(this));
    resize(980, 700);
}

DicomDeidWizard::~DicomDeidWizard() = default;

DeidSourcePage *DicomDeidWizard::sourcePage() const
{
    return qobject_cast<DeidSourcePage *>(page(SourcePageId));
}

DeidOptionsPage *DicomDeidWizard::optionsPage() const
{
    return qobject_cast<DeidOptionsPage *>(page(OptionsPageId));
}

DeidPreviewPage *DicomDeidWizard::previewPage() const
{
    return qobject_cast<DeidPreviewPage *>(page(PreviewPageId));
}

DeidRunPage *DicomDeidWizard::runPage() const
{
    return qobject_cast<DeidRunPage *>(page(RunPageId));
}

int DicomDeidWizard::nextId() const
{
    switch (currentId()) {
    case SourcePageId:
        return OptionsPageId;
    case OptionsPageId:
        // Only local files can be previewed: integration files are read by the service.
        return sourcePage()->isLocal() ? PreviewPageId : RunPageId;
    case PreviewPageId:
        return RunPageId;
    default:
        return -1;
    }
}

void DicomDeidWizard::reject()
{
    previewPage()->stop();
    runPage()->cancel();
    QWizard::reject();
}

} // namespace Encord
