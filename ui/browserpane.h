#pragma once

#include "client/encordclient.h"
#include "core/apierror.h"

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

Q_SIGNALS:
    /// A request of the current connection was answered (the server is reachable and took
    /// the key).
    void serverAnswered();
    /// A request of the current connection failed; the window reads the connection's state
    /// from it (unreachable, key refused).
    void requestFailed(const Encord::ApiError &error);
};

} // namespace Encord
