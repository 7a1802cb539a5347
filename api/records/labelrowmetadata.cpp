#include "labelrowmetadata.h"

#include "jsonreader.h"

namespace Encord {

LabelRowMetadata LabelRowMetadata::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    LabelRowMetadata row;
    row.labelHash = reader.optionalString("label_hash");
    row.dataHash = reader.string("data_hash");
    row.datasetHash = reader.string("dataset_hash");
    row.datasetTitle = reader.string("dataset_title");
    row.dataTitle = reader.string("data_title");
    row.dataType = reader.string("data_type");
    row.dataLink = reader.optionalString("data_link");
    row.labelStatus = reader.string("label_status");
    row.annotationTaskStatus = reader.optionalString("annotation_task_status");
    row.backingItemUuid = reader.optionalString("backing_item_uuid");
    row.width = reader.optionalInt("width");
    row.height = reader.optionalInt("height");
    row.objectCount = reader.optionalInt("object_count");
    row.classificationCount = reader.optionalInt("classification_count");
    row.extra = reader.unconsumed();
    return row;
}

} // namespace Encord
