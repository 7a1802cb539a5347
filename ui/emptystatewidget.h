#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace Encord {

/// What an empty list shows in its place: a sentence saying why it is empty and buttons for
/// the actions that fill it ("Import a CVAT export…", "Create a dataset…"). The buttons
/// follow their actions: text, enabled state and visibility.
class EmptyStateWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateWidget)

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    void setMessage(const QString &title, const QString &explanation);
    /// One button per action. A button reads @p labels' entry at its index when there is one
    /// (an invitation such as "Create a Dataset…" where the menu says "New Dataset…"), else
    /// its action's text.
    void setActions(const QList<QAction *> &actions, const QStringList &labels = {});

    QString title() const;
    QList<QAction *> actions() const { return m_actions; }

private:
    QLabel *m_title;
    QLabel *m_explanation;
    QVBoxLayout *m_buttons;
    QList<QAction *> m_actions;
};

} // namespace Encord
