// The encord-local-server command line, run as a separate process: user and integration
// registration, roles, groups, and serve's port file and clean stop on SIGTERM.

#include "auth/privatekey.h"
#include "localserver.h"
#include "rolestore.h"
#include "sqlitedatabase.h"
#include "workspace.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Encord;
using namespace Encord::Server;

class TestServerCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shouldPrintHelpForEachCommand_data();
    void shouldPrintHelpForEachCommand();
    void shouldRegisterUsersOnce();
    void shouldAddIntegrationsOnlyForExistingFolders();
    void shouldGrantRolesAndAddGroups();
    void shouldServeUntilTerminated();
    void shouldParseRoleNames();

private:
    /// Runs the program; its exit code, with stdout and stderr in @p output.
    int run(const QStringList &arguments, QByteArray *output = nullptr);
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }

    QTemporaryDir m_dir;
    QString m_keyFile;
};

int TestServerCli::run(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(ENCORD_LOCAL_SERVER_BINARY), arguments);
    if (!process.waitForFinished(20000))
        return -1;
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

void TestServerCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_keyFile = m_dir.filePath(QStringLiteral("alice.pub"));
    QFile key(m_keyFile);
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(PrivateKey::generate().publicKeyOpenSsh(QStringLiteral("alice")) + '\n');
}

void TestServerCli::shouldPrintHelpForEachCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("option");
    QTest::newRow("serve") << QStringLiteral("serve") << QStringLiteral("--port-file");
    QTest::newRow("add-user") << QStringLiteral("add-user") << QStringLiteral("--public-key");
    QTest::newRow("add-integration")
        << QStringLiteral("add-integration") << QStringLiteral("--root");
    QTest::newRow("grant") << QStringLiteral("grant") << QStringLiteral("--role");
    QTest::newRow("add-group") << QStringLiteral("add-group") << QStringLiteral("--member");
}

void TestServerCli::shouldPrintHelpForEachCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, option);
    QByteArray output;
    QCOMPARE(run({command, QStringLiteral("--help")}, &output), 0);
    QVERIFY2(output.contains(option.toUtf8()), output.constData());
    QVERIFY(output.contains("--data"));
    QCOMPARE(run({}, &output), 2);
    QVERIFY(output.contains("add-integration"));
}

void TestServerCli::shouldRegisterUsersOnce()
{
    const QStringList add = {QStringLiteral("add-user"),
                             QStringLiteral("--data"),
                             data(),
                             QStringLiteral("--email"),
                             QStringLiteral("alice@example.com"),
                             QStringLiteral("--public-key"),
                             m_keyFile,
                             QStringLiteral("--org-admin")};
    QByteArray output;
    QCOMPARE(run(add, &output), 0);
    QVERIFY(output.contains("organisation admin"));
    // The same key again, under another e-mail.
    QStringList again = add;
    again[4] = QStringLiteral("other@example.com");
    QCOMPARE(run(again, &output), 1);
    QVERIFY(output.contains("already registered"));
    // Not a key.
    QFile junk(m_dir.filePath(QStringLiteral("junk.pub")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("ssh-rsa AAAAB3NzaC1yc2E= x\n");
    junk.close();
    again[6] = junk.fileName();
    QCOMPARE(run(again, &output), 1);
    QVERIFY(output.contains("ssh-ed25519"));
}

void TestServerCli::shouldAddIntegrationsOnlyForExistingFolders()
{
    QByteArray output;
    QCOMPARE(run({QStringLiteral("add-integration"),
                  QStringLiteral("--data"),
                  data(),
                  QStringLiteral("--title"),
                  QStringLiteral("Scans"),
                  QStringLiteral("--root"),
                  m_dir.path()},
                 &output),
             0);
    QVERIFY(output.contains("added integration"));
    QCOMPARE(run({QStringLiteral("add-integration"),
                  QStringLiteral("--data"),
                  data(),
                  QStringLiteral("--title"),
                  QStringLiteral("Nowhere"),
                  QStringLiteral("--root"),
                  m_dir.filePath(QStringLiteral("missing"))},
                 &output),
             1);
}

void TestServerCli::shouldGrantRolesAndAddGroups()
{
    // A dataset to grant on, made in-process.
    QString error;
    QString folder;
    {
        const std::unique_ptr<Workspace> workspace = Workspace::open(data(), &error);
        QVERIFY2(workspace, qPrintable(error));
        SqliteDatabase &db = workspace->database();
        db.exec(QStringLiteral("INSERT INTO storage_folders (uuid, name, owner_id, created_at, "
                               "last_edited_at) VALUES ('f-1', 'F', 1, 0, 0)"));
        folder = QStringLiteral("f-1");
    }
    QByteArray output;
    const QStringList base = {QStringLiteral("grant"),
                              QStringLiteral("--data"),
                              data(),
                              QStringLiteral("--email"),
                              QStringLiteral("alice@example.com")};
    QCOMPARE(run(base
                     + QStringList{QStringLiteral("--folder"),
                                   folder,
                                   QStringLiteral("--role"),
                                   QStringLiteral("user")},
                 &output),
             0);
    QCOMPARE(run(base
                     + QStringList{QStringLiteral("--folder"),
                                   QStringLiteral("f-2"),
                                   QStringLiteral("--role"),
                                   QStringLiteral("user")},
                 &output),
             1);
    QVERIFY(output.contains("no such folder"));
    QCOMPARE(run(base
                     + QStringList{QStringLiteral("--folder"),
                                   folder,
                                   QStringLiteral("--role"),
                                   QStringLiteral("annotator")},
                 &output),
             1);
    QCOMPARE(run({QStringLiteral("add-group"),
                  QStringLiteral("--data"),
                  data(),
                  QStringLiteral("--name"),
                  QStringLiteral("Radiologists"),
                  QStringLiteral("--member"),
                  QStringLiteral("alice@example.com")},
                 &output),
             0);
    QCOMPARE(run({QStringLiteral("add-group"),
                  QStringLiteral("--data"),
                  data(),
                  QStringLiteral("--name"),
                  QStringLiteral("Ghosts"),
                  QStringLiteral("--member"),
                  QStringLiteral("nobody@example.com")},
                 &output),
             1);

    const std::unique_ptr<Workspace> workspace = Workspace::open(data(), &error);
    SqliteDatabase &db = workspace->database();
    QCOMPARE(RoleStore(db).roleOf(ResourceKind::Folder, folder, 1), std::optional<int>(1));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM groups")), qint64(1));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM group_members")), qint64(1));
}

void TestServerCli::shouldServeUntilTerminated()
{
    const QString portFile = m_dir.filePath(QStringLiteral("port"));
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(QStringLiteral(ENCORD_LOCAL_SERVER_BINARY),
                 {QStringLiteral("serve"),
                  QStringLiteral("--data"),
                  data(),
                  QStringLiteral("--port-file"),
                  portFile});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(portFile), 10000);
    QFile file(portFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const int port = file.readAll().trimmed().toInt();
    QVERIFY(port > 0);

    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    const QByteArray output = server.readAll();
    QVERIFY(
        output.contains(QByteArray("listening on http://127.0.0.1:" + QByteArray::number(port))));
    QVERIFY(output.contains("stopping"));

    // Anything but a loopback address is allowed only with a warning.
    QByteArray refused;
    QCOMPARE(run({QStringLiteral("serve"),
                  QStringLiteral("--data"),
                  data(),
                  QStringLiteral("--listen"),
                  QStringLiteral("not-an-address:1")},
                 &refused),
             1);
}

void TestServerCli::shouldParseRoleNames()
{
    QCOMPARE(RoleStore::roleFromName(ResourceKind::Project, QStringLiteral("team-manager")),
             std::optional<int>(4));
    QCOMPARE(RoleStore::roleFromName(ResourceKind::Project, QStringLiteral("Annotator-Reviewer")),
             std::optional<int>(3));
    QCOMPARE(RoleStore::roleFromName(ResourceKind::Project, QStringLiteral("user")),
             std::optional<int>());
    QCOMPARE(RoleStore::roleFromName(ResourceKind::Dataset, QStringLiteral("user")),
             std::optional<int>(1));
    QCOMPARE(RoleStore::roleFromName(ResourceKind::Ontology, QStringLiteral("admin")),
             std::optional<int>(0));
    QCOMPARE(RoleStore::roleFromName(ResourceKind::Dataset, QStringLiteral("reviewer")),
             std::optional<int>());
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
