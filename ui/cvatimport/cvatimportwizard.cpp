#include "cvatimportwizard.h"

#include "cvatoptionspage.h"
#include "cvatpreviewpage.h"
#include "cvatresultpage.h"
#include "cvatrunpage.h"
#include "cvatsourcepage.h"

namespace Encord {

CvatImportWizard::CvatImportWizard(EncordClient client, const QString &exportPath, QWidget *parent)
    : QWizard(parent)
    , m_client(std::move(client))
{
    setObjectName(QStringLiteral("cvatImportWizard"));
    setWindowTitle(tr("Import a CVAT Export"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(SourcePageId, new CvatSourcePage(this));
    setPage(PreviewPageId, new CvatPreviewPage(this));
    setPage(OptionsPageId, new CvatOptionsPage(this));
    setPage(RunPageId, new CvatRunPage(this));
    setPage(ResultPageId, new CvatResultPage(this));
    resize(860, 640);
    if (!exportPath.isEmpty()) {
        setField(QStringLiteral("exportPath"), exportPath);
        // Straight to the preview: the user already chose the export by dropping it.
        if (page(SourcePageId)->isComplete())
            setStartId(PreviewPageId);
    }
}

CvatImportWizard::~CvatImportWizard() = default;

void CvatImportWizard::reject()
{
    Q_EMIT cancelRequested();
    auto *run = qobject_cast<CvatRunPage *>(page(RunPageId));
    // While the dataset is being created closing is refused rather than pretending: that
    // request cannot be taken back. (During the conversion Cancel closes; the page said what
    // that does.)
    if (currentId() == RunPageId && run && !run->canCancel())
        return;
    QWizard::reject();
}

void CvatImportWizard::accept()
{
    auto *result = qobject_cast<CvatResultPage *>(page(ResultPageId));
    if (m_result && m_result->success && result && result->openProject())
        Q_EMIT openProjectRequested(m_result->projectHash);
    QWizard::accept();
}

} // namespace Encord
