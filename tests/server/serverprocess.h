#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

/// The encord-local-server executable run as a child process on a data folder, for the tests
/// that must kill it or measure its memory. Not copyable; stops the process on destruction.
class ServerProcess
{
public:
    ServerProcess(QString binary, QString dataDir);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    /// Runs "add-user" on the data folder; false, with the program's output in @p error, when
    /// it does not succeed.
    bool addUser(const QString &email,
                 const QString &publicKeyFile,
                 bool orgAdmin,
                 QString *error = nullptr) const;

    /// Starts "serve" on 127.0.0.1 and a free port and waits (up to 15 s) until the port file
    /// names the port. False, with a reason in @p error, otherwise.
    bool start(QString *error = nullptr);
    /// SIGKILL, no chance to clean up; waits until the process is gone.
    void kill();
    /// SIGTERM, the clean stop; true when it exited with code 0.
    bool terminate();

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    int port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    /// A "Vm…" line of /proc/<pid>/status in KiB ("VmHWM" = peak resident, "VmRSS" = now);
    /// -1 when unreadable.
    qint64 memoryKiB(const char *field) const;
    /// What the server printed so far, all runs (stdout and stderr, kept in <dataDir>.log).
    QByteArray output() const;

private:
    QString m_binary;
    QString m_dataDir;
    QProcess m_process;
    int m_port = 0;
};
