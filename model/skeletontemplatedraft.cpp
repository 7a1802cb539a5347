#include "skeletontemplatedraft.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <limits>

namespace Encord {

namespace {

const QLatin1StringView kColor("color");

/// Numbers sort by value and before any key that is not one, as the SDK's keys are numbers.
bool keyLess(const QString &a, const QString &b)
{
    bool aIsNumber = false;
    bool bIsNumber = false;
    const qlonglong aValue = a.toLongLong(&aIsNumber);
    const qlonglong bValue = b.toLongLong(&bIsNumber);
    if (aIsNumber != bIsNumber)
        return aIsNumber;
    if (aIsNumber && aValue != bValue)
        return aValue < bValue;
    return a < b;
}

} // namespace

SkeletonTemplateDraft::SkeletonTemplateDraft(SkeletonTemplate skeletonTemplate)
    : m_template(std::move(skeletonTemplate))
{ }

SkeletonTemplate SkeletonTemplateDraft::blank(const QString &name)
{
    SkeletonTemplate skeleton;
    skeleton.name = name;
    skeleton.width = 1.0;
    skeleton.height = 1.0;
    return skeleton;
}

void SkeletonTemplateDraft::setFrame(double width, double height)
{
    m_template.width = width;
    m_template.height = height;
}

QStringList SkeletonTemplateDraft::keys() const
{
    QStringList result = m_template.skeleton.keys();
    std::sort(result.begin(), result.end(), keyLess);
    return result;
}

int SkeletonTemplateDraft::rowOfKey(const QString &key) const
{
    return int(keys().indexOf(key));
}

SkeletonTemplateCoordinate SkeletonTemplateDraft::keypoint(int row) const
{
    return m_template.skeleton.value(keys().value(row));
}

bool SkeletonTemplateDraft::setKeypoint(int row, const SkeletonTemplateCoordinate &keypoint)
{
    if (row < 0 || row >= keypointCount())
        return false;
    m_template.skeleton.insert(keys().at(row), keypoint);
    return true;
}

int SkeletonTemplateDraft::appendKeypoint(const SkeletonTemplateCoordinate &keypoint)
{
    qlonglong next = 0;
    for (const QString &key : m_template.skeleton.keys()) {
        bool isNumber = false;
        const qlonglong value = key.toLongLong(&isNumber);
        if (isNumber)
            next = std::max(next, value + 1);
    }
    const QString key = QString::number(next);
    m_template.skeleton.insert(key, keypoint);
    return rowOfKey(key);
}

bool SkeletonTemplateDraft::removeKeypoint(int row)
{
    const QStringList oldKeys = keys();
    if (row < 0 || row >= oldKeys.size())
        return false;
    const QString removed = oldKeys.at(row);

    QHash<QString, QString> renamed;
    QMap<QString, SkeletonTemplateCoordinate> vertices;
    for (const QString &key : oldKeys) {
        if (key == removed)
            continue;
        renamed.insert(key, QString::number(vertices.size()));
        vertices.insert(renamed.value(key), m_template.skeleton.value(key));
    }

    // Edges keep their fields; an end that named no keypoint keeps its key.
    QJsonObject edges;
    const QJsonObject &oldEdges = m_template.skeletonEdges;
    for (auto from = oldEdges.constBegin(); from != oldEdges.constEnd(); ++from) {
        if (from.key() == removed)
            continue;
        const QString newFrom = renamed.value(from.key(), from.key());
        QJsonObject targets = edges.value(newFrom).toObject();
        const QJsonObject oldTargets = from->toObject();
        for (auto to = oldTargets.constBegin(); to != oldTargets.constEnd(); ++to) {
            if (to.key() != removed)
                targets.insert(renamed.value(to.key(), to.key()), *to);
        }
        if (!targets.isEmpty())
            edges.insert(newFrom, targets);
    }
    m_template.skeleton = vertices;
    m_template.skeletonEdges = edges;
    return true;
}

QPointF SkeletonTemplateDraft::nextFreePosition() const
{
    // Fifths of the frame: positions a person reads at a glance.
    constexpr int side = 4;
    for (int spot = 0; spot < side * side; ++spot) {
        const QPointF position((spot % side + 1) / 5.0, (spot / side + 1) / 5.0);
        const bool taken = std::any_of(m_template.skeleton.cbegin(),
                                       m_template.skeleton.cend(),
                                       [&](const SkeletonTemplateCoordinate &keypoint) {
                                           return qAbs(keypoint.x - position.x()) < 0.01
                                                  && qAbs(keypoint.y - position.y()) < 0.01;
                                       });
        if (!taken)
            return position;
    }
    return {0.5, 0.5};
}

QList<SkeletonTemplateDraft::Edge> SkeletonTemplateDraft::edges() const
{
    QList<Edge> result;
    const QJsonObject &all = m_template.skeletonEdges;
    for (auto from = all.constBegin(); from != all.constEnd(); ++from) {
        const QJsonObject targets = from->toObject();
        for (auto to = targets.constBegin(); to != targets.constEnd(); ++to)
            result.append({from.key(), to.key(), to->toObject().value(kColor).toString()});
    }
    const QStringList order = keys();
    const auto rank = [&order](const QString &key) {
        const qsizetype row = order.indexOf(key);
        return row < 0 ? std::numeric_limits<qsizetype>::max() : row;
    };
    std::stable_sort(result.begin(), result.end(), [&](const Edge &a, const Edge &b) {
        return std::pair(rank(a.from), rank(a.to)) < std::pair(rank(b.from), rank(b.to));
    });
    return result;
}

int SkeletonTemplateDraft::edgeBetween(const QString &a, const QString &b) const
{
    const QList<Edge> all = edges();
    for (qsizetype row = 0; row < all.size(); ++row) {
        const Edge &edge = all.at(row);
        if ((edge.from == a && edge.to == b) || (edge.from == b && edge.to == a))
            return int(row);
    }
    return -1;
}

int SkeletonTemplateDraft::setEdge(const Edge &edge)
{
    QJsonObject targets = m_template.skeletonEdges.value(edge.from).toObject();
    QJsonObject fields = targets.value(edge.to).toObject();
    fields.insert(kColor, edge.color);
    targets.insert(edge.to, fields);
    m_template.skeletonEdges.insert(edge.from, targets);
    return int(edges().indexOf(Edge{edge.from, edge.to, edge.color}));
}

bool SkeletonTemplateDraft::removeEdgeAt(int row)
{
    const QList<Edge> all = edges();
    if (row < 0 || row >= all.size())
        return false;
    const Edge &edge = all.at(row);
    QJsonObject targets = m_template.skeletonEdges.value(edge.from).toObject();
    targets.remove(edge.to);
    if (targets.isEmpty())
        m_template.skeletonEdges.remove(edge.from);
    else
        m_template.skeletonEdges.insert(edge.from, targets);
    return true;
}

std::optional<std::pair<int, int>> SkeletonTemplateDraft::nextFreePair() const
{
    const QStringList order = keys();
    for (int to = 1; to < order.size(); ++to) {
        if (edgeBetween(order.at(to - 1), order.at(to)) < 0)
            return std::pair(to - 1, to);
    }
    for (int from = 0; from < order.size(); ++from) {
        for (int to = from + 1; to < order.size(); ++to) {
            if (edgeBetween(order.at(from), order.at(to)) < 0)
                return std::pair(from, to);
        }
    }
    return std::nullopt;
}

QList<SkeletonTemplateDraft::Problem> SkeletonTemplateDraft::problems() const
{
    using Part = Problem::Part;
    QList<Problem> found;
    if (!(m_template.width > 0.0) || !(m_template.height > 0.0))
        found.append({Part::Frame, -1, tr("Width and height must be above 0.")});

    const QStringList order = keys();
    if (order.isEmpty())
        found.append({Part::Keypoints, -1, tr("Add at least one keypoint.")});
    QStringList seen;
    for (int row = 0; row < order.size(); ++row) {
        const QString name = m_template.skeleton.value(order.at(row)).name.trimmed();
        if (name.isEmpty()) {
            found.append({Part::Keypoints, row, tr("Keypoint %1 needs a name.").arg(row + 1)});
        } else if (seen.contains(name)) {
            // Annotations carry keypoint names; the SDK matches them to the template by name.
            found.append(
                {Part::Keypoints,
                 row,
                 tr("Two keypoints are called \u201c%1\u201d: give each its own name.").arg(name)});
        }
        seen.append(name);
    }

    const QList<Edge> all = edges();
    const auto nameOf = [this, &order](int row) {
        const QString name = m_template.skeleton.value(order.at(row)).name;
        return name.isEmpty() ? tr("keypoint %1").arg(row + 1) : name;
    };
    for (int row = 0; row < all.size(); ++row) {
        const Edge &edge = all.at(row);
        const int from = int(order.indexOf(edge.from));
        const int to = int(order.indexOf(edge.to));
        if (from < 0 || to < 0) {
            found.append({Part::Edges,
                          row,
                          tr("Edge %1 joins a keypoint the template does not have.").arg(row + 1)});
        } else if (from == to) {
            found.append(
                {Part::Edges,
                 row,
                 tr("Edge %1 joins \u201c%2\u201d to itself.").arg(row + 1).arg(nameOf(from))});
        } else if (edgeBetween(edge.from, edge.to) != row) {
            found.append({Part::Edges,
                          row,
                          tr("\u201c%1\u201d and \u201c%2\u201d are joined twice.")
                              .arg(nameOf(from), nameOf(to))});
        }
    }
    return found;
}

} // namespace Encord
