#pragma once

#include "skeletontablemodel.h"

namespace Encord {

/// The keypoints of an object's skeleton template, one row each in SkeletonTemplateDraft's
/// order: name, x and y (fractions of the template's width and height, 0 to 1), colour.
///
/// Roles: Display gives text ("0.25", "#D33115"); Edit gives the name, a double for x and y,
/// a QColor for the colour (settable); Decoration gives the colour's QColor; ToolTip and
/// ProblemRole say what is wrong with the keypoint.
class SkeletonKeypointModel final : public SkeletonTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkeletonKeypointModel)

public:
    enum Column {
        NameColumn,
        XColumn,
        YColumn,
        ColorColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit SkeletonKeypointModel(OntologyEditModel *source, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    /// Every cell is editable in a model that is not read-only, but for the colour: a view
    /// offers a colour dialog for it and calls setData().
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    int rowsIn(const SkeletonTemplateDraft &draft) const override;
    SkeletonTemplateDraft::Problem::Part part() const override;
};

} // namespace Encord
