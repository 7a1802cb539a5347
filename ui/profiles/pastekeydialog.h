#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace Encord {

/// Takes a private key pasted as text (the OpenSSH "BEGIN OPENSSH PRIVATE KEY" block), checks
/// that it is an Ed25519 key we can use, and saves it as a file readable only by the user, so
/// a profile can refer to it like any other key file. An encrypted key is saved encrypted:
/// its passphrase is asked when the profile connects, never stored.
class PasteKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasteKeyDialog)

public:
    /// Saved keys go to @p keysFolder (the app-data "keys" folder when empty).
    explicit PasteKeyDialog(QString keysFolder = {}, QWidget *parent = nullptr);

    /// The file the key was saved to (valid after accept()).
    QString savedKeyFile() const { return m_savedKeyFile; }

    /// Where keys pasted into profiles are kept by default.
    static QString defaultKeysFolder();

    QPlainTextEdit *keyEdit() const { return m_keyText; }
    QLabel *problem() const { return m_problem; }

    void accept() override;

private:
    void checkKey();

    QString m_keysFolder;
    QString m_savedKeyFile;
    QPlainTextEdit *m_keyText;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Encord
