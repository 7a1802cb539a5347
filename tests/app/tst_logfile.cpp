// The app's log file: messages of every category land in the file with their level and
// category, the file rotates at its size limit keeping a few generations, and secrets never
// reach it. Also: the program's translations are found for the system locale.

#include "auth/privatekey.h"
#include "logfile.h"
#include "logredactor.h"
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Encord;

namespace {

Q_LOGGING_CATEGORY(lcTest, "encord.test", QtInfoMsg)

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestLogFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldWriteMessagesWithLevelAndCategory();
    void shouldRotateKeepingAFewGenerations();
    void shouldNeverWriteSecrets_data();
    void shouldNeverWriteSecrets();
    void shouldKeepOrdinaryMessagesIntact();
    void shouldLoadTheTranslationOfTheSystemLocale();
};

void TestLogFile::shouldWriteMessagesWithLevelAndCategory()
{
    QTemporaryDir dir;
    LogFile log(dir.filePath(QStringLiteral("logs")));
    log.install();
    qCInfo(lcTest) << "opened workspace" << 3;
    qCWarning(lcTest) << "server answered slowly";
    log.uninstall();
    qCInfo(lcTest) << "after uninstall";

    const QString text = readAll(log.filePath());
    QVERIFY2(text.contains(QLatin1String(" info encord.test: opened workspace 3\n")),
             qPrintable(text));
    QVERIFY(text.contains(QLatin1String(" warning encord.test: server answered slowly\n")));
    QVERIFY(!text.contains(QLatin1String("after uninstall")));
    QCOMPARE(QFile::permissions(log.filePath()) & (QFile::ReadOther | QFile::ReadGroup),
             QFileDevice::Permissions());
}

void TestLogFile::shouldRotateKeepingAFewGenerations()
{
    QTemporaryDir dir;
    const qint64 limit = 2000;
    LogFile log(dir.path(), limit, 3);
    for (int i = 0; i < 200; ++i)
        log.write(QtInfoMsg, QStringLiteral("encord.test"), QStringLiteral("line %1").arg(i));

    const QString base = log.filePath();
    const QStringList files{base,
                            base + QStringLiteral(".1"),
                            base + QStringLiteral(".2"),
                            base + QStringLiteral(".3")};
    for (const QString &path : files) {
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QVERIFY(QFileInfo(path).size() <= limit);
    }
    QVERIFY(!QFile::exists(base + QStringLiteral(".4")));
    // The newest lines are in the current file, the ones before in .1.
    QVERIFY(readAll(base).contains(QLatin1String("line 199\n")));
    const QString previous = readAll(base + QStringLiteral(".1"));
    QVERIFY(!previous.contains(QLatin1String("line 199\n")));
    QVERIFY(!previous.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 4);
}

void TestLogFile::shouldNeverWriteSecrets_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("secret");

    const PrivateKey key = PrivateKey::generate();
    const QString openSsh = QString::fromUtf8(key.toOpenSshText(QStringLiteral("me@example")));
    const QString body = openSsh.section(QLatin1Char('\n'), 1, 1);
    QTest::newRow("OpenSSH key") << QStringLiteral("loaded key %1 from disk").arg(openSsh) << body;
    QTest::newRow("key cut short")
        << QStringLiteral("bad key: %1").arg(openSsh.left(openSsh.indexOf(body) + 20))
        << body.left(20);
    QTest::newRow("signed URL") << QStringLiteral(
        "GET http://127.0.0.1:4000/blobs/ab12?expires=99&signature=c0ffee1234 "
        "failed") << QStringLiteral("c0ffee1234");
    QTest::newRow("authorization header")
        << QStringLiteral("header Authorization: 8f1e2d3c:aa55aa55aa55aa55")
        << QStringLiteral("8f1e2d3c:aa55aa55aa55aa55");
    QTest::newRow("json passphrase") << QStringLiteral(R"({"passphrase": "correct horse battery"})")
                                     << QStringLiteral("horse battery");
    QTest::newRow("api key assignment")
        << QStringLiteral("api_key=sk_live_0123456789") << QStringLiteral("sk_live_0123456789");
    QTest::newRow("raw signature in hex")
        << QStringLiteral("signed with ") + QString::fromLatin1(QByteArray(64, '\x5a').toHex())
        << QString::fromLatin1(QByteArray(64, '\x5a').toHex());
}

void TestLogFile::shouldNeverWriteSecrets()
{
    QFETCH(QString, message);
    QFETCH(QString, secret);

    QTemporaryDir dir;
    LogFile log(dir.path());
    log.install();
    qCWarning(lcTest).noquote() << message;
    log.uninstall();

    const QString text = readAll(log.filePath());
    QVERIFY2(text.contains(QLatin1String("[redacted]")), qPrintable(text));
    QVERIFY2(!text.contains(secret), qPrintable(text));
}

void TestLogFile::shouldKeepOrdinaryMessagesIntact()
{
    const QString message = QStringLiteral(
        "GET /v2/public/datasets returned 3 items for project 0f3c6d2e-1b4a-4c55-9e2f-6a7b8c9d0e1f "
        "in 12 ms");
    QCOMPARE(LogRedactor::redact(message), message);
}

void TestLogFile::shouldLoadTheTranslationOfTheSystemLocale()
{
    // The program's texts are written in English; an English locale of any region finds the
    // built-in English translation, a language without one falls back to the source texts.
    QVERIFY(Translations::install(QLocale(QLocale::English, QLocale::UnitedKingdom)));
    QVERIFY(Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
    QVERIFY(!Translations::install(QLocale(QLocale::Swahili, QLocale::Kenya)));
    QCOMPARE(QCoreApplication::translate("Encord::MainWindow", "&Refresh"),
             QStringLiteral("&Refresh"));
}

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
