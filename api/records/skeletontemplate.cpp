#include "skeletontemplate.h"

#include "jsonreader.h"

namespace Encord {

SkeletonTemplate SkeletonTemplate::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    SkeletonTemplate skeletonTemplate;
    skeletonTemplate.name = reader.string("name");
    skeletonTemplate.width = reader.number("width");
    skeletonTemplate.height = reader.number("height");
    const QJsonObject vertices = reader.object("skeleton");
    for (auto it = vertices.constBegin(); it != vertices.constEnd(); ++it) {
        skeletonTemplate.skeleton.insert(it.key(),
                                         SkeletonTemplateCoordinate::fromJson(it->toObject()));
    }
    skeletonTemplate.skeletonEdges = reader.object("skeletonEdges");
    skeletonTemplate.featureNodeHash = reader.optionalString("feature_node_hash");
    skeletonTemplate.shape = reader.string("shape", skeletonTemplate.shape);
    skeletonTemplate.extra = reader.unconsumed();
    return skeletonTemplate;
}

QJsonObject SkeletonTemplate::toJson() const
{
    QJsonObject vertices;
    for (auto it = skeleton.constBegin(); it != skeleton.constEnd(); ++it)
        vertices.insert(it.key(), it->toJson());

    QJsonObject json{
        {QStringLiteral("name"), name},
        {QStringLiteral("width"), width},
        {QStringLiteral("height"), height},
        {QStringLiteral("skeleton"), vertices},
        {QStringLiteral("skeletonEdges"), skeletonEdges},
        {QStringLiteral("shape"), shape},
    };
    if (featureNodeHash)
        json.insert(QStringLiteral("feature_node_hash"), *featureNodeHash);
    Json::mergeExtra(json, extra);
    return json;
}

QString SkeletonTemplate::edgeColor(const QString &from, const QString &to) const
{
    return skeletonEdges.value(from)
        .toObject()
        .value(to)
        .toObject()
        .value(QLatin1StringView("color"))
        .toString();
}

} // namespace Encord
