#include "integrationstore.h"

#include "requesterror.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QUuid>

namespace Encord::Server {

IntegrationStore::IntegrationStore(SqliteDatabase &db)
    : m_db(db)
{ }

IntegrationRecord IntegrationStore::add(const QString &title, const QString &rootFolder)
{
    const QString root = QFileInfo(rootFolder).canonicalFilePath();
    if (title.trimmed().isEmpty())
        throw RequestError::invalidArgument(QStringLiteral("An integration needs a title."));
    if (root.isEmpty() || !QFileInfo(root).isDir())
        throw RequestError::invalidArgument(
            QStringLiteral("%1 is not an existing folder.").arg(rootFolder));
    SqliteTransaction transaction(m_db);
    if (m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM cloud_integrations WHERE title = ?"),
                    {title})
        > 0)
        throw RequestError(409,
                           QStringLiteral("RESOURCE_EXISTS_ERROR"),
                           QStringLiteral("An integration with this title already exists."));
    const IntegrationRecord record{QUuid::createUuid().toString(QUuid::WithoutBraces), title, root};
    m_db.exec(QStringLiteral("INSERT INTO cloud_integrations (uuid, title, root, created_at) "
                             "VALUES (?,?,?,?)"),
              {record.uuid, title, root, TimeFormat::nowMs()});
    transaction.commit();
    return record;
}

QList<IntegrationRecord> IntegrationStore::list() const
{
    SqliteStatement row = m_db.prepare(QStringLiteral(
        "SELECT uuid, title, root FROM cloud_integrations ORDER BY created_at, rowid"));
    QList<IntegrationRecord> result;
    while (row.next())
        result.append({row.text(0), row.text(1), row.text(2)});
    return result;
}

std::optional<IntegrationRecord> IntegrationStore::find(const QString &uuid) const
{
    SqliteStatement row = m_db.prepare(
        QStringLiteral("SELECT uuid, title, root FROM cloud_integrations WHERE uuid = ?"), {uuid});
    if (!row.next())
        return std::nullopt;
    return IntegrationRecord{row.text(0), row.text(1), row.text(2)};
}

QString IntegrationStore::resolve(const IntegrationRecord &integration, const QString &fileUrl)
{
    const QUrl url(fileUrl, QUrl::StrictMode);
    if (!url.isValid() || !url.isLocalFile())
        return {};
    // canonicalFilePath resolves links and "..", so the prefix test sees the real location.
    const QString path = QFileInfo(url.toLocalFile()).canonicalFilePath();
    if (path.isEmpty())
        return {};
    const QString root = integration.root.endsWith(QLatin1Char('/'))
                             ? integration.root
                             : integration.root + QLatin1Char('/');
    return path.startsWith(root) ? path : QString();
}

} // namespace Encord::Server
