#include "projectontologypage.h"

#include "formerror.h"
#include "ontologystructuremodel.h"
#include "structuretreeview.h"

#include <QButtonGroup>
#include <QCoroTask>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace Encord {

namespace {

constexpr int kHashRole = Qt::UserRole + 1;

} // namespace

ProjectOntologyPage::ProjectOntologyPage(EncordClient client, QWidget *parent)
    : QWizardPage(parent)
    , m_client(std::move(client))
    , m_existing(new QRadioButton(tr("Use an &existing ontology"), this))
    , m_empty(new QRadioButton(tr("Start with an e&mpty ontology"), this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_structure(new OntologyStructureModel(this))
    , m_tree(StructureTreeView::create(m_structure, this))
    , m_newOntology(new QPushButton(tr("New &Ontology…"), this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Ontology"));
    setSubTitle(tr("The ontology says what annotators label: objects, classifications and "
                   "their attributes."));
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_existing);
    choices->addButton(m_empty);
    m_existing->setChecked(true);
    m_existing->setAccessibleName(tr("Use an existing ontology"));
    m_empty->setAccessibleName(tr("Start with an empty ontology"));
    m_filter->setPlaceholderText(tr("Filter ontologies…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter ontologies"));
    m_list->setAccessibleName(tr("Ontologies"));
    m_newOntology->setAccessibleName(tr("New ontology"));
    m_newOntology->setEnabled(false);
    m_newOntology->setToolTip(tr("The ontology editor is not available."));
    FormError::style(m_error);

    auto *listColumn = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listColumn);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_list, 1);
    auto *previewColumn = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewColumn);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(StructureTreeView::heading(tr("Structure"), previewColumn));
    previewLayout->addWidget(m_tree, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(listColumn);
    splitter->addWidget(previewColumn);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({260, 340});

    auto *emptyRow = new QHBoxLayout;
    emptyRow->addWidget(m_empty);
    emptyRow->addStretch(1);
    emptyRow->addWidget(m_newOntology);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_existing);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addLayout(emptyRow);

    connect(m_existing, &QRadioButton::toggled, this, [this](bool existing) {
        m_filter->setEnabled(existing);
        m_list->setEnabled(existing);
        m_tree->setEnabled(existing);
        showPreview();
        Q_EMIT completeChanged();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showPreview();
        Q_EMIT completeChanged();
    });
    connect(m_filter, &QLineEdit::textChanged, this, &ProjectOntologyPage::applyFilter);
    connect(m_newOntology, &QPushButton::clicked, this, &ProjectOntologyPage::createOntology);
}

ProjectOntologyPage::~ProjectOntologyPage()
{
    m_requests.advance();
}

void ProjectOntologyPage::setOntologyCreator(OntologyCreator creator)
{
    m_creator = std::move(creator);
    m_newOntology->setEnabled(bool(m_creator));
    m_newOntology->setToolTip(m_creator ? tr("Build a new ontology in the ontology editor.")
                                        : tr("The ontology editor is not available."));
}

void ProjectOntologyPage::initializePage()
{
    if (!m_started)
        reload();
}

void ProjectOntologyPage::reload(const QString &select)
{
    m_started = true;
    m_loaded = false;
    m_error->hide();
    const QString keep = select.isEmpty() ? ontologyHash() : select;
    const quint64 generation = m_requests.advance();
    QCoro::connect(m_client.getOntologies({}, false, m_requests.token()),
                   this,
                   [this, generation, keep](const Result<QList<Ontology>> &answer) {
                       if (!m_requests.isCurrent(generation))
                           return;
                       m_loaded = true;
                       if (!answer.ok()) {
                           FormError::show(m_error, answer.error());
                           return;
                       }
                       m_ontologies = answer.value();
                       m_list->clear();
                       for (const Ontology &ontology : std::as_const(m_ontologies)) {
                           auto *item = new QListWidgetItem(ontology.title, m_list);
                           item->setData(kHashRole, ontology.ontologyHash);
                           item->setToolTip(ontology.description);
                           if (ontology.ontologyHash == keep)
                               m_list->setCurrentItem(item);
                       }
                       if (m_ontologies.isEmpty() && keep.isEmpty())
                           m_empty->setChecked(true);
                       applyFilter();
                       showPreview();
                       Q_EMIT completeChanged();
                   });
}

void ProjectOntologyPage::createOntology()
{
    if (!m_creator)
        return;
    const std::optional<QString> created = m_creator(this);
    if (!created || created->isEmpty())
        return;
    m_existing->setChecked(true);
    m_filter->clear();
    reload(*created);
}

void ProjectOntologyPage::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
    }
}

void ProjectOntologyPage::showPreview()
{
    const QString hash = m_existing->isChecked() ? ontologyHash() : QString();
    for (const Ontology &ontology : std::as_const(m_ontologies)) {
        if (ontology.ontologyHash == hash) {
            m_structure->setStructure(ontology.editor);
            m_tree->expandAll();
            return;
        }
    }
    m_structure->setStructure({});
}

bool ProjectOntologyPage::isComplete() const
{
    return m_empty->isChecked() || !ontologyHash().isEmpty();
}

QString ProjectOntologyPage::ontologyHash() const
{
    if (m_empty->isChecked())
        return {};
    const QListWidgetItem *current = m_list->currentItem();
    return current ? current->data(kHashRole).toString() : QString();
}

QString ProjectOntologyPage::ontologyTitle() const
{
    if (m_empty->isChecked())
        return tr("a new, empty ontology");
    const QListWidgetItem *current = m_list->currentItem();
    return current ? current->text() : QString();
}

} // namespace Encord
