#pragma once

#include <QString>

namespace Encord {

/// Takes secrets out of a log line before it is written anywhere: private key blocks, signed
/// URLs' query strings, Authorization header values, passphrase / password / token / key
/// assignments, and long hexadecimal runs (signatures, raw keys). The layers already avoid
/// logging these; this is the last guard, for messages from code that does not know better.
class LogRedactor final
{
public:
    LogRedactor() = delete;

    /// @p message with every secret replaced by "[redacted]".
    static QString redact(const QString &message);
};

} // namespace Encord
