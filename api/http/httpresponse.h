#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Encord {

/// An HTTP answer as the transport received it (after retries).
struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    /// The X-Cloud-Trace-Context id that was sent, for error reports.
    QString traceId;

    bool isSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace Encord
