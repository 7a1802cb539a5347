#pragma once

#include "client/encordclient.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;

namespace Encord {

/// New project wizard, step 5: what will be created, and the Create button (the wizard's
/// commit button). Create sends one request; while it runs the page shows progress and the
/// wizard's Cancel stops it. A refusal is shown on the page, the wizard stays open and every
/// earlier page keeps its values; success moves on to the Done page.
class ProjectSummaryPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectSummaryPage)

public:
    /// @p buildRequest gives the request the earlier pages describe.
    ProjectSummaryPage(EncordClient client,
                       std::function<CreateProjectRequest()> buildRequest,
                       std::function<QString()> describe,
                       QWidget *parent = nullptr);
    ~ProjectSummaryPage() override;

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

    /// Stops a creation in progress (the wizard's Cancel); true when one was running.
    bool cancel();
    bool isBusy() const { return m_busy; }
    QString createdProjectHash() const { return m_createdHash; }

    QLabel *summaryLabel() const { return m_summary; }
    QLabel *errorLabel() const { return m_error; }
    QProgressBar *progress() const { return m_progress; }

private:
    void create();

    EncordClient m_client;
    std::function<CreateProjectRequest()> m_buildRequest;
    std::function<QString()> m_describe;
    CancelToken m_token;
    QLabel *m_summary;
    QLabel *m_error;
    QProgressBar *m_progress;
    QString m_createdHash;
    bool m_busy = false;
};

} // namespace Encord
