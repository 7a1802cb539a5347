#include "metadataschemadialog.h"

#include "errorcolour.h"
#include "formerror.h"
#include "modelformat.h"

#include <QComboBox>
#include <QCoroTask>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Encord {

namespace {

enum Column {
    KeyColumn,
    TypeColumn,
};

constexpr int kMaxKeyLength = 128;

const QList<ClientMetadataSchemaType> kTypes = {ClientMetadataSchemaType::Number,
                                                ClientMetadataSchemaType::String,
                                                ClientMetadataSchemaType::Boolean,
                                                ClientMetadataSchemaType::DateTime,
                                                ClientMetadataSchemaType::Geospatial,
                                                ClientMetadataSchemaType::Enum,
                                                ClientMetadataSchemaType::Embedding,
                                                ClientMetadataSchemaType::LongString};

QString typeLabel(ClientMetadataSchemaType type)
{
    switch (type) {
    case ClientMetadataSchemaType::Number:
        return MetadataSchemaDialog::tr("Number");
    case ClientMetadataSchemaType::String:
        return MetadataSchemaDialog::tr("Text");
    case ClientMetadataSchemaType::Boolean:
        return MetadataSchemaDialog::tr("Yes/no");
    case ClientMetadataSchemaType::DateTime:
        return MetadataSchemaDialog::tr("Date and time");
    case ClientMetadataSchemaType::Geospatial:
        return MetadataSchemaDialog::tr("Geospatial");
    case ClientMetadataSchemaType::Enum:
        return MetadataSchemaDialog::tr("Choice (enum)");
    case ClientMetadataSchemaType::Embedding:
        return MetadataSchemaDialog::tr("Embedding");
    case ClientMetadataSchemaType::LongString:
        return MetadataSchemaDialog::tr("Long text");
    case ClientMetadataSchemaType::Unknown:
        break;
    }
    return {};
}

bool defaultConfirmation(QWidget *parent, int keyCount)
{
    return QMessageBox::question(
               parent,
               MetadataSchemaDialog::tr("Replace the Metadata Schema?"),
               MetadataSchemaDialog::tr("The organisation has one client metadata schema. "
                                        "Saving replaces it for everyone with these %1.")
                   .arg(ModelFormat::count(keyCount,
                                           MetadataSchemaDialog::tr("key"),
                                           MetadataSchemaDialog::tr("keys"))),
               QMessageBox::Save | QMessageBox::Cancel,
               QMessageBox::Cancel)
           == QMessageBox::Save;
}

} // namespace

MetadataSchemaDialog::MetadataSchemaDialog(EncordClient client, QWidget *parent)
    : QDialog(parent)
    , m_client(std::move(client))
    , m_confirm(defaultConfirmation)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(tr("&Add Key"), this))
    , m_remove(new QPushButton(tr("&Remove Key"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_problems(new QLabel(this))
    , m_error(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("metadataSchemaDialog"));
    setWindowTitle(tr("Client Metadata Schema"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Type")});
    m_table->setAccessibleName(tr("Metadata keys"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TypeColumn, QHeaderView::Interactive);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_add->setAccessibleName(tr("Add key"));
    m_remove->setAccessibleName(tr("Remove key"));
    m_save->setAccessibleName(tr("Save"));
    m_save->setDefault(true);
    m_problems->setAccessibleName(tr("Problems"));
    FormError::style(m_problems);
    FormError::style(m_error);
    m_status->setAccessibleName(tr("Status"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Progress"));

    auto *intro = new QLabel(tr("Client metadata keys and the type of their values. The "
                                "organisation has one schema; it applies to every storage item "
                                "and folder."),
                             this);
    intro->setWordWrap(true);
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(m_add);
    rowButtons->addWidget(m_remove);
    rowButtons->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_problems);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] {
        const int row = addRow();
        m_table->setCurrentCell(row, KeyColumn);
        m_table->editItem(m_table->item(row, KeyColumn));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0)
            m_table->removeRow(row);
        validate();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &MetadataSchemaDialog::validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &MetadataSchemaDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &MetadataSchemaDialog::reject);
    resize(520, 520);
    load();
}

MetadataSchemaDialog::~MetadataSchemaDialog()
{
    m_requests.advance();
}

QStringList MetadataSchemaDialog::typeNames()
{
    QStringList names;
    for (const ClientMetadataSchemaType type : kTypes)
        names.append(toWire(type));
    return names;
}

int MetadataSchemaDialog::addRow(const QString &key, const QString &type)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, KeyColumn, new QTableWidgetItem(key));
    auto *types = new QComboBox(m_table);
    types->setAccessibleName(tr("Type of key %1").arg(row + 1));
    for (const ClientMetadataSchemaType known : kTypes)
        types->addItem(QStringLiteral("%1 (%2)").arg(typeLabel(known), toWire(known)),
                       toWire(known));
    int index = types->findData(type);
    if (index < 0) {
        // A type this version does not know stays as the server has it.
        types->addItem(tr("%1 (unknown type)").arg(type), type);
        index = types->count() - 1;
    }
    types->setCurrentIndex(index);
    m_table->setCellWidget(row, TypeColumn, types);
    // Cell widgets do not size their column: make room for the widest type name.
    m_table->setColumnWidth(TypeColumn,
                            std::max(m_table->columnWidth(TypeColumn), types->sizeHint().width()));
    validate();
    return row;
}

void MetadataSchemaDialog::load()
{
    setBusy(true);
    m_status->setText(tr("Loading the organisation's schema…"));
    const quint64 generation = m_requests.advance();
    QCoro::connect(
        m_client.getClientMetadataSchema(m_requests.token()),
        this,
        [this, generation](const Result<std::optional<ClientMetadataSchema>> &answer) {
            if (!m_requests.isCurrent(generation))
                return;
            setBusy(false);
            if (!answer.ok()) {
                m_status->setText(tr("The schema could not be loaded; saving is off so that "
                                     "nothing is replaced by mistake."));
                FormError::show(m_error, answer.error());
                return;
            }
            m_loaded = true;
            m_table->setRowCount(0);
            if (!answer.value()) {
                m_status->setText(tr("The organisation has no schema yet."));
            } else {
                const ClientMetadataSchema &schema = *answer.value();
                for (auto it = schema.metadataSchema.cbegin(); it != schema.metadataSchema.cend();
                     ++it)
                    addRow(it.key(), it.value().toJson().toString());
                m_status->setText(tr("%1 in the organisation's schema.")
                                      .arg(ModelFormat::count(
                                          schema.metadataSchema.size(), tr("key"), tr("keys"))));
            }
            validate();
        });
}

QStringList MetadataSchemaDialog::problems() const
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));
    QStringList found;
    QSet<QString> seen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *item = m_table->item(row, KeyColumn);
        const QString key = item ? item->text().trimmed() : QString();
        if (key.isEmpty())
            found << tr("Row %1: a key is required.").arg(row + 1);
        else if (key.size() > kMaxKeyLength)
            found << tr("Row %1: a key has at most %2 characters.").arg(row + 1).arg(kMaxKeyLength);
        else if (!allowed.match(key).hasMatch())
            found << tr("Row %1: “%2” may hold only letters, digits, '_', '-' and '.', and "
                        "starts with a letter, digit or '_'.")
                         .arg(row + 1)
                         .arg(key);
        else if (seen.contains(key))
            found << tr("Row %1: the key “%2” is already in the table.").arg(row + 1).arg(key);
        seen.insert(key);
    }
    return found;
}

ClientMetadataSchema MetadataSchemaDialog::schema() const
{
    ClientMetadataSchema schema;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *item = m_table->item(row, KeyColumn);
        const auto *types = qobject_cast<QComboBox *>(m_table->cellWidget(row, TypeColumn));
        if (!item || !types)
            continue;
        schema.metadataSchema.insert(
            item->text().trimmed(),
            WireEnum<ClientMetadataSchemaType>::read(types->currentData().toString()));
    }
    return schema;
}

void MetadataSchemaDialog::validate()
{
    const QStringList found = problems();
    m_problems->setText(found.join(QLatin1Char('\n')));
    m_problems->setVisible(!found.isEmpty());
    // Highlight the rows that have a problem.
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, KeyColumn);
        if (!item)
            continue;
        const QString prefix = tr("Row %1:").arg(row + 1);
        const bool bad = std::any_of(found.cbegin(), found.cend(), [&](const QString &problem) {
            return problem.startsWith(prefix + QLatin1Char(' '));
        });
        const QSignalBlocker blocker(m_table);
        item->setForeground(
            bad ? QBrush(ErrorColour::forBackground(m_table->palette().color(QPalette::Base)))
                : QBrush());
        item->setToolTip(bad ? tr("See the problem under the table.") : QString());
    }
    m_save->setEnabled(m_loaded && !m_busy && found.isEmpty());
}

void MetadataSchemaDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_add->setEnabled(!busy);
    m_remove->setEnabled(!busy);
    m_table->setEnabled(!busy);
    validate();
}

void MetadataSchemaDialog::save()
{
    validate();
    if (!m_save->isEnabled())
        return;
    const ClientMetadataSchema schema = this->schema();
    if (!m_confirm(this, int(schema.metadataSchema.size())))
        return;
    m_error->hide();
    setBusy(true);
    m_status->setText(tr("Saving…"));
    const quint64 generation = m_requests.advance();
    QCoro::connect(m_client.setClientMetadataSchemaFromDict(schema, m_requests.token()),
                   this,
                   [this, generation](const Result<void> &answer) {
                       if (!m_requests.isCurrent(generation))
                           return;
                       setBusy(false);
                       if (!answer.ok()) {
                           m_status->setText(tr("Not saved."));
                           FormError::show(m_error, answer.error());
                           return;
                       }
                       Q_EMIT saved();
                       accept();
                   });
}

void MetadataSchemaDialog::reject()
{
    if (m_busy) {
        // Cancel while loading or saving stops the request; the table stays.
        m_requests.advance();
        setBusy(false);
        m_status->setText(tr("Cancelled."));
        return;
    }
    QDialog::reject();
}

} // namespace Encord
