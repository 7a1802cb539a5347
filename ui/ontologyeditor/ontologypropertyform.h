#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QStackedWidget;

namespace Encord {

class ColorButton;
class OntologyEditModel;
class SkeletonTemplateEditor;

/// The fields of the element selected in the ontology editor's tree, one page per kind of
/// element. Every change is written to the model at once (as an undoable edit), and the fields
/// follow the model when it changes underneath (undo, redo, edits in the tree).
///
///     object:          name, shape, colour, required; a skeleton's template (keypoints, edges)
///     classification:  question (its first attribute's name), answer type, required
///     attribute:       name, type, required, dynamic (top-level attributes of objects)
///     option:          label, value (derived from the label)
class OntologyPropertyForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OntologyPropertyForm)

public:
    explicit OntologyPropertyForm(OntologyEditModel *model, QWidget *parent = nullptr);

    /// Shows the fields of @p index (any column); an invalid index shows a short guide.
    void setCurrentIndex(const QModelIndex &index);
    QModelIndex currentIndex() const { return m_current; }

    /// Fields show values but take no input.
    void setReadOnly(bool readOnly);

    /// Puts the keyboard in the name field of the shown page with its text selected, so that
    /// typing replaces a default name.
    void focusName();

Q_SIGNALS:
    /// Return was pressed in a name field: the user is done with this element.
    void nameConfirmed();

private:
    QWidget *createGuidePage();
    QString guideText() const;
    QWidget *createObjectPage();
    QWidget *createClassificationPage();
    QWidget *createAttributePage();
    QWidget *createOptionPage();
    QWidget *createPalette(QWidget *page);
    QLineEdit *createNameEdit(const QString &objectName, const QString &accessibleName);
    QComboBox *createAttributeTypeCombo(const QString &objectName);
    QCheckBox *createCheck(const QString &objectName, const QString &text, const QString &tip);
    static QFormLayout *formLayout(QWidget *page);

    void refresh();
    /// Writes @p value to the shown element (or, for @p onQuestion, to a classification's
    /// first attribute).
    void write(int role, const QVariant &value, bool onQuestion = false);
    QLineEdit *currentNameEdit() const;
    /// Scrolls a skeleton's template into view after the user chose that shape.
    void revealSkeleton();

    OntologyEditModel *m_model;
    QPersistentModelIndex m_current;
    bool m_readOnly = false;

    QLabel *m_heading;
    QLabel *m_identity;
    QStackedWidget *m_pages;
    QScrollArea *m_scroll;
    QWidget *m_guidePage;
    QLabel *m_guide = nullptr;
    QWidget *m_objectPage;
    QWidget *m_classificationPage;
    QWidget *m_attributePage;
    QWidget *m_optionPage;

    QLineEdit *m_objectName;
    QComboBox *m_shape;
    ColorButton *m_color;
    QWidget *m_palette = nullptr;
    QCheckBox *m_objectRequired;
    SkeletonTemplateEditor *m_skeleton;

    QLineEdit *m_question;
    QComboBox *m_questionType;
    QCheckBox *m_questionRequired;

    QLineEdit *m_attributeName;
    QComboBox *m_attributeType;
    QCheckBox *m_attributeRequired;
    QCheckBox *m_dynamic;

    QLineEdit *m_optionLabel;
    QLineEdit *m_optionValue;
};

} // namespace Encord
