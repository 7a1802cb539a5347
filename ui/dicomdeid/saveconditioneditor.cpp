#include "saveconditioneditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Encord {

namespace {

using Dicom::SaveCondition;

enum Column {
    TagColumn,
    KindColumn,
    ValuesColumn,
};

struct KnownTag
{
    std::uint16_t group;
    std::uint16_t element;
    const char *keyword;
};

// The attributes save conditions usually test: what kind of image it is, from which device,
// and whether text is burned in. Any other tag can be typed as a number.
constexpr KnownTag kKnownTags[] = {
    {0x0008, 0x0008, "ImageType"},
    {0x0008, 0x0016, "SOPClassUID"},
    {0x0008, 0x0060, "Modality"},
    {0x0008, 0x0064, "ConversionType"},
    {0x0008, 0x0070, "Manufacturer"},
    {0x0008, 0x1030, "StudyDescription"},
    {0x0008, 0x103E, "SeriesDescription"},
    {0x0008, 0x1090, "ManufacturerModelName"},
    {0x0010, 0x0040, "PatientSex"},
    {0x0018, 0x0015, "BodyPartExamined"},
    {0x0018, 0x0020, "ScanningSequence"},
    {0x0018, 0x1030, "ProtocolName"},
    {0x0018, 0x5101, "ViewPosition"},
    {0x0020, 0x0060, "Laterality"},
    {0x0028, 0x0004, "PhotometricInterpretation"},
    {0x0028, 0x0301, "BurnedInAnnotation"},
    {0x0028, 0x2110, "LossyImageCompression"},
};

QString tagLabel(std::uint16_t group, std::uint16_t element, const QString &keyword)
{
    const QString number = QStringLiteral("(%1,%2)")
                               .arg(group, 4, 16, QLatin1Char('0'))
                               .arg(element, 4, 16, QLatin1Char('0'))
                               .toUpper();
    return keyword + QLatin1Char(' ') + number;
}

} // namespace

SaveConditionEditor::SaveConditionEditor(QWidget *parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("saveConditions"));
    m_table->setAccessibleName(tr("Save conditions"));
    m_table->setHorizontalHeaderLabels({tr("Tag"), tr("Condition"), tr("Values")});
    m_table->horizontalHeader()->setSectionResizeMode(TagColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ValuesColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(TagColumn, 280);
    m_table->setColumnWidth(KindColumn, 170);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(110);

    auto *add = new QPushButton(tr("&Add Condition"), this);
    add->setObjectName(QStringLiteral("addCondition"));
    add->setAccessibleName(tr("Add a save condition"));
    auto *remove = new QPushButton(tr("Remo&ve Condition"), this);
    remove->setObjectName(QStringLiteral("removeCondition"));
    remove->setAccessibleName(tr("Remove the selected save condition"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] { addCondition(); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            removeCondition(m_table->currentRow());
    });
}

SaveConditionEditor::~SaveConditionEditor() = default;

int SaveConditionEditor::addCondition(const QString &tag,
                                      SaveCondition::Kind kind,
                                      const QString &values)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);

    auto *tagBox = new QComboBox(m_table);
    tagBox->setEditable(true);
    tagBox->setInsertPolicy(QComboBox::NoInsert);
    tagBox->setAccessibleName(tr("Tag of condition %1, by keyword or number").arg(row + 1));
    for (const KnownTag &known : kKnownTags)
        tagBox->addItem(tagLabel(known.group, known.element, QLatin1String(known.keyword)));
    tagBox->setCurrentText(tag.isEmpty() ? tagBox->itemText(2) : tag);
    m_table->setCellWidget(row, TagColumn, tagBox);

    auto *kindBox = new QComboBox(m_table);
    kindBox->setAccessibleName(tr("Kind of condition %1").arg(row + 1));
    kindBox->addItem(tr("is one of"), int(SaveCondition::Kind::In));
    kindBox->addItem(tr("does not contain"), int(SaveCondition::Kind::NotSubstr));
    kindBox->setCurrentIndex(kindBox->findData(int(kind)));
    m_table->setCellWidget(row, KindColumn, kindBox);

    auto *valuesEdit = new QLineEdit(values, m_table);
    valuesEdit->setAccessibleName(tr("Values of condition %1").arg(row + 1));
    const auto updatePlaceholder = [kindBox, valuesEdit] {
        valuesEdit->setPlaceholderText(
            kindBox->currentData().toInt() == int(SaveCondition::Kind::In)
                ? tr("Values separated by commas, e.g. CT, MR (any case)")
                : tr("Text the value must not contain, e.g. SECONDARY"));
    };
    updatePlaceholder();
    m_table->setCellWidget(row, ValuesColumn, valuesEdit);

    connect(tagBox, &QComboBox::currentTextChanged, this, &SaveConditionEditor::changed);
    connect(kindBox, &QComboBox::currentIndexChanged, this, updatePlaceholder);
    connect(kindBox, &QComboBox::currentIndexChanged, this, &SaveConditionEditor::changed);
    connect(valuesEdit, &QLineEdit::textChanged, this, &SaveConditionEditor::changed);
    m_table->setCurrentCell(row, TagColumn);
    Q_EMIT changed();
    return row;
}

void SaveConditionEditor::removeCondition(int row)
{
    if (row < 0 || row >= m_table->rowCount())
        return;
    m_table->removeRow(row);
    Q_EMIT changed();
}

int SaveConditionEditor::rowCount() const
{
    return m_table->rowCount();
}

std::optional<std::pair<std::uint16_t, std::uint16_t>> SaveConditionEditor::parseTag(
    const QString &text)
{
    const QString trimmed = text.trimmed();
    if (const auto number = SaveCondition::parseTag(trimmed))
        return number;
    // "Keyword (GGGG,EEEE)" as the list shows it: the number decides.
    static const QRegularExpression labelled(QStringLiteral("^\\w+\\s*(\\(.*\\))$"));
    if (const QRegularExpressionMatch match = labelled.match(trimmed); match.hasMatch())
        return SaveCondition::parseTag(match.captured(1));
    for (const KnownTag &known : kKnownTags) {
        if (trimmed.compare(QLatin1String(known.keyword), Qt::CaseInsensitive) == 0)
            return std::pair{known.group, known.element};
    }
    return std::nullopt;
}

std::optional<QList<SaveCondition>> SaveConditionEditor::conditions(QString *error) const
{
    const auto fail = [error](const QString &message) -> std::optional<QList<SaveCondition>> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QList<SaveCondition> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto *tagBox = qobject_cast<QComboBox *>(m_table->cellWidget(row, TagColumn));
        const auto *kindBox = qobject_cast<QComboBox *>(m_table->cellWidget(row, KindColumn));
        const auto *valuesEdit = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValuesColumn));
        const auto tag = parseTag(tagBox->currentText());
        if (!tag)
            return fail(tr("Condition %1: \"%2\" is not a tag. Pick a keyword from the list or "
                           "type a number such as 0008,0060.")
                            .arg(row + 1)
                            .arg(tagBox->currentText()));
        SaveCondition condition;
        condition.group = tag->first;
        condition.element = tag->second;
        condition.kind = SaveCondition::Kind(kindBox->currentData().toInt());
        const QString text = valuesEdit->text().trimmed();
        if (condition.kind == SaveCondition::Kind::In) {
            const QStringList parts = text.split(QLatin1Char(','));
            for (const QString &part : parts) {
                if (!part.trimmed().isEmpty())
                    condition.values << part.trimmed();
            }
        } else if (!text.isEmpty()) {
            condition.values << text;
        }
        if (condition.values.isEmpty())
            return fail(tr("Condition %1 has no value.").arg(row + 1));
        result << condition;
    }
    return result;
}

} // namespace Encord
