#include "uploadeditem.h"

#include "jsonreader.h"

namespace Encord {

UploadedItem UploadedItem::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    UploadedItem item;
    item.itemUuid = reader.string("itemUuid");
    item.name = reader.string("name");
    item.extra = reader.unconsumed();
    return item;
}

QJsonObject UploadedItem::toJson() const
{
    QJsonObject json{{QStringLiteral("itemUuid"), itemUuid}, {QStringLiteral("name"), name}};
    Json::mergeExtra(json, extra);
    return json;
}

} // namespace Encord
