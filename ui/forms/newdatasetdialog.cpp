#include "newdatasetdialog.h"

#include "fieldmessage.h"
#include "formerror.h"

#include <QComboBox>
#include <QCoroTask>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Encord {

namespace {

struct LocationChoice
{
    StorageLocation location;
    const char *label;
};

// Every storage location of the protocol (spec §4.1), Encord's own first.
const QList<LocationChoice> &locationChoices()
{
    static const QList<LocationChoice> choices = {
        {StorageLocation::CordStorage, QT_TRANSLATE_NOOP("Encord::NewDatasetDialog", "Encord")},
        {StorageLocation::Aws, QT_TRANSLATE_NOOP("Encord::NewDatasetDialog", "AWS S3")},
        {StorageLocation::Gcp, QT_TRANSLATE_NOOP("Encord::NewDatasetDialog", "Google Cloud")},
        {StorageLocation::Azure, QT_TRANSLATE_NOOP("Encord::NewDatasetDialog", "Azure")},
        {StorageLocation::S3Compatible,
         QT_TRANSLATE_NOOP("Encord::NewDatasetDialog", "S3-compatible")},
    };
    return choices;
}

} // namespace

NewDatasetDialog::NewDatasetDialog(EncordClient client, QWidget *parent)
    : QDialog(parent)
    , m_client(std::move(client))
    , m_title(new QLineEdit(this))
    , m_titleMessage(new FieldMessage(tr("Title"), this))
    , m_description(new QPlainTextEdit(this))
    , m_storage(new QComboBox(this))
    , m_storageNote(new QLabel(this))
    , m_error(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Dataset"));
    setObjectName(QStringLiteral("newDatasetDialog"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("Required"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().height() * 4);
    for (const LocationChoice &choice : locationChoices())
        m_storage->addItem(tr(choice.label), int(choice.location));
    m_storage->setAccessibleName(tr("Storage location"));
    m_storageNote->setWordWrap(true);
    m_storageNote->setForegroundRole(QPalette::PlaceholderText);
    m_storageNote->setText(tr("Files in a cloud bucket need a cloud integration on the server; "
                              "the server says whether it offers the location."));
    FormError::style(m_error);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();
    QPushButton *create = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createButton"));
    create->setDefault(true);

    auto *titleRow = new QVBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_titleMessage);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), titleRow);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Storage:"), m_storage);
    form->addRow(QString(), m_storageNote);
    qobject_cast<QLabel *>(form->labelForField(titleRow))->setBuddy(m_title);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_title, &QLineEdit::textEdited, this, [this] {
        m_titleTouched = true;
        validate();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewDatasetDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewDatasetDialog::reject);
    validate();
    resize(480, sizeHint().height());
}

NewDatasetDialog::~NewDatasetDialog()
{
    m_token.cancel();
}

QPushButton *NewDatasetDialog::createButton() const
{
    return m_buttons->findChild<QPushButton *>(QStringLiteral("createButton"));
}

void NewDatasetDialog::validate()
{
    const QString title = m_title->text().trimmed();
    QString problem;
    if (title.isEmpty())
        problem = tr("A dataset needs a title.");
    else if (title.size() > kMaxTitleLength)
        problem = tr("A title has at most %1 characters.").arg(kMaxTitleLength);
    m_titleMessage->setMessage(m_titleTouched ? problem : QString());
    createButton()->setEnabled(problem.isEmpty() && !m_busy);
}

void NewDatasetDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_title->setReadOnly(busy);
    m_description->setReadOnly(busy);
    m_storage->setEnabled(!busy);
    validate();
}

void NewDatasetDialog::submit()
{
    m_titleTouched = true;
    validate();
    if (m_busy || m_titleMessage->hasMessage())
        return;
    m_error->hide();
    setBusy(true);
    m_token = CancelToken();
    const auto location = StorageLocation(m_storage->currentData().toInt());
    const QString title = m_title->text().trimmed();
    const QString description = m_description->toPlainText().trimmed();
    QCoro::Task<Result<CreateDatasetResponse>> request =
        location == StorageLocation::CordStorage
            ? m_client.createDataset(title, location, description, true, m_token)
            : m_client.createDatasetWithLocation(title, location, description, true, m_token);
    QCoro::connect(std::move(request), this, [this](const Result<CreateDatasetResponse> &answer) {
        setBusy(false);
        if (!answer.ok()) {
            if (answer.error().kind() != ApiError::Kind::Cancelled)
                FormError::show(m_error, answer.error());
            return;
        }
        m_createdHash = answer->datasetHash;
        Q_EMIT datasetCreated(m_createdHash);
        accept();
    });
}

void NewDatasetDialog::reject()
{
    // Cancel while sending stops the request; the form stays for another try.
    if (m_busy) {
        m_token.cancel();
        return;
    }
    QDialog::reject();
}

} // namespace Encord
