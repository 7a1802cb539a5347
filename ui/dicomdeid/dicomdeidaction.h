#pragma once

#include "client/encordclient.h"

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace Encord {

class DicomDeidWizard;

/// Opens the de-identification wizard, non-modal, deleted when closed. @p client may be
/// empty: then only files on this computer can be chosen.
DicomDeidWizard *openDicomDeidWizard(std::optional<EncordClient> client, QWidget *parent);

/// Adds "De-identify DICOM…" to @p menu (the main window's Tools menu). Each trigger opens a
/// wizard on the connection @p currentClient returns at that moment. The action is parented
/// to @p menu.
QAction *addDicomDeidAction(QMenu *menu,
                            std::function<std::optional<EncordClient>()> currentClient,
                            QWidget *parent);

} // namespace Encord
