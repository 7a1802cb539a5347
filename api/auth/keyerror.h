#pragma once

#include <QString>

namespace Encord {

/// Why a private key could not be loaded. Messages never contain key material.
class KeyError
{
public:
    enum class Code {
        FileNotFound,       ///< the path does not exist
        FileUnreadable,     ///< it exists but cannot be read
        EnvironmentNotSet,  ///< neither ENCORD_SSH_KEY_FILE nor ENCORD_SSH_KEY is set
        Empty,              ///< the key text is empty
        NotOpenSshFormat,   ///< PEM, PKCS#8, a public key, or not a key at all
        UnsupportedKeyType, ///< an OpenSSH key, but not Ed25519
        PassphraseRequired, ///< encrypted and no passphrase given
        WrongPassphrase,    ///< encrypted and the passphrase does not open it
        UnsupportedCipher,  ///< encrypted with a cipher or KDF we do not read
        Malformed,          ///< the container is damaged
    };

    KeyError(Code code, QString detail = {});

    Code code() const { return m_code; }
    /// A sentence for a person: what is wrong with the key and what to do.
    QString message() const;

private:
    Code m_code;
    QString m_detail;
};

} // namespace Encord
