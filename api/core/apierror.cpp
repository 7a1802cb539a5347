#include "apierror.h"

#include <QCoreApplication>

namespace Encord {

ApiError::ApiError(Kind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
{ }

QString ApiError::userMessage() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Encord::ApiError", text);
    };
    QString sentence;
    switch (m_kind) {
    case Kind::Network:
        sentence = tr("Could not reach the server. Check the address and your network "
                      "connection, then try again.");
        break;
    case Kind::Timeout:
        sentence = tr("The server did not answer in time. Try again in a moment.");
        break;
    case Kind::Cancelled:
        sentence = tr("The request was cancelled.");
        break;
    case Kind::Authentication:
        sentence = tr("The server did not accept your key. Check that its public key is "
                      "registered with your Encord account.");
        break;
    case Kind::Authorisation:
        sentence = tr("You do not have permission for this. Ask an administrator of the "
                      "resource for access.");
        break;
    case Kind::NotFound:
        sentence = tr("It was not found. It may have been deleted, or it is not shared "
                      "with you.");
        break;
    case Kind::InvalidArgument:
        sentence = tr("The server refused the request. Correct the values and try again.");
        break;
    case Kind::Conflict:
        sentence = tr("It already exists. Choose another name or use the existing one.");
        break;
    case Kind::RateLimited:
        sentence = tr("The server is receiving too many requests. Wait a little and try "
                      "again.");
        break;
    case Kind::PayloadTooLarge:
        sentence = tr("The request is too large for the server. Send fewer or smaller "
                      "files at once.");
        break;
    case Kind::MethodNotAllowed:
        sentence = tr("The server does not offer this operation.");
        break;
    case Kind::ServerFault:
        sentence = tr("The server ran into a problem. Try again later; if it persists, "
                      "contact the server's administrator.");
        break;
    case Kind::Protocol:
        sentence = tr("The server's answer could not be understood. Check that the "
                      "address points to an Encord server.");
        break;
    }
    if (!m_message.isEmpty() && m_kind != Kind::Cancelled)
        sentence += QLatin1Char(' ') + tr("Server said: \"%1\"").arg(m_message);
    return sentence;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Authentication:
        return QStringLiteral("authentication");
    case Kind::Authorisation:
        return QStringLiteral("authorisation");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::PayloadTooLarge:
        return QStringLiteral("payload-too-large");
    case Kind::MethodNotAllowed:
        return QStringLiteral("method-not-allowed");
    case Kind::ServerFault:
        return QStringLiteral("server-fault");
    case Kind::Protocol:
        return QStringLiteral("protocol");
    }
    return QStringLiteral("unknown");
}

} // namespace Encord
