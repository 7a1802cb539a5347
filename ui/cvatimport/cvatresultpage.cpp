#include "cvatresultpage.h"

#include "cvatimportwizard.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Encord {

CvatResultPage::CvatResultPage(QWidget *parent)
    : QWizardPage(parent)
    , m_outcome(new QLabel(this))
    , m_issues(new QTreeWidget(this))
    , m_open(new QCheckBox(tr("&Open the project in the browser"), this))
{
    setTitle(tr("Result"));
    setFinalPage(true);
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->setAccessibleName(tr("Outcome"));
    m_issues->setAccessibleName(tr("Issues reported by the server"));
    m_issues->setHeaderLabels({tr("Issue"), tr("Count"), tr("Where")});
    m_issues->header()->setStretchLastSection(true);
    m_issues->setAlternatingRowColors(true);
    m_open->setAccessibleName(tr("Open the project in the browser"));
    m_open->setChecked(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_outcome);
    layout->addWidget(m_issues, 1);
    layout->addWidget(m_open);
}

bool CvatResultPage::openProject() const
{
    return m_open->isVisible() && m_open->isChecked();
}

void CvatResultPage::initializePage()
{
    auto *importWizard = qobject_cast<CvatImportWizard *>(wizard());
    m_issues->clear();
    if (!importWizard || !importWizard->result())
        return;
    const CvatImportResult &result = *importWizard->result();
    if (result.success) {
        m_outcome->setText(tr("The project was created (ID %1) with its dataset (ID %2) and an "
                              "ontology made from the export's labels.")
                               .arg(result.projectHash, result.datasetHash));
    } else {
        m_outcome->setText(tr("The server did not create the project. The errors below say "
                              "why; fix the export and import it again."));
    }
    m_open->setVisible(result.success);

    const struct
    {
        QString title;
        const QList<CvatIssue> &issues;
    } groups[] = {{tr("Errors"), result.issues.errors},
                  {tr("Warnings"), result.issues.warnings},
                  {tr("Notes"), result.issues.infos}};
    for (const auto &group : groups) {
        if (group.issues.isEmpty())
            continue;
        auto *heading = new QTreeWidgetItem(m_issues, {group.title});
        int count = 0;
        for (const CvatIssue &issue : group.issues) {
            const QString where =
                issue.instances.mid(0, 20).join(QStringLiteral(", "))
                + (issue.instances.size() > 20 ? QStringLiteral(", …") : QString());
            auto *item =
                new QTreeWidgetItem(heading,
                                    {issue.issueType.isEmpty() ? tr("(unnamed)") : issue.issueType,
                                     QString::number(issue.instances.size()),
                                     where});
            item->setToolTip(2, issue.instances.join(QLatin1Char('\n')));
            count += int(issue.instances.size());
        }
        heading->setText(1, QString::number(count));
        heading->setExpanded(true);
    }
    if (m_issues->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_issues, {tr("The server reported no issues.")});
    m_issues->resizeColumnToContents(0);
}

} // namespace Encord
