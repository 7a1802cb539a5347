#include "publickey.h"

#include "sshbuffer.h"

#include <cctype>
#include <openssl/evp.h>

namespace Encord {

std::optional<PublicKey> PublicKey::fromRaw(const QByteArray &raw)
{
    if (raw.size() != 32)
        return std::nullopt;
    EVP_PKEY *key =
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519,
                                    nullptr,
                                    reinterpret_cast<const unsigned char *>(raw.constData()),
                                    size_t(raw.size()));
    if (!key)
        return std::nullopt;
    PublicKey out;
    out.m_key.reset(key, EVP_PKEY_free);
    out.m_raw = raw;
    return out;
}

std::optional<PublicKey> PublicKey::fromHex(QByteArrayView hex)
{
    if (hex.size() != 64)
        return std::nullopt;
    for (const char c : hex) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    }
    return fromRaw(QByteArray::fromHex(hex.toByteArray()));
}

std::optional<PublicKey> PublicKey::fromOpenSshLine(const QByteArray &line)
{
    const QList<QByteArray> fields = line.simplified().split(' ');
    if (fields.size() < 2 || fields.at(0) != "ssh-ed25519")
        return std::nullopt;
    const auto blob =
        QByteArray::fromBase64Encoding(fields.at(1), QByteArray::AbortOnBase64DecodingErrors);
    if (!blob)
        return std::nullopt;
    SshBuffer buffer(*blob);
    const auto type = buffer.readString();
    const auto raw = buffer.readString();
    if (type != QByteArray("ssh-ed25519") || !raw || buffer.remaining() != 0)
        return std::nullopt;
    return fromRaw(*raw);
}

bool PublicKey::verify(const QByteArray &message, const QByteArray &signature) const
{
    if (!m_key || signature.size() != 64)
        return false;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool valid =
        context && EVP_DigestVerifyInit(context, nullptr, nullptr, nullptr, m_key.get()) == 1
        && EVP_DigestVerify(context,
                            reinterpret_cast<const unsigned char *>(signature.constData()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(message.constData()),
                            size_t(message.size()))
               == 1;
    EVP_MD_CTX_free(context);
    return valid;
}

} // namespace Encord
