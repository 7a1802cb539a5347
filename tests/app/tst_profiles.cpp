// Connection profiles as a user meets them: the dialog validates as they type, tests a
// connection with one signed call and says how it went, saves profiles without secrets, and
// switching profiles from the menu shows only the new connection's data.

#include "auth/publickey.h"
#include "browserwindowfactory.h"
#include "desktopcontroller.h"
#include "localserver.h"
#include "mainwindow.h"
#include "pastekeydialog.h"
#include "profilesdialog.h"
#include "resourcelistmodel.h"
#include "resourcepane.h"
#include "userstore.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Encord;

class TestProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldValidateAsTheUserTypes();
    void shouldTestAConnectionWithOneSignedCall();
    void shouldReportARefusedKeyInASentence();
    void shouldAddAndRemoveProfiles();
    void shouldSaveAPastedKeyReadableByTheUserOnly();
    void shouldSwitchProfilesFromTheMenu();

private:
    QString writeKey(const PrivateKey &key, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Server::LocalServer> m_server;
    PrivateKey m_registered;
};

QString TestProfiles::writeKey(const PrivateKey &key, const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(key.toOpenSshText());
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

void TestProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("EncordTest"));
    QApplication::setApplicationName(QStringLiteral("tst_profiles"));
    m_server = std::make_unique<Server::LocalServer>(m_dir.filePath(QStringLiteral("remote")));
    QVERIFY(m_server->start());
    m_registered = PrivateKey::generate();
    Server::UserStore(m_server->workspace()->database())
        .add(QStringLiteral("me@example.com"),
             *PublicKey::fromRaw(m_registered.publicKeyRaw()),
             false);
}

void TestProfiles::shouldValidateAsTheUserTypes()
{
    ProfilesDialog dialog({ConnectionProfile::defaultLocal()}, {});
    QPushButton *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);

    dialog.nameEdit()->clear();
    QVERIFY(!save->isEnabled());
    QVERIFY(dialog.problem()->text().contains(QStringLiteral("name")));

    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Mine"));
    QVERIFY(save->isEnabled());

    dialog.encordKind()->setChecked(true);
    dialog.keyFileEdit()->setText(m_dir.filePath(QStringLiteral("no-such-key")));
    QVERIFY(!save->isEnabled());
    QVERIFY(dialog.problem()->text().contains(QStringLiteral("does not exist")));

    dialog.domainCombo()->setEditText(QStringLiteral("not a url"));
    QVERIFY(!save->isEnabled());
    QVERIFY(dialog.problem()->text().contains(QStringLiteral("web address")));
}

void TestProfiles::shouldTestAConnectionWithOneSignedCall()
{
    ProfilesDialog dialog({ConnectionProfile::defaultLocal()}, {});
    // The Add button creates a fresh Encord profile to fill in.
    QTest::mouseClick(dialog.findChildren<QPushButton *>().at(0), Qt::LeftButton);
    QCOMPARE(dialog.profileList()->currentRow(), 1);
    dialog.encordKind()->setChecked(true);
    dialog.domainCombo()->setEditText(m_server->baseUrl());
    dialog.keyFileEdit()->setText(writeKey(m_registered, QStringLiteral("registered-key")));
    QSignalSpy finished(&dialog, &ProfilesDialog::testFinished);

    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);

    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY2(dialog.testResult()->text().contains(QStringLiteral("accepted")),
             qPrintable(dialog.testResult()->text()));
}

void TestProfiles::shouldReportARefusedKeyInASentence()
{
    ProfilesDialog dialog({ConnectionProfile::defaultLocal()}, {});
    dialog.encordKind()->setChecked(true);
    dialog.domainCombo()->setEditText(m_server->baseUrl());
    dialog.keyFileEdit()->setText(writeKey(PrivateKey::generate(), QStringLiteral("stranger-key")));
    QSignalSpy finished(&dialog, &ProfilesDialog::testFinished);

    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);

    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(dialog.testResult()->text().contains(QStringLiteral("did not accept your key")),
             qPrintable(dialog.testResult()->text()));
    QVERIFY(!dialog.testResult()->text().contains(QStringLiteral("{")));
}

void TestProfiles::shouldSaveAPastedKeyReadableByTheUserOnly()
{
    ProfilesDialog dialog({ConnectionProfile::defaultLocal()}, {});
    const QString keysFolder = m_dir.filePath(QStringLiteral("pasted-keys"));
    dialog.setKeysFolder(keysFolder);
    dialog.encordKind()->setChecked(true);
    dialog.domainCombo()->setEditText(m_server->baseUrl());

    bool sawBadKeyRefused = false;
    connect(&dialog, &ProfilesDialog::pasteKeyDialogOpened, this, [&](PasteKeyDialog *paste) {
        // The dialog is modal: drive it once its event loop runs.
        QTimer::singleShot(0, paste, [&, paste] {
            QPushButton *save =
                paste->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
            QVERIFY(!save->isEnabled());
            paste->keyEdit()->setPlainText(
                QStringLiteral("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE "
                               "KEY-----"));
            sawBadKeyRefused = !save->isEnabled() && paste->problem()->isVisible()
                               && !paste->problem()->text().isEmpty();
            // Encrypted keys are kept encrypted: the passphrase is asked when connecting.
            paste->keyEdit()->setPlainText(
                QString::fromLatin1(m_registered.toOpenSshText({}, "correct horse")));
            QVERIFY(save->isEnabled());
            QTest::mouseClick(save, Qt::LeftButton);
        });
    });

    QTest::mouseClick(dialog.pasteKeyButton(), Qt::LeftButton);

    QVERIFY(sawBadKeyRefused);
    const QString saved = dialog.keyFileEdit()->text();
    QVERIFY2(saved.startsWith(QDir::toNativeSeparators(keysFolder)), qPrintable(saved));
    QCOMPARE(QFile::permissions(saved) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!(QFile::permissions(keysFolder)
              & (QFileDevice::ReadOther | QFileDevice::ReadGroup | QFileDevice::ExeOther)));
    const auto reloaded = PrivateKey::fromFile(saved, "correct horse");
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.value().publicKeyRaw(), m_registered.publicKeyRaw());
    QVERIFY(dialog.problem()->text().isEmpty());
}

void TestProfiles::shouldAddAndRemoveProfiles()
{
    ConnectionProfile local = ConnectionProfile::defaultLocal();
    ProfilesDialog dialog({local}, local.name);
    auto *add = dialog.findChildren<QPushButton *>().at(0);
    auto *remove = dialog.findChildren<QPushButton *>().at(1);
    QVERIFY(!remove->isEnabled()); // the last profile cannot go

    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(dialog.profileList()->count(), 2);
    dialog.nameEdit()->setText(QStringLiteral("Cloud"));
    dialog.keyFromEnvironment()->setChecked(true);
    QCOMPARE(dialog.profileList()->item(1)->text(), QStringLiteral("Cloud"));
    QVERIFY(remove->isEnabled());
    // The two Encord deployments are offered by name; the US one is picked here.
    QCOMPARE(dialog.domainCombo()->count(), 2);
    QVERIFY(dialog.domainCombo()->itemText(0).contains(QStringLiteral("Europe")));
    QVERIFY(dialog.domainCombo()->itemText(1).contains(QStringLiteral("US")));
    dialog.domainCombo()->setCurrentIndex(1);

    // A third profile added and then removed leaves the others as they were.
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(dialog.profileList()->count(), 3);
    dialog.nameEdit()->setText(QStringLiteral("Spare"));
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(dialog.profileList()->count(), 2);
    QCOMPARE(dialog.profileList()->item(1)->text(), QStringLiteral("Cloud"));

    // Editing the local profile: its folder changes, its name stays.
    dialog.profileList()->setCurrentRow(0);
    QCOMPARE(dialog.nameEdit()->text(), local.name);
    QVERIFY(dialog.localKind()->isChecked());
    const QString otherFolder = m_dir.filePath(QStringLiteral("other-workspace"));
    dialog.folderEdit()->setText(otherFolder);
    dialog.profileList()->setCurrentRow(1);

    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.profiles().size(), 2);
    QCOMPARE(dialog.profiles().at(1).name, QStringLiteral("Cloud"));
    QCOMPARE(dialog.profiles().at(1).kind, ConnectionProfile::Kind::Encord);
    QCOMPARE(dialog.profiles().at(1).keySource, ConnectionProfile::KeySource::Environment);
    QCOMPARE(dialog.profiles().at(1).domain, EncordClient::usDomain());
    QCOMPARE(dialog.profiles().at(0).name, local.name);
    QCOMPARE(dialog.profiles().at(0).workspaceDir, otherFolder);
    QCOMPARE(dialog.selectedProfile(), QStringLiteral("Cloud"));
}

void TestProfiles::shouldSwitchProfilesFromTheMenu()
{
    // Given two saved profiles: a local workspace with one dataset, and the remote server
    QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ConnectionProfile local = ConnectionProfile::defaultLocal();
    local.workspaceDir = m_dir.filePath(QStringLiteral("local"));
    ConnectionProfile remote;
    remote.name = QStringLiteral("Remote");
    remote.kind = ConnectionProfile::Kind::Encord;
    remote.domain = QUrl(m_server->baseUrl());
    remote.keyFile = writeKey(m_registered, QStringLiteral("registered-key"));
    EncordClient remoteClient(m_registered, QUrl(m_server->baseUrl()));
    QVERIFY(QCoro::waitFor(remoteClient.createDataset(QStringLiteral("Remote data"),
                                                      StorageLocation::CordStorage))
                .ok());

    auto window = BrowserWindowFactory::create();
    DesktopController controller(window.get(), &settings);
    controller.setInteractive(false);
    controller.profiles().setProfiles({local, remote});
    QVERIFY2(controller.connectTo(local), qPrintable(controller.lastError()));
    QVERIFY(QCoro::waitFor(controller.session().client()->createDataset(
                               QStringLiteral("Local data"), StorageLocation::CordStorage))
                .ok());
    auto *pane = qobject_cast<ResourcePane *>(window->pane(QStringLiteral("datasets")));
    pane->refresh();
    QTRY_COMPARE(pane->view()->model()->rowCount(), 1);
    QCOMPARE(pane->view()->model()->index(0, 0).data().toString(), QStringLiteral("Local data"));

    // When the user picks the other profile in File → Connect To
    auto *menu = window->findChild<QMenu *>(QStringLiteral("connectMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 2);
    QVERIFY(menu->actions().at(0)->isChecked());
    menu->actions().at(1)->trigger();

    // Then only the remote data shows, and the menu and status bar follow
    QTRY_COMPARE(pane->view()->model()->rowCount(), 1);
    QTRY_COMPARE(pane->view()->model()->index(0, 0).data().toString(),
                 QStringLiteral("Remote data"));
    QVERIFY(menu->actions().at(1)->isChecked());
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("connectionLabel"))
                ->text()
                .startsWith(QStringLiteral("Remote")));
    QCOMPARE(controller.profiles().lastUsed().name, QStringLiteral("Remote"));
}

QTEST_MAIN(TestProfiles)
#include "tst_profiles.moc"
