#pragma once

#include "client/encordclient.h"
#include "requestgeneration.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Encord {

class FieldMessage;

/// Storage → New Folder…: name (required), description and client metadata as a key/value
/// table, created under a given folder or at the top level. When the organisation has a
/// metadata schema (fetched as the dialog opens) every key must be in it and every value must
/// read as its type; the values are then sent typed (numbers, booleans, JSON for geospatial
/// and embedding values). Without a schema values are sent as text.
class NewFolderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewFolderDialog)

public:
    /// @p parentUuid unset: a top-level folder. @p parentName names it in the dialog.
    NewFolderDialog(EncordClient client,
                    std::optional<QString> parentUuid,
                    const QString &parentName,
                    QWidget *parent = nullptr);
    ~NewFolderDialog() override;

    /// The created folder; empty until the dialog is accepted.
    QString createdFolderUuid() const { return m_createdUuid; }

    /// Adds a metadata row and returns its index.
    int addMetadataRow(const QString &key = {}, const QString &value = {});
    /// The metadata as it will be sent; problems (one sentence per bad row) go to @p problems.
    QJsonObject metadata(QStringList *problems = nullptr) const;

    QLineEdit *nameEdit() const { return m_name; }
    FieldMessage *nameMessage() const { return m_nameMessage; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QTableWidget *metadataTable() const { return m_metadata; }
    QLabel *metadataProblems() const { return m_metadataProblems; }
    QLabel *schemaNote() const { return m_schemaNote; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *createButton() const { return m_createButton; }
    /// True once the schema arrived (or turned out absent, or failed to load).
    bool isSchemaLoaded() const { return m_schemaLoaded; }
    bool isBusy() const { return m_busy; }

    void reject() override;

Q_SIGNALS:
    void folderCreated(const QString &folderUuid);

private:
    void loadSchema();
    void validate();
    void submit();
    void setBusy(bool busy);

    EncordClient m_client;
    std::optional<QString> m_parentUuid;
    RequestGeneration m_requests;
    std::optional<ClientMetadataSchema> m_schema;
    QLineEdit *m_name;
    FieldMessage *m_nameMessage;
    QPlainTextEdit *m_description;
    QTableWidget *m_metadata;
    QLabel *m_metadataProblems;
    QLabel *m_schemaNote;
    QLabel *m_error;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_createButton;
    QString m_createdUuid;
    bool m_schemaLoaded = false;
    bool m_busy = false;
    bool m_nameTouched = false;
};

} // namespace Encord
