#include "cvatoptionspage.h"

#include "cvatimportwizard.h"
#include "records/enums.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace Encord {

CvatOptionsPage::CvatOptionsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_datasetName(new QLineEdit(this))
    , m_nameProblem(new QLabel(this))
    , m_reviewMode(new QComboBox(this))
    , m_reviewExplanation(new QLabel(this))
    , m_boxesAsPolygons(new QCheckBox(tr("Import &boxes as polygons"), this))
    , m_parallel(new QSpinBox(this))
{
    setTitle(tr("Options"));
    setSubTitle(tr("A dataset with the export's images, an ontology from its labels and a "
                   "project joining them are created."));
    m_datasetName->setAccessibleName(tr("Dataset name"));
    m_nameProblem->setAccessibleName(tr("Dataset name problem"));
    m_reviewMode->setAccessibleName(tr("Review mode"));
    m_boxesAsPolygons->setAccessibleName(tr("Import boxes as polygons"));
    m_parallel->setAccessibleName(tr("Uploads at once"));
    m_reviewExplanation->setWordWrap(true);
    m_reviewExplanation->setForegroundRole(QPalette::PlaceholderText);

    // In the order and with the meaning of the protocol's review modes.
    m_reviewMode->addItem(tr("Labelled: reviewers approve the imported labels"),
                          int(ReviewMode::Labelled));
    m_reviewMode->addItem(tr("Unlabelled: annotators still submit each task"),
                          int(ReviewMode::Unlabelled));
    m_reviewMode->addItem(tr("Reviewed: the imported labels count as reviewed"),
                          int(ReviewMode::Reviewed));
    m_parallel->setRange(1, 16);
    m_parallel->setValue(4);
    m_parallel->setSuffix(tr(" at once"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Dataset name:"), m_datasetName);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("&Review mode:"), m_reviewMode);
    form->addRow(QString(), m_reviewExplanation);
    form->addRow(QString(), m_boxesAsPolygons);
    form->addRow(tr("&Uploads:"), m_parallel);

    registerField(QStringLiteral("datasetName*"), m_datasetName);
    registerField(QStringLiteral("boxesAsPolygons"), m_boxesAsPolygons);
    registerField(QStringLiteral("parallelUploads"), m_parallel);
    registerField(QStringLiteral("reviewMode"), m_reviewMode);

    m_reviewExplanation->setText(tr("The review mode decides where the imported labels start "
                                    "in the project's workflow."));
    connect(m_datasetName, &QLineEdit::textChanged, this, [this] {
        const bool empty = m_datasetName->text().trimmed().isEmpty();
        m_nameProblem->setText(empty ? tr("The dataset needs a name.") : QString());
        m_nameProblem->setVisible(empty);
        Q_EMIT completeChanged();
    });
    m_nameProblem->hide();
}

void CvatOptionsPage::initializePage()
{
    auto *importWizard = qobject_cast<CvatImportWizard *>(wizard());
    const auto scan = importWizard ? importWizard->scan() : nullptr;
    if (!scan || !scan->folder)
        return;
    // A new export gets its own default name; going Back and Next keeps what was typed.
    const QString exportPath = scan->folder->path();
    if (exportPath == m_defaultedFor)
        return;
    m_defaultedFor = exportPath;
    m_datasetName->setText(scan->info.name.isEmpty() ? scan->folder->displayName()
                                                     : scan->info.name);
}

bool CvatOptionsPage::isComplete() const
{
    return !m_datasetName->text().trimmed().isEmpty();
}

} // namespace Encord
