#pragma once

#include "auth/privatekey.h"
#include "client/encordclient.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace Encord::Server {
class LocalServer;
}

namespace Encord::Testing {

/// A real local workspace server on a loopback port for the form suites, with an organisation
/// admin ("admin") and an ordinary member ("member").
class FormTestWorkspace
{
public:
    FormTestWorkspace();
    ~FormTestWorkspace();
    FormTestWorkspace(const FormTestWorkspace &) = delete;
    FormTestWorkspace &operator=(const FormTestWorkspace &) = delete;

    const EncordClient &admin() const { return *m_admin; }
    const EncordClient &member() const { return *m_member; }
    Server::LocalServer &server() const { return *m_server; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Server::LocalServer> m_server;
    std::optional<EncordClient> m_admin;
    std::optional<EncordClient> m_member;
};

} // namespace Encord::Testing
