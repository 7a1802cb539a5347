#include "jsonparser.h"

#include <QCoroFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace Encord {

Result<QJsonValue> JsonParser::parse(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return QJsonValue(QJsonValue::Null);
    QJsonParseError error;
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        const QJsonDocument document = QJsonDocument::fromJson(trimmed, &error);
        if (error.error == QJsonParseError::NoError)
            return document.isArray() ? QJsonValue(document.array())
                                      : QJsonValue(document.object());
    } else {
        // QJsonDocument only takes arrays and objects; wrap the bare strings, numbers and null
        // that v2 job endpoints answer (small, so the copy costs nothing).
        const QJsonDocument document = QJsonDocument::fromJson("[" + trimmed + "]", &error);
        if (error.error == QJsonParseError::NoError && document.array().size() == 1)
            return document.array().first();
    }
    return ApiError(ApiError::Kind::Protocol,
                    QStringLiteral("invalid JSON in the answer: %1").arg(error.errorString()));
}

QCoro::Task<Result<QJsonValue>> JsonParser::parseAsync(QByteArray body)
{
    if (body.size() < kOffThreadThreshold)
        co_return parse(body);
    // Named, not a temporary inside the co_await expression: GCC 12 destroys such
    // temporaries twice (GCC bug 100611), which here over-released the body's bytes.
    QFuture<Result<QJsonValue>> parsing =
        QtConcurrent::run([body = std::move(body)] { return parse(body); });
    co_return co_await parsing;
}

} // namespace Encord
