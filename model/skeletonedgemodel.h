#pragma once

#include "skeletontablemodel.h"

namespace Encord {

/// The edges of an object's skeleton template, one row each in SkeletonTemplateDraft's order:
/// the keypoint it starts from, the keypoint it goes to, its colour.
///
/// Roles: Display gives the keypoints' names and the colour as text; Edit gives the keypoint's
/// row (settable: the edge then joins that keypoint) and a QColor (settable); ChoicesRole lists
/// the keypoints' names by row for the first two columns; Decoration gives the colour;
/// ToolTip and ProblemRole say what is wrong with the edge.
class SkeletonEdgeModel final : public SkeletonTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkeletonEdgeModel)

public:
    enum Column {
        FromColumn,
        ToColumn,
        ColorColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit SkeletonEdgeModel(OntologyEditModel *source, QObject *parent = nullptr);

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

private:
    /// The name shown for the keypoint with @p key: its name, a number when it has none.
    QString keypointLabel(const QString &key) const;
};

} // namespace Encord
