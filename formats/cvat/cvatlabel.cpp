#include "cvatlabel.h"

#include <QHash>
#include <QRegularExpression>

namespace Encord::Cvat {

const CvatAttributeSpec *CvatLabel::attribute(const QString &name) const
{
    for (const CvatAttributeSpec &spec : attributes) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

void CvatLabel::parseSkeletonSvg(const QString &svg)
{
    // The SVG fragment is small and written by CVAT; a regular expression over its tags is
    // enough and avoids parsing a second XML document (it is not well-formed on its own).
    static const QRegularExpression tag(QStringLiteral("<(circle|line)\\b([^>]*)>"));
    static const QRegularExpression attribute(QStringLiteral("([\\w-]+)\\s*=\\s*\"([^\"]*)\""));
    QHash<QString, int> indexOfNodeId;
    skeletonNodes.clear();
    skeletonNodePositions.clear();
    skeletonEdges.clear();
    QList<QPair<QString, QString>> edgesById;
    for (auto match = tag.globalMatch(svg); match.hasNext();) {
        const QRegularExpressionMatch element = match.next();
        QHash<QString, QString> values;
        for (auto it = attribute.globalMatch(element.captured(2)); it.hasNext();) {
            const QRegularExpressionMatch pair = it.next();
            values.insert(pair.captured(1), pair.captured(2));
        }
        if (element.captured(1) == QLatin1String("circle")) {
            const QString name = values.value(QStringLiteral("data-label-name"));
            if (name.isEmpty())
                continue;
            indexOfNodeId.insert(values.value(QStringLiteral("data-node-id")),
                                 int(skeletonNodes.size()));
            skeletonNodes.append(name);
            skeletonNodePositions.append(QPointF(values.value(QStringLiteral("cx")).toDouble(),
                                                 values.value(QStringLiteral("cy")).toDouble()));
        } else {
            edgesById.append({values.value(QStringLiteral("data-node-from")),
                              values.value(QStringLiteral("data-node-to"))});
        }
    }
    for (const auto &[from, to] : edgesById) {
        if (indexOfNodeId.contains(from) && indexOfNodeId.contains(to))
            skeletonEdges.append({indexOfNodeId.value(from), indexOfNodeId.value(to)});
    }
}

} // namespace Encord::Cvat
