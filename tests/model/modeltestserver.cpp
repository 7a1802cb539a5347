#include "modeltestserver.h"

#include "auth/publickey.h"
#include "localserver.h"
#include "sqlitedatabase.h"
#include "userstore.h"
#include "workspace.h"

#include <QBuffer>
#include <QColor>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QLoggingCategory>

namespace Encord::Testing {

ModelTestServer::ModelTestServer() = default;

ModelTestServer::~ModelTestServer()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

bool ModelTestServer::start()
{
    // One line per request drowns the test log.
    QLoggingCategory::setFilterRules(QStringLiteral("encord.server*.info=false"));
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    m_server = std::make_unique<Server::LocalServer>(m_dir.filePath(QStringLiteral("workspace")));
    if (!m_server->start()) {
        m_error = m_server->errorString();
        return false;
    }
    const PrivateKey aliceKey = PrivateKey::generate();
    const PrivateKey bobKey = PrivateKey::generate();
    Server::UserStore users(m_server->workspace()->database());
    users.add(
        QStringLiteral("alice@example.com"), *PublicKey::fromRaw(aliceKey.publicKeyRaw()), false);
    users.add(QStringLiteral("bob@example.com"), *PublicKey::fromRaw(bobKey.publicKeyRaw()), false);

    RequestsSettings settings;
    settings.backoffFactor = 0.01;
    m_alice.emplace(aliceKey, QUrl(m_server->baseUrl()), settings);
    m_bob.emplace(bobKey, QUrl(m_server->baseUrl()), settings);
    return true;
}

void ModelTestServer::stop()
{
    m_server->stop();
}

Result<QStringList, QString> ModelTestServer::uploadImages(const EncordClient &client,
                                                           const QString &folderUuid,
                                                           int count,
                                                           const QString &prefix) const
{
    const auto urls =
        QCoro::waitFor(client.getFolderUploadUrls(folderUuid, StorageItemType::Image, count));
    if (!urls.ok())
        return urls.error().message();
    if (urls->size() != count)
        return QStringLiteral("asked for %1 upload URLs, got %2").arg(count).arg(urls->size());

    QTemporaryDir files;
    QJsonArray images;
    for (int i = 0; i < count; ++i) {
        const UploadSignedUrl &url = urls->at(i);
        const QString name = prefix + QStringLiteral("%1.png").arg(i, 3, 10, QLatin1Char('0'));
        const QString path = files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(path);
        // A real PNG (16 × 12, one colour per file, hue from i) padded to 1000 + i bytes:
        // decoders stop at the image's end, and sizes stay predictable for the tests.
        QImage picture(16, 12, QImage::Format_RGB32);
        picture.fill(imageColor(i));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        picture.save(&buffer, "PNG");
        bytes.append(QByteArray(std::max<qsizetype>(0, 1000 + i - bytes.size()), '\0'));
        file.write(bytes);
        file.close();
        const auto put = QCoro::waitFor(client.uploadFileToSignedUrl(url.signedUrl, path));
        if (!put.ok())
            return put.error().message();
        images.append(QJsonObject{
            {QStringLiteral("objectUrl"), url.objectKey},
            {QStringLiteral("title"), name},
            {QStringLiteral("clientMetadata"), QJsonObject{{QStringLiteral("index"), i}}},
            {QStringLiteral("placeholderItemUuid"), url.itemUuid}});
    }
    const QJsonObject items{{QStringLiteral("images"), images}};
    const auto job = QCoro::waitFor(client.startDataUploadJob(folderUuid, items));
    if (!job.ok())
        return job.error().message();
    const auto state = QCoro::waitFor(
        client.dataUploadJobResult(folderUuid, job.value(), std::chrono::seconds(30)));
    if (!state.ok())
        return state.error().message();
    if (state->status.value() != UploadJobStatus::Done)
        return QStringLiteral("upload job did not finish");
    QStringList uuids;
    for (const auto &item : state->itemsWithNames)
        uuids.append(item.itemUuid);
    return uuids;
}

QColor ModelTestServer::imageColor(int index)
{
    return QColor::fromHsv((index * 37) % 360, 200, 220);
}

void ModelTestServer::addGroup(const QString &hash,
                               const QString &name,
                               const QString &description) const
{
    m_server->workspace()->database().exec(
        QStringLiteral("INSERT INTO groups (hash, name, description, created_at) "
                       "VALUES (?, ?, ?, ?)"),
        {hash, name, description, QDateTime::currentMSecsSinceEpoch()});
}

} // namespace Encord::Testing
