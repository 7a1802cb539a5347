#pragma once

#include "core/result.h"
#include "keyerror.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace Encord {

/// The user's Ed25519 signing key, loaded from an OpenSSH private key container
/// ("-----BEGIN OPENSSH PRIVATE KEY-----"), plain or passphrase-protected (bcrypt KDF with
/// AES-256-CTR/CBC/GCM, decrypted by libssh). Signing uses OpenSSL.
///
/// The key material lives only inside OpenSSL's EVP_PKEY; this class never exposes it, and
/// none of its errors or log lines contain it. Copies share the same key.
class PrivateKey
{
public:
    PrivateKey() = default;

    /// Reads a key file. A leading "~/" is expanded. A file readable by group or others is
    /// loaded with a warning (see warnings()), as ssh would rather refuse it.
    static Result<PrivateKey, KeyError> fromFile(const QString &path,
                                                 const QByteArray &passphrase = {});
    /// Parses key text. An empty passphrase means "none".
    static Result<PrivateKey, KeyError> fromText(const QByteArray &text,
                                                 const QByteArray &passphrase = {});
    /// ENCORD_SSH_KEY_FILE (a path) if set, else ENCORD_SSH_KEY (the key text).
    static Result<PrivateKey, KeyError> fromEnvironment(const QByteArray &passphrase = {});
    /// A fresh random key, for a new local workspace.
    static PrivateKey generate();

    bool isNull() const { return !m_key; }

    /// Lower-case hex of the 32-byte public key: the key id of v1 and v2 signatures.
    QString publicKeyHex() const;
    /// The 32 raw public key bytes.
    QByteArray publicKeyRaw() const;
    /// "ssh-ed25519 AAAA… comment", the line a user registers with a server.
    QByteArray publicKeyOpenSsh(const QString &comment = {}) const;

    /// Ed25519 signature (64 bytes) of @p message.
    QByteArray sign(const QByteArray &message) const;

    /// The key as an OpenSSH private key file's text, encrypted with @p passphrase when it is
    /// not empty (bcrypt + aes256-ctr, through libssh).
    QByteArray toOpenSshText(const QString &comment = {}, const QByteArray &passphrase = {}) const;

    /// Problems noticed while loading that do not prevent use (e.g. loose file permissions).
    const QStringList &warnings() const { return m_warnings; }

private:
    static Result<PrivateKey, KeyError> fromPlainContainer(const QByteArray &container);
    static Result<PrivateKey, KeyError> fromSeed(const QByteArray &seed,
                                                 const QByteArray &expectedPublicKey,
                                                 const QByteArray &comment);

    std::shared_ptr<EVP_PKEY> m_key;
    QByteArray m_comment;
    QStringList m_warnings;
};

} // namespace Encord
