#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QJsonValue>

namespace Encord {

/// Parses response bodies; large ones on a worker thread so that a tens-of-megabytes answer
/// never stalls the GUI thread.
class JsonParser
{
public:
    /// Bodies larger than this are parsed off the calling thread.
    static constexpr qsizetype kOffThreadThreshold = 512 * 1024;

    /// An empty body parses as null (a 204, or a 200 the server left empty).
    static Result<QJsonValue> parse(const QByteArray &body);
    static QCoro::Task<Result<QJsonValue>> parseAsync(QByteArray body);
};

} // namespace Encord
