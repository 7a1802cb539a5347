#pragma once

#include "client/encordclient.h"
#include "core/canceltoken.h"
#include "records/ontology.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace Encord {

class ErrorBanner;
class OntologyEditorWidget;

/// Creates an ontology from a form, or shows an existing one read-only.
///
/// Create mode (the constructor): title (required; checked as the user types, with the reason
/// beside the field), description, and the structure built in an OntologyEditorWidget. Create
/// sends one createOntology request and shows progress; a server error appears in the dialog
/// with everything entered kept, and Retry sends again. On success the dialog emits
/// ontologyCreated() and accepts; createdOntologyHash() then names the new ontology.
///
/// View mode (openExisting()): loads the ontology through getOntology and shows its title,
/// description and structure read-only. The protocol has no operation that saves changes to an
/// existing ontology (spec §2.4, §3.4), so none is offered.
class OntologyEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OntologyEditorDialog)

public:
    /// A dialog that creates a new ontology through @p client.
    explicit OntologyEditorDialog(EncordClient client, QWidget *parent = nullptr);
    ~OntologyEditorDialog() override;

    /// A read-only dialog showing the ontology @p ontologyHash, loaded through @p client. The
    /// dialog deletes itself when closed; call show() or open() on it.
    static OntologyEditorDialog *openExisting(EncordClient client,
                                              const QString &ontologyHash,
                                              QWidget *parent = nullptr);
    /// The same for an ontology already at hand (no request is sent).
    static OntologyEditorDialog *openExisting(EncordClient client,
                                              const Ontology &ontology,
                                              QWidget *parent = nullptr);

    bool isReadOnly() const { return m_readOnly; }

    /// Pre-fills the form (create mode), e.g. from a wizard that remembers earlier input.
    void setTitle(const QString &title);
    void setDescription(const QString &description);
    void setStructure(const OntologyStructure &structure);

    QString title() const;
    QString description() const;
    OntologyEditorWidget *editor() const { return m_editor; }

    /// The hash of the ontology created by this dialog; empty until Create succeeded.
    QString createdOntologyHash() const { return m_created.ontologyHash; }
    /// The ontology as the server answered the creation.
    const Ontology &createdOntology() const { return m_created; }

    /// Whether Create can be pressed now: a title, a structure without problems, no request
    /// in flight.
    bool canCreate() const;
    /// The message beside the title field; empty when the title is fine.
    QString titleMessage() const;

public Q_SLOTS:
    /// Sends the createOntology request (what the Create button does). Does nothing unless
    /// canCreate().
    void create();
    /// Asks before throwing away a started ontology; cancels a request in flight.
    void reject() override;

Q_SIGNALS:
    void ontologyCreated(const Encord::Ontology &ontology);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Mode {
        Create,
        View,
    };
    OntologyEditorDialog(EncordClient client, Mode mode, QWidget *parent);

    void load(const QString &ontologyHash);
    void showOntology(const Ontology &ontology);
    void setBusy(bool busy, const QString &status);
    void validate();
    bool hasStartedWork() const;

    EncordClient m_client;
    bool m_readOnly;
    CancelToken m_requests;
    bool m_busy = false;
    bool m_titleTouched = false;
    QString m_loadedHash;
    Ontology m_created;

    QLineEdit *m_title;
    QLabel *m_titleMessage;
    QPlainTextEdit *m_description;
    OntologyEditorWidget *m_editor;
    ErrorBanner *m_error;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create = nullptr;
};

} // namespace Encord
