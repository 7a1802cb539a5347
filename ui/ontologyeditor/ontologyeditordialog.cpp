#include "ontologyeditordialog.h"

#include "errorbanner.h"
#include "errorcolour.h"
#include "modelformat.h"
#include "ontologyeditmodel.h"
#include "ontologyeditorwidget.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <qcoro/qcorotask.h>

namespace Encord {

OntologyEditorDialog::OntologyEditorDialog(EncordClient client, QWidget *parent)
    : OntologyEditorDialog(std::move(client), Mode::Create, parent)
{ }

OntologyEditorDialog::OntologyEditorDialog(EncordClient client, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_client(std::move(client))
    , m_readOnly(mode == Mode::View)
    , m_title(new QLineEdit(this))
    , m_titleMessage(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_editor(new OntologyEditorWidget(this))
    , m_error(new ErrorBanner(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("ontologyEditorDialog"));
    setWindowTitle(m_readOnly ? tr("Ontology") : tr("New Ontology"));
    setSizeGripEnabled(true);
    resize(980, 680);

    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("e.g. Street scenes"));
    m_title->setReadOnly(m_readOnly);
    m_titleMessage->setObjectName(QStringLiteral("titleMessage"));
    m_titleMessage->setMinimumWidth(fontMetrics().horizontalAdvance(tr("A title is required.")));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(m_readOnly ? QString()
                                                 : tr("What is annotated with this ontology "
                                                      "(optional)"));
    m_description->setReadOnly(m_readOnly);
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3
                                  + 2 * m_description->frameWidth() + 8);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_titleMessage);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Title:"), titleRow);
    form->addRow(tr("&Description:"), m_description);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(titleRow)))
        label->setBuddy(m_title);

    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("statusLabel"));

    m_error->setObjectName(QStringLiteral("errorBanner"));
    connect(m_error, &ErrorBanner::retryRequested, this, [this] {
        if (m_readOnly)
            load(m_loadedHash);
        else
            create();
    });

    if (m_readOnly) {
        m_buttons->setStandardButtons(QDialogButtonBox::Close);
        m_editor->setReadOnly(true);
    } else {
        m_create = m_buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
        m_create->setObjectName(QStringLiteral("createButton"));
        // Return confirms what is typed in a field (see keyPressEvent); Ctrl+Return creates.
        m_create->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
        m_create->setToolTip(tr("Create the ontology (%1)")
                                 .arg(m_create->shortcut().toString(QKeySequence::NativeText)));
        m_buttons->addButton(QDialogButtonBox::Cancel);
    }
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OntologyEditorDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OntologyEditorDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_progress);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_error);
    layout->addLayout(bottom);

    connect(m_title, &QLineEdit::textEdited, this, [this] {
        m_titleTouched = true;
        validate();
    });
    connect(
        m_editor, &OntologyEditorWidget::structureChanged, this, &OntologyEditorDialog::validate);
    validate();
    m_title->setFocus(Qt::OtherFocusReason);
}

OntologyEditorDialog::~OntologyEditorDialog()
{
    // Nothing this dialog started may call back into it, nor keep running for nobody.
    m_requests.cancel();
    // ~QDialog hides the dialog, and a cell or name editor still open commits its text then:
    // the edit reaches the editor widget, whose signals must no longer reach this part.
    m_editor->disconnect(this);
}

OntologyEditorDialog *OntologyEditorDialog::openExisting(EncordClient client,
                                                         const QString &ontologyHash,
                                                         QWidget *parent)
{
    auto *dialog = new OntologyEditorDialog(std::move(client), Mode::View, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->load(ontologyHash);
    return dialog;
}

OntologyEditorDialog *OntologyEditorDialog::openExisting(EncordClient client,
                                                         const Ontology &ontology,
                                                         QWidget *parent)
{
    auto *dialog = new OntologyEditorDialog(std::move(client), Mode::View, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->m_loadedHash = ontology.ontologyHash;
    dialog->showOntology(ontology);
    return dialog;
}

void OntologyEditorDialog::setTitle(const QString &title)
{
    m_title->setText(title);
    validate();
}

void OntologyEditorDialog::setDescription(const QString &description)
{
    m_description->setPlainText(description);
}

void OntologyEditorDialog::setStructure(const OntologyStructure &structure)
{
    m_editor->setStructure(structure);
}

QString OntologyEditorDialog::title() const
{
    return m_title->text().trimmed();
}

QString OntologyEditorDialog::description() const
{
    return m_description->toPlainText();
}

QString OntologyEditorDialog::titleMessage() const
{
    return m_titleMessage->property("invalid").toBool() ? m_titleMessage->text() : QString();
}

bool OntologyEditorDialog::canCreate() const
{
    return !m_readOnly && !m_busy && !title().isEmpty() && m_editor->model()->problems().isEmpty();
}

void OntologyEditorDialog::validate()
{
    if (m_readOnly) {
        m_titleMessage->clear();
        m_titleMessage->setProperty("invalid", false);
        if (!m_busy)
            m_status->setText(tr("Read-only: the protocol offers no way to change an existing "
                                 "ontology."));
        return;
    }
    QString message;
    if (m_title->text().isEmpty())
        message = m_titleTouched ? tr("A title is required.") : tr("Required.");
    else if (title().isEmpty())
        message = tr("A title needs more than spaces.");
    m_titleMessage->setText(message);
    m_titleMessage->setProperty("invalid", !message.isEmpty());
    // Before the first keystroke the hint is quiet; afterwards a missing title is an error.
    if (m_titleTouched)
        ErrorColour::apply(m_titleMessage);
    else
        ErrorColour::clear(m_titleMessage);
    m_titleMessage->setForegroundRole(m_titleTouched ? QPalette::WindowText
                                                     : QPalette::PlaceholderText);

    if (m_create)
        m_create->setEnabled(canCreate());
    if (!m_busy) {
        const OntologyEditModel *model = m_editor->model();
        m_status->setText(
            ModelFormat::count(model->rowCount(model->objectSection()), tr("object"), tr("objects"))
            + QStringLiteral(" \u00b7 ")
            + ModelFormat::count(model->rowCount(model->classificationSection()),
                                 tr("classification"),
                                 tr("classifications")));
    }
}

void OntologyEditorDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_status->setText(status);
    // The form keeps every value; it only stops taking input while the request runs.
    m_title->setEnabled(!busy);
    m_description->setEnabled(!busy);
    m_editor->setEnabled(!busy);
    validate();
}

void OntologyEditorDialog::create()
{
    if (!canCreate()) {
        m_titleTouched = true;
        validate();
        return;
    }
    m_error->hide();
    m_requests = CancelToken();
    setBusy(true, tr("Creating \u201c%1\u201d…").arg(title()));
    auto request =
        m_client.createOntology(title(), description(), m_editor->structure(), m_requests);
    QCoro::connect(std::move(request), this, [this](const Result<Ontology> &answer) {
        if (!answer.ok()) {
            setBusy(false, {});
            if (answer.error().kind() != ApiError::Kind::Cancelled)
                m_error->showError(answer.error());
            return;
        }
        m_created = answer.value();
        setBusy(false, {});
        Q_EMIT ontologyCreated(m_created);
        accept();
    });
}

void OntologyEditorDialog::load(const QString &ontologyHash)
{
    m_loadedHash = ontologyHash;
    m_error->hide();
    m_requests = CancelToken();
    setBusy(true, tr("Loading the ontology…"));
    auto request = m_client.getOntology(ontologyHash, m_requests);
    QCoro::connect(std::move(request), this, [this](const Result<Ontology> &answer) {
        setBusy(false, {});
        if (!answer.ok()) {
            if (answer.error().kind() != ApiError::Kind::Cancelled)
                m_error->showError(answer.error());
            return;
        }
        showOntology(answer.value());
    });
}

void OntologyEditorDialog::showOntology(const Ontology &ontology)
{
    setWindowTitle(tr("Ontology \u2014 %1").arg(ontology.title));
    m_title->setText(ontology.title);
    m_description->setPlainText(ontology.description);
    m_editor->setStructure(ontology.editor);
}

bool OntologyEditorDialog::hasStartedWork() const
{
    return !m_readOnly && m_created.ontologyHash.isEmpty()
           && (!m_title->text().isEmpty() || !m_description->toPlainText().isEmpty()
               || m_editor->model()->undoStack()->count() > 0);
}

void OntologyEditorDialog::keyPressEvent(QKeyEvent *event)
{
    // A dialog presses its default button on Return; here Return ends typing a name, and an
    // ontology created half-built would be lost work. Ctrl+Return is the Create shortcut.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ControlModifier)) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void OntologyEditorDialog::reject()
{
    if (hasStartedWork()) {
        const auto answer =
            QMessageBox::question(this,
                                  tr("Discard Ontology"),
                                  tr("Discard this ontology? What you entered here will be lost."),
                                  QMessageBox::Discard | QMessageBox::Cancel,
                                  QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    m_requests.cancel();
    QDialog::reject();
}

} // namespace Encord
