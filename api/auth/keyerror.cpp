#include "keyerror.h"

#include <QCoreApplication>

namespace Encord {

KeyError::KeyError(Code code, QString detail)
    : m_code(code)
    , m_detail(std::move(detail))
{ }

QString KeyError::message() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Encord::KeyError", text);
    };
    switch (m_code) {
    case Code::FileNotFound:
        return tr("The key file %1 does not exist. Choose the private key file you registered "
                  "with Encord.")
            .arg(m_detail);
    case Code::FileUnreadable:
        return tr("The key file %1 cannot be read. Check its permissions.").arg(m_detail);
    case Code::EnvironmentNotSet:
        return tr("No key given, and neither ENCORD_SSH_KEY_FILE nor ENCORD_SSH_KEY is set. "
                  "Choose a key file or set one of these variables.");
    case Code::Empty:
        return tr("The key is empty. Paste the whole private key, including its BEGIN and "
                  "END lines.");
    case Code::NotOpenSshFormat:
        return tr("This is not an OpenSSH private key. Encord needs an Ed25519 key in "
                  "OpenSSH format (it starts with \"-----BEGIN OPENSSH PRIVATE KEY-----\"); "
                  "make one with: ssh-keygen -t ed25519");
    case Code::UnsupportedKeyType:
        return tr("This is a %1 key; Encord only accepts Ed25519 keys. Make one with: "
                  "ssh-keygen -t ed25519")
            .arg(m_detail);
    case Code::PassphraseRequired:
        return tr("This key is protected by a passphrase. Enter the passphrase to use it.");
    case Code::WrongPassphrase:
        return tr("The passphrase does not open this key. Check it and try again.");
    case Code::UnsupportedCipher:
        return tr("This key is encrypted with %1, which is not supported. Re-encrypt it with "
                  "a current ssh-keygen (ssh-keygen -p -f FILE).")
            .arg(m_detail);
    case Code::Malformed:
        return tr("The key is damaged or incomplete. Copy it again from the original file.");
    }
    return {};
}

} // namespace Encord
