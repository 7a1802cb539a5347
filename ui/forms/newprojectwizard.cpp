#include "newprojectwizard.h"

#include "projectbasicspage.h"
#include "projectdatasetspage.h"
#include "projectdonepage.h"
#include "projectsummarypage.h"
#include "projectworkflowpage.h"

namespace Encord {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

NewProjectWizard::NewProjectWizard(EncordClient client,
                                   const QStringList &datasetHashes,
                                   QWidget *parent)
    : QWizard(parent)
    , m_basics(new ProjectBasicsPage(this))
    , m_datasets(new ProjectDatasetsPage(client, datasetHashes, this))
    , m_ontology(new ProjectOntologyPage(client, this))
    , m_workflow(new ProjectWorkflowPage(client, this))
    , m_summary(new ProjectSummaryPage(
          client, [this] { return request(); }, [this] { return describe(); }, this))
    , m_done(new ProjectDonePage(this))
{
    setWindowTitle(tr("New Project"));
    setObjectName(QStringLiteral("newProjectWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setPage(BasicsPage, m_basics);
    setPage(DatasetsPage, m_datasets);
    setPage(OntologyPage, m_ontology);
    setPage(WorkflowPage, m_workflow);
    setPage(SummaryPage, m_summary);
    setPage(DonePage, m_done);
    setStartId(BasicsPage);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id != DonePage)
            return;
        m_done->setProject(m_basics->title(), createdProjectHash());
        Q_EMIT projectCreated(createdProjectHash());
    });
    resize(720, 560);
}

NewProjectWizard::~NewProjectWizard() = default;

void NewProjectWizard::setOntologyCreator(ProjectOntologyPage::OntologyCreator creator)
{
    m_ontology->setOntologyCreator(std::move(creator));
}

CreateProjectRequest NewProjectWizard::request() const
{
    CreateProjectRequest request;
    request.title = m_basics->title();
    request.description = m_basics->description();
    request.datasetHashes = m_datasets->datasetHashes();
    request.ontologyHash = m_ontology->ontologyHash();
    request.workflowSettings = m_workflow->workflowSettings();
    request.workflowTemplateId = m_workflow->workflowTemplateId();
    return request;
}

QString NewProjectWizard::createdProjectHash() const
{
    return m_summary->createdProjectHash();
}

QString NewProjectWizard::describe() const
{
    const QStringList datasets = m_datasets->datasetTitles();
    QString text = tr("<p>A project titled <b>%1</b>").arg(escaped(m_basics->title()));
    if (!m_basics->description().isEmpty())
        text += tr(", described as “%1”").arg(escaped(m_basics->description()));
    text += QStringLiteral("</p><ul><li>");
    text += datasets.isEmpty()
                ? tr("No datasets yet")
                : tr("Datasets: %1").arg(escaped(datasets.join(QStringLiteral(", "))));
    text += QStringLiteral("</li><li>")
            + tr("Ontology: %1").arg(escaped(m_ontology->ontologyTitle()))
            + QStringLiteral("</li><li>") + escaped(m_workflow->describe())
            + QStringLiteral("</li></ul>");
    return text;
}

void NewProjectWizard::reject()
{
    // Cancel during Create stops the request and keeps the wizard for another try.
    if (m_summary->cancel())
        return;
    QWizard::reject();
}

void NewProjectWizard::accept()
{
    const QString hash = createdProjectHash();
    QWizard::accept();
    if (!hash.isEmpty() && m_done->showInBrowser())
        Q_EMIT openProjectRequested(hash);
}

} // namespace Encord
