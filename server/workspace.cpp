#include "workspace.h"

#include "cvatimportjobs.h"
#include "deidjobs.h"
#include "schema.h"
#include "serverlogging.h"
#include "sqlitedatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <exception>

namespace Encord::Server {

namespace {

constexpr qsizetype kSecretSize = 32;

// Reads the URL-signing secret, creating it (owner read/write only) on first start.
QByteArray loadOrCreateSecret(const QString &path, QString *error)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(path);
            return {};
        }
        const QByteArray secret = QByteArray::fromHex(file.readAll().trimmed());
        if (secret.size() != kSecretSize)
            *error = QStringLiteral("%1 is damaged").arg(path);
        return secret;
    }
    QByteArray secret(kSecretSize, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(secret.toHex() + '\n') != kSecretSize * 2 + 1) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return {};
    }
    return secret;
}

} // namespace

Workspace::Workspace(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_blobs(m_dataDir + QStringLiteral("/blobs"))
    , m_deidJobs(std::make_unique<DeidJobs>())
{ }

Workspace::~Workspace()
{
    // Jobs still running use their threads' connections: they stop (and end their threads)
    // before the connections go.
    m_cvatImportJobs.reset();
    m_deidJobs.reset();
}

std::unique_ptr<Workspace> Workspace::open(const QString &dataDir, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    const QString absolute = QDir(dataDir).absolutePath();
    const bool existed = QFileInfo::exists(absolute);
    if (!QDir().mkpath(absolute)) {
        *error = QStringLiteral("cannot create %1").arg(absolute);
        return nullptr;
    }
    // The database holds API keys: a new workspace is readable by its owner only.
    if (!existed)
        QFile::setPermissions(
            absolute, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    std::unique_ptr<Workspace> workspace(new Workspace(absolute));
    if (!workspace->m_blobs.initialise()) {
        *error = QStringLiteral("cannot create the blob folder in %1").arg(absolute);
        return nullptr;
    }
    const QByteArray secret =
        loadOrCreateSecret(absolute + QStringLiteral("/server-secret"), error);
    if (!error->isEmpty())
        return nullptr;
    workspace->m_signer = std::make_unique<UrlSigner>(secret);
    try {
        Schema::migrate(workspace->database());
        workspace->m_cvatImportJobs = std::make_unique<CvatImportJobs>(*workspace);
    } catch (const std::exception &e) {
        *error = QStringLiteral("cannot open the workspace database: %1")
                     .arg(QString::fromUtf8(e.what()));
        return nullptr;
    }
    return workspace;
}

QString Workspace::databasePath() const
{
    return m_dataDir + QStringLiteral("/workspace.sqlite");
}

SqliteDatabase &Workspace::database()
{
    std::lock_guard lock(m_mutex);
    auto &connection = m_connections[std::this_thread::get_id()];
    if (!connection)
        connection = std::make_unique<SqliteDatabase>(databasePath());
    return *connection;
}

void Workspace::releaseDatabase()
{
    std::unique_ptr<SqliteDatabase> connection;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_connections.find(std::this_thread::get_id());
        if (it == m_connections.end())
            return;
        connection = std::move(it->second);
        m_connections.erase(it);
    }
}

} // namespace Encord::Server
