#include "pastekeydialog.h"

#include "auth/privatekey.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QUuid>
#include <QVBoxLayout>

namespace Encord {

PasteKeyDialog::PasteKeyDialog(QString keysFolder, QWidget *parent)
    : QDialog(parent)
    , m_keysFolder(keysFolder.isEmpty() ? defaultKeysFolder() : std::move(keysFolder))
    , m_keyText(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Paste a Private Key"));
    auto *explanation = new QLabel(
        tr("Paste the whole private key, from \"-----BEGIN OPENSSH PRIVATE KEY-----\" to the "
           "END line. It is saved in a file only you can read; a passphrase, if the key has "
           "one, is asked each time you connect and is never saved."),
        this);
    explanation->setWordWrap(true);
    m_keyText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_keyText->setPlaceholderText(QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----"));
    m_keyText->setAccessibleName(tr("Private key text"));
    m_keyText->setTabChangesFocus(true);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Save Key"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_keyText, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(620, 360);

    connect(m_keyText, &QPlainTextEdit::textChanged, this, &PasteKeyDialog::checkKey);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasteKeyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PasteKeyDialog::reject);
    checkKey();
}

QString PasteKeyDialog::defaultKeysFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("keys"));
}

void PasteKeyDialog::checkKey()
{
    const QByteArray text = m_keyText->toPlainText().trimmed().toUtf8();
    QString problem;
    if (text.isEmpty()) {
        problem = tr("Paste a key to continue.");
    } else {
        // An encrypted key cannot be opened without its passphrase, but its container was
        // read far enough to know it is an OpenSSH key: that is enough to save it.
        const auto key = PrivateKey::fromText(text);
        if (!key.ok() && key.error().code() != KeyError::Code::PassphraseRequired)
            problem = key.error().message();
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty() && !text.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
}

void PasteKeyDialog::accept()
{
    const QByteArray text = m_keyText->toPlainText().trimmed().toUtf8() + '\n';
    if (!QDir().mkpath(m_keysFolder)) {
        m_problem->setText(tr("Could not create the folder %1.").arg(m_keysFolder));
        m_problem->show();
        return;
    }
    QFile::setPermissions(m_keysFolder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString path =
        QDir(m_keysFolder)
            .filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".key"));
    QFile file(path);
    // Created with owner-only permissions from the start: never readable by others, even
    // for the moment between creation and a later chmod.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(text) != text.size() || !file.flush()) {
        m_problem->setText(tr("Could not save the key in %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
        m_problem->show();
        file.remove();
        return;
    }
    file.close();
    m_savedKeyFile = path;
    QDialog::accept();
}

} // namespace Encord
