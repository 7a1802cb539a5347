#include "skeletontablemodel.h"

#include "ontologyeditmodel.h"

namespace Encord {

SkeletonTableModel::SkeletonTableModel(OntologyEditModel *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    // Any change of the source may touch the template: an edit, undo, a rename, a deletion.
    connect(m_source, &QAbstractItemModel::dataChanged, this, &SkeletonTableModel::sync);
    connect(m_source, &QAbstractItemModel::modelReset, this, &SkeletonTableModel::sync);
    connect(m_source, &QAbstractItemModel::rowsInserted, this, &SkeletonTableModel::sync);
    connect(m_source, &QAbstractItemModel::rowsRemoved, this, &SkeletonTableModel::sync);
    connect(m_source, &QAbstractItemModel::rowsMoved, this, &SkeletonTableModel::sync);
}

void SkeletonTableModel::setObject(const QModelIndex &object)
{
    m_object = object.siblingAtColumn(0);
    sync();
}

int SkeletonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

Qt::ItemFlags SkeletonTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return m_source->isReadOnly() ? flags : flags | Qt::ItemIsEditable;
}

QString SkeletonTableModel::problemOf(int row) const
{
    for (const SkeletonTemplateDraft::Problem &problem : m_problems) {
        if (problem.part == part() && problem.row == row)
            return problem.message;
    }
    return {};
}

void SkeletonTableModel::sync()
{
    SkeletonTemplateDraft next(m_source->skeletonTemplate(m_object).value_or(SkeletonTemplate()));
    const int before = m_rows;
    const int after = rowsIn(next);
    m_problems = m_source->skeletonProblems(m_object);
    // Rows come and go at the end, and the rows both copies have are reported as changed: first
    // the change, then the new rows; or first the rows that go, then the change. Each signal
    // then describes the rows as they are when it is sent.
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_rows = after;
        endRemoveRows();
    }
    m_draft = std::move(next);
    const int kept = std::min(before, after);
    if (kept > 0)
        Q_EMIT dataChanged(index(0, 0), index(kept - 1, columnCount() - 1));
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_rows = after;
        endInsertRows();
    }
}

} // namespace Encord
