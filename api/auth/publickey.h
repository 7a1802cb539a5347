#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace Encord {

/// An Ed25519 public key: what a server knows of a user, and what verifies their requests.
class PublicKey
{
public:
    PublicKey() = default;

    /// From the 32 raw bytes; nullopt for any other length.
    static std::optional<PublicKey> fromRaw(const QByteArray &raw);
    /// From 64 hex digits (the key id in signatures).
    static std::optional<PublicKey> fromHex(QByteArrayView hex);
    /// From an OpenSSH public key line, "ssh-ed25519 AAAA… [comment]". Other key types and
    /// damaged lines give nullopt.
    static std::optional<PublicKey> fromOpenSshLine(const QByteArray &line);

    bool isNull() const { return !m_key; }
    QByteArray raw() const { return m_raw; }
    QString hex() const { return QString::fromLatin1(m_raw.toHex()); }

    /// True when @p signature is a valid Ed25519 signature of @p message by this key.
    bool verify(const QByteArray &message, const QByteArray &signature) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    QByteArray m_raw;
};

} // namespace Encord
