#pragma once

#include <QFile>
#include <QMutex>
#include <QString>
#include <QtGlobal>

namespace Encord {

/// The app's log: every Qt message (all logging categories) is written, with its time, level
/// and category, to <directory>/encord-desktop.log, after LogRedactor has taken secrets out.
/// When the file would grow past maxBytes it is rotated: encord-desktop.log.1 is the previous
/// file, .2 the one before, up to `generations` old files; older ones are deleted.
///
/// Messages still reach the handler installed before (standard error). Writing is serialised
/// with a mutex: the in-process workspace server logs from its own threads.
class LogFile final
{
    Q_DISABLE_COPY_MOVE(LogFile)

public:
    static constexpr qint64 kDefaultMaxBytes = 1024 * 1024;
    static constexpr int kDefaultGenerations = 3;

    explicit LogFile(QString directory,
                     qint64 maxBytes = kDefaultMaxBytes,
                     int generations = kDefaultGenerations);
    /// Uninstalls itself if installed.
    ~LogFile();

    /// $XDG_STATE_HOME/encord-desktop/logs (~/.local/state/encord-desktop/logs): logs are
    /// state, kept across runs but not worth a backup.
    static QString defaultDirectory();

    const QString &directory() const { return m_directory; }
    QString filePath() const;

    /// Makes this the Qt message handler. At most one LogFile is installed at a time.
    void install();
    void uninstall();

    /// Writes one message (redacted) and rotates first when the file is full.
    void write(QtMsgType type, const QString &category, const QString &message);

private:
    static void handleMessage(QtMsgType type,
                              const QMessageLogContext &context,
                              const QString &message);
    void append(QtMsgType type, const QString &category, const QString &redactedMessage);
    void appendLine(const QByteArray &line);
    bool openFile();
    void rotate();

    QString m_directory;
    qint64 m_maxBytes;
    int m_generations;
    QFile m_file;
    QMutex m_mutex;
    QtMessageHandler m_previous = nullptr;
    bool m_installed = false;
};

} // namespace Encord
