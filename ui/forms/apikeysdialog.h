#pragma once

#include "client/encordclient.h"
#include "requestgeneration.h"

#include <QDialog>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Encord {

class FieldMessage;

/// The legacy API keys of one dataset or project (spec §2.4, §4.1, §4.2): the keys listed
/// with their title, scopes and creation time; a form to create a key with a title and
/// scopes; "Get or create" for the resource's default key. A key's secret is shown once, in a
/// panel that says it is a secret, with Copy; the list never shows secrets.
class ApiKeysDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeysDialog)

public:
    enum class Resource {
        Dataset,
        Project,
    };

    ApiKeysDialog(EncordClient client,
                  Resource resource,
                  const QString &resourceHash,
                  const QString &resourceTitle,
                  QWidget *parent = nullptr);
    ~ApiKeysDialog() override;

    /// Lists the keys again.
    void reload();

    QTableWidget *keyTable() const { return m_table; }
    QLineEdit *titleEdit() const { return m_title; }
    FieldMessage *titleMessage() const { return m_titleMessage; }
    FieldMessage *scopesMessage() const { return m_scopesMessage; }
    /// One check box per scope, in the order of the protocol's list.
    const QList<QCheckBox *> &scopeBoxes() const { return m_scopes; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *getOrCreateButton() const { return m_getOrCreate; }
    QPushButton *copyButton() const { return m_copy; }
    /// The panel with the secret; hidden until a key was created or fetched.
    QGroupBox *secretPanel() const { return m_secretPanel; }
    QLineEdit *secretEdit() const { return m_secret; }
    QLabel *errorLabel() const { return m_error; }
    bool isBusy() const { return m_busy > 0; }

private:
    void validate();
    void createKey();
    void getOrCreateKey();
    void showSecret(const QString &key);
    void setBusy(bool busy);
    void fail(const ApiError &error);
    void addRow(const QString &title, const QStringList &scopes, const QJsonObject &extra);

    EncordClient m_client;
    Resource m_resource;
    QString m_hash;
    RequestGeneration m_requests;
    QTableWidget *m_table;
    QLineEdit *m_title;
    FieldMessage *m_titleMessage;
    QList<QCheckBox *> m_scopes;
    FieldMessage *m_scopesMessage;
    QPushButton *m_create;
    QPushButton *m_getOrCreate;
    QGroupBox *m_secretPanel;
    QLineEdit *m_secret;
    QPushButton *m_copy;
    QLabel *m_error;
    QProgressBar *m_progress;
    int m_busy = 0;
    bool m_titleTouched = false;
};

} // namespace Encord
