#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

class QIODevice;

namespace Encord::Server {

/// Reads a JSON object whose one string member is too large to hold (a CVAT import's
/// "annotationsBase64": base64 of a file of any size) in bounded memory: that member's value
/// is decoded from base64 a block at a time into a device, and the other members are parsed
/// as usual.
///
/// Only the top level is scanned by hand; everything else goes through QJsonDocument. In the
/// large string only what base64 and JSON allow is accepted: the base64 alphabet, "\/", and
/// escaped line breaks (some encoders wrap their lines).
class Base64FieldSplitter
{
public:
    /// Splits the object read from @p in: member @p key's decoded value is written to @p out,
    /// the other members are returned. nullopt with @p error set when @p in is not such an
    /// object, the member is missing or repeated, its value is not base64, or writing fails.
    static std::optional<QJsonObject> split(QIODevice &in,
                                            QByteArrayView key,
                                            QIODevice &out,
                                            QString *error);
};

} // namespace Encord::Server
