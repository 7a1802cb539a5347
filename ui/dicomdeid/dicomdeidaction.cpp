#include "dicomdeidaction.h"

#include "dicomdeidwizard.h"

#include <QAction>
#include <QMenu>

namespace Encord {

DicomDeidWizard *openDicomDeidWizard(std::optional<EncordClient> client, QWidget *parent)
{
    auto *wizard = new DicomDeidWizard(std::move(client), parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::NonModal);
    wizard->show();
    return wizard;
}

QAction *addDicomDeidAction(QMenu *menu,
                            std::function<std::optional<EncordClient>()> currentClient,
                            QWidget *parent)
{
    QAction *action = menu->addAction(DicomDeidWizard::tr("De-identify &DICOM…"));
    action->setObjectName(QStringLiteral("deidentifyDicom"));
    action->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    action->setStatusTip(DicomDeidWizard::tr(
        "Make copies of DICOM files without identifying tags or burned-in text"));
    QObject::connect(action, &QAction::triggered, menu, [currentClient, parent] {
        openDicomDeidWizard(currentClient ? currentClient() : std::nullopt, parent);
    });
    return action;
}

} // namespace Encord
