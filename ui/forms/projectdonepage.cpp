#include "projectdonepage.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Encord {

ProjectDonePage::ProjectDonePage(QWidget *parent)
    : QWizardPage(parent)
    , m_message(new QLabel(this))
    , m_show(new QCheckBox(tr("&Show the project in the browser"), this))
{
    setTitle(tr("Done"));
    setFinalPage(true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Result"));
    m_show->setChecked(true);
    m_show->setAccessibleName(tr("Show the project in the browser"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_show);
    layout->addStretch(1);
}

void ProjectDonePage::setProject(const QString &projectTitle, const QString &projectHash)
{
    m_message->setText(
        tr("The project \"%1\" was created.\nID: %2").arg(projectTitle, projectHash));
}

bool ProjectDonePage::showInBrowser() const
{
    return m_show->isChecked();
}

} // namespace Encord
