#include "projectdatasetspage.h"

#include "checkablelist.h"
#include "formerror.h"
#include "newdatasetdialog.h"

#include <QCoroTask>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Encord {

ProjectDatasetsPage::ProjectDatasetsPage(EncordClient client,
                                         const QStringList &preselected,
                                         QWidget *parent)
    : QWizardPage(parent)
    , m_client(std::move(client))
    , m_list(new CheckableList(tr("datasets"), this))
    , m_newDataset(new QPushButton(tr("New &Dataset…"), this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Datasets"));
    setSubTitle(tr("Tick the datasets whose data the project annotates."));
    m_newDataset->setAccessibleName(tr("New dataset"));
    m_list->setCheckedIds(preselected);
    FormError::style(m_error);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_newDataset);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_newDataset, &QPushButton::clicked, this, &ProjectDatasetsPage::createDataset);
}

ProjectDatasetsPage::~ProjectDatasetsPage()
{
    m_requests.advance();
}

void ProjectDatasetsPage::initializePage()
{
    if (!m_started)
        reload();
}

void ProjectDatasetsPage::reload(const QString &tick)
{
    m_started = true;
    m_loaded = false;
    m_error->hide();
    if (m_list->listWidget()->count() == 0)
        m_list->setPlaceholder(tr("Loading datasets…"));
    const quint64 generation = m_requests.advance();
    QCoro::connect(
        m_client.getDatasets({}, false, m_requests.token()),
        this,
        [this, generation, tick](const Result<QList<DatasetSummary>> &answer) {
            if (!m_requests.isCurrent(generation))
                return;
            m_loaded = true;
            if (!answer.ok()) {
                m_list->setPlaceholder(tr("The datasets could not be listed."));
                FormError::show(m_error, answer.error());
                return;
            }
            QList<CheckableList::Entry> entries;
            for (const DatasetSummary &dataset : answer.value())
                entries.append({dataset.datasetHash, dataset.title, dataset.description});
            m_list->setEntries(entries);
            if (!tick.isEmpty())
                m_list->setCheckedIds(m_list->checkedIds() << tick);
            if (m_list->listWidget()->count() == 0)
                m_list->setPlaceholder(tr("You have no datasets yet. Make one with New Dataset…"));
        });
}

void ProjectDatasetsPage::createDataset()
{
    NewDatasetDialog dialog(m_client, this);
    if (dialog.exec() == QDialog::Accepted)
        reload(dialog.createdDatasetHash());
}

QStringList ProjectDatasetsPage::datasetHashes() const
{
    return m_list->checkedIds();
}

QStringList ProjectDatasetsPage::datasetTitles() const
{
    QStringList titles;
    for (const QString &hash : m_list->checkedIds())
        titles.append(m_list->titleOf(hash));
    return titles;
}

} // namespace Encord
