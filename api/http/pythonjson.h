#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace Encord {

/// Serialises JSON the way Python's json.dumps does by default: ", " and ": " separators,
/// non-ASCII escaped as \uXXXX. Object keys come out in QJsonObject's (sorted) order.
/// Request bodies written this way are byte-identical to the SDK's whenever key order
/// agrees, which lets tests compare signatures with recorded SDK traffic.
class PythonJson
{
public:
    static QByteArray dumps(const QJsonValue &value);
};

} // namespace Encord
