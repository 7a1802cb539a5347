#include "ontologypropertyform.h"

#include "colorbutton.h"
#include "modelformat.h"
#include "ontologyeditmodel.h"
#include "records/ontologyhelpers.h"
#include "skeletontemplateeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Encord {

namespace {

/// The SDK version that first reads a shape or attribute type (spec §4.4); empty for those
/// every version of interest reads.
QString sdkVersionFor(Shape shape)
{
    switch (shape) {
    case Shape::Audio:
        return QStringLiteral("0.1.154");
    case Shape::Text:
        return QStringLiteral("0.1.158");
    case Shape::Cuboid:
        return QStringLiteral("0.1.173");
    case Shape::Cuboid2d:
        return QStringLiteral("0.1.187");
    case Shape::Segmentation:
        return QStringLiteral("0.1.188");
    default:
        return {};
    }
}

void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

void selectData(QComboBox *combo, int value)
{
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(combo->findData(value));
}

} // namespace

OntologyPropertyForm::OntologyPropertyForm(OntologyEditModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_heading(new QLabel(this))
    , m_identity(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("propertyForm"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    m_heading->setObjectName(QStringLiteral("propertyHeading"));
    m_identity->setObjectName(QStringLiteral("identityLabel"));
    m_identity->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_identity->setForegroundRole(QPalette::PlaceholderText);

    m_guidePage = createGuidePage();
    m_objectPage = createObjectPage();
    m_classificationPage = createClassificationPage();
    m_attributePage = createAttributePage();
    m_optionPage = createOptionPage();
    for (QWidget *page :
         {m_guidePage, m_objectPage, m_classificationPage, m_attributePage, m_optionPage})
        m_pages->addWidget(page);

    // A skeleton's template makes the fields taller than the dialog: they scroll under the
    // heading rather than squeeze.
    auto *scrolled = new QWidget(this);
    auto *scrolledLayout = new QVBoxLayout(scrolled);
    scrolledLayout->setContentsMargins(0, 0, 0, 0);
    scrolledLayout->addWidget(m_pages);
    scrolledLayout->addStretch(1);
    m_scroll->setObjectName(QStringLiteral("propertyScroll"));
    m_scroll->setWidget(scrolled);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_identity);
    layout->addSpacing(6);
    layout->addWidget(m_scroll, 1);

    connect(m_model, &QAbstractItemModel::dataChanged, this, &OntologyPropertyForm::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OntologyPropertyForm::refresh);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OntologyPropertyForm::refresh);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OntologyPropertyForm::refresh);
    refresh();
}

QFormLayout *OntologyPropertyForm::formLayout(QWidget *page)
{
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return form;
}

QWidget *OntologyPropertyForm::createGuidePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *guide = new QLabel(page);
    m_guide = guide;
    guide->setObjectName(QStringLiteral("guideLabel"));
    guide->setWordWrap(true);
    guide->setTextFormat(Qt::RichText);
    layout->addWidget(guide);
    return page;
}

QString OntologyPropertyForm::guideText() const
{
    const QString kinds =
        tr("<p><b>Objects</b> are what annotators draw: a box, a polygon, a point, a mask…</p>"
           "<p><b>Classifications</b> are questions about a whole frame or file.</p>"
           "<p><b>Attributes</b> ask more about an object or a classification. Radio and checklist "
           "attributes offer <b>options</b>; a radio option can ask further questions of its "
           "own.</p>");
    if (m_readOnly)
        return kinds + tr("<p>Select an element to see its details.</p>");
    return kinds
           + tr("<p>Add elements with the buttons above, drag them to reorder, and select one "
                "to edit it here.</p>");
}

QLineEdit *OntologyPropertyForm::createNameEdit(const QString &objectName,
                                                const QString &accessibleName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setClearButtonEnabled(true);
    connect(edit, &QLineEdit::returnPressed, this, &OntologyPropertyForm::nameConfirmed);
    connect(edit, &QLineEdit::textEdited, this, [this, edit](const QString &text) {
        write(OntologyEditModel::NameRole, text);
        // The model may have turned the edit down (read-only): show what it holds.
        if (m_current.isValid() && m_current.data(OntologyEditModel::NameRole).toString() != text)
            setTextKeepingCursor(edit, m_current.data(OntologyEditModel::NameRole).toString());
    });
    return edit;
}

QComboBox *OntologyPropertyForm::createAttributeTypeCombo(const QString &objectName)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->setAccessibleName(tr("Attribute type"));
    const QList<std::pair<AttributeType, QString>> types{
        {AttributeType::Radio, tr("One answer from a list of options")},
        {AttributeType::Checklist, tr("Any number of answers from a list of options")},
        {AttributeType::Text, tr("A free text answer")},
        {AttributeType::Numeric, tr("A number (needs SDK 0.1.174 or later to read)")},
    };
    for (const auto &[type, tip] : types) {
        combo->addItem(ModelFormat::attributeTypeName(type), int(type));
        combo->setItemData(combo->count() - 1, tip, Qt::ToolTipRole);
    }
    return combo;
}

QCheckBox *OntologyPropertyForm::createCheck(const QString &objectName,
                                             const QString &text,
                                             const QString &tip)
{
    auto *check = new QCheckBox(text, this);
    check->setObjectName(objectName);
    check->setToolTip(tip);
    return check;
}

QWidget *OntologyPropertyForm::createObjectPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formLayout(page);
    m_objectName = createNameEdit(QStringLiteral("objectNameEdit"), tr("Object name"));
    m_shape = new QComboBox(page);
    m_shape->setObjectName(QStringLiteral("shapeCombo"));
    m_shape->setAccessibleName(tr("Shape"));
    for (int value = 0; value < int(Shape::Unknown); ++value) {
        const auto shape = Shape(value);
        m_shape->addItem(ModelFormat::shapeName(shape), value);
        const QString version = sdkVersionFor(shape);
        if (!version.isEmpty()) {
            m_shape->setItemData(m_shape->count() - 1,
                                 tr("SDK %1 or later is needed to open an ontology with this "
                                    "shape.")
                                     .arg(version),
                                 Qt::ToolTipRole);
        }
    }
    m_color = new ColorButton(page);
    m_color->setObjectName(QStringLiteral("colorButton"));
    m_objectRequired = createCheck(QStringLiteral("objectRequiredCheck"),
                                   tr("Required"),
                                   tr("Annotators must label this object before submitting"));
    form->addRow(tr("&Name:"), m_objectName);
    form->addRow(tr("&Shape:"), m_shape);
    form->addRow(tr("&Colour:"), m_color);
    form->addRow(QString(), createPalette(page));
    form->addRow(QString(), m_objectRequired);
    // Shown only while the shape is skeleton; the object keeps its template meanwhile.
    m_skeleton = new SkeletonTemplateEditor(m_model, page);
    form->addRow(m_skeleton);

    connect(m_shape, &QComboBox::activated, this, [this](int row) {
        write(OntologyEditModel::ShapeRole, m_shape->itemData(row));
        if (m_shape->itemData(row).toInt() == int(Shape::Skeleton))
            revealSkeleton();
    });
    connect(m_color, &ColorButton::colorPicked, this, [this](const QColor &color) {
        write(OntologyEditModel::ColorRole, color);
    });
    connect(m_objectRequired, &QCheckBox::clicked, this, [this](bool checked) {
        write(OntologyEditModel::RequiredRole, checked);
    });
    return page;
}

QWidget *OntologyPropertyForm::createPalette(QWidget *page)
{
    // The SDK's palette one click away; the colour button opens the full chooser.
    auto *palette = new QWidget(page);
    palette->setObjectName(QStringLiteral("colorPalette"));
    auto *grid = new QGridLayout(palette);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    const QStringList &colors = OntologyHelpers::availableColors();
    constexpr int columns = 9;
    const int side = fontMetrics().height();
    for (qsizetype i = 0; i < colors.size(); ++i) {
        const QColor color(colors.at(i));
        QPixmap swatch(side, side);
        swatch.fill(Qt::transparent);
        QPainter painter(&swatch);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(color.darker(130));
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(swatch.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        painter.end();
        auto *button = new QToolButton(palette);
        button->setIcon(QIcon(swatch));
        button->setIconSize(swatch.size());
        button->setAutoRaise(true);
        button->setToolTip(colors.at(i));
        button->setAccessibleName(tr("Colour %1").arg(colors.at(i)));
        connect(button, &QToolButton::clicked, this, [this, color] {
            write(OntologyEditModel::ColorRole, color);
        });
        grid->addWidget(button, int(i / columns), int(i % columns));
    }
    grid->setColumnStretch(columns, 1);
    m_palette = palette;
    return palette;
}

QWidget *OntologyPropertyForm::createClassificationPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formLayout(page);
    m_question = createNameEdit(QStringLiteral("classificationNameEdit"), tr("Question"));
    m_question->setPlaceholderText(tr("e.g. Weather"));
    m_questionType = createAttributeTypeCombo(QStringLiteral("classificationTypeCombo"));
    m_questionRequired = createCheck(QStringLiteral("classificationRequiredCheck"),
                                     tr("Required"),
                                     tr("Annotators must answer this question"));
    auto *note = new QLabel(tr("A classification asks its first attribute's question; its "
                               "options are the answers."),
                            page);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(tr("&Question:"), m_question);
    form->addRow(tr("&Answer:"), m_questionType);
    form->addRow(QString(), m_questionRequired);
    form->addRow(note);

    connect(m_questionType, &QComboBox::activated, this, [this](int row) {
        write(OntologyEditModel::AttributeTypeRole, m_questionType->itemData(row), true);
    });
    connect(m_questionRequired, &QCheckBox::clicked, this, [this](bool checked) {
        write(OntologyEditModel::RequiredRole, checked);
    });
    return page;
}

QWidget *OntologyPropertyForm::createAttributePage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formLayout(page);
    m_attributeName = createNameEdit(QStringLiteral("attributeNameEdit"), tr("Attribute name"));
    m_attributeType = createAttributeTypeCombo(QStringLiteral("attributeTypeCombo"));
    m_attributeRequired = createCheck(QStringLiteral("attributeRequiredCheck"),
                                      tr("Required"),
                                      tr("Annotators must answer this question"));
    m_dynamic = createCheck(QStringLiteral("attributeDynamicCheck"),
                            tr("Dynamic (the answer may change from frame to frame)"),
                            tr("Only for attributes placed directly on an object"));
    form->addRow(tr("&Name:"), m_attributeName);
    form->addRow(tr("&Type:"), m_attributeType);
    form->addRow(QString(), m_attributeRequired);
    form->addRow(QString(), m_dynamic);

    connect(m_attributeType, &QComboBox::activated, this, [this](int row) {
        write(OntologyEditModel::AttributeTypeRole, m_attributeType->itemData(row));
    });
    connect(m_attributeRequired, &QCheckBox::clicked, this, [this](bool checked) {
        write(OntologyEditModel::RequiredRole, checked);
    });
    connect(m_dynamic, &QCheckBox::clicked, this, [this](bool checked) {
        write(OntologyEditModel::DynamicRole, checked);
    });
    return page;
}

QWidget *OntologyPropertyForm::createOptionPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = formLayout(page);
    m_optionLabel = createNameEdit(QStringLiteral("optionLabelEdit"), tr("Option label"));
    m_optionValue = new QLineEdit(page);
    m_optionValue->setObjectName(QStringLiteral("optionValueEdit"));
    m_optionValue->setAccessibleName(tr("Option value"));
    m_optionValue->setReadOnly(true);
    m_optionValue->setToolTip(tr("What the option is called in exported labels; it follows the "
                                 "label (lower case, spaces become underscores)"));
    form->addRow(tr("&Label:"), m_optionLabel);
    form->addRow(tr("Value:"), m_optionValue);
    return page;
}

void OntologyPropertyForm::revealSkeleton()
{
    // Once the new section is laid out, scroll its top rows into view, keeping as much of the
    // fields above it as fits.
    QTimer::singleShot(0, this, [this] {
        if (!m_skeleton->isVisible())
            return;
        const int top = m_skeleton->mapTo(m_scroll->widget(), QPoint(0, 0)).y();
        m_scroll->ensureVisible(0, top + m_scroll->viewport()->height() * 2 / 3, 0, 0);
    });
}

void OntologyPropertyForm::setCurrentIndex(const QModelIndex &index)
{
    m_current = index.siblingAtColumn(0);
    refresh();
}

void OntologyPropertyForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QLineEdit *edit : {m_objectName, m_question, m_attributeName, m_optionLabel})
        edit->setReadOnly(readOnly);
    for (QWidget *field : std::initializer_list<QWidget *>{m_shape,
                                                           m_color,
                                                           m_palette,
                                                           m_objectRequired,
                                                           m_questionType,
                                                           m_questionRequired,
                                                           m_attributeType,
                                                           m_attributeRequired,
                                                           m_dynamic})
        field->setEnabled(!readOnly);
    m_skeleton->setReadOnly(readOnly);
    refresh();
}

void OntologyPropertyForm::focusName()
{
    if (QLineEdit *edit = currentNameEdit()) {
        edit->setFocus(Qt::OtherFocusReason);
        edit->selectAll();
    }
}

QLineEdit *OntologyPropertyForm::currentNameEdit() const
{
    QWidget *page = m_pages->currentWidget();
    if (page == m_objectPage)
        return m_objectName;
    if (page == m_classificationPage)
        return m_question;
    if (page == m_attributePage)
        return m_attributeName;
    if (page == m_optionPage)
        return m_optionLabel;
    return nullptr;
}

void OntologyPropertyForm::write(int role, const QVariant &value, bool onQuestion)
{
    if (!m_current.isValid() || m_readOnly)
        return;
    QModelIndex target = m_current;
    if (onQuestion)
        target = m_model->index(0, 0, target);
    if (target.isValid())
        m_model->setData(target, value, role);
}

void OntologyPropertyForm::refresh()
{
    using Kind = OntologyEditModel::Kind;
    const QModelIndex index = m_current;
    const bool element = index.isValid() && m_model->kind(index) != Kind::ObjectSection
                         && m_model->kind(index) != Kind::ClassificationSection;
    if (!element || m_model->kind(index) != Kind::Object) {
        // A shown template would keep every page of the stack as tall as itself.
        m_skeleton->setObject({});
        m_skeleton->hide();
    }
    if (!element) {
        m_heading->setText(m_readOnly ? tr("Ontology structure") : tr("Build the ontology"));
        m_guide->setText(guideText());
        m_identity->clear();
        m_identity->hide();
        m_pages->setCurrentWidget(m_guidePage);
        return;
    }

    const QString name = index.data(OntologyEditModel::NameRole).toString();
    const bool required = index.data(OntologyEditModel::RequiredRole).toBool();
    m_identity->show();
    m_identity->setText(tr("Id %1 \u00b7 feature node hash %2")
                            .arg(index.data(OntologyEditModel::IdRole).toString(),
                                 index.data(OntologyEditModel::FeatureNodeHashRole).toString()));
    switch (m_model->kind(index)) {
    case Kind::Object:
        m_heading->setText(tr("Object"));
        m_pages->setCurrentWidget(m_objectPage);
        setTextKeepingCursor(m_objectName, name);
        selectData(m_shape, index.data(OntologyEditModel::ShapeRole).toInt());
        m_color->setColor(index.data(OntologyEditModel::ColorRole).value<QColor>());
        m_objectRequired->setChecked(required);
        m_skeleton->setObject(index);
        m_skeleton->setVisible(index.data(OntologyEditModel::ShapeRole).toInt()
                               == int(Shape::Skeleton));
        break;
    case Kind::Classification: {
        m_heading->setText(tr("Classification"));
        m_pages->setCurrentWidget(m_classificationPage);
        const QModelIndex question = m_model->index(0, 0, index);
        setTextKeepingCursor(m_question, name);
        m_question->setEnabled(question.isValid());
        selectData(m_questionType,
                   question.isValid() ? question.data(OntologyEditModel::AttributeTypeRole).toInt()
                                      : -1);
        m_questionType->setEnabled(question.isValid() && !m_readOnly);
        m_questionRequired->setChecked(required);
        m_questionRequired->setEnabled(question.isValid() && !m_readOnly);
        break;
    }
    case Kind::Attribute: {
        m_heading->setText(tr("Attribute"));
        m_pages->setCurrentWidget(m_attributePage);
        setTextKeepingCursor(m_attributeName, name);
        selectData(m_attributeType, index.data(OntologyEditModel::AttributeTypeRole).toInt());
        m_attributeRequired->setChecked(required);
        m_dynamic->setChecked(index.data(OntologyEditModel::DynamicRole).toBool());
        const bool onObject = m_model->kind(index.parent()) == Kind::Object;
        m_dynamic->setEnabled(onObject && !m_readOnly);
        break;
    }
    case Kind::Option:
        m_heading->setText(tr("Option"));
        m_pages->setCurrentWidget(m_optionPage);
        setTextKeepingCursor(m_optionLabel, name);
        m_optionValue->setText(index.data(OntologyEditModel::OptionValueRole).toString());
        break;
    default:
        break;
    }
}

} // namespace Encord
