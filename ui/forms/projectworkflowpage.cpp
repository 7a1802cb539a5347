#include "projectworkflowpage.h"

#include "checkablelist.h"
#include "fieldmessage.h"
#include "formerror.h"

#include <QButtonGroup>
#include <QCoroTask>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Encord {

ProjectWorkflowPage::ProjectWorkflowPage(EncordClient client, QWidget *parent)
    : QWizardPage(parent)
    , m_client(std::move(client))
    , m_manual(new QRadioButton(tr("&Manual QA: reviewers check labels by hand"), this))
    , m_benchmark(new QRadioButton(tr("&Benchmark QA: compare with source projects"), this))
    , m_sources(new CheckableList(tr("projects"), this))
    , m_sourcesMessage(new FieldMessage(tr("Source projects"), this))
    , m_template(new QRadioButton(tr("&Workflow template:"), this))
    , m_templateId(new QLineEdit(this))
    , m_templateMessage(new FieldMessage(tr("Workflow template"), this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Workflow"));
    setSubTitle(tr("Choose how labels are checked."));
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_manual);
    choices->addButton(m_benchmark);
    choices->addButton(m_template);
    m_manual->setChecked(true);
    m_manual->setAccessibleName(tr("Manual QA"));
    m_benchmark->setAccessibleName(tr("Benchmark QA"));
    m_template->setAccessibleName(tr("Workflow template"));
    m_templateId->setAccessibleName(tr("Workflow template ID"));
    m_templateId->setPlaceholderText(tr("Template ID"));
    FormError::style(m_error);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_manual);
    layout->addWidget(m_benchmark);
    auto *sources = new QVBoxLayout;
    sources->setContentsMargins(24, 0, 0, 0);
    sources->addWidget(m_sources, 1);
    sources->addWidget(m_sourcesMessage);
    sources->addWidget(m_error);
    layout->addLayout(sources, 1);
    layout->addWidget(m_template);
    auto *templateColumn = new QVBoxLayout;
    templateColumn->setContentsMargins(24, 0, 0, 0);
    templateColumn->addWidget(m_templateId);
    templateColumn->addWidget(m_templateMessage);
    layout->addLayout(templateColumn);

    for (QRadioButton *choice : {m_manual, m_benchmark, m_template})
        connect(choice, &QRadioButton::toggled, this, &ProjectWorkflowPage::update);
    connect(m_sources, &CheckableList::checkedChanged, this, &ProjectWorkflowPage::update);
    connect(m_templateId, &QLineEdit::textChanged, this, &ProjectWorkflowPage::update);
    update();
}

ProjectWorkflowPage::~ProjectWorkflowPage()
{
    m_requests.advance();
}

void ProjectWorkflowPage::initializePage()
{
    if (!m_started)
        loadProjects();
}

void ProjectWorkflowPage::loadProjects()
{
    m_started = true;
    m_sources->setPlaceholder(tr("Loading projects…"));
    const quint64 generation = m_requests.advance();
    QCoro::connect(
        m_client.getProjects({}, m_requests.token()),
        this,
        [this, generation](const Result<QList<Project>> &answer) {
            if (!m_requests.isCurrent(generation))
                return;
            m_loaded = true;
            if (!answer.ok()) {
                m_sources->setPlaceholder(tr("The projects could not be listed."));
                FormError::show(m_error, answer.error());
                return;
            }
            QList<CheckableList::Entry> entries;
            for (const Project &project : answer.value())
                entries.append({project.projectHash, project.title, project.description});
            m_sources->setEntries(entries);
            if (m_sources->listWidget()->count() == 0)
                m_sources->setPlaceholder(tr("You have no projects to compare with."));
        });
}

QString ProjectWorkflowPage::sourcesProblem() const
{
    if (m_benchmark->isChecked() && m_sources->checkedIds().isEmpty())
        return tr("Tick at least one source project.");
    return {};
}

QString ProjectWorkflowPage::templateProblem() const
{
    if (!m_template->isChecked())
        return {};
    const QString id = m_templateId->text().trimmed();
    if (id.isEmpty())
        return tr("Enter the template's ID.");
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!allowed.match(id).hasMatch())
        return tr("An ID has only letters, digits, '-' and '_'.");
    return {};
}

void ProjectWorkflowPage::update()
{
    m_sources->setEnabled(m_benchmark->isChecked());
    m_templateId->setEnabled(m_template->isChecked());
    m_sourcesMessage->setMessage(sourcesProblem());
    m_templateMessage->setMessage(templateProblem());
    Q_EMIT completeChanged();
}

bool ProjectWorkflowPage::isComplete() const
{
    return sourcesProblem().isEmpty() && templateProblem().isEmpty();
}

ProjectWorkflowSettings ProjectWorkflowPage::workflowSettings() const
{
    if (m_benchmark->isChecked())
        return ProjectWorkflowSettings::benchmark(m_sources->checkedIds());
    return ProjectWorkflowSettings::manual();
}

std::optional<QString> ProjectWorkflowPage::workflowTemplateId() const
{
    if (!m_template->isChecked())
        return std::nullopt;
    return m_templateId->text().trimmed();
}

QString ProjectWorkflowPage::describe() const
{
    if (m_benchmark->isChecked()) {
        QStringList titles;
        for (const QString &hash : m_sources->checkedIds())
            titles.append(m_sources->titleOf(hash));
        return tr("Benchmark QA against %1").arg(titles.join(QStringLiteral(", ")));
    }
    if (m_template->isChecked())
        return tr("Workflow template %1").arg(m_templateId->text().trimmed());
    return tr("Manual QA");
}

} // namespace Encord
