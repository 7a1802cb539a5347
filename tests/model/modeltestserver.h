#pragma once

#include "auth/privatekey.h"
#include "client/encordclient.h"

#include <QColor>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace Encord::Server {
class LocalServer;
}

namespace Encord::Testing {

/// A real local workspace server on a loopback port, in a temporary folder, with two
/// registered users (alice and bob, neither an organisation admin), for the model suites.
class ModelTestServer
{
public:
    ModelTestServer();
    ~ModelTestServer();
    ModelTestServer(const ModelTestServer &) = delete;
    ModelTestServer &operator=(const ModelTestServer &) = delete;

    /// Starts the server and registers the users; false with errorString() on failure.
    bool start();
    /// Stops the server: every later call of a client ends in a network error.
    void stop();
    QString errorString() const { return m_error; }

    Server::LocalServer &server() const { return *m_server; }
    /// Clients with quick retries, so that error paths stay fast.
    EncordClient alice() const { return *m_alice; }
    EncordClient bob() const { return *m_bob; }

    /// Uploads @p count small PNG images into @p folderUuid through signed URLs and one upload
    /// job, named "<prefix>NNN.png" (NNN from 000), file i being 1000 + i bytes, with the
    /// client metadata {"index": i}. Returns the item uuids in order, or an error text.
    Result<QStringList, QString> uploadImages(const EncordClient &client,
                                              const QString &folderUuid,
                                              int count,
                                              const QString &prefix) const;

    /// The colour of every pixel of the image uploadImages() writes as file @p index.
    static QColor imageColor(int index);

    /// Adds a user group straight to the workspace database (the protocol cannot create one).
    void addGroup(const QString &hash, const QString &name, const QString &description) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Server::LocalServer> m_server;
    std::optional<EncordClient> m_alice;
    std::optional<EncordClient> m_bob;
    QString m_error;
};

} // namespace Encord::Testing

/// Verifies that an api Result succeeded, failing with the error's message otherwise.
#define ENCORD_VERIFY_OK(result) \
    QVERIFY2((result).ok(), (result).ok() ? "" : qPrintable((result).error().message()))
