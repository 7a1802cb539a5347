#pragma once

#include "skeletontemplatedraft.h"

#include <QAbstractTableModel>
#include <QPersistentModelIndex>

namespace Encord {

class OntologyEditModel;

/// A table over one part of the skeleton template of an object in an OntologyEditModel: the
/// keypoints (SkeletonKeypointModel) or the edges (SkeletonEdgeModel). It keeps a copy of the
/// template and compares it with the source's after every change there (an edit here, undo,
/// redo, a rename in the tree), so that rows are inserted and removed at the end and the rest
/// reported as changed. Edits made through setData() go to the source as undoable steps.
class SkeletonTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkeletonTableModel)

public:
    enum Role {
        /// QString: what is wrong with the row, for the view to show; empty when nothing is.
        ProblemRole = Qt::UserRole + 1,
        /// QStringList: the keypoints a cell may name, by row (cells that pick a keypoint only).
        ChoicesRole,
    };
    Q_ENUM(Role)

    /// Shows the template of @p object (a row of @p source); an invalid index shows nothing.
    void setObject(const QModelIndex &object);
    QModelIndex object() const { return m_object; }
    OntologyEditModel *source() const { return m_source; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

protected:
    SkeletonTableModel(OntologyEditModel *source, QObject *parent);

    /// The rows of this part in @p draft.
    virtual int rowsIn(const SkeletonTemplateDraft &draft) const = 0;
    /// Which problems belong to this table.
    virtual SkeletonTemplateDraft::Problem::Part part() const = 0;

    /// The template as shown: the source's at the last change.
    const SkeletonTemplateDraft &draft() const { return m_draft; }
    /// The problem of @p row; empty when it has none.
    QString problemOf(int row) const;

private:
    void sync();

    OntologyEditModel *m_source;
    QPersistentModelIndex m_object;
    SkeletonTemplateDraft m_draft;
    QList<SkeletonTemplateDraft::Problem> m_problems;
    int m_rows = 0;
};

} // namespace Encord
