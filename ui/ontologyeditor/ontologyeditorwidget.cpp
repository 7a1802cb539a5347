#include "ontologyeditorwidget.h"

#include "editoricons.h"
#include "errorcolour.h"
#include "modelformat.h"
#include "ontologyeditmodel.h"
#include "ontologypropertyform.h"
#include "ontologystructurereader.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Encord {

OntologyEditorWidget::OntologyEditorWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new OntologyEditModel(this))
    , m_tree(new QTreeView(this))
    , m_form(new OntologyPropertyForm(m_model, this))
    , m_json(new QPlainTextEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_notice(new QLabel(this))
{
    setObjectName(QStringLiteral("ontologyEditor"));

    m_tree->setObjectName(QStringLiteral("structureTree"));
    m_tree->setAccessibleName(tr("Ontology structure"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(OntologyEditModel::NameColumn, QHeaderView::Stretch);
    m_tree->expandAll();

    m_json->setObjectName(QStringLiteral("jsonView"));
    m_json->setAccessibleName(tr("Structure JSON"));
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QToolBar *toolBar = createToolBar();

    // Structure tab: the tree with its notice line, and the selected element's fields.
    auto *treeSide = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treeSide);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_tree, 1);
    treeLayout->addWidget(m_notice);
    auto *formFrame = new QWidget(this);
    auto *formLayout = new QVBoxLayout(formFrame);
    formLayout->setContentsMargins(12, 0, 0, 0);
    formLayout->addWidget(m_form);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(treeSide);
    splitter->addWidget(formFrame);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    // JSON tab: what Create sends, read-only, with a copy button for scripts.
    auto *jsonPage = new QWidget(this);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    auto *jsonHint = new QLabel(tr("The structure JSON this editor sends (Encord's \"editor\" "
                                   "format). Read-only: edit on the Structure tab."),
                                jsonPage);
    jsonHint->setWordWrap(true);
    auto *copy = new QPushButton(tr("Copy JSON"), jsonPage);
    copy->setObjectName(QStringLiteral("copyJsonButton"));
    connect(copy, &QPushButton::clicked, this, [this] {
        updateJson();
        QApplication::clipboard()->setText(m_json->toPlainText());
    });
    auto *jsonTop = new QHBoxLayout;
    jsonTop->addWidget(jsonHint, 1);
    jsonTop->addWidget(copy);
    jsonLayout->addLayout(jsonTop);
    jsonLayout->addWidget(m_json, 1);

    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->addTab(splitter, tr("Structure"));
    m_tabs->addTab(jsonPage, tr("JSON"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &OntologyEditorWidget::updateJson);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolBar);
    layout->addWidget(m_tabs, 1);

    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &current) {
                m_form->setCurrentIndex(current);
                updateActions();
            });
    // After naming an element, the keyboard goes back to the tree for the next step.
    connect(m_form, &OntologyPropertyForm::nameConfirmed, this, [this] {
        m_tree->setFocus(Qt::OtherFocusReason);
    });
    const auto changed = [this] {
        m_jsonStale = true;
        m_fileNotice.clear();
        if (m_tabs->currentIndex() == 1)
            updateJson();
        updateNotice();
        updateActions();
        Q_EMIT structureChanged();
    };
    connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, changed);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_model,
            &QAbstractItemModel::rowsInserted,
            this,
            [this, changed](const QModelIndex &parent) {
                m_tree->expand(parent);
                changed();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, changed] {
        m_tree->expandAll();
        m_form->setCurrentIndex({});
        changed();
    });

    updateNotice();
    updateActions();
}

QToolBar *OntologyEditorWidget::createToolBar()
{
    auto *bar = new QToolBar(tr("Ontology editing"), this);
    bar->setObjectName(QStringLiteral("editorToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));

    m_addObject = addAction(bar,
                            QStringLiteral("addObjectAction"),
                            tr("Object"),
                            EditorIcons::add(),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                            tr("Add an object: something annotators draw"));
    connect(m_addObject, &QAction::triggered, this, &OntologyEditorWidget::addObject);
    m_addClassification = addAction(bar,
                                    QStringLiteral("addClassificationAction"),
                                    tr("Classification"),
                                    EditorIcons::add(),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                    tr("Add a classification: a question about a whole frame"));
    connect(
        m_addClassification, &QAction::triggered, this, &OntologyEditorWidget::addClassification);
    m_separators.append(bar->addSeparator());

    m_addAttribute = addAction(bar,
                               QStringLiteral("addAttributeAction"),
                               tr("Attribute"),
                               EditorIcons::add(),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                               tr("Add a radio attribute to the selected element; the arrow "
                                  "offers the other types"));
    connect(
        m_addAttribute, &QAction::triggered, this, [this] { addAttribute(AttributeType::Radio); });
    auto *typeMenu = new QMenu(this);
    const QList<std::pair<AttributeType, QString>> types{
        {AttributeType::Radio, tr("Radio (one answer)")},
        {AttributeType::Checklist, tr("Checklist (several answers)")},
        {AttributeType::Text, tr("Text")},
        {AttributeType::Numeric, tr("Numeric")},
    };
    for (const auto &[type, text] : types) {
        QAction *typeAction = typeMenu->addAction(text);
        typeAction->setObjectName(QStringLiteral("addAttributeAction_") + toWire(type));
        connect(typeAction, &QAction::triggered, this, [this, type = type] { addAttribute(type); });
    }
    m_addAttribute->setMenu(typeMenu);
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(m_addAttribute)))
        button->setPopupMode(QToolButton::MenuButtonPopup);

    m_addOption = addAction(bar,
                            QStringLiteral("addOptionAction"),
                            tr("Option"),
                            EditorIcons::add(),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                            tr("Add an option to the selected radio or checklist attribute"));
    connect(m_addOption, &QAction::triggered, this, &OntologyEditorWidget::addOption);
    m_separators.append(bar->addSeparator());

    m_duplicate = addAction(bar,
                            QStringLiteral("duplicateAction"),
                            tr("Duplicate"),
                            EditorIcons::duplicate(),
                            QKeySequence(Qt::CTRL | Qt::Key_D),
                            tr("Copy the selected element with new ids and hashes"));
    connect(m_duplicate, &QAction::triggered, this, &OntologyEditorWidget::duplicateSelected);
    m_delete = addAction(bar,
                         QStringLiteral("deleteAction"),
                         tr("Delete"),
                         EditorIcons::remove(),
                         QKeySequence::Delete,
                         tr("Delete the selected element and what is under it (Undo brings it "
                            "back)"));
    // Del belongs to the tree: in a text field it deletes characters.
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addAction(m_delete);
    connect(m_delete, &QAction::triggered, this, &OntologyEditorWidget::deleteSelected);
    m_moveUp = addAction(bar,
                         QStringLiteral("moveUpAction"),
                         tr("Up"),
                         EditorIcons::moveUp(),
                         QKeySequence(Qt::ALT | Qt::Key_Up),
                         tr("Move the selected element up among its siblings"));
    connect(m_moveUp, &QAction::triggered, this, [this] { moveSelected(-1); });
    m_moveDown = addAction(bar,
                           QStringLiteral("moveDownAction"),
                           tr("Down"),
                           EditorIcons::moveDown(),
                           QKeySequence(Qt::ALT | Qt::Key_Down),
                           tr("Move the selected element down among its siblings"));
    connect(m_moveDown, &QAction::triggered, this, [this] { moveSelected(+1); });
    m_separators.append(bar->addSeparator());

    m_undo = m_model->undoStack()->createUndoAction(this, tr("Undo"));
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setIcon(EditorIcons::undo());
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redo = m_model->undoStack()->createRedoAction(this, tr("Redo"));
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_redo->setIcon(EditorIcons::redo());
    m_redo->setShortcut(QKeySequence::Redo);
    m_redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // The toolbar shows short labels; the actions' own texts name the step ("Undo Add object").
    m_undo->setIconText(tr("Undo"));
    m_redo->setIconText(tr("Redo"));
    bar->addAction(m_undo);
    bar->addAction(m_redo);
    QWidget::addAction(m_undo);
    QWidget::addAction(m_redo);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_import = addAction(bar,
                         QStringLiteral("importAction"),
                         tr("Import…"),
                         EditorIcons::import(),
                         {},
                         tr("Replace the structure with one from a JSON file"));
    connect(m_import, &QAction::triggered, this, &OntologyEditorWidget::chooseImportFile);
    m_export = addAction(bar,
                         QStringLiteral("exportAction"),
                         tr("Export…"),
                         EditorIcons::exportFile(),
                         {},
                         tr("Save the structure JSON to a file"));
    connect(m_export, &QAction::triggered, this, &OntologyEditorWidget::chooseExportFile);

    for (QAction *action : {m_addObject,
                            m_addClassification,
                            m_addAttribute,
                            m_addOption,
                            m_duplicate,
                            m_moveUp,
                            m_moveDown})
        m_tree->addAction(action);
    // Adding is what people look for first: those buttons keep their words; the rest are
    // well-known icons with tooltips, so that the row fits a dialog.
    for (QAction *action : {m_duplicate, m_delete, m_moveUp, m_moveDown, m_undo, m_redo}) {
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    return bar;
}

QAction *OntologyEditorWidget::addAction(QToolBar *bar,
                                         const QString &objectName,
                                         const QString &text,
                                         const QIcon &icon,
                                         const QKeySequence &shortcut,
                                         const QString &tip)
{
    QAction *action = bar->addAction(icon, text);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(shortcut.isEmpty()
                           ? tip
                           : tip + QStringLiteral(" (")
                                 + shortcut.toString(QKeySequence::NativeText) + QLatin1Char(')'));
    QWidget::addAction(action);
    return action;
}

void OntologyEditorWidget::setStructure(const OntologyStructure &structure)
{
    m_model->setStructure(structure);
}

OntologyStructure OntologyEditorWidget::structure() const
{
    return m_model->structure();
}

void OntologyEditorWidget::setReadOnly(bool readOnly)
{
    m_model->setReadOnly(readOnly);
    m_form->setReadOnly(readOnly);
    m_tree->setDragDropMode(readOnly ? QAbstractItemView::NoDragDrop
                                     : QAbstractItemView::InternalMove);
    for (QAction *action : {m_addObject,
                            m_addClassification,
                            m_addAttribute,
                            m_addOption,
                            m_duplicate,
                            m_delete,
                            m_moveUp,
                            m_moveDown,
                            m_undo,
                            m_redo,
                            m_import})
        action->setVisible(!readOnly);
    for (QAction *separator : std::as_const(m_separators))
        separator->setVisible(!readOnly);
    updateNotice();
    updateActions();
}

bool OntologyEditorWidget::isReadOnly() const
{
    return m_model->isReadOnly();
}

// ---- Actions ---------------------------------------------------------------------------------

QModelIndex OntologyEditorWidget::currentIndex() const
{
    return m_tree->currentIndex().siblingAtColumn(0);
}

void OntologyEditorWidget::select(const QModelIndex &index, bool focusName)
{
    if (!index.isValid())
        return;
    m_tabs->setCurrentIndex(0);
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_tree->expand(parent);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    if (focusName)
        m_form->focusName();
}

void OntologyEditorWidget::addObject()
{
    select(m_model->addObject(), true);
}

void OntologyEditorWidget::addClassification()
{
    const QModelIndex classification = m_model->addClassification();
    select(classification, true);
}

void OntologyEditorWidget::addAttribute(AttributeType type)
{
    const QModelIndex parent = m_model->attributeParentFor(currentIndex());
    select(m_model->addAttribute(parent, {}, type), true);
}

void OntologyEditorWidget::addOption()
{
    QModelIndex attribute = m_model->optionParentFor(currentIndex());
    // A classification's options belong to its question.
    if (!attribute.isValid()
        && m_model->kind(currentIndex()) == OntologyEditModel::Kind::Classification)
        attribute = m_model->optionParentFor(m_model->index(0, 0, currentIndex()));
    select(m_model->addOption(attribute), true);
}

void OntologyEditorWidget::duplicateSelected()
{
    select(m_model->duplicate(currentIndex()), true);
}

void OntologyEditorWidget::deleteSelected()
{
    const QModelIndex index = currentIndex();
    const QModelIndex parent = index.parent();
    const int row = index.row();
    if (!m_model->remove(index))
        return;
    // Keep the keyboard in the tree on the next element, so that Del can be pressed again.
    const int count = m_model->rowCount(parent);
    select(count > 0 ? m_model->index(std::min(row, count - 1), 0, parent) : parent, false);
    m_tree->setFocus(Qt::OtherFocusReason);
}

void OntologyEditorWidget::moveSelected(int delta)
{
    const QModelIndex index = currentIndex();
    const QModelIndex parent = index.parent();
    const int row = index.row();
    if (m_model->moveBy(index, delta))
        select(m_model->index(row + delta, 0, parent), false);
}

void OntologyEditorWidget::updateActions()
{
    using Kind = OntologyEditModel::Kind;
    const QModelIndex index = currentIndex();
    const bool editable = !m_model->isReadOnly();
    const bool element = index.isValid() && m_model->kind(index) != Kind::ObjectSection
                         && m_model->kind(index) != Kind::ClassificationSection;
    bool optionTarget = m_model->optionParentFor(index).isValid();
    if (element && m_model->kind(index) == Kind::Classification)
        optionTarget = m_model->optionParentFor(m_model->index(0, 0, index)).isValid();

    m_addObject->setEnabled(editable);
    m_addClassification->setEnabled(editable);
    m_addAttribute->setEnabled(editable && m_model->attributeParentFor(index).isValid());
    m_addOption->setEnabled(editable && optionTarget);
    m_duplicate->setEnabled(m_model->canDuplicate(index));
    m_delete->setEnabled(editable && element);
    m_moveUp->setEnabled(editable && element && index.row() > 0);
    m_moveDown->setEnabled(editable && element
                           && index.row() + 1 < m_model->rowCount(index.parent()));
    m_export->setEnabled(true);
}

// ---- JSON, notices, files --------------------------------------------------------------------

void OntologyEditorWidget::updateJson()
{
    if (!m_jsonStale)
        return;
    m_json->setPlainText(
        QString::fromUtf8(QJsonDocument(m_model->toJson()).toJson(QJsonDocument::Indented)));
    m_jsonStale = false;
}

QString OntologyEditorWidget::noticeText() const
{
    return m_notice->text();
}

void OntologyEditorWidget::showNotice(const QString &text, bool isError)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    if (isError)
        ErrorColour::apply(m_notice);
    else
        ErrorColour::clear(m_notice);
}

void OntologyEditorWidget::updateNotice()
{
    if (!m_fileNotice.isEmpty()) {
        showNotice(m_fileNotice, m_fileNoticeIsError);
        return;
    }
    const QList<OntologyEditModel::Problem> problems =
        m_model->isReadOnly() ? QList<OntologyEditModel::Problem>() : m_model->problems();
    if (problems.isEmpty()) {
        showNotice({}, false);
        return;
    }
    QString text = QStringLiteral("\u26a0 ") + problems.first().message;
    if (problems.size() > 1)
        text += QLatin1Char(' ') + tr("(and %1 more to fix)").arg(problems.size() - 1);
    showNotice(text, true);
}

bool OntologyEditorWidget::importFile(const QString &path)
{
    const Result<OntologyStructure, QString> read = OntologyStructureReader::readFile(path);
    if (!read.ok()) {
        m_fileNotice = read.error();
        m_fileNoticeIsError = true;
        updateNotice();
        return false;
    }
    const QString name = QFileInfo(path).fileName();
    m_model->replaceStructure(read.value(), tr("Import %1").arg(name));
    m_fileNotice =
        tr("Imported %1 and %2 from %3. Undo brings back what was here before.")
            .arg(ModelFormat::count(read.value().objects.size(), tr("object"), tr("objects")),
                 ModelFormat::count(read.value().classifications.size(),
                                    tr("classification"),
                                    tr("classifications")),
                 name);
    m_fileNoticeIsError = false;
    updateNotice();
    return true;
}

bool OntologyEditorWidget::exportFile(const QString &path)
{
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly)
                         && file.write(QJsonDocument(m_model->toJson()).toJson()) >= 0
                         && file.commit();
    m_fileNotice =
        written ? tr("Saved the structure to %1.").arg(QFileInfo(path).fileName())
                : tr("Could not save %1: %2.").arg(QFileInfo(path).fileName(), file.errorString());
    m_fileNoticeIsError = !written;
    updateNotice();
    return written;
}

void OntologyEditorWidget::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Ontology Structure"), {}, tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void OntologyEditorWidget::chooseExportFile()
{
    QString path = QFileDialog::getSaveFileName(this,
                                                tr("Export Ontology Structure"),
                                                tr("ontology-structure.json"),
                                                tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    exportFile(path);
}

} // namespace Encord
