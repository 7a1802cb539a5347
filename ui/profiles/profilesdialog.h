#pragma once

#include "connectionprofile.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace Encord {

class PasteKeyDialog;

/// Adds, edits and removes connection profiles: a local workspace folder, or an Encord
/// deployment (EU, US or a custom address) with a key from a file or the environment.
/// "Test connection" makes one cheap signed call and says in a sentence how it went.
/// Passphrases are asked for when a key needs one and never kept.
class ProfilesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesDialog)

public:
    ProfilesDialog(const QList<ConnectionProfile> &profiles,
                   const QString &current,
                   QWidget *parent = nullptr);

    /// The profiles as edited (valid only after accept()).
    QList<ConnectionProfile> profiles() const { return m_profiles; }
    /// The profile selected when the dialog was accepted: the one to connect with.
    QString selectedProfile() const;

    /// What is wrong with @p profile among @p others, or empty when it can be saved.
    static QString validate(const ConnectionProfile &profile,
                            const QList<ConnectionProfile> &others);

    // For tests and keyboard users alike.
    QListWidget *profileList() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QRadioButton *localKind() const { return m_localKind; }
    QRadioButton *encordKind() const { return m_encordKind; }
    QLineEdit *folderEdit() const { return m_folder; }
    QComboBox *domainCombo() const { return m_domain; }
    QLineEdit *keyFileEdit() const { return m_keyFile; }
    QRadioButton *keyFromEnvironment() const { return m_keyFromEnvironment; }
    QPushButton *pasteKeyButton() const { return m_pasteKey; }
    /// Where keys pasted with "Paste…" are saved (the app-data "keys" folder by default).
    void setKeysFolder(const QString &folder) { m_keysFolder = folder; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    QLabel *problem() const { return m_problem; }

    void accept() override;

Q_SIGNALS:
    /// A test finished; @p ok tells whether the server accepted the call.
    void testFinished(bool ok, const QString &message);
    /// The paste dialog is open (modal); lets tests and tours reach it.
    void pasteKeyDialogOpened(PasteKeyDialog *dialog);

private:
    void addProfile();
    void removeProfile();
    void showProfile(int row);
    void storeEdits();
    ConnectionProfile editedProfile() const;
    void updateState();
    void testConnection();
    void pasteKey();

    QList<ConnectionProfile> m_profiles;
    int m_row = -1;
    bool m_loading = false;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLineEdit *m_name;
    QRadioButton *m_localKind;
    QRadioButton *m_encordKind;
    QStackedWidget *m_kindPages;
    QLineEdit *m_folder;
    QComboBox *m_domain;
    QRadioButton *m_keyFromFile;
    QRadioButton *m_keyFromEnvironment;
    QLineEdit *m_keyFile;
    QPushButton *m_pasteKey;
    QString m_keysFolder;
    QPushButton *m_test;
    QLabel *m_testResult;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Encord
