#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Encord {

/// One entry of a project's label-row listing (v1 `labelrowmetadata` GET, the SDK's
/// list_label_rows): a data row of the project with its label row, if one exists yet.
struct LabelRowMetadata
{
    std::optional<QString> labelHash; ///< unset while the data row has no labels
    QString dataHash;
    QString datasetHash;
    QString datasetTitle;
    QString dataTitle;
    QString dataType; ///< upper case, e.g. "IMAGE"
    std::optional<QString> dataLink;
    QString labelStatus; ///< LabelStatus, e.g. "LABELLED"
    std::optional<QString> annotationTaskStatus;
    std::optional<QString> backingItemUuid; ///< the storage item behind the data row
    std::optional<int> width;
    std::optional<int> height;
    std::optional<int> objectCount; ///< sent by the local server only
    std::optional<int> classificationCount;
    QJsonObject extra; ///< keys this type does not know

    static LabelRowMetadata fromJson(const QJsonObject &json);

    bool operator==(const LabelRowMetadata &) const = default;
};

} // namespace Encord
