// Loading the user's key: every supported form loads, every unsupported one gives its own
// clear error, and no error or warning ever carries key material. Keys are made here with
// the real ssh-keygen and openssl tools, never committed.

#include "auth/privatekey.h"
#include "auth/publickey.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Encord;

namespace {

// Runs a tool and fails the test if it does not succeed.
bool run(const QString &program, const QStringList &arguments, QByteArray *output = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning() << program << arguments << process.readAllStandardError();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPrivateKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldLoadPlainEd25519Key();
    void shouldLoadEncryptedKeys_data();
    void shouldLoadEncryptedKeys();
    void shouldAskForPassphraseOfEncryptedKey();
    void shouldRejectWrongPassphrase();
    void shouldRejectOtherKeyTypes_data();
    void shouldRejectOtherKeyTypes();
    void shouldRejectNonOpenSshFormats_data();
    void shouldRejectNonOpenSshFormats();
    void shouldReportMissingAndEmptyKeys();
    void shouldReportDamagedKey();
    void shouldWarnAboutLoosePermissions();
    void shouldPreferKeyFileVariableOverKeyText();
    void shouldReadKeyTextFromEnvironment();
    void shouldReportUnsetEnvironment();
    void shouldWriteKeysThatSshKeygenReads();
    void shouldWriteEncryptedKeysThatSshKeygenReads();

private:
    QString makeKey(const QString &name, const QStringList &extraArguments);

    QTemporaryDir m_dir;
    QString m_plainKey;
    QString m_encryptedKey;
};

QString TestPrivateKey::makeKey(const QString &name, const QStringList &extraArguments)
{
    const QString path = m_dir.filePath(name);
    QStringList arguments = {QStringLiteral("-q"),
                             QStringLiteral("-f"),
                             path,
                             QStringLiteral("-C"),
                             QStringLiteral("test")};
    arguments += extraArguments;
    if (!run(QStringLiteral("ssh-keygen"), arguments))
        return {};
    return path;
}

void TestPrivateKey::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_plainKey =
        makeKey(QStringLiteral("plain"),
                {QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString()});
    QVERIFY(!m_plainKey.isEmpty());
    m_encryptedKey = makeKey(QStringLiteral("encrypted"),
                             {QStringLiteral("-t"),
                              QStringLiteral("ed25519"),
                              QStringLiteral("-N"),
                              QStringLiteral("correct horse")});
    QVERIFY(!m_encryptedKey.isEmpty());
}

void TestPrivateKey::shouldLoadPlainEd25519Key()
{
    const auto key = PrivateKey::fromFile(m_plainKey);
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message()));

    const auto publicKey =
        PublicKey::fromOpenSshLine(readFile(m_plainKey + QStringLiteral(".pub")));
    QVERIFY(publicKey);
    QCOMPARE(key->publicKeyHex(), publicKey->hex());
    QCOMPARE(key->publicKeyHex().size(), 64);
    QVERIFY(publicKey->verify("message", key->sign("message")));
    QVERIFY(key->warnings().isEmpty()); // ssh-keygen writes 0600
}

void TestPrivateKey::shouldLoadEncryptedKeys_data()
{
    QTest::addColumn<QString>("cipher");
    QTest::newRow("aes256-ctr (ssh-keygen default)") << QStringLiteral("aes256-ctr");
    QTest::newRow("aes256-cbc") << QStringLiteral("aes256-cbc");
}

void TestPrivateKey::shouldLoadEncryptedKeys()
{
    QFETCH(QString, cipher);
    const QString path = makeKey(QStringLiteral("enc-") + cipher,
                                 {QStringLiteral("-t"),
                                  QStringLiteral("ed25519"),
                                  QStringLiteral("-N"),
                                  QStringLiteral("pw"),
                                  QStringLiteral("-Z"),
                                  cipher});
    QVERIFY(!path.isEmpty());
    QVERIFY(readFile(path).contains("BEGIN OPENSSH PRIVATE KEY"));

    const auto key = PrivateKey::fromFile(path, "pw");
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message()));
    const auto publicKey = PublicKey::fromOpenSshLine(readFile(path + QStringLiteral(".pub")));
    QVERIFY(publicKey);
    QCOMPARE(key->publicKeyHex(), publicKey->hex());
}

void TestPrivateKey::shouldAskForPassphraseOfEncryptedKey()
{
    const auto key = PrivateKey::fromFile(m_encryptedKey);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), KeyError::Code::PassphraseRequired);
    QVERIFY(key.error().message().contains(QStringLiteral("passphrase")));
}

void TestPrivateKey::shouldRejectWrongPassphrase()
{
    const auto key = PrivateKey::fromFile(m_encryptedKey, "wrong horse");
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), KeyError::Code::WrongPassphrase);

    const auto right = PrivateKey::fromFile(m_encryptedKey, "correct horse");
    QVERIFY(right.ok());
}

void TestPrivateKey::shouldRejectOtherKeyTypes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("typeName");
    QTest::newRow("rsa") << QStringList{QStringLiteral("-t"),
                                        QStringLiteral("rsa"),
                                        QStringLiteral("-b"),
                                        QStringLiteral("2048")}
                         << QStringLiteral("RSA");
    QTest::newRow("ecdsa") << QStringList{QStringLiteral("-t"), QStringLiteral("ecdsa")}
                           << QStringLiteral("ECDSA");
}

void TestPrivateKey::shouldRejectOtherKeyTypes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, typeName);
    const QString path = makeKey(QStringLiteral("other-") + typeName,
                                 arguments + QStringList{QStringLiteral("-N"), QString()});
    QVERIFY(!path.isEmpty());
    const auto key = PrivateKey::fromFile(path);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), KeyError::Code::UnsupportedKeyType);
    QVERIFY(key.error().message().contains(typeName));
    QVERIFY(key.error().message().contains(QStringLiteral("Ed25519")));

    // An encrypted key of another type is refused before any passphrase is needed.
    const QString encrypted =
        makeKey(QStringLiteral("other-enc-") + typeName,
                arguments + QStringList{QStringLiteral("-N"), QStringLiteral("pw")});
    const auto encryptedKey = PrivateKey::fromFile(encrypted);
    QVERIFY(!encryptedKey.ok());
    QCOMPARE(encryptedKey.error().code(), KeyError::Code::UnsupportedKeyType);
}

void TestPrivateKey::shouldRejectNonOpenSshFormats_data()
{
    QTest::addColumn<QString>("path");

    const QString pemRsa = makeKey(QStringLiteral("pem-rsa"),
                                   {QStringLiteral("-t"),
                                    QStringLiteral("rsa"),
                                    QStringLiteral("-b"),
                                    QStringLiteral("2048"),
                                    QStringLiteral("-m"),
                                    QStringLiteral("PEM"),
                                    QStringLiteral("-N"),
                                    QString()});
    QTest::newRow("PEM RSA (BEGIN RSA PRIVATE KEY)") << pemRsa;

    const QString pkcs8 = m_dir.filePath(QStringLiteral("pkcs8-ed25519.pem"));
    run(QStringLiteral("openssl"),
        {QStringLiteral("genpkey"),
         QStringLiteral("-algorithm"),
         QStringLiteral("ed25519"),
         QStringLiteral("-out"),
         pkcs8});
    QTest::newRow("PKCS#8 Ed25519 (BEGIN PRIVATE KEY)") << pkcs8;

    QTest::newRow("a public key") << m_plainKey + QStringLiteral(".pub");
}

void TestPrivateKey::shouldRejectNonOpenSshFormats()
{
    QFETCH(QString, path);
    QVERIFY(QFile::exists(path));
    const auto key = PrivateKey::fromFile(path);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), KeyError::Code::NotOpenSshFormat);
    QVERIFY(key.error().message().contains(QStringLiteral("ssh-keygen -t ed25519")));
}

void TestPrivateKey::shouldReportMissingAndEmptyKeys()
{
    const auto missing = PrivateKey::fromFile(m_dir.filePath(QStringLiteral("nope")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code(), KeyError::Code::FileNotFound);
    QVERIFY(missing.error().message().contains(QStringLiteral("nope")));

    const auto empty = PrivateKey::fromText("  \n");
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code(), KeyError::Code::Empty);
}

void TestPrivateKey::shouldReportDamagedKey()
{
    const QByteArray text = readFile(m_plainKey);
    const QList<QByteArray> lines = text.split('\n');
    // Drop the middle of the body: still base64, no longer a container.
    QByteArray damaged = lines.first() + '\n' + lines.at(1) + '\n' + lines.at(lines.size() - 2);
    const auto key = PrivateKey::fromText(damaged);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), KeyError::Code::Malformed);
    for (const QByteArray &line : lines) {
        if (!line.startsWith("-----") && line.size() > 8)
            QVERIFY(!key.error().message().contains(QString::fromLatin1(line)));
    }
}

void TestPrivateKey::shouldWarnAboutLoosePermissions()
{
    const QString loose = m_dir.filePath(QStringLiteral("loose"));
    QVERIFY(QFile::copy(m_plainKey, loose));
    QVERIFY(QFile::setPermissions(loose,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("can be read by other users")));
    const auto key = PrivateKey::fromFile(loose);
    QVERIFY(key.ok()); // warned, not refused
    QCOMPARE(key->warnings().size(), 1);
    QVERIFY(key->warnings().first().contains(QStringLiteral("chmod 600")));
}

void TestPrivateKey::shouldPreferKeyFileVariableOverKeyText()
{
    qputenv("ENCORD_SSH_KEY_FILE", m_plainKey.toLocal8Bit());
    qputenv("ENCORD_SSH_KEY", "garbage that would fail");
    const auto key = PrivateKey::fromEnvironment();
    qunsetenv("ENCORD_SSH_KEY_FILE");
    qunsetenv("ENCORD_SSH_KEY");
    QVERIFY(key.ok());
    const auto expected = PrivateKey::fromFile(m_plainKey);
    QCOMPARE(key->publicKeyHex(), expected->publicKeyHex());

    qputenv("ENCORD_SSH_KEY_FILE", m_dir.filePath(QStringLiteral("absent")).toLocal8Bit());
    const auto absent = PrivateKey::fromEnvironment();
    qunsetenv("ENCORD_SSH_KEY_FILE");
    QVERIFY(!absent.ok());
    QCOMPARE(absent.error().code(), KeyError::Code::FileNotFound);
}

void TestPrivateKey::shouldReadKeyTextFromEnvironment()
{
    qputenv("ENCORD_SSH_KEY", readFile(m_encryptedKey));
    const auto key = PrivateKey::fromEnvironment("correct horse");
    qunsetenv("ENCORD_SSH_KEY");
    QVERIFY(key.ok());
    const auto expected = PrivateKey::fromFile(m_encryptedKey, "correct horse");
    QVERIFY(expected.ok());
    QCOMPARE(key->publicKeyHex(), expected->publicKeyHex());

    qputenv("ENCORD_SSH_KEY", "");
    const auto empty = PrivateKey::fromEnvironment();
    qunsetenv("ENCORD_SSH_KEY");
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code(), KeyError::Code::Empty);
}

void TestPrivateKey::shouldReportUnsetEnvironment()
{
    qunsetenv("ENCORD_SSH_KEY_FILE");
    qunsetenv("ENCORD_SSH_KEY");
    const auto key = PrivateKey::fromEnvironment();
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), KeyError::Code::EnvironmentNotSet);
}

void TestPrivateKey::shouldWriteKeysThatSshKeygenReads()
{
    const PrivateKey key = PrivateKey::generate();
    QVERIFY(!key.isNull());
    const QString path = m_dir.filePath(QStringLiteral("generated"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(key.toOpenSshText(QStringLiteral("me@workspace")));
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    QByteArray publicLine;
    QVERIFY(run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-y"), QStringLiteral("-f"), path},
                &publicLine));
    const auto publicKey = PublicKey::fromOpenSshLine(publicLine);
    QVERIFY(publicKey);
    QCOMPARE(publicKey->hex(), key.publicKeyHex());

    const auto reloaded = PrivateKey::fromFile(path);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->publicKeyHex(), key.publicKeyHex());
}

void TestPrivateKey::shouldWriteEncryptedKeysThatSshKeygenReads()
{
    const PrivateKey key = PrivateKey::generate();
    const QString path = m_dir.filePath(QStringLiteral("generated-encrypted"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(key.toOpenSshText({}, "s3cret"));
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    QByteArray publicLine;
    QVERIFY(run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-y"),
                 QStringLiteral("-P"),
                 QStringLiteral("s3cret"),
                 QStringLiteral("-f"),
                 path},
                &publicLine));
    QCOMPARE(PublicKey::fromOpenSshLine(publicLine)->hex(), key.publicKeyHex());

    const auto locked = PrivateKey::fromFile(path);
    QVERIFY(!locked.ok());
    QCOMPARE(locked.error().code(), KeyError::Code::PassphraseRequired);
    const auto opened = PrivateKey::fromFile(path, "s3cret");
    QVERIFY(opened.ok());
    QCOMPARE(opened->publicKeyHex(), key.publicKeyHex());
}

QTEST_GUILESS_MAIN(TestPrivateKey)
#include "tst_privatekey.moc"
