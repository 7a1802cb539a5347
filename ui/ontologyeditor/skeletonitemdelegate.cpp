#include "skeletonitemdelegate.h"

#include "errorcolour.h"
#include "skeletontablemodel.h"

#include <QComboBox>
#include <QDoubleSpinBox>

namespace Encord {

SkeletonItemDelegate::SkeletonItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QWidget *SkeletonItemDelegate::createEditor(QWidget *parent,
                                            const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    QWidget *editor = nullptr;
    const QVariant choices = index.data(SkeletonTableModel::ChoicesRole);
    if (choices.isValid()) {
        auto *combo = new QComboBox(parent);
        combo->addItems(choices.toStringList());
        editor = combo;
    } else if (index.data(Qt::EditRole).typeId() == QMetaType::Double) {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setRange(0.0, 1.0);
        spin->setDecimals(3);
        spin->setSingleStep(0.05);
        spin->setFrame(false);
        editor = spin;
    } else {
        editor = QStyledItemDelegate::createEditor(parent, option, index);
    }
    // A screen reader names the editor after its column ("Name", "X", "To").
    if (editor)
        editor->setAccessibleName(
            index.model()->headerData(index.column(), Qt::Horizontal).toString());
    return editor;
}

void SkeletonItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(index.data(Qt::EditRole).toInt());
    else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
        spin->setValue(index.data(Qt::EditRole).toDouble());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void SkeletonItemDelegate::setModelData(QWidget *editor,
                                        QAbstractItemModel *model,
                                        const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentIndex());
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        // What is typed counts even before the spin box itself took it in.
        spin->interpretText();
        model->setData(index, spin->value());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

void SkeletonItemDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(SkeletonTableModel::ProblemRole).toString().isEmpty())
        return;
    const QColor error = ErrorColour::forBackground(option->palette.color(QPalette::Base));
    option->palette.setColor(QPalette::Text, error);
}

} // namespace Encord
