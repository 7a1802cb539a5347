#pragma once

#include <QString>

class QAbstractItemModel;
class QLabel;
class QTreeView;
class QWidget;

namespace Encord {

/// The look shared by the places that show an ontology structure (ontology and project
/// details): a tree view with its name column stretched, and a bold section heading.
class StructureTreeView
{
public:
    static QTreeView *create(QAbstractItemModel *model, QWidget *parent);
    static QLabel *heading(const QString &text, QWidget *parent);
};

} // namespace Encord
