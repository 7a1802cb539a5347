#include "deidoptionspage.h"

#include "deidsourcepage.h"
#include "dicomdeidwizard.h"
#include "saveconditioneditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWizard>

namespace Encord {

using Dicom::OutputNaming;
using Dicom::PixelRedactionMode;

DeidOptionsPage::DeidOptionsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("deidOptionsPage"));
    setTitle(tr("De-identification Options"));
    setSubTitle(tr("What is removed from each file, and which files are saved."));

    m_redactTags = new QCheckBox(tr("Remove identifying &tags"), this);
    m_redactTags->setObjectName(QStringLiteral("redactTags"));
    m_redactTags->setAccessibleName(tr("Remove identifying tags"));
    m_redactTags->setChecked(true);

    auto *note = new QLabel(
        tr("<b>Patient Name is kept.</b> The Encord profile keeps Patient Name and 11 other tags "
           "(the study, series and instance UIDs, slice geometry, number of frames, window "
           "centre and width) plus what a viewer needs to show the image; every other tag is "
           "removed, private tags and sequences included. The copies are therefore not "
           "anonymous: remove the name elsewhere if it must not be seen."),
        this);
    note->setObjectName(QStringLiteral("patientNameNote"));
    note->setWordWrap(true);
    note->setTextFormat(Qt::RichText);

    m_pixelMode = new QComboBox(this);
    m_pixelMode->setObjectName(QStringLiteral("pixelMode"));
    m_pixelMode->setAccessibleName(tr("Burned-in text redaction"));
    m_pixelMode->addItem(tr("Leave the pixels unchanged"), int(PixelRedactionMode::NoText));
    m_pixelMode->addItem(tr("Black out all burned-in text"), int(PixelRedactionMode::AllText));
    m_pixelMode->addItem(tr("Black out burned-in text that identifies the patient"),
                         int(PixelRedactionMode::SensitiveText));
    m_pixelModeHint = new QLabel(this);
    m_pixelModeHint->setWordWrap(true);

    m_conditions = new SaveConditionEditor(this);
    m_conditionProblem = new QLabel(this);
    m_conditionProblem->setObjectName(QStringLiteral("conditionProblem"));
    m_conditionProblem->setWordWrap(true);
    auto *conditionsHint =
        new QLabel(tr("A copy is saved only when every condition holds for every file of its "
                      "series. Values are compared without regard to case."),
                   this);
    conditionsHint->setWordWrap(true);

    m_naming = new QComboBox(this);
    m_naming->setObjectName(QStringLiteral("naming"));
    m_naming->setAccessibleName(tr("Names of the copies"));
    m_naming->addItem(tr("deid_<timestamp>_<original name>"), int(OutputNaming::PrefixedOriginal));
    m_naming->addItem(tr("<SOP Instance UID>.dcm"), int(OutputNaming::SopInstanceUid));
    m_namingHint = new QLabel(this);
    m_namingHint->setWordWrap(true);

    m_uploadDir = new QLineEdit(this);
    m_uploadDir->setObjectName(QStringLiteral("uploadDir"));
    m_uploadDir->setAccessibleName(tr("Upload folder in the integration"));
    m_uploadDir->setPlaceholderText(tr("Empty: next to each source file"));
    auto *uploadHint = new QLabel(
        tr("A folder inside the integration, relative to its root; it is created if needed."),
        this);
    uploadHint->setWordWrap(true);

    auto *what = new QGroupBox(tr("What is removed"), this);
    auto *whatForm = new QFormLayout(what);
    whatForm->addRow(m_redactTags);
    whatForm->addRow(note);
    whatForm->addRow(tr("&Burned-in text:"), m_pixelMode);
    whatForm->addRow(QString(), m_pixelModeHint);

    auto *conditions = new QGroupBox(tr("Save conditions"), this);
    auto *conditionsLayout = new QVBoxLayout(conditions);
    conditionsLayout->addWidget(conditionsHint);
    conditionsLayout->addWidget(m_conditions, 1);
    conditionsLayout->addWidget(m_conditionProblem);

    auto *output = new QGroupBox(tr("Output"), this);
    auto *outputForm = new QFormLayout(output);
    m_outputForm = outputForm;
    m_namingRow = new QWidget(output);
    auto *namingLayout = new QVBoxLayout(m_namingRow);
    namingLayout->setContentsMargins(0, 0, 0, 0);
    namingLayout->addWidget(m_naming);
    namingLayout->addWidget(m_namingHint);
    outputForm->addRow(tr("&Names:"), m_namingRow);
    m_uploadRow = new QWidget(output);
    auto *uploadLayout = new QVBoxLayout(m_uploadRow);
    uploadLayout->setContentsMargins(0, 0, 0, 0);
    uploadLayout->addWidget(m_uploadDir);
    uploadLayout->addWidget(uploadHint);
    outputForm->addRow(tr("&Upload folder:"), m_uploadRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(conditions, 1);
    layout->addWidget(output);

    connect(m_pixelMode, &QComboBox::currentIndexChanged, this, &DeidOptionsPage::updateState);
    connect(m_naming, &QComboBox::currentIndexChanged, this, &DeidOptionsPage::updateState);
    connect(m_conditions, &SaveConditionEditor::changed, this, &DeidOptionsPage::updateState);
    updateState();
}

DeidOptionsPage::~DeidOptionsPage() = default;

std::optional<Dicom::DeidOptions> DeidOptionsPage::options() const
{
    const auto conditions = m_conditions->conditions();
    if (!conditions)
        return std::nullopt;
    Dicom::DeidOptions options;
    options.redactTags = m_redactTags->isChecked();
    options.pixelMode = PixelRedactionMode(m_pixelMode->currentData().toInt());
    options.saveConditions = *conditions;
    options.naming = OutputNaming(m_naming->currentData().toInt());
    return options;
}

QString DeidOptionsPage::uploadDir() const
{
    return m_uploadDir->text().trimmed();
}

void DeidOptionsPage::setRedactTags(bool redact)
{
    m_redactTags->setChecked(redact);
}

void DeidOptionsPage::setPixelMode(PixelRedactionMode mode)
{
    m_pixelMode->setCurrentIndex(m_pixelMode->findData(int(mode)));
}

void DeidOptionsPage::setNaming(OutputNaming naming)
{
    m_naming->setCurrentIndex(m_naming->findData(int(naming)));
}

void DeidOptionsPage::setUploadDir(const QString &folder)
{
    m_uploadDir->setText(folder);
}

void DeidOptionsPage::initializePage()
{
    const auto *owner = qobject_cast<DicomDeidWizard *>(wizard());
    const bool local = !owner || owner->sourcePage()->isLocal();
    m_uploadRow->setEnabled(!local);
    m_outputForm->setRowVisible(m_uploadRow, !local);
    // The service names its copies itself: the choice exists for local files only.
    m_naming->setEnabled(local);
    // Integration files go straight to the run: the button says what it starts.
    if (wizard())
        setButtonText(QWizard::NextButton,
                      local ? wizard()->buttonText(QWizard::NextButton) : tr("&De-identify"));
    if (!local)
        setNaming(OutputNaming::PrefixedOriginal);
    updateState();
}

bool DeidOptionsPage::isComplete() const
{
    return m_conditions->conditions().has_value();
}

void DeidOptionsPage::updateState()
{
    switch (PixelRedactionMode(m_pixelMode->currentData().toInt())) {
    case PixelRedactionMode::NoText:
        m_pixelModeHint->setText(tr("Text burned into the image stays. Fast."));
        break;
    case PixelRedactionMode::AllText:
        m_pixelModeHint->setText(tr("Every piece of text found in the image is blacked out on "
                                    "every frame. Text detection takes seconds per file."));
        break;
    case PixelRedactionMode::SensitiveText:
        m_pixelModeHint->setText(
            tr("Only text matching the patient's name, IDs and dates from the header is blacked "
               "out; other text stays. Text detection takes seconds per file."));
        break;
    }
    if (m_naming->isEnabled()
        && OutputNaming(m_naming->currentData().toInt()) == OutputNaming::PrefixedOriginal)
        m_namingHint->setText(tr("Original file names can identify a patient (such as "
                                 "DOE_JANE_MRN0012345.dcm): name copies by SOP Instance UID to "
                                 "leave them out."));
    else if (m_naming->isEnabled())
        m_namingHint->setText(tr("File names carry nothing from the original names."));
    else
        m_namingHint->setText(tr("The service names its copies deid_<timestamp>_<original "
                                 "name>; original file names can identify a patient."));

    QString problem;
    m_conditions->conditions(&problem);
    m_conditionProblem->setText(problem);
    m_conditionProblem->setVisible(!problem.isEmpty());
    Q_EMIT completeChanged();
}

} // namespace Encord
