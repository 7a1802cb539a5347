#pragma once

#include "detailspanel.h"

class QLabel;
class QTreeView;

namespace Encord {

class OntologyStructureModel;

/// An ontology's fields and its structure as a tree: objects with their shape and colour,
/// classifications, attributes and options, nested.
class OntologyDetails final : public DetailsPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OntologyDetails)

public:
    explicit OntologyDetails(QWidget *parent = nullptr);

    void showIndex(const QModelIndex &index) override;
    OntologyStructureModel *structure() const { return m_structure; }

private:
    OntologyStructureModel *m_structure;
    QLabel *m_summary;
    QLabel *m_edited;
    QTreeView *m_tree;
};

} // namespace Encord
