#pragma once

#include "client/encordclient.h"
#include "projectontologypage.h"

#include <QWizard>

namespace Encord {

class ProjectBasicsPage;
class ProjectDatasetsPage;
class ProjectDonePage;
class ProjectSummaryPage;
class ProjectWorkflowPage;

/// File → New Project…: one page per step (basics, datasets, ontology, workflow, summary,
/// done). Values survive Back and a failed Create. Cancel during Create stops the request;
/// closing the wizard aborts whatever it still has on the wire.
///
/// The ontology editor is not part of this library: whoever opens the wizard hands it an
/// OntologyCreator (setOntologyCreator()) that runs the editor and returns the new ontology's
/// hash; without one, "New ontology…" is disabled.
class NewProjectWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewProjectWizard)

public:
    enum PageId {
        BasicsPage,
        DatasetsPage,
        OntologyPage,
        WorkflowPage,
        SummaryPage,
        DonePage,
    };
    Q_ENUM(PageId)

    /// @p datasetHashes are ticked on the datasets page from the start.
    explicit NewProjectWizard(EncordClient client,
                              const QStringList &datasetHashes = {},
                              QWidget *parent = nullptr);
    ~NewProjectWizard() override;

    void setOntologyCreator(ProjectOntologyPage::OntologyCreator creator);

    /// The request the pages describe now.
    CreateProjectRequest request() const;
    /// The created project; empty until Create succeeded.
    QString createdProjectHash() const;

    ProjectBasicsPage *basicsPage() const { return m_basics; }
    ProjectDatasetsPage *datasetsPage() const { return m_datasets; }
    ProjectOntologyPage *ontologyPage() const { return m_ontology; }
    ProjectWorkflowPage *workflowPage() const { return m_workflow; }
    ProjectSummaryPage *summaryPage() const { return m_summary; }
    ProjectDonePage *donePage() const { return m_done; }

    void reject() override;
    void accept() override;

Q_SIGNALS:
    /// Create succeeded.
    void projectCreated(const QString &projectHash);
    /// Finish was pressed with "Show the project in the browser" ticked.
    void openProjectRequested(const QString &projectHash);

private:
    QString describe() const;

    ProjectBasicsPage *m_basics;
    ProjectDatasetsPage *m_datasets;
    ProjectOntologyPage *m_ontology;
    ProjectWorkflowPage *m_workflow;
    ProjectSummaryPage *m_summary;
    ProjectDonePage *m_done;
};

} // namespace Encord
