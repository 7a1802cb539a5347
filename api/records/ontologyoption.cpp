#include "ontologyoption.h"

#include "jsonreader.h"
#include "ontologyattribute.h"

namespace Encord {

OntologyOption::OntologyOption() = default;
OntologyOption::OntologyOption(const OntologyOption &other) = default;
OntologyOption::OntologyOption(OntologyOption &&other) noexcept = default;
OntologyOption &OntologyOption::operator=(const OntologyOption &other) = default;
OntologyOption &OntologyOption::operator=(OntologyOption &&other) noexcept = default;
OntologyOption::~OntologyOption() = default;

OntologyOption OntologyOption::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    OntologyOption option;
    const QJsonValue id = reader.value("id");
    option.id = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
    option.label = reader.string("label");
    option.value = reader.string("value");
    option.featureNodeHash = reader.string("featureNodeHash");
    option.archived = reader.boolean("archived");
    option.attributes = reader.records<OntologyAttribute>("options");
    option.extra = reader.unconsumed();
    return option;
}

QJsonObject OntologyOption::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("label"), label},
        {QStringLiteral("value"), value},
        {QStringLiteral("featureNodeHash"), featureNodeHash},
        {QStringLiteral("archived"), archived},
    };
    if (!attributes.isEmpty()) {
        json.insert(QStringLiteral("options"),
                    Json::toArray(attributes, [](const OntologyAttribute &attribute) {
                        return attribute.toJson();
                    }));
    }
    Json::mergeExtra(json, extra);
    return json;
}

bool OntologyOption::operator==(const OntologyOption &other) const
{
    return id == other.id && label == other.label && value == other.value
           && featureNodeHash == other.featureNodeHash && archived == other.archived
           && attributes == other.attributes && extra == other.extra;
}

} // namespace Encord
