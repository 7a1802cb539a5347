#include "structuretreeview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>

namespace Encord {

QTreeView *StructureTreeView::create(QAbstractItemModel *model, QWidget *parent)
{
    auto *tree = new QTreeView(parent);
    tree->setModel(model);
    tree->setAccessibleName(QObject::tr("Ontology structure"));
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return tree;
}

QLabel *StructureTreeView::heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace Encord
