// First start and reconnection: a new local workspace gets a private key, a registered user
// and a running server the client can use at once; opening it again reuses all of it. Encord
// profiles load keys from files or the environment and ask for passphrases.

#include "auth/publickey.h"
#include "desktopsession.h"
#include "profilestore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Encord;

class TestDesktopSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldCreateAWorkingWorkspaceOnFirstStart();
    void shouldReuseKeyAndUserOnSecondStart();
    void shouldExplainWhyAWorkspaceCannotBeOpened();
    void shouldAskForPassphraseOfAnEncryptedKey();
    void shouldGiveUpWhenThePassphraseIsNotGiven();
    void shouldKeepProfilesWithoutSecrets();

private:
    QTemporaryDir m_dir;
};

void TestDesktopSession::shouldCreateAWorkingWorkspaceOnFirstStart()
{
    // Given an empty folder
    ConnectionProfile profile = ConnectionProfile::defaultLocal();
    profile.workspaceDir = m_dir.filePath(QStringLiteral("first"));

    // When the desktop opens it
    DesktopSession session;
    QVERIFY2(session.open(profile), qPrintable(session.errorString()));

    // Then the key is private to the user, and the server answers the client
    const QString keyPath = profile.workspaceDir + QStringLiteral("/user-key");
    QVERIFY(QFile::exists(keyPath));
    QCOMPARE(QFile::permissions(keyPath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QVERIFY(session.client()->domain().host() == QLatin1String("127.0.0.1"));
    const auto datasets = QCoro::waitFor(session.client()->getDatasets());
    QVERIFY2(datasets.ok(), qPrintable(datasets.ok() ? QString() : datasets.error().message()));
    QVERIFY(datasets->isEmpty());
    const auto created = QCoro::waitFor(
        session.client()->createDataset(QStringLiteral("First"), StorageLocation::CordStorage));
    QVERIFY(created.ok());
}

void TestDesktopSession::shouldReuseKeyAndUserOnSecondStart()
{
    ConnectionProfile profile = ConnectionProfile::defaultLocal();
    profile.workspaceDir = m_dir.filePath(QStringLiteral("first"));
    const QByteArray keyBefore = [&] {
        QFile key(profile.workspaceDir + QStringLiteral("/user-key"));
        return key.open(QIODevice::ReadOnly) ? key.readAll() : QByteArray();
    }();
    QVERIFY(!keyBefore.isEmpty());

    DesktopSession session;
    QVERIFY2(session.open(profile), qPrintable(session.errorString()));

    QFile key(profile.workspaceDir + QStringLiteral("/user-key"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), keyBefore);
    const auto datasets = QCoro::waitFor(session.client()->getDatasets());
    QVERIFY(datasets.ok());
    QCOMPARE(datasets->size(), 1); // what the first start created is still there
    QCOMPARE(datasets->first().title, QStringLiteral("First"));
}

void TestDesktopSession::shouldExplainWhyAWorkspaceCannotBeOpened()
{
    const QString blocker = m_dir.filePath(QStringLiteral("a-file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    ConnectionProfile profile = ConnectionProfile::defaultLocal();
    profile.workspaceDir = blocker + QStringLiteral("/workspace");

    DesktopSession session;
    QVERIFY(!session.open(profile));
    QVERIFY(!session.isOpen());
    QVERIFY2(session.errorString().contains(QStringLiteral("workspace")),
             qPrintable(session.errorString()));
}

void TestDesktopSession::shouldAskForPassphraseOfAnEncryptedKey()
{
    const PrivateKey key = PrivateKey::generate();
    const QString keyPath = m_dir.filePath(QStringLiteral("cloud-key"));
    QFile file(keyPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(key.toOpenSshText({}, "open sesame"));
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    ConnectionProfile profile;
    profile.name = QStringLiteral("Cloud");
    profile.kind = ConnectionProfile::Kind::Encord;
    profile.domain = QUrl(QStringLiteral("https://api.us.encord.com"));
    profile.keyFile = keyPath;

    QStringList prompts;
    QList<QByteArray> answers = {"wrong", "open sesame"};
    DesktopSession session;
    const bool opened = session.open(profile, [&](const QString &why) {
        prompts << why;
        return std::optional<QByteArray>(answers.takeFirst());
    });

    QVERIFY2(opened, qPrintable(session.errorString()));
    QCOMPARE(prompts.size(), 2); // asked, refused the wrong one, asked again
    QCOMPARE(session.client()->keyId(), key.publicKeyHex());
    QCOMPARE(session.client()->domain(), profile.domain);
    QCOMPARE(session.location(), QStringLiteral("https://api.us.encord.com"));
}

void TestDesktopSession::shouldGiveUpWhenThePassphraseIsNotGiven()
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("Cloud");
    profile.kind = ConnectionProfile::Kind::Encord;
    profile.keyFile = m_dir.filePath(QStringLiteral("cloud-key"));

    DesktopSession session;
    QVERIFY(!session.open(profile, [](const QString &) { return std::optional<QByteArray>(); }));
    QVERIFY(session.errorString().contains(QStringLiteral("passphrase")));

    profile.keyFile = m_dir.filePath(QStringLiteral("missing-key"));
    QVERIFY(!session.open(profile));
    QVERIFY(session.errorString().contains(QStringLiteral("missing-key")));
}

void TestDesktopSession::shouldKeepProfilesWithoutSecrets()
{
    QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ProfileStore store(&settings);
    QCOMPARE(store.profiles().size(), 1); // the default local workspace is always there

    ConnectionProfile cloud;
    cloud.name = QStringLiteral("Cloud EU");
    cloud.kind = ConnectionProfile::Kind::Encord;
    cloud.domain = EncordClient::defaultDomain();
    cloud.keyFile = m_dir.filePath(QStringLiteral("cloud-key"));
    store.setProfiles({ConnectionProfile::defaultLocal(), cloud});
    store.setLastUsed(cloud.name);
    settings.sync();

    QSettings reread(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ProfileStore again(&reread);
    QCOMPARE(again.profiles().size(), 2);
    QCOMPARE(again.lastUsed(), cloud);
    QFile ini(m_dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray text = ini.readAll();
    QVERIFY(!text.contains("open sesame"));
    QVERIFY(!text.contains("OPENSSH"));
}

QTEST_GUILESS_MAIN(TestDesktopSession)
#include "tst_desktopsession.moc"
