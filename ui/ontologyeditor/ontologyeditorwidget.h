#pragma once

#include "records/ontologystructure.h"

#include <QWidget>

class QAction;
class QIcon;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QToolBar;
class QTreeView;

namespace Encord {

class OntologyEditModel;
class OntologyPropertyForm;

/// Builds an ontology structure (spec §4.4) in a form: a tree of objects, classifications,
/// attributes and options on the left, the selected element's fields on the right, and the
/// structure JSON the editor will send on a second tab.
///
/// Toolbar actions (also keyboard shortcuts while the editor has focus), each found by its
/// object name: addObjectAction (Ctrl+Shift+O), addClassificationAction (Ctrl+Shift+C),
/// addAttributeAction (Ctrl+Shift+A; its menu picks the type), addOptionAction (Ctrl+Shift+P),
/// duplicateAction (Ctrl+D), deleteAction (Del in the tree), moveUpAction / moveDownAction
/// (Alt+Up / Alt+Down), undoAction / redoAction, importAction, exportAction.
///
/// Read-only mode shows the same tree, fields and JSON, and offers no change.
class OntologyEditorWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OntologyEditorWidget)

public:
    explicit OntologyEditorWidget(QWidget *parent = nullptr);

    OntologyEditModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }

    /// Shows @p structure with no undo history (e.g. an ontology opened for viewing).
    void setStructure(const OntologyStructure &structure);
    OntologyStructure structure() const;

    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    /// Replaces the structure with the one in the file at @p path as one undoable step, or
    /// explains in the editor why the file cannot be used (nothing changes then). Returns
    /// whether it was imported.
    bool importFile(const QString &path);
    /// Writes the structure JSON to @p path; false (with the reason shown) on failure.
    bool exportFile(const QString &path);

    /// The sentence shown under the tree: what keeps the structure from being created, or the
    /// outcome of the last import/export. Empty when there is nothing to say.
    QString noticeText() const;

Q_SIGNALS:
    /// Any change of the structure, including undo and redo.
    void structureChanged();

private:
    QToolBar *createToolBar();
    QAction *addAction(QToolBar *bar,
                       const QString &objectName,
                       const QString &text,
                       const QIcon &icon,
                       const QKeySequence &shortcut,
                       const QString &tip);

    void addObject();
    void addClassification();
    void addAttribute(AttributeType type);
    void addOption();
    void duplicateSelected();
    void deleteSelected();
    void moveSelected(int delta);
    void chooseImportFile();
    void chooseExportFile();

    QModelIndex currentIndex() const;
    /// Selects @p index, shows its parents, and puts the keyboard in its name field.
    void select(const QModelIndex &index, bool focusName);
    void updateActions();
    void updateJson();
    void updateNotice();
    void showNotice(const QString &text, bool isError);

    OntologyEditModel *m_model;
    QTreeView *m_tree;
    OntologyPropertyForm *m_form;
    QPlainTextEdit *m_json;
    QTabWidget *m_tabs;
    QLabel *m_notice;
    QString m_fileNotice; ///< the outcome of the last import/export, until the next edit
    bool m_fileNoticeIsError = false;
    bool m_jsonStale = true;

    QAction *m_addObject = nullptr;
    QAction *m_addClassification = nullptr;
    QAction *m_addAttribute = nullptr;
    QAction *m_addOption = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_moveUp = nullptr;
    QAction *m_moveDown = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QList<QAction *> m_separators;
};

} // namespace Encord
