#include "projectdetails.h"

#include "errorbanner.h"
#include "labelrowmodel.h"
#include "labelrowviewer.h"
#include "modelformat.h"
#include "ontologystructuremodel.h"
#include "records/project.h"
#include "resourcelistmodel.h"
#include "structuretreeview.h"

#include <QCoroTask>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace Encord {

namespace {

QString statusText(ProjectStatus status)
{
    switch (status) {
    case ProjectStatus::NotStarted:
        return ProjectDetails::tr("Not started");
    case ProjectStatus::InProgress:
        return ProjectDetails::tr("In progress");
    case ProjectStatus::InReview:
        return ProjectDetails::tr("In review");
    case ProjectStatus::Paused:
        return ProjectDetails::tr("Paused");
    case ProjectStatus::Completed:
        return ProjectDetails::tr("Completed");
    case ProjectStatus::Cancelled:
        return ProjectDetails::tr("Cancelled");
    case ProjectStatus::Archived:
        return ProjectDetails::tr("Archived");
    case ProjectStatus::Unknown:
        break;
    }
    return ProjectDetails::tr("Unknown");
}

// "Workflow: Annotate → Review → Complete", the stages in the order the server lists them.
QString workflowText(const ProjectWorkflow &workflow)
{
    QStringList titles;
    for (const WorkflowStage &stage : workflow.stages)
        titles << (stage.title.isEmpty() ? ProjectDetails::tr("(untitled stage)") : stage.title);
    return ProjectDetails::tr("Workflow: %1").arg(titles.join(QStringLiteral(" → ")));
}

} // namespace

ProjectDetails::ProjectDetails(QWidget *parent)
    : DetailsPanel(parent)
    , m_structure(new OntologyStructureModel(this))
    , m_role(addField(tr("Your role:")))
    , m_status(addField(tr("Status:")))
    , m_workflow(addField(tr("Quality assurance:")))
    , m_created(addField(tr("Created:")))
    , m_banner(new ErrorBanner(this))
    , m_datasets(new QListWidget(this))
    , m_tree(StructureTreeView::create(m_structure, this))
    , m_labelRowModel(new LabelRowModel(this))
    , m_labelRowView(new QTableView(this))
{
    m_labelRowView->setModel(m_labelRowModel);
    m_labelRowView->setAccessibleName(tr("Label rows"));
    m_labelRowView->setToolTip(tr("Double-click a row to see its image and labels."));
    m_labelRowView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_labelRowView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_labelRowView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_labelRowView->verticalHeader()->hide();
    m_labelRowView->horizontalHeader()->setSectionResizeMode(LabelRowModel::TitleColumn,
                                                             QHeaderView::Stretch);
    m_labelRowView->setMinimumHeight(m_labelRowView->fontMetrics().height() * 8);
    connect(m_labelRowView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        openLabelRow(index.row());
    });
    m_datasets->setAccessibleName(tr("Project datasets"));
    m_datasets->setMaximumHeight(m_datasets->fontMetrics().height() * 6);
    sections()->addWidget(m_banner);
    sections()->addWidget(StructureTreeView::heading(tr("Datasets"), this));
    sections()->addWidget(m_datasets);
    sections()->addWidget(StructureTreeView::heading(tr("Label rows"), this));
    sections()->addWidget(m_labelRowView, 1);
    sections()->addWidget(StructureTreeView::heading(tr("Ontology"), this));
    sections()->addWidget(m_tree, 1);
    connect(m_banner, &ErrorBanner::retryRequested, this, &ProjectDetails::fetch);
    showIndex({});
}

void ProjectDetails::setClient(std::optional<EncordClient> client)
{
    m_requests.advance();
    m_labelRowModel->setClient(client);
    DetailsPanel::setClient(std::move(client));
}

LabelRowViewer *ProjectDetails::openViewer() const
{
    return m_viewer.data();
}

void ProjectDetails::openLabelRow(int row)
{
    if (!client() || row < 0 || row >= m_labelRowModel->rowCount())
        return;
    if (m_viewer)
        m_viewer->close();
    m_viewer =
        new LabelRowViewer(*client(), m_projectHash, m_labelRowModel->rowAt(row), m_colours, this);
    m_viewer->setAttribute(Qt::WA_DeleteOnClose);
    m_viewer->show();
}

void ProjectDetails::showIndex(const QModelIndex &index)
{
    m_requests.advance();
    m_banner->hide();
    if (!index.isValid()) {
        m_projectHash.clear();
        setHeader({}, {}, {});
        m_structure->setStructure({});
        m_datasets->clear();
        m_colours.clear();
        m_labelRowModel->setProjectHash({});
        return;
    }
    // Show what the listing knows at once, then complete it from the project itself.
    const auto listed = index.data(ResourceListModel::RecordRole).value<Project>();
    m_projectHash = listed.projectHash;
    m_labelRowModel->setProjectHash(m_projectHash);
    showProject(listed);
    fetch();
}

void ProjectDetails::fetch()
{
    if (!client() || m_projectHash.isEmpty())
        return;
    m_banner->hide();
    const quint64 generation = m_requests.advance();
    QCoro::connect(client()->getProject(m_projectHash, m_requests.token()),
                   this,
                   [this, generation](const Result<Project> &answer) {
                       if (!m_requests.isCurrent(generation))
                           return;
                       if (answer.ok())
                           showProject(answer.value());
                       else
                           m_banner->showError(answer.error());
                   });
    QCoro::connect(client()->getProjectDatasets(m_projectHash, m_requests.token()),
                   this,
                   [this, generation](const Result<QList<ProjectDataset>> &answer) {
                       if (!m_requests.isCurrent(generation) || !answer.ok())
                           return;
                       m_datasets->clear();
                       for (const ProjectDataset &dataset : answer.value())
                           m_datasets->addItem(dataset.title);
                   });
}

void ProjectDetails::showProject(const Project &project)
{
    setHeader(project.title, project.description, project.projectHash);
    m_role->setText(ModelFormat::roleName(
        project.userRole ? std::optional(project.userRole->value()) : std::nullopt));
    m_status->setText(statusText(project.status.value()));
    if (project.sourceProjects && !project.sourceProjects->isEmpty())
        m_workflow->setText(tr("Benchmark QA against %1")
                                .arg(ModelFormat::count(project.sourceProjects->size(),
                                                        tr("project"),
                                                        tr("projects"))));
    else if (project.workflow && !project.workflow->stages.isEmpty())
        m_workflow->setText(workflowText(*project.workflow));
    else if (project.workflowManagerUuid)
        m_workflow->setText(tr("Workflow (its stages are not listed by the server)"));
    else
        m_workflow->setText(tr("Manual QA"));
    m_created->setText(QLocale().toString(project.createdAt.toLocalTime(), QLocale::ShortFormat));
    if (!project.datasets.isEmpty()) {
        m_datasets->clear();
        for (const ProjectDataset &dataset : project.datasets)
            m_datasets->addItem(dataset.title);
    }
    m_colours.clear();
    for (const OntologyObject &object : project.editorOntology.objects)
        m_colours.insert(object.featureNodeHash, QColor(object.color));
    m_structure->setStructure(project.editorOntology);
    m_tree->expandAll();
}

} // namespace Encord
