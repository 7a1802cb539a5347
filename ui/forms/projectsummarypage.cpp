#include "projectsummarypage.h"

#include "formerror.h"

#include <QAbstractButton>
#include <QCoroTask>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <QWizard>

namespace Encord {

ProjectSummaryPage::ProjectSummaryPage(EncordClient client,
                                       std::function<CreateProjectRequest()> buildRequest,
                                       std::function<QString()> describe,
                                       QWidget *parent)
    : QWizardPage(parent)
    , m_client(std::move(client))
    , m_buildRequest(std::move(buildRequest))
    , m_describe(std::move(describe))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Check what will be created, then press Create."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Create"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAccessibleName(tr("Summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    FormError::style(m_error);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setFormat(tr("Creating the project…"));
    m_progress->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
}

ProjectSummaryPage::~ProjectSummaryPage()
{
    m_token.cancel();
}

void ProjectSummaryPage::initializePage()
{
    m_error->hide();
    m_summary->setText(m_describe());
}

bool ProjectSummaryPage::isComplete() const
{
    return !m_busy;
}

bool ProjectSummaryPage::validatePage()
{
    // validatePage() must answer at once: the first press starts the request and says "not
    // yet"; when the project exists the page moves the wizard on itself.
    if (!m_createdHash.isEmpty())
        return true;
    if (!m_busy)
        create();
    return false;
}

void ProjectSummaryPage::create()
{
    m_busy = true;
    m_error->hide();
    m_progress->show();
    Q_EMIT completeChanged();
    if (QWizard *wizard = this->wizard())
        wizard->button(QWizard::BackButton)->setEnabled(false);
    m_token = CancelToken();
    const CreateProjectRequest request = m_buildRequest();
    QCoro::connect(
        m_client.createProject(request, m_token), this, [this](const Result<QString> &answer) {
            m_busy = false;
            m_progress->hide();
            if (QWizard *wizard = this->wizard())
                wizard->button(QWizard::BackButton)->setEnabled(true);
            Q_EMIT completeChanged();
            if (!answer.ok()) {
                if (answer.error().kind() == ApiError::Kind::Cancelled)
                    m_error->setText(tr("Creation was cancelled; nothing was "
                                        "changed. Press Create to try again."));
                else
                    FormError::show(m_error, answer.error());
                m_error->show();
                return;
            }
            m_createdHash = answer.value();
            if (QWizard *wizard = this->wizard())
                wizard->next();
        });
}

bool ProjectSummaryPage::cancel()
{
    if (!m_busy)
        return false;
    m_token.cancel();
    return true;
}

} // namespace Encord
