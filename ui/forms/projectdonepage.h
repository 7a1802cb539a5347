#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;

namespace Encord {

/// New project wizard, step 6: the project exists. Finish closes the wizard and, unless the
/// user unticks it, shows the project in the browser.
class ProjectDonePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDonePage)

public:
    explicit ProjectDonePage(QWidget *parent = nullptr);

    /// @p projectTitle names the project in the message.
    void setProject(const QString &projectTitle, const QString &projectHash);

    bool showInBrowser() const;
    QCheckBox *showInBrowserBox() const { return m_show; }
    QLabel *messageLabel() const { return m_message; }

private:
    QLabel *m_message;
    QCheckBox *m_show;
};

} // namespace Encord
