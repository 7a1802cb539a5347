#pragma once

#include <QString>

#include <exception>

namespace Encord::Server {

/// An application error raised while serving a request. The v1 and v2 front ends turn it
/// into their own envelope: v1 {"status", "response": [code], "payload": message}, v2
/// {"message", "detail"}, both with httpStatus.
class RequestError : public std::exception
{
public:
    RequestError(int httpStatus, QString v1Code, QString message)
        : m_status(httpStatus)
        , m_code(std::move(v1Code))
        , m_message(std::move(message))
    { }

    /// A resource that does not exist or that the caller cannot see (deliberately the same).
    static RequestError notFound(const QString &what)
    {
        return {404, QStringLiteral("RESOURCE_NOT_FOUND_ERROR"), what};
    }
    static RequestError invalidArgument(const QString &message)
    {
        return {400, QStringLiteral("INVALID_ARGUMENTS_ERROR"), message};
    }
    static RequestError invalidDate(const QString &message)
    {
        return {400, QStringLiteral("INVALID_DATE_FORMAT_ERROR"), message};
    }
    static RequestError forbidden(const QString &message)
    {
        return {403, QStringLiteral("AUTHORISATION_ERROR"), message};
    }
    static RequestError notSupported(const QString &message)
    {
        return {400, QStringLiteral("OPERATION_NOT_ALLOWED"), message};
    }
    static RequestError methodNotAllowed(const QString &message)
    {
        return {405, QStringLiteral("METHOD_NOT_ALLOWED_ERROR"), message};
    }

    int httpStatus() const { return m_status; }
    const QString &v1Code() const { return m_code; }
    const QString &message() const { return m_message; }
    const char *what() const noexcept override { return "request error"; }

private:
    int m_status;
    QString m_code;
    QString m_message;
};

} // namespace Encord::Server
