#include "newfolderdialog.h"

#include "fieldmessage.h"
#include "formerror.h"

#include <QCoroTask>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Encord {

namespace {

enum Column {
    KeyColumn,
    ValueColumn,
};

constexpr int kMaxNameLength = 255;

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

bool isNumberArray(const QJsonDocument &document)
{
    if (!document.isArray())
        return false;
    const QJsonArray values = document.array();
    return std::all_of(
        values.begin(), values.end(), [](const QJsonValue &value) { return value.isDouble(); });
}

// @p text read as a value of @p type; nullopt when it is not one.
std::optional<QJsonValue> typedValue(ClientMetadataSchemaType type, const QString &text)
{
    switch (type) {
    case ClientMetadataSchemaType::Number: {
        bool ok = false;
        const double number = QLocale::c().toDouble(text, &ok);
        return ok ? std::optional<QJsonValue>(number) : std::nullopt;
    }
    case ClientMetadataSchemaType::Boolean:
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return QJsonValue(true);
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return QJsonValue(false);
        return std::nullopt;
    case ClientMetadataSchemaType::DateTime:
        if (!QDateTime::fromString(text, Qt::ISODate).isValid())
            return std::nullopt;
        return QJsonValue(text);
    case ClientMetadataSchemaType::Geospatial: {
        // A GeoJSON geometry ({"type": "Point", "coordinates": [13.4, 52.5]}) or a bare
        // [longitude, latitude] pair.
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        if (document.isObject()) {
            const QJsonObject geometry = document.object();
            if (geometry.value(QLatin1String("type")).isString()
                && geometry.value(QLatin1String("coordinates")).isArray())
                return QJsonValue(geometry);
            return std::nullopt;
        }
        if (isNumberArray(document) && document.array().size() == 2)
            return QJsonValue(document.array());
        return std::nullopt;
    }
    case ClientMetadataSchemaType::Embedding: {
        // A vector: a non-empty array of numbers.
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        if (isNumberArray(document) && !document.array().isEmpty())
            return QJsonValue(document.array());
        return std::nullopt;
    }
    case ClientMetadataSchemaType::String:
    case ClientMetadataSchemaType::Enum:
    case ClientMetadataSchemaType::LongString:
    case ClientMetadataSchemaType::Unknown:
        break;
    }
    return QJsonValue(text);
}

QString typeHint(ClientMetadataSchemaType type)
{
    switch (type) {
    case ClientMetadataSchemaType::Number:
        return NewFolderDialog::tr("a number such as 2.5");
    case ClientMetadataSchemaType::Boolean:
        return NewFolderDialog::tr("true or false");
    case ClientMetadataSchemaType::DateTime:
        return NewFolderDialog::tr("an ISO date such as 2024-05-01T10:00:00Z");
    case ClientMetadataSchemaType::Geospatial:
        return NewFolderDialog::tr("a GeoJSON geometry or a [longitude, latitude] pair");
    case ClientMetadataSchemaType::Embedding:
        return NewFolderDialog::tr("a list of numbers such as [0.1, 0.5, 0.2]");
    default:
        break;
    }
    return NewFolderDialog::tr("text");
}

} // namespace

NewFolderDialog::NewFolderDialog(EncordClient client,
                                 std::optional<QString> parentUuid,
                                 const QString &parentName,
                                 QWidget *parent)
    : QDialog(parent)
    , m_client(std::move(client))
    , m_parentUuid(std::move(parentUuid))
    , m_name(new QLineEdit(this))
    , m_nameMessage(new FieldMessage(tr("Name"), this))
    , m_description(new QPlainTextEdit(this))
    , m_metadata(new QTableWidget(0, 2, this))
    , m_metadataProblems(new QLabel(this))
    , m_schemaNote(new QLabel(this))
    , m_error(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_createButton(m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("newFolderDialog"));
    setWindowTitle(tr("New Folder"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("Required"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().height() * 3);
    m_metadata->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_metadata->setAccessibleName(tr("Client metadata"));
    m_metadata->verticalHeader()->hide();
    m_metadata->horizontalHeader()->setStretchLastSection(true);
    m_metadata->setColumnWidth(KeyColumn, 160);
    FormError::style(m_metadataProblems);
    m_metadataProblems->setAccessibleName(tr("Metadata problems"));
    m_schemaNote->setWordWrap(true);
    m_schemaNote->setForegroundRole(QPalette::PlaceholderText);
    m_schemaNote->setAccessibleName(tr("Metadata schema"));
    FormError::style(m_error);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();
    m_createButton->setDefault(true);

    auto *addRow = new QPushButton(tr("&Add Entry"), this);
    addRow->setAccessibleName(tr("Add metadata entry"));
    auto *removeRow = new QPushButton(tr("&Remove Entry"), this);
    removeRow->setAccessibleName(tr("Remove metadata entry"));
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(addRow);
    rowButtons->addWidget(removeRow);
    rowButtons->addStretch(1);

    auto *nameColumn = new QVBoxLayout;
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_nameMessage);
    auto *form = new QFormLayout;
    form->addRow(tr("Inside:"), new QLabel(m_parentUuid ? parentName : tr("The top level"), this));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, nameColumn);
    form->addRow(tr("&Description:"), m_description);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Client metadata:"), this));
    layout->addWidget(m_metadata, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_schemaNote);
    layout->addWidget(m_metadataProblems);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameTouched = true;
        validate();
    });
    connect(addRow, &QPushButton::clicked, this, [this] {
        const int row = addMetadataRow();
        m_metadata->setCurrentCell(row, KeyColumn);
        m_metadata->editItem(m_metadata->item(row, KeyColumn));
    });
    connect(removeRow, &QPushButton::clicked, this, [this] {
        if (m_metadata->currentRow() >= 0)
            m_metadata->removeRow(m_metadata->currentRow());
        validate();
    });
    connect(m_metadata, &QTableWidget::itemChanged, this, &NewFolderDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewFolderDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewFolderDialog::reject);
    validate();
    resize(520, 520);
    loadSchema();
}

NewFolderDialog::~NewFolderDialog()
{
    m_requests.advance();
}

int NewFolderDialog::addMetadataRow(const QString &key, const QString &value)
{
    const int row = m_metadata->rowCount();
    m_metadata->insertRow(row);
    m_metadata->setItem(row, KeyColumn, new QTableWidgetItem(key));
    m_metadata->setItem(row, ValueColumn, new QTableWidgetItem(value));
    validate();
    return row;
}

void NewFolderDialog::loadSchema()
{
    m_schemaNote->setText(tr("Loading the organisation's metadata schema…"));
    const quint64 generation = m_requests.advance();
    QCoro::connect(
        m_client.getClientMetadataSchema(m_requests.token()),
        this,
        [this, generation](const Result<std::optional<ClientMetadataSchema>> &answer) {
            if (!m_requests.isCurrent(generation))
                return;
            m_schemaLoaded = true;
            if (!answer.ok()) {
                m_schemaNote->setText(tr("The metadata schema could not be loaded; values "
                                         "are sent as text."));
            } else if (!answer.value()) {
                m_schemaNote->setText(tr("The organisation has no metadata schema; values are "
                                         "sent as text."));
            } else {
                m_schema = answer.value();
                QStringList keys;
                for (auto it = m_schema->metadataSchema.cbegin();
                     it != m_schema->metadataSchema.cend();
                     ++it)
                    keys << QStringLiteral("%1 (%2)").arg(it.key(), it.value().toJson().toString());
                m_schemaNote->setText(tr("Keys of the organisation's schema: %1")
                                          .arg(keys.join(QStringLiteral(", "))));
            }
            validate();
        });
}

QJsonObject NewFolderDialog::metadata(QStringList *problems) const
{
    QJsonObject result;
    QSet<QString> seen;
    for (int row = 0; row < m_metadata->rowCount(); ++row) {
        const QString key = cellText(m_metadata, row, KeyColumn);
        const QString value = cellText(m_metadata, row, ValueColumn);
        const auto problem = [&](const QString &text) {
            if (problems)
                problems->append(tr("Row %1: %2").arg(row + 1).arg(text));
        };
        if (key.isEmpty()) {
            if (!value.isEmpty())
                problem(tr("a value needs a key."));
            continue;
        }
        if (seen.contains(key)) {
            problem(tr("the key “%1” is already in the table.").arg(key));
            continue;
        }
        seen.insert(key);
        if (!m_schema) {
            result.insert(key, value);
            continue;
        }
        const auto type = m_schema->metadataSchema.constFind(key);
        if (type == m_schema->metadataSchema.cend()) {
            problem(tr("“%1” is not a key of the organisation's metadata schema.").arg(key));
            continue;
        }
        const std::optional<QJsonValue> typed = typedValue(type->value(), value);
        if (!typed) {
            problem(tr("“%1” needs %2.").arg(key, typeHint(type->value())));
            continue;
        }
        result.insert(key, *typed);
    }
    return result;
}

void NewFolderDialog::validate()
{
    const QString name = m_name->text().trimmed();
    QString nameProblem;
    if (name.isEmpty())
        nameProblem = tr("A folder needs a name.");
    else if (name.size() > kMaxNameLength)
        nameProblem = tr("A name has at most %1 characters.").arg(kMaxNameLength);
    else if (name.contains(QLatin1Char('/')))
        nameProblem = tr("A name cannot contain '/'.");
    m_nameMessage->setMessage(m_nameTouched ? nameProblem : QString());
    QStringList problems;
    metadata(&problems);
    m_metadataProblems->setText(problems.join(QLatin1Char('\n')));
    m_metadataProblems->setVisible(!problems.isEmpty());
    m_createButton->setEnabled(nameProblem.isEmpty() && problems.isEmpty() && !m_busy
                               && m_schemaLoaded);
}

void NewFolderDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_name->setReadOnly(busy);
    m_description->setReadOnly(busy);
    m_metadata->setEnabled(!busy);
    validate();
}

void NewFolderDialog::submit()
{
    m_nameTouched = true;
    validate();
    if (!m_createButton->isEnabled())
        return;
    m_error->hide();
    const QJsonObject values = metadata();
    const std::optional<QJsonObject> clientMetadata =
        values.isEmpty() ? std::nullopt : std::optional<QJsonObject>(values);
    setBusy(true);
    const quint64 generation = m_requests.advance();
    QCoro::connect(m_client.createStorageFolder(m_name->text().trimmed(),
                                                m_description->toPlainText().trimmed(),
                                                clientMetadata,
                                                m_parentUuid,
                                                m_requests.token()),
                   this,
                   [this, generation](const Result<StorageFolder> &answer) {
                       if (!m_requests.isCurrent(generation))
                           return;
                       setBusy(false);
                       if (!answer.ok()) {
                           FormError::show(m_error, answer.error());
                           return;
                       }
                       m_createdUuid = answer->uuid;
                       Q_EMIT folderCreated(m_createdUuid);
                       accept();
                   });
}

void NewFolderDialog::reject()
{
    if (m_busy) {
        m_requests.advance();
        setBusy(false);
        return;
    }
    QDialog::reject();
}

} // namespace Encord
