#include "privatekey.h"

#include "core/logging.h"
#include "sshbuffer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <libssh/libssh.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace Encord {

namespace {

constexpr qsizetype kEd25519KeySize = 32;
const QByteArray kBeginMarker = QByteArrayLiteral("-----BEGIN OPENSSH PRIVATE KEY-----");
const QByteArray kEndMarker = QByteArrayLiteral("-----END OPENSSH PRIVATE KEY-----");
const QByteArray kEd25519Type = QByteArrayLiteral("ssh-ed25519");
const QByteArray kMagic("openssh-key-v1\0", 15);

// The outer, unencrypted layer of an "openssh-key-v1" container (PROTOCOL.key in OpenSSH).
struct Container
{
    QByteArray cipherName;
    QByteArray kdfName;
    QByteArray publicBlob;
    QByteArray privateSection;
};

std::optional<Container> parseContainer(const QByteArray &raw)
{
    if (!raw.startsWith(kMagic))
        return std::nullopt;
    SshBuffer buffer(raw.mid(kMagic.size()));
    Container container;
    const auto cipher = buffer.readString();
    const auto kdf = buffer.readString();
    const auto kdfOptions = buffer.readString();
    const auto keyCount = buffer.readUint32();
    if (!cipher || !kdf || !kdfOptions || keyCount != 1u)
        return std::nullopt;
    const auto publicBlob = buffer.readString();
    const auto privateSection = buffer.readString();
    if (!publicBlob || !privateSection)
        return std::nullopt;
    return Container{*cipher, *kdf, *publicBlob, *privateSection};
}

// A readable name for the key types OpenSSH containers can hold.
QString keyTypeName(const QByteArray &type)
{
    if (type == "ssh-rsa")
        return QStringLiteral("RSA");
    if (type == "ssh-dss")
        return QStringLiteral("DSA");
    if (type.startsWith("ecdsa-sha2-"))
        return QStringLiteral("ECDSA");
    if (type.startsWith("sk-"))
        return QStringLiteral("security-key (FIDO)");
    return QString::fromLatin1(type);
}

bool isSupportedCipher(const QByteArray &cipher)
{
    static const QList<QByteArray> supported = {"aes128-ctr",
                                                "aes192-ctr",
                                                "aes256-ctr",
                                                "aes128-cbc",
                                                "aes192-cbc",
                                                "aes256-cbc",
                                                "aes256-gcm@openssh.com",
                                                "aes128-gcm@openssh.com"};
    return supported.contains(cipher);
}

// libssh's import/export calls work on one key object; this frees it on every path.
struct SshKeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using SshKeyPointer = std::unique_ptr<std::remove_pointer_t<ssh_key>, SshKeyDeleter>;

// Runs @p text through libssh: decrypts with @p passphraseIn (may be null) and re-exports it
// encrypted with @p passphraseOut (null = plain). Returns the new text, or empty on failure.
QByteArray reencodeWithLibssh(const QByteArray &text,
                              const char *passphraseIn,
                              const char *passphraseOut)
{
    ssh_key imported = nullptr;
    if (ssh_pki_import_privkey_base64(text.constData(), passphraseIn, nullptr, nullptr, &imported)
        != SSH_OK)
        return {};
    const SshKeyPointer key(imported);
    char *exported = nullptr;
    if (ssh_pki_export_privkey_base64(key.get(), passphraseOut, nullptr, nullptr, &exported)
        != SSH_OK)
        return {};
    QByteArray out(exported);
    OPENSSL_cleanse(exported, qstrlen(exported));
    ssh_string_free_char(exported);
    return out;
}

void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
}

QByteArray rawPublicKey(EVP_PKEY *key)
{
    QByteArray out(kEd25519KeySize, Qt::Uninitialized);
    size_t length = size_t(out.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(out.data()), &length)
            != 1
        || length != size_t(kEd25519KeySize))
        return {};
    return out;
}

QByteArray wrapBase64(const QByteArray &raw)
{
    const QByteArray encoded = raw.toBase64();
    QByteArray out = kBeginMarker + '\n';
    for (qsizetype i = 0; i < encoded.size(); i += 70)
        out += encoded.mid(i, 70) + '\n';
    out += kEndMarker + '\n';
    return out;
}

} // namespace

Result<PrivateKey, KeyError> PrivateKey::fromFile(const QString &path, const QByteArray &passphrase)
{
    QString expanded = path;
    if (expanded == QLatin1String("~") || expanded.startsWith(QLatin1String("~/")))
        expanded = QDir::homePath() + expanded.mid(1);
    const QFileInfo info(expanded);
    if (!info.exists())
        return KeyError(KeyError::Code::FileNotFound, QDir::toNativeSeparators(expanded));

    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return KeyError(KeyError::Code::FileUnreadable, QDir::toNativeSeparators(expanded));
    QByteArray text = file.readAll();
    auto result = fromText(text, passphrase);
    wipe(text);
    if (!result.ok())
        return result;

    PrivateKey key = std::move(result).value();
    const auto loosePermissions = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (file.permissions() & loosePermissions) {
        const QString warning =
            QCoreApplication::translate("Encord::PrivateKey",
                                        "The key file %1 can be read by other users of this "
                                        "computer. Restrict it with: chmod 600 %1")
                .arg(QDir::toNativeSeparators(info.absoluteFilePath()));
        qCWarning(lcEncordApiAuth).noquote() << warning;
        key.m_warnings << warning;
    }
    return key;
}

Result<PrivateKey, KeyError> PrivateKey::fromText(const QByteArray &text,
                                                  const QByteArray &passphrase)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return KeyError(KeyError::Code::Empty);

    const qsizetype begin = trimmed.indexOf(kBeginMarker);
    const qsizetype end = trimmed.indexOf(kEndMarker);
    if (begin < 0 || end < begin)
        return KeyError(KeyError::Code::NotOpenSshFormat);

    QByteArray body = trimmed.mid(begin + kBeginMarker.size(), end - begin - kBeginMarker.size());
    body = body.simplified().replace(' ', QByteArray());
    auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    wipe(body);
    if (!decoded)
        return KeyError(KeyError::Code::Malformed);
    QByteArray raw = *decoded;
    wipe(*decoded);

    const auto container = parseContainer(raw);
    wipe(raw);
    if (!container)
        return KeyError(KeyError::Code::Malformed);

    SshBuffer publicBlob(container->publicBlob);
    const auto keyType = publicBlob.readString();
    if (!keyType)
        return KeyError(KeyError::Code::Malformed);
    if (*keyType != kEd25519Type)
        return KeyError(KeyError::Code::UnsupportedKeyType, keyTypeName(*keyType));

    if (container->cipherName == "none")
        return fromPlainContainer(container->privateSection);

    if (container->kdfName != "bcrypt")
        return KeyError(KeyError::Code::UnsupportedCipher, QString::fromLatin1(container->kdfName));
    if (!isSupportedCipher(container->cipherName))
        return KeyError(KeyError::Code::UnsupportedCipher,
                        QString::fromLatin1(container->cipherName));
    if (passphrase.isEmpty())
        return KeyError(KeyError::Code::PassphraseRequired);

    // libssh owns the KDF and the cipher; it hands back the same key unencrypted, which we
    // parse like any plain container.
    QByteArray normalised = trimmed.mid(begin, end - begin + kEndMarker.size()) + '\n';
    QByteArray plain = reencodeWithLibssh(normalised, passphrase.constData(), nullptr);
    wipe(normalised);
    if (plain.isEmpty())
        return KeyError(KeyError::Code::WrongPassphrase);
    auto result = fromText(plain);
    wipe(plain);
    return result;
}

Result<PrivateKey, KeyError> PrivateKey::fromEnvironment(const QByteArray &passphrase)
{
    const QString keyFile = qEnvironmentVariable("ENCORD_SSH_KEY_FILE");
    if (!keyFile.isEmpty())
        return fromFile(keyFile, passphrase);
    if (!qEnvironmentVariableIsSet("ENCORD_SSH_KEY"))
        return KeyError(KeyError::Code::EnvironmentNotSet);
    QByteArray text = qgetenv("ENCORD_SSH_KEY");
    auto result = fromText(text, passphrase);
    wipe(text);
    return result;
}

PrivateKey PrivateKey::generate()
{
    EVP_PKEY *generated = nullptr;
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    if (context && EVP_PKEY_keygen_init(context) == 1)
        EVP_PKEY_keygen(context, &generated);
    EVP_PKEY_CTX_free(context);

    PrivateKey key;
    if (generated)
        key.m_key.reset(generated, EVP_PKEY_free);
    return key;
}

Result<PrivateKey, KeyError> PrivateKey::fromPlainContainer(const QByteArray &privateSection)
{
    SshBuffer buffer(privateSection);
    const auto check1 = buffer.readUint32();
    const auto check2 = buffer.readUint32();
    const auto keyType = buffer.readString();
    const auto publicKey = buffer.readString();
    auto secret = buffer.readString();
    const auto comment = buffer.readString();
    buffer.wipe();
    if (!check1 || !check2 || *check1 != *check2 || keyType != kEd25519Type || !publicKey || !secret
        || !comment || publicKey->size() != kEd25519KeySize
        || secret->size() != 2 * kEd25519KeySize) {
        if (secret)
            wipe(*secret);
        return KeyError(KeyError::Code::Malformed);
    }

    // OpenSSH stores the 64-byte "secret" as seed ‖ public key.
    QByteArray seed = secret->left(kEd25519KeySize);
    const bool consistent = secret->mid(kEd25519KeySize) == *publicKey;
    wipe(*secret);
    if (!consistent) {
        wipe(seed);
        return KeyError(KeyError::Code::Malformed);
    }
    auto result = fromSeed(seed, *publicKey, *comment);
    wipe(seed);
    return result;
}

Result<PrivateKey, KeyError> PrivateKey::fromSeed(const QByteArray &seed,
                                                  const QByteArray &expectedPublicKey,
                                                  const QByteArray &comment)
{
    EVP_PKEY *raw =
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519,
                                     nullptr,
                                     reinterpret_cast<const unsigned char *>(seed.constData()),
                                     size_t(seed.size()));
    if (!raw)
        return KeyError(KeyError::Code::Malformed);

    PrivateKey key;
    key.m_key.reset(raw, EVP_PKEY_free);
    key.m_comment = comment;
    if (rawPublicKey(raw) != expectedPublicKey)
        return KeyError(KeyError::Code::Malformed);
    return key;
}

QString PrivateKey::publicKeyHex() const
{
    return QString::fromLatin1(publicKeyRaw().toHex());
}

QByteArray PrivateKey::publicKeyRaw() const
{
    return m_key ? rawPublicKey(m_key.get()) : QByteArray();
}

QByteArray PrivateKey::publicKeyOpenSsh(const QString &comment) const
{
    SshBuffer blob;
    blob.writeString(kEd25519Type);
    blob.writeString(publicKeyRaw());
    QByteArray line = kEd25519Type + ' ' + blob.data().toBase64();
    if (!comment.isEmpty())
        line += ' ' + comment.toUtf8();
    return line;
}

QByteArray PrivateKey::sign(const QByteArray &message) const
{
    if (!m_key)
        return {};
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    QByteArray signature(64, Qt::Uninitialized);
    size_t length = size_t(signature.size());
    const bool signedOk =
        context && EVP_DigestSignInit(context, nullptr, nullptr, nullptr, m_key.get()) == 1
        && EVP_DigestSign(context,
                          reinterpret_cast<unsigned char *>(signature.data()),
                          &length,
                          reinterpret_cast<const unsigned char *>(message.constData()),
                          size_t(message.size()))
               == 1;
    EVP_MD_CTX_free(context);
    if (!signedOk)
        return {};
    signature.resize(qsizetype(length));
    return signature;
}

QByteArray PrivateKey::toOpenSshText(const QString &comment, const QByteArray &passphrase) const
{
    if (!m_key)
        return {};
    QByteArray seed(kEd25519KeySize, Qt::Uninitialized);
    size_t seedLength = size_t(seed.size());
    if (EVP_PKEY_get_raw_private_key(
            m_key.get(), reinterpret_cast<unsigned char *>(seed.data()), &seedLength)
        != 1)
        return {};
    const QByteArray publicKey = publicKeyRaw();

    SshBuffer publicBlob;
    publicBlob.writeString(kEd25519Type);
    publicBlob.writeString(publicKey);

    // The check-int pair lets a reader detect a wrong passphrase; any random value will do.
    const quint32 checkInt = QRandomGenerator::system()->generate();
    SshBuffer privateSection;
    privateSection.writeUint32(checkInt);
    privateSection.writeUint32(checkInt);
    privateSection.writeString(kEd25519Type);
    privateSection.writeString(publicKey);
    privateSection.writeString(seed + publicKey);
    privateSection.writeString(comment.isEmpty() ? m_comment : comment.toUtf8());
    for (char pad = 1; privateSection.data().size() % 8 != 0; ++pad)
        privateSection.writeRaw(QByteArray(1, pad));
    wipe(seed);

    SshBuffer container;
    container.writeRaw(kMagic);
    container.writeString("none");
    container.writeString("none");
    container.writeString(QByteArray());
    container.writeUint32(1);
    container.writeString(publicBlob.data());
    container.writeString(privateSection.data());
    privateSection.wipe();

    QByteArray text = wrapBase64(container.data());
    container.wipe();
    if (passphrase.isEmpty())
        return text;
    QByteArray encrypted = reencodeWithLibssh(text, nullptr, passphrase.constData());
    wipe(text);
    return encrypted;
}

} // namespace Encord
