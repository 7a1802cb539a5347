// The encord-desktop program itself, started as a user starts it: --version and --help answer
// without a display, an unknown profile is refused in a sentence, and a first start (on the
// default workspace or on --workspace DIR) creates a workspace with a private key and lists it
// through the embedded server. Each run gets its own home, data and state folders.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A process environment whose home and XDG folders all lie in @p root, without a display.
QProcessEnvironment isolatedEnvironment(const QString &root)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), root + QStringLiteral("/home"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), root + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), root + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), root + QStringLiteral("/state"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), root + QStringLiteral("/cache"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), root + QStringLiteral("/runtime"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("ENCORD_SSH_KEY"));
    environment.remove(QStringLiteral("ENCORD_SSH_KEY_FILE"));
    QDir(root).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(root + QStringLiteral("/runtime"),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return environment;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runToEnd(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ENCORD_DESKTOP_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldPrintTheVersionWithoutADisplay();
    void shouldDescribeEveryOptionInHelp();
    void shouldRefuseAnUnknownProfile();
    void shouldStartOnANewWorkspace_data();
    void shouldStartOnANewWorkspace();

private:
    QTemporaryDir m_dir;
};

void TestCommandLine::shouldPrintTheVersionWithoutADisplay()
{
    const Run run = runToEnd({QStringLiteral("--version")},
                             isolatedEnvironment(m_dir.filePath(QStringLiteral("version"))));

    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QStringLiteral("encord-desktop " ENCORD_VERSION_STRING));
    // Nothing is left behind by a question about the program.
    QVERIFY(!QDir(m_dir.filePath(QStringLiteral("version/state"))).exists());
    QVERIFY(!QDir(m_dir.filePath(QStringLiteral("version/data"))).exists());
}

void TestCommandLine::shouldDescribeEveryOptionInHelp()
{
    const Run run = runToEnd({QStringLiteral("--help")},
                             isolatedEnvironment(m_dir.filePath(QStringLiteral("help"))));

    QCOMPARE(run.exitCode, 0);
    for (const char *option :
         {"--workspace <DIR>", "--profile <NAME>", "--import-cvat <PATH>", "--version", "--help"})
        QVERIFY2(run.out.contains(QLatin1String(option)), option);
}

void TestCommandLine::shouldRefuseAnUnknownProfile()
{
    QProcessEnvironment environment =
        isolatedEnvironment(m_dir.filePath(QStringLiteral("profile")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    const Run run = runToEnd({QStringLiteral("--profile"), QStringLiteral("Nowhere")}, environment);

    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("There is no saved profile named \"Nowhere\".")),
             qPrintable(run.err));
}

void TestCommandLine::shouldStartOnANewWorkspace_data()
{
    QTest::addColumn<bool>("givenFolder");
    QTest::newRow("default workspace in the app data folder") << false;
    QTest::newRow("--workspace DIR") << true;
}

void TestCommandLine::shouldStartOnANewWorkspace()
{
    QFETCH(bool, givenFolder);
    const QString root =
        m_dir.filePath(givenFolder ? QStringLiteral("given") : QStringLiteral("default"));
    QProcessEnvironment environment = isolatedEnvironment(root);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString workspace = givenFolder ? root + QStringLiteral("/Studies")
                                          : root
                                                + QStringLiteral("/data/Encord/encord-desktop/"
                                                                 "local-workspace");
    QStringList arguments;
    if (givenFolder)
        arguments << QStringLiteral("--workspace") << workspace;

    QProcess app;
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    app.start(QStringLiteral(ENCORD_DESKTOP_BINARY), arguments);
    QVERIFY(app.waitForStarted());

    // The window lists the new workspace's datasets through the embedded server: the server
    // logs each request it answers into the app's log.
    const QString log = root + QStringLiteral("/state/encord-desktop/logs/encord-desktop.log");
    QTRY_VERIFY_WITH_TIMEOUT(readAll(log).contains(QLatin1String("/datasets/list 200")), 60'000);
    QVERIFY(app.state() == QProcess::Running);

    const QString key = workspace + QStringLiteral("/user-key");
    QVERIFY(QFile::exists(key));
    QCOMPARE(QFile::permissions(key)
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(QFile::exists(workspace + QStringLiteral("/user-key.pub")));
    const QString contents = readAll(log);
    QVERIFY2(contents.contains(QLatin1String("127.0.0.1")), "the server listens on loopback");
    QVERIFY2(!contents.contains(QLatin1String("PRIVATE KEY")), "no key material in the log");
    if (givenFolder)
        QVERIFY(!QFile::exists(root
                               + QStringLiteral("/data/Encord/encord-desktop/"
                                                "local-workspace/user-key")));

    app.terminate();
    if (!app.waitForFinished(15'000)) {
        app.kill();
        app.waitForFinished();
    }
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
