#pragma once

#include "client/encordclient.h"

#include <QWidget>

#include <optional>

namespace Encord {

/// One section of the main window's browser (Datasets, Projects, …). The window hands every
/// pane the current connection and forwards Refresh to the visible one.
class BrowserPane : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    /// Drops everything shown from the previous connection and loads from @p client
    /// (nothing when nullopt). Answers still arriving from the old connection are ignored.
    virtual void setClient(std::optional<EncordClient> client) = 0;
    /// Asks the server again.
    virtual void refresh() = 0;
    /// Saves and restores column widths and similar view state under @p group.
    virtual void saveState(const QString &group) const;
    virtual void restoreState(const QString &group);
};

} // namespace Encord
