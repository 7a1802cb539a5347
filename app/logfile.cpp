#include "logfile.h"

#include "logredactor.h"

#include <QDateTime>
#include <QDir>
#include <QMutexLocker>

#include <atomic>

namespace Encord {

namespace {

std::atomic<LogFile *> g_installed{nullptr};
// Set while a thread writes to the log, so that a message raised by the writing itself is not
// written again (and does not wait for the mutex its own thread holds).
thread_local bool t_writing = false;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

} // namespace

LogFile::LogFile(QString directory, qint64 maxBytes, int generations)
    : m_directory(std::move(directory))
    , m_maxBytes(maxBytes)
    , m_generations(generations)
{ }

LogFile::~LogFile()
{
    uninstall();
}

QString LogFile::defaultDirectory()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/encord-desktop/logs");
}

QString LogFile::filePath() const
{
    return m_directory + QStringLiteral("/encord-desktop.log");
}

void LogFile::install()
{
    if (m_installed)
        return;
    g_installed.store(this);
    m_previous = qInstallMessageHandler(&LogFile::handleMessage);
    m_installed = true;
}

void LogFile::uninstall()
{
    if (!m_installed)
        return;
    qInstallMessageHandler(m_previous);
    g_installed.store(nullptr);
    m_installed = false;
}

void LogFile::handleMessage(QtMsgType type,
                            const QMessageLogContext &context,
                            const QString &message)
{
    LogFile *self = g_installed.load();
    if (!self)
        return;
    const QString redacted = LogRedactor::redact(message);
    self->append(
        type, QString::fromLatin1(context.category ? context.category : "default"), redacted);
    if (self->m_previous)
        self->m_previous(type, context, redacted);
}

void LogFile::write(QtMsgType type, const QString &category, const QString &message)
{
    append(type, category, LogRedactor::redact(message));
}

void LogFile::append(QtMsgType type, const QString &category, const QString &redactedMessage)
{
    if (t_writing)
        return;
    t_writing = true;
    const QByteArray line =
        (QDateTime::currentDateTime().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
         + QLatin1String(levelName(type)) + QLatin1Char(' ') + category + QStringLiteral(": ")
         + redactedMessage + QLatin1Char('\n'))
            .toUtf8();
    appendLine(line);
    t_writing = false;
}

void LogFile::appendLine(const QByteArray &line)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen() && !openFile())
        return;
    if (m_file.size() > 0 && m_file.size() + line.size() > m_maxBytes) {
        rotate();
        if (!openFile())
            return;
    }
    m_file.write(line);
    m_file.flush();
}

bool LogFile::openFile()
{
    QDir().mkpath(m_directory);
    m_file.setFileName(filePath());
    // Owner-only: a log tells which servers and workspaces the user works with.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void LogFile::rotate()
{
    m_file.close();
    const QString base = filePath();
    QFile::remove(base + QStringLiteral(".%1").arg(m_generations));
    for (int generation = m_generations - 1; generation >= 1; --generation) {
        QFile::rename(base + QStringLiteral(".%1").arg(generation),
                      base + QStringLiteral(".%1").arg(generation + 1));
    }
    if (m_generations > 0)
        QFile::rename(base, base + QStringLiteral(".1"));
    else
        QFile::remove(base);
}

} // namespace Encord
