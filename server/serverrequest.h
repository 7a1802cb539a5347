#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Encord::Server {

/// An HTTP request as the route handlers see it, independent of the HTTP library.
struct ServerRequest
{
    QByteArray method; ///< upper case
    QByteArray target; ///< the raw request target of the request line (path + ?query)
    QString path;      ///< percent-decoded path, no query
    QList<std::pair<QString, QString>> query;         ///< decoded, in order, repeated keys kept
    QList<std::pair<QByteArray, QByteArray>> headers; ///< names lower-cased
    QByteArray body;
    /// A body too large to buffer, spooled by the HTTP front into this file (body is then
    /// empty), and its SHA-256 as it was received.
    QString bodyFile;
    QByteArray bodyFileSha256;
    QString peer; ///< remote address, for logging

    /// SHA-256 of the body, buffered or spooled: what signatures cover.
    QByteArray bodySha256() const
    {
        return bodyFile.isEmpty() ? QCryptographicHash::hash(body, QCryptographicHash::Sha256)
                                  : bodyFileSha256;
    }

    /// The first value of header @p name (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &entry : headers) {
            if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    /// The first value of query parameter @p name, or a null string.
    QString queryValue(const QString &name) const
    {
        for (const auto &[key, value] : query) {
            if (key == name)
                return value;
        }
        return {};
    }
    bool hasQuery(const QString &name) const
    {
        for (const auto &entry : query) {
            if (entry.first == name)
                return true;
        }
        return false;
    }
    /// Every value of a repeated query parameter.
    QStringList queryValues(const QString &name) const
    {
        QStringList values;
        for (const auto &[key, value] : query) {
            if (key == name)
                values.append(value);
        }
        return values;
    }
};

} // namespace Encord::Server
