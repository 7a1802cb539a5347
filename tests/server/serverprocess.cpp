#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <csignal>
#include <utility>

ServerProcess::ServerProcess(QString binary, QString dataDir)
    : m_binary(std::move(binary))
    , m_dataDir(std::move(dataDir))
{
    // Into a file, not a pipe: nobody drains a pipe while the tests block, and a full pipe
    // would stall the server's logging.
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dataDir + QStringLiteral(".log"), QIODevice::Append);
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        kill();
}

bool ServerProcess::addUser(const QString &email,
                            const QString &publicKeyFile,
                            bool orgAdmin,
                            QString *error) const
{
    QStringList arguments = {QStringLiteral("add-user"),
                             QStringLiteral("--data"),
                             m_dataDir,
                             QStringLiteral("--email"),
                             email,
                             QStringLiteral("--public-key"),
                             publicKeyFile};
    if (orgAdmin)
        arguments.append(QStringLiteral("--org-admin"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(m_binary, arguments);
    const bool finished = process.waitForFinished(30000);
    const bool ok =
        finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok && error)
        *error = QString::fromUtf8(process.readAll());
    return ok;
}

bool ServerProcess::start(QString *error)
{
    const QString portFile = m_dataDir + QStringLiteral(".port");
    QFile::remove(portFile);
    m_port = 0;
    m_process.start(m_binary,
                    {QStringLiteral("serve"),
                     QStringLiteral("--data"),
                     m_dataDir,
                     QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--port-file"),
                     portFile});
    if (!m_process.waitForStarted(10000)) {
        if (error)
            *error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && isRunning()) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            m_port = file.readAll().trimmed().toInt();
            if (m_port > 0)
                return true;
        }
        QThread::msleep(50);
    }
    if (error)
        *error = QStringLiteral("no port file; server said: ") + QString::fromUtf8(output());
    return false;
}

void ServerProcess::kill()
{
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}

bool ServerProcess::terminate()
{
    ::kill(pid_t(m_process.processId()), SIGTERM);
    return m_process.waitForFinished(15000) && m_process.exitStatus() == QProcess::NormalExit
           && m_process.exitCode() == 0;
}

qint64 ServerProcess::memoryKiB(const char *field) const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QByteArray ServerProcess::output() const
{
    QFile log(m_dataDir + QStringLiteral(".log"));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}
