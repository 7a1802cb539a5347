#include "formtestworkspace.h"

#include "auth/publickey.h"
#include "localserver.h"
#include "userstore.h"
#include "workspace.h"

#include <QLoggingCategory>

namespace Encord::Testing {

FormTestWorkspace::FormTestWorkspace()
{
    QLoggingCategory::setFilterRules(QStringLiteral("encord.server*.info=false"));
    m_server = std::make_unique<Server::LocalServer>(m_dir.filePath(QStringLiteral("workspace")));
    if (!m_server->start())
        qFatal("the server did not start: %s", qPrintable(m_server->errorString()));
    const PrivateKey adminKey = PrivateKey::generate();
    const PrivateKey memberKey = PrivateKey::generate();
    Server::UserStore users(m_server->workspace()->database());
    users.add(
        QStringLiteral("admin@example.com"), *PublicKey::fromRaw(adminKey.publicKeyRaw()), true);
    users.add(
        QStringLiteral("member@example.com"), *PublicKey::fromRaw(memberKey.publicKeyRaw()), false);
    RequestsSettings quick;
    quick.backoffFactor = 0.01;
    m_admin.emplace(adminKey, QUrl(m_server->baseUrl()), quick);
    m_member.emplace(memberKey, QUrl(m_server->baseUrl()), quick);
}

FormTestWorkspace::~FormTestWorkspace()
{
    m_admin.reset();
    m_member.reset();
    m_server.reset();
}

} // namespace Encord::Testing
