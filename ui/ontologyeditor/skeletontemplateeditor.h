#pragma once

#include <QGroupBox>
#include <QPersistentModelIndex>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Encord {

class FieldMessage;
class OntologyEditModel;
class SkeletonEdgeModel;
class SkeletonKeypointModel;
class SkeletonPreview;

/// The skeleton template of a skeleton object, in the ontology editor's property form: the
/// template's width and height, a table of keypoints (name, x, y, colour) and one of edges
/// (from, to, colour), each with add and remove buttons, and a drawing of the result. Every
/// change is an undoable edit of the OntologyEditModel; what keeps the template from being used
/// is shown under the field it concerns, and the cells at fault are drawn in the error colour.
///
/// Object names for tests: skeletonWidthSpin, skeletonHeightSpin, keypointTable,
/// addKeypointButton, removeKeypointButton, keypointMessage, edgeTable, addEdgeButton,
/// removeEdgeButton, edgeMessage, skeletonFrameMessage, skeletonPreview.
class SkeletonTemplateEditor final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkeletonTemplateEditor)

public:
    explicit SkeletonTemplateEditor(OntologyEditModel *model, QWidget *parent = nullptr);

    /// Shows the template of @p object; an invalid index shows an empty template.
    void setObject(const QModelIndex &object);
    /// Shows the template without offering changes.
    void setReadOnly(bool readOnly);

private:
    QTableView *createTable(const QString &objectName, const QString &accessibleName);
    QPushButton *createButton(const QString &objectName, const QString &text, bool adds);
    void refresh();
    void updateButtons();
    /// Keeps a table as tall as its rows, between a few and enough for a typical skeleton.
    void fitHeight(QTableView *table);

    void addKeypoint();
    void removeKeypoint();
    void addEdge();
    void removeEdge();
    void pickColor(const QModelIndex &index);

    OntologyEditModel *m_model;
    QPersistentModelIndex m_object;
    bool m_readOnly = false;
    SkeletonKeypointModel *m_keypoints;
    SkeletonEdgeModel *m_edges;

    QDoubleSpinBox *m_width;
    QDoubleSpinBox *m_height;
    FieldMessage *m_frameMessage;
    SkeletonPreview *m_preview;
    QLabel *m_hint;
    QTableView *m_keypointTable;
    QPushButton *m_addKeypoint;
    QPushButton *m_removeKeypoint;
    FieldMessage *m_keypointMessage;
    QTableView *m_edgeTable;
    QPushButton *m_addEdge;
    QPushButton *m_removeEdge;
    FieldMessage *m_edgeMessage;
};

} // namespace Encord
