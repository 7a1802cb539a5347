#pragma once

#include <QJsonObject>
#include <QString>

namespace Encord {

/// Where to PUT one file before registering it (spec §4.6, §3.4, §5.3): an element of
/// `upload-signed-urls` and `presigned-urls` pages.
struct UploadSignedUrl
{
    QString itemUuid; ///< placeholder item
    QString objectKey;
    QString signedUrl;
    QJsonObject extra; ///< keys this type does not know

    static UploadSignedUrl fromJson(const QJsonObject &json);
    /// {"itemUuid", "objectKey", "signedUrl"}
    QJsonObject toJson() const;

    bool operator==(const UploadSignedUrl &) const = default;
};

} // namespace Encord
