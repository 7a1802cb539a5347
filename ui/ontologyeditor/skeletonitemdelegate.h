#pragma once

#include <QStyledItemDelegate>

namespace Encord {

/// Edits the cells of the skeleton tables (SkeletonKeypointModel, SkeletonEdgeModel): a spin
/// box from 0 to 1 for a position, a list of keypoints for a cell with ChoicesRole, a line
/// edit for a name. Cells with a problem (ProblemRole) are drawn in the error colour. Colour
/// cells are not editable in place; the skeleton editor opens a colour dialog for them.
class SkeletonItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkeletonItemDelegate)

public:
    explicit SkeletonItemDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent,
                          const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor,
                      QAbstractItemModel *model,
                      const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Encord
