#include "skeletonedgemodel.h"

#include "ontologyeditmodel.h"

#include <QColor>

namespace Encord {

SkeletonEdgeModel::SkeletonEdgeModel(OntologyEditModel *source, QObject *parent)
    : SkeletonTableModel(source, parent)
{ }

int SkeletonEdgeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags SkeletonEdgeModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = SkeletonTableModel::flags(index);
    return index.column() == ColorColumn ? base & ~Qt::ItemIsEditable : base;
}

int SkeletonEdgeModel::rowsIn(const SkeletonTemplateDraft &draft) const
{
    return int(draft.edges().size());
}

SkeletonTemplateDraft::Problem::Part SkeletonEdgeModel::part() const
{
    return SkeletonTemplateDraft::Problem::Part::Edges;
}

QString SkeletonEdgeModel::keypointLabel(const QString &key) const
{
    const int row = draft().rowOfKey(key);
    if (row < 0)
        return tr("(missing keypoint %1)").arg(key);
    const QString name = draft().keypoint(row).name;
    return name.isEmpty() ? tr("Keypoint %1").arg(row + 1) : name;
}

QVariant SkeletonEdgeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SkeletonTemplateDraft::Edge edge = draft().edges().at(index.row());
    const bool end = index.column() == FromColumn || index.column() == ToColumn;
    const QString &key = index.column() == FromColumn ? edge.from : edge.to;
    switch (role) {
    case Qt::DisplayRole:
        if (end)
            return keypointLabel(key);
        return index.column() == ColorColumn ? QVariant(edge.color) : QVariant();
    case Qt::EditRole:
        if (end)
            return draft().rowOfKey(key);
        return index.column() == ColorColumn ? QVariant(QColor(edge.color)) : QVariant();
    case Qt::DecorationRole:
        return index.column() == ColorColumn ? QVariant(QColor(edge.color)) : QVariant();
    case ChoicesRole: {
        if (!end)
            return {};
        QStringList names;
        for (const QString &each : draft().keys())
            names.append(keypointLabel(each));
        return names;
    }
    case Qt::ToolTipRole:
    case ProblemRole:
        return problemOf(index.row());
    default:
        return {};
    }
}

bool SkeletonEdgeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int row = index.row();
    const SkeletonTemplateDraft::Edge edge = draft().edges().at(row);
    const int from = draft().rowOfKey(edge.from);
    const int to = draft().rowOfKey(edge.to);
    switch (index.column()) {
    case FromColumn:
        return source()->setEdgeEnds(object(), row, value.toInt(), to);
    case ToColumn:
        return source()->setEdgeEnds(object(), row, from, value.toInt());
    case ColorColumn:
        return source()->setEdgeColor(object(), row, value.value<QColor>());
    default:
        return false;
    }
}

QVariant SkeletonEdgeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case ColorColumn:
        return tr("Colour");
    default:
        return {};
    }
}

} // namespace Encord
