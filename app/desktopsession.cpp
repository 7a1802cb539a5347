#include "desktopsession.h"

#include <QCoreApplication>
#include <QDir>

namespace Encord {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Encord::DesktopSession", text);
}

} // namespace

DesktopSession::~DesktopSession()
{
    close();
}

void DesktopSession::close()
{
    // Calls still in flight end as Cancelled before the server below them goes away.
    if (m_client)
        m_client->cancelAll();
    m_client.reset();
    m_workspace.reset();
}

bool DesktopSession::open(const ConnectionProfile &profile, const PassphrasePrompt &askPassphrase)
{
    close();
    m_profile = profile;
    m_error.clear();
    m_warnings.clear();

    if (profile.kind == ConnectionProfile::Kind::LocalWorkspace) {
        m_workspace = LocalWorkspace::open(profile.workspaceDir, &m_error);
        if (!m_workspace)
            return false;
        m_client = m_workspace->client();
        return true;
    }

    QByteArray passphrase;
    for (;;) {
        auto key = profile.keySource == ConnectionProfile::KeySource::Environment
                       ? PrivateKey::fromEnvironment(passphrase)
                       : PrivateKey::fromFile(profile.keyFile, passphrase);
        if (key.ok()) {
            m_warnings = key->warnings();
            m_client.emplace(std::move(key).value(),
                             profile.domain.isValid() ? profile.domain
                                                      : EncordClient::defaultDomain());
            return true;
        }
        const auto code = key.error().code();
        const bool askAgain =
            (code == KeyError::Code::PassphraseRequired || code == KeyError::Code::WrongPassphrase)
            && askPassphrase;
        if (!askAgain) {
            m_error = key.error().message();
            return false;
        }
        const auto answer = askPassphrase(key.error().message());
        if (!answer) {
            m_error = tr("No passphrase given, so the key could not be opened.");
            return false;
        }
        passphrase = *answer;
    }
}

QString DesktopSession::location() const
{
    if (m_workspace)
        return QDir::toNativeSeparators(m_workspace->directory());
    return m_client ? m_client->domain().toDisplayString() : QString();
}

} // namespace Encord
