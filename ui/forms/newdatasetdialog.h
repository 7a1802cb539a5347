#pragma once

#include "client/encordclient.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;

namespace Encord {

class FieldMessage;

/// File → New Dataset…: title (required), description and storage location. Checks the title
/// as it is typed, sends one request on Create, shows progress and the server's refusal in the
/// dialog (nothing typed is lost), and closes with the new dataset's hash.
///
/// Encord storage goes through the current `POST datasets` route; the cloud locations go
/// through the v1 route that carries the location, so the server itself says whether it
/// offers them (the local workspace does not).
class NewDatasetDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewDatasetDialog)

public:
    explicit NewDatasetDialog(EncordClient client, QWidget *parent = nullptr);
    ~NewDatasetDialog() override;

    /// The created dataset; empty until the dialog is accepted.
    QString createdDatasetHash() const { return m_createdHash; }

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QComboBox *storageCombo() const { return m_storage; }
    FieldMessage *titleMessage() const { return m_titleMessage; }
    /// The server's refusal or a transport failure; hidden otherwise.
    QLabel *errorLabel() const { return m_error; }
    QProgressBar *progress() const { return m_progress; }
    /// Create: enabled while the form is valid and nothing is being sent.
    QPushButton *createButton() const;

    /// Longest title the form accepts.
    static constexpr int kMaxTitleLength = 255;

    void reject() override;

Q_SIGNALS:
    void datasetCreated(const QString &datasetHash);

private:
    void validate();
    void submit();
    void setBusy(bool busy);

    EncordClient m_client;
    CancelToken m_token;
    QLineEdit *m_title;
    FieldMessage *m_titleMessage;
    QPlainTextEdit *m_description;
    QComboBox *m_storage;
    QLabel *m_storageNote;
    QLabel *m_error;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QString m_createdHash;
    bool m_busy = false;
    bool m_titleTouched = false;
};

} // namespace Encord
