#pragma once

#include "client/encordclient.h"
#include "requestgeneration.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace Encord {

class CheckableList;
class FieldMessage;

/// New project wizard, step 4: how labels are checked. Manual QA (the default), benchmark QA
/// against ticked source projects (listed when the page is first shown), or a workflow
/// template given by its id (spec §4.2: `workflow_type`, `source_projects`,
/// `workflow_template_id`).
class ProjectWorkflowPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectWorkflowPage)

public:
    explicit ProjectWorkflowPage(EncordClient client, QWidget *parent = nullptr);
    ~ProjectWorkflowPage() override;

    void initializePage() override;
    bool isComplete() const override;

    ProjectWorkflowSettings workflowSettings() const;
    /// Set only when the template choice is ticked.
    std::optional<QString> workflowTemplateId() const;
    /// One line for the summary.
    QString describe() const;

    QRadioButton *manualChoice() const { return m_manual; }
    QRadioButton *benchmarkChoice() const { return m_benchmark; }
    QRadioButton *templateChoice() const { return m_template; }
    CheckableList *sourceProjects() const { return m_sources; }
    QLineEdit *templateEdit() const { return m_templateId; }
    FieldMessage *sourcesMessage() const { return m_sourcesMessage; }
    FieldMessage *templateMessage() const { return m_templateMessage; }
    bool isLoaded() const { return m_loaded; }

private:
    void update();
    void loadProjects();
    QString sourcesProblem() const;
    QString templateProblem() const;

    EncordClient m_client;
    RequestGeneration m_requests;
    QRadioButton *m_manual;
    QRadioButton *m_benchmark;
    CheckableList *m_sources;
    FieldMessage *m_sourcesMessage;
    QRadioButton *m_template;
    QLineEdit *m_templateId;
    FieldMessage *m_templateMessage;
    QLabel *m_error;
    bool m_loaded = false;
    bool m_started = false;
};

} // namespace Encord
