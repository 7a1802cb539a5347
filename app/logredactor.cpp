#include "logredactor.h"

#include <QRegularExpression>

namespace Encord {

namespace {

const QString kRedacted = QStringLiteral("[redacted]");

struct Rule
{
    QRegularExpression pattern;
    QString replacement;
};

const QList<Rule> &rules()
{
    static const QList<Rule> all = [] {
        const auto rx = [](const char *pattern) {
            return QRegularExpression(QString::fromLatin1(pattern),
                                      QRegularExpression::CaseInsensitiveOption
                                          | QRegularExpression::DotMatchesEverythingOption);
        };
        return QList<Rule>{
            // A PEM or OpenSSH key block, whole, or from its start when the end was cut off.
            {rx("-----BEGIN [A-Z0-9 ]*(PRIVATE KEY|SIGNATURE)-----.*?(-----END [A-Z0-9 ]*-----|$)"),
             kRedacted},
            // Signed upload and download URLs carry their signature in the query string.
            {rx("\\b((?:https?|s3|gs)://[^\\s?#\"']+)\\?[^\\s\"']*"),
             QStringLiteral("\\1?") + kRedacted},
            // Header values and assignments, quoted ("…" or '…') or up to a separator.
            {rx("\\b(authorization|proxy-authorization|x-api-key)(\"?\\s*[:=]\\s*)"
                "(\"[^\"]*\"|'[^']*'|(?:(?:bearer|basic)\\s+)?[^\\s\",]+)"),
             QStringLiteral("\\1\\2") + kRedacted},
            {rx("\\b(passphrase|password|secret|token|api[_-]?key|private[_-]?key|signature)"
                "(\"?\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s\",&]+)"),
             QStringLiteral("\\1\\2") + kRedacted},
            // 32 bytes or more in hexadecimal: a raw key, a seed or a signature.
            {rx("\\b[0-9a-f]{64,}\\b"), kRedacted},
        };
    }();
    return all;
}

} // namespace

QString LogRedactor::redact(const QString &message)
{
    QString out = message;
    for (const Rule &rule : rules())
        out.replace(rule.pattern, rule.replacement);
    return out;
}

} // namespace Encord
