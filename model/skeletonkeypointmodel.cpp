#include "skeletonkeypointmodel.h"

#include "ontologyeditmodel.h"

#include <QColor>
#include <QLocale>

namespace Encord {

SkeletonKeypointModel::SkeletonKeypointModel(OntologyEditModel *source, QObject *parent)
    : SkeletonTableModel(source, parent)
{ }

int SkeletonKeypointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags SkeletonKeypointModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = SkeletonTableModel::flags(index);
    return index.column() == ColorColumn ? base & ~Qt::ItemIsEditable : base;
}

int SkeletonKeypointModel::rowsIn(const SkeletonTemplateDraft &draft) const
{
    return draft.keypointCount();
}

SkeletonTemplateDraft::Problem::Part SkeletonKeypointModel::part() const
{
    return SkeletonTemplateDraft::Problem::Part::Keypoints;
}

QVariant SkeletonKeypointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SkeletonTemplateCoordinate keypoint = draft().keypoint(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return keypoint.name;
        case XColumn:
        case YColumn: {
            const double value = index.column() == XColumn ? keypoint.x : keypoint.y;
            if (role == Qt::EditRole)
                return value;
            return QLocale().toString(value, 'g', 4);
        }
        case ColorColumn:
            return role == Qt::EditRole ? QVariant(QColor(keypoint.color))
                                        : QVariant(keypoint.color);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == ColorColumn)
            return QColor(keypoint.color);
        return {};
    case Qt::ToolTipRole:
    case ProblemRole:
        return problemOf(index.row());
    default:
        return {};
    }
}

bool SkeletonKeypointModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int row = index.row();
    const SkeletonTemplateCoordinate keypoint = draft().keypoint(row);
    switch (index.column()) {
    case NameColumn:
        return source()->setKeypointName(object(), row, value.toString());
    case XColumn:
        return source()->setKeypointPosition(object(), row, {value.toDouble(), keypoint.y});
    case YColumn:
        return source()->setKeypointPosition(object(), row, {keypoint.x, value.toDouble()});
    case ColorColumn:
        return source()->setKeypointColor(object(), row, value.value<QColor>());
    default:
        return false;
    }
}

QVariant SkeletonKeypointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const bool position = section == XColumn || section == YColumn;
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal && position)
        return tr("A fraction of the template's size, from 0 to 1");
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case NameColumn:
        return tr("Name");
    case XColumn:
        return tr("X");
    case YColumn:
        return tr("Y");
    case ColorColumn:
        return tr("Colour");
    default:
        return {};
    }
}

} // namespace Encord
