#include "skeletontemplateeditor.h"

#include "editoricons.h"
#include "fieldmessage.h"
#include "ontologyeditmodel.h"
#include "skeletonedgemodel.h"
#include "skeletonitemdelegate.h"
#include "skeletonkeypointmodel.h"
#include "skeletonpreview.h"

#include <QColorDialog>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace Encord {

namespace {

QDoubleSpinBox *createSizeSpin(QWidget *parent, const QString &objectName, const QString &name)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setAccessibleName(name);
    spin->setRange(0.0, 100000.0);
    spin->setDecimals(2);
    // One undo step per value the user settles on, not one per digit typed.
    spin->setKeyboardTracking(false);
    return spin;
}

QStringList messagesFor(const QList<SkeletonTemplateDraft::Problem> &problems,
                        SkeletonTemplateDraft::Problem::Part part)
{
    QStringList messages;
    for (const SkeletonTemplateDraft::Problem &problem : problems) {
        if (problem.part == part)
            messages.append(problem.message);
    }
    return messages;
}

} // namespace

SkeletonTemplateEditor::SkeletonTemplateEditor(OntologyEditModel *model, QWidget *parent)
    : QGroupBox(tr("Skeleton template"), parent)
    , m_model(model)
    , m_keypoints(new SkeletonKeypointModel(model, this))
    , m_edges(new SkeletonEdgeModel(model, this))
    , m_width(createSizeSpin(this, QStringLiteral("skeletonWidthSpin"), tr("Skeleton width")))
    , m_height(createSizeSpin(this, QStringLiteral("skeletonHeightSpin"), tr("Skeleton height")))
    , m_frameMessage(new FieldMessage(tr("Skeleton size"), this))
    , m_preview(new SkeletonPreview(this))
    , m_hint(new QLabel(this))
    , m_keypointTable(createTable(QStringLiteral("keypointTable"), tr("Keypoints")))
    , m_addKeypoint(createButton(QStringLiteral("addKeypointButton"), tr("Add keypoint"), true))
    , m_removeKeypoint(createButton(QStringLiteral("removeKeypointButton"), tr("Remove"), false))
    , m_keypointMessage(new FieldMessage(tr("Keypoints"), this))
    , m_edgeTable(createTable(QStringLiteral("edgeTable"), tr("Edges")))
    , m_addEdge(createButton(QStringLiteral("addEdgeButton"), tr("Add edge"), true))
    , m_removeEdge(createButton(QStringLiteral("removeEdgeButton"), tr("Remove"), false))
    , m_edgeMessage(new FieldMessage(tr("Edges"), this))
{
    setObjectName(QStringLiteral("skeletonEditor"));
    m_frameMessage->setObjectName(QStringLiteral("skeletonFrameMessage"));
    m_keypointMessage->setObjectName(QStringLiteral("keypointMessage"));
    m_edgeMessage->setObjectName(QStringLiteral("edgeMessage"));
    m_preview->setObjectName(QStringLiteral("skeletonPreview"));
    m_removeKeypoint->setAccessibleName(tr("Remove keypoint"));
    m_removeEdge->setAccessibleName(tr("Remove edge"));
    m_removeKeypoint->setToolTip(tr("Remove the selected keypoint and its edges"));
    m_removeEdge->setToolTip(tr("Remove the selected edge"));

    m_keypointTable->setModel(m_keypoints);
    m_keypointTable->horizontalHeader()->setSectionResizeMode(SkeletonKeypointModel::NameColumn,
                                                              QHeaderView::Stretch);
    m_edgeTable->setModel(m_edges);
    m_edgeTable->horizontalHeader()->setSectionResizeMode(SkeletonEdgeModel::FromColumn,
                                                          QHeaderView::Stretch);
    m_edgeTable->horizontalHeader()->setSectionResizeMode(SkeletonEdgeModel::ToColumn,
                                                          QHeaderView::Stretch);

    m_hint->setObjectName(QStringLiteral("skeletonHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(tr("Keypoints are placed in fractions of this size: X across, Y down from "
                       "the top left corner."));

    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    auto *by = new QLabel(QStringLiteral("\u00d7"), this);
    by->setAlignment(Qt::AlignCenter);
    sizeRow->addWidget(by);
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);
    auto *sizeForm = new QFormLayout;
    sizeForm->setContentsMargins(0, 0, 0, 0);
    sizeForm->addRow(tr("Si&ze:"), sizeRow);
    if (auto *label = qobject_cast<QLabel *>(sizeForm->labelForField(sizeRow)))
        label->setBuddy(m_width);

    // The drawing beside the keypoints it shows; the edges below.
    auto *keypointRow = new QHBoxLayout;
    keypointRow->addWidget(m_keypointTable, 1, Qt::AlignTop);
    keypointRow->addWidget(m_preview, 0, Qt::AlignTop);

    const auto buttonRow = [](QPushButton *add, QPushButton *remove) {
        auto *row = new QHBoxLayout;
        row->addWidget(add);
        row->addWidget(remove);
        row->addStretch(1);
        return row;
    };
    auto *keypointLabel = new QLabel(tr("&Keypoints:"), this);
    keypointLabel->setBuddy(m_keypointTable);
    auto *edgeLabel = new QLabel(tr("&Edges:"), this);
    edgeLabel->setBuddy(m_edgeTable);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sizeForm);
    layout->addWidget(m_frameMessage);
    layout->addWidget(m_hint);
    layout->addSpacing(4);
    layout->addWidget(keypointLabel);
    layout->addLayout(keypointRow);
    layout->addLayout(buttonRow(m_addKeypoint, m_removeKeypoint));
    layout->addWidget(m_keypointMessage);
    layout->addSpacing(4);
    layout->addWidget(edgeLabel);
    layout->addWidget(m_edgeTable);
    layout->addLayout(buttonRow(m_addEdge, m_removeEdge));
    layout->addWidget(m_edgeMessage);

    const auto frameChanged = [this] {
        m_model->setSkeletonFrame(m_object, m_width->value(), m_height->value());
    };
    connect(m_width, &QDoubleSpinBox::valueChanged, this, frameChanged);
    connect(m_height, &QDoubleSpinBox::valueChanged, this, frameChanged);
    connect(m_addKeypoint, &QPushButton::clicked, this, &SkeletonTemplateEditor::addKeypoint);
    connect(m_removeKeypoint, &QPushButton::clicked, this, &SkeletonTemplateEditor::removeKeypoint);
    connect(m_addEdge, &QPushButton::clicked, this, &SkeletonTemplateEditor::addEdge);
    connect(m_removeEdge, &QPushButton::clicked, this, &SkeletonTemplateEditor::removeEdge);
    for (QTableView *table : {m_keypointTable, m_edgeTable}) {
        connect(table, &QAbstractItemView::activated, this, &SkeletonTemplateEditor::pickColor);
        connect(table->selectionModel(),
                &QItemSelectionModel::currentChanged,
                this,
                &SkeletonTemplateEditor::updateButtons);
        connect(table->model(), &QAbstractItemModel::rowsInserted, this, [this, table] {
            fitHeight(table);
        });
        connect(table->model(), &QAbstractItemModel::rowsRemoved, this, [this, table] {
            fitHeight(table);
        });
        fitHeight(table);
    }

    connect(m_model, &QAbstractItemModel::dataChanged, this, &SkeletonTemplateEditor::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SkeletonTemplateEditor::refresh);
    refresh();
}

QTableView *SkeletonTemplateEditor::createTable(const QString &objectName,
                                                const QString &accessibleName)
{
    auto *table = new QTableView(this);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setItemDelegate(new SkeletonItemDelegate(table));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                           | QAbstractItemView::AnyKeyPressed);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setHighlightSections(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    table->verticalHeader()->setDefaultAlignment(Qt::AlignCenter);
    table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return table;
}

QPushButton *SkeletonTemplateEditor::createButton(const QString &objectName,
                                                  const QString &text,
                                                  bool adds)
{
    auto *button = new QPushButton(adds ? EditorIcons::add() : EditorIcons::remove(), text, this);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

void SkeletonTemplateEditor::fitHeight(QTableView *table)
{
    constexpr int fewest = 3;
    constexpr int most = 8;
    const int rows = std::clamp(table->model()->rowCount(), fewest, most);
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height()
                          + rows * table->verticalHeader()->defaultSectionSize()
                          + 2 * table->frameWidth());
    // Beyond the rows shown, the table scrolls.
    table->setVerticalScrollBarPolicy(table->model()->rowCount() > most ? Qt::ScrollBarAsNeeded
                                                                        : Qt::ScrollBarAlwaysOff);
    // The drawing beside the keypoints is as tall as their table.
    if (table == m_keypointTable)
        m_preview->setFixedSize(fontMetrics().height() * 9, table->height());
}

void SkeletonTemplateEditor::setObject(const QModelIndex &object)
{
    const QModelIndex row = object.siblingAtColumn(0);
    if (row == m_object)
        return;
    m_object = row;
    m_keypoints->setObject(row);
    m_edges->setObject(row);
    refresh();
}

void SkeletonTemplateEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_width->setReadOnly(readOnly);
    m_height->setReadOnly(readOnly);
    for (QPushButton *button : {m_addKeypoint, m_removeKeypoint, m_addEdge, m_removeEdge})
        button->setVisible(!readOnly);
    for (QTableView *table : {m_keypointTable, m_edgeTable}) {
        table->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                        : QAbstractItemView::DoubleClicked
                                              | QAbstractItemView::EditKeyPressed
                                              | QAbstractItemView::AnyKeyPressed);
    }
    m_hint->setVisible(!readOnly);
    refresh();
}

void SkeletonTemplateEditor::refresh()
{
    const SkeletonTemplate shown =
        m_model->skeletonTemplate(m_object).value_or(SkeletonTemplateDraft::blank());
    {
        const QSignalBlocker widthBlocker(m_width);
        const QSignalBlocker heightBlocker(m_height);
        m_width->setValue(shown.width);
        m_height->setValue(shown.height);
    }
    m_preview->setTemplate(shown);

    const QList<SkeletonTemplateDraft::Problem> problems = m_model->skeletonProblems(m_object);
    using Part = SkeletonTemplateDraft::Problem::Part;
    const bool quiet = m_readOnly;
    m_frameMessage->setMessage(quiet ? QString()
                                     : messagesFor(problems, Part::Frame).join(QLatin1Char('\n')));
    m_keypointMessage->setMessage(
        quiet ? QString() : messagesFor(problems, Part::Keypoints).join(QLatin1Char('\n')));
    m_edgeMessage->setMessage(quiet ? QString()
                                    : messagesFor(problems, Part::Edges).join(QLatin1Char('\n')));
    updateButtons();
}

void SkeletonTemplateEditor::updateButtons()
{
    const SkeletonTemplateDraft draft(
        m_model->skeletonTemplate(m_object).value_or(SkeletonTemplateDraft::blank()));
    const bool editable = !m_readOnly && m_object.isValid();
    m_addKeypoint->setEnabled(editable);
    m_removeKeypoint->setEnabled(editable && m_keypointTable->currentIndex().isValid());
    const bool pairFree = draft.nextFreePair().has_value();
    m_addEdge->setEnabled(editable && pairFree);
    m_addEdge->setToolTip(draft.keypointCount() < 2 ? tr("An edge joins two keypoints: add them "
                                                         "first")
                          : pairFree                ? tr("Join two keypoints")
                                                    : tr("Every two keypoints are joined already"));
    m_removeEdge->setEnabled(editable && m_edgeTable->currentIndex().isValid());
}

void SkeletonTemplateEditor::addKeypoint()
{
    const int row = m_model->addKeypoint(m_object);
    if (row < 0)
        return;
    // The name is what the user gives next: open it for typing, its default text selected.
    const QModelIndex name = m_keypoints->index(row, SkeletonKeypointModel::NameColumn);
    m_keypointTable->setFocus(Qt::OtherFocusReason);
    m_keypointTable->setCurrentIndex(name);
    m_keypointTable->scrollTo(name);
    m_keypointTable->edit(name);
}

void SkeletonTemplateEditor::removeKeypoint()
{
    const int row = m_keypointTable->currentIndex().row();
    if (row < 0 || !m_model->removeKeypoint(m_object, row))
        return;
    const int count = m_keypoints->rowCount();
    if (count > 0)
        m_keypointTable->setCurrentIndex(m_keypoints->index(std::min(row, count - 1), 0));
    updateButtons();
}

void SkeletonTemplateEditor::addEdge()
{
    const int row = m_model->addEdge(m_object);
    if (row < 0)
        return;
    const QModelIndex to = m_edges->index(row, SkeletonEdgeModel::ToColumn);
    m_edgeTable->setFocus(Qt::OtherFocusReason);
    m_edgeTable->setCurrentIndex(to);
    m_edgeTable->scrollTo(to);
}

void SkeletonTemplateEditor::removeEdge()
{
    const int row = m_edgeTable->currentIndex().row();
    if (row < 0 || !m_model->removeEdge(m_object, row))
        return;
    const int count = m_edges->rowCount();
    if (count > 0)
        m_edgeTable->setCurrentIndex(m_edges->index(std::min(row, count - 1), 0));
    updateButtons();
}

void SkeletonTemplateEditor::pickColor(const QModelIndex &index)
{
    const bool keypoint = index.model() == m_keypoints;
    const int colorColumn =
        keypoint ? int(SkeletonKeypointModel::ColorColumn) : int(SkeletonEdgeModel::ColorColumn);
    if (m_readOnly || index.column() != colorColumn)
        return;
    const QColor current = index.data(Qt::EditRole).value<QColor>();
    const QColor chosen =
        QColorDialog::getColor(current, this, keypoint ? tr("Keypoint Colour") : tr("Edge Colour"));
    if (!chosen.isValid() || chosen == current)
        return;
    if (keypoint)
        m_keypoints->setData(index, chosen);
    else
        m_edges->setData(index, chosen);
}

} // namespace Encord
