#include "apikeysdialog.h"

#include "fieldmessage.h"
#include "formerror.h"
#include "modelformat.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCoroTask>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Encord {

namespace {

constexpr int kScopeRole = Qt::UserRole + 1;

const QList<DatasetScope> kDatasetScopes = {DatasetScope::Read, DatasetScope::Write};
const QList<ApiKeyScope> kProjectScopes = {ApiKeyScope::LabelRead,
                                           ApiKeyScope::LabelWrite,
                                           ApiKeyScope::ModelInference,
                                           ApiKeyScope::ModelTrain,
                                           ApiKeyScope::LabelLogsRead,
                                           ApiKeyScope::AlgoLibrary};

QString scopeLabel(DatasetScope scope)
{
    switch (scope) {
    case DatasetScope::Read:
        return ApiKeysDialog::tr("Read the dataset");
    case DatasetScope::Write:
        return ApiKeysDialog::tr("Change the dataset");
    case DatasetScope::Unknown:
        break;
    }
    return {};
}

QString scopeLabel(ApiKeyScope scope)
{
    switch (scope) {
    case ApiKeyScope::LabelRead:
        return ApiKeysDialog::tr("Read labels");
    case ApiKeyScope::LabelWrite:
        return ApiKeysDialog::tr("Write labels");
    case ApiKeyScope::ModelInference:
        return ApiKeysDialog::tr("Run model inference");
    case ApiKeyScope::ModelTrain:
        return ApiKeysDialog::tr("Train models");
    case ApiKeyScope::LabelLogsRead:
        return ApiKeysDialog::tr("Read label logs");
    case ApiKeyScope::AlgoLibrary:
        return ApiKeysDialog::tr("Use the algorithm library");
    case ApiKeyScope::Unknown:
        break;
    }
    return {};
}

template<typename E>
QStringList wireNames(const QList<WireEnum<E>> &scopes)
{
    QStringList names;
    for (const WireEnum<E> &scope : scopes)
        names.append(scope.toJson().toString());
    return names;
}

// The protocol's key records carry no creation time; a server that adds one is shown.
QString createdText(const QJsonObject &extra)
{
    for (const char *key : {"created_at", "createdAt"}) {
        const QDateTime when =
            QDateTime::fromString(extra.value(QLatin1String(key)).toString(), Qt::ISODate);
        if (when.isValid())
            return ModelFormat::shortDate(when);
    }
    return ApiKeysDialog::tr("Not reported");
}

} // namespace

ApiKeysDialog::ApiKeysDialog(EncordClient client,
                             Resource resource,
                             const QString &resourceHash,
                             const QString &resourceTitle,
                             QWidget *parent)
    : QDialog(parent)
    , m_client(std::move(client))
    , m_resource(resource)
    , m_hash(resourceHash)
    , m_table(new QTableWidget(0, 3, this))
    , m_title(new QLineEdit(this))
    , m_titleMessage(new FieldMessage(tr("Key title"), this))
    , m_scopesMessage(new FieldMessage(tr("Scopes"), this))
    , m_create(new QPushButton(tr("&Create Key"), this))
    , m_getOrCreate(new QPushButton(tr("&Get or Create Default Key"), this))
    , m_secretPanel(new QGroupBox(tr("New key"), this))
    , m_secret(new QLineEdit(m_secretPanel))
    , m_copy(new QPushButton(tr("C&opy"), m_secretPanel))
    , m_error(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("apiKeysDialog"));
    setWindowTitle(resource == Resource::Dataset
                       ? tr("API Keys of Dataset “%1”").arg(resourceTitle)
                       : tr("API Keys of Project “%1”").arg(resourceTitle));
    m_table->setHorizontalHeaderLabels({tr("Title"), tr("Scopes"), tr("Created")});
    m_table->setAccessibleName(tr("API keys"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 180);
    m_table->setColumnWidth(1, 260);
    m_title->setAccessibleName(tr("Key title"));
    m_title->setPlaceholderText(tr("Required"));
    m_create->setAccessibleName(tr("Create key"));
    m_getOrCreate->setAccessibleName(tr("Get or create default key"));
    m_secret->setReadOnly(true);
    m_secret->setAccessibleName(tr("Secret key"));
    m_copy->setAccessibleName(tr("Copy key"));
    FormError::style(m_error);
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();

    auto *scopeBox = new QWidget(this);
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    scopeLayout->setContentsMargins(0, 0, 0, 0);
    const auto addScope = [&](const QString &label, const QString &wire) {
        auto *box = new QCheckBox(QStringLiteral("%1 (%2)").arg(label, wire), scopeBox);
        box->setProperty("scope", wire);
        box->setAccessibleName(label);
        scopeLayout->addWidget(box);
        m_scopes.append(box);
        connect(box, &QCheckBox::toggled, this, &ApiKeysDialog::validate);
    };
    if (resource == Resource::Dataset) {
        for (const DatasetScope scope : kDatasetScopes)
            addScope(scopeLabel(scope), toWire(scope));
    } else {
        for (const ApiKeyScope scope : kProjectScopes)
            addScope(scopeLabel(scope), toWire(scope));
    }
    scopeLayout->addWidget(m_scopesMessage);

    auto *createBox = new QGroupBox(tr("Create a key"), this);
    auto *form = new QFormLayout(createBox);
    auto *titleColumn = new QVBoxLayout;
    titleColumn->addWidget(m_title);
    titleColumn->addWidget(m_titleMessage);
    auto *titleLabel = new QLabel(tr("&Title:"), createBox);
    titleLabel->setBuddy(m_title);
    form->addRow(titleLabel, titleColumn);
    form->addRow(tr("Scopes:"), scopeBox);
    auto *createRow = new QHBoxLayout;
    createRow->addStretch(1);
    createRow->addWidget(m_getOrCreate);
    createRow->addWidget(m_create);
    form->addRow(createRow);

    auto *warning =
        new QLabel(tr("This key is a secret: whoever has it can act on this %1 "
                      "with its scopes. It is shown only now. Copy it and keep "
                      "it somewhere safe.")
                       .arg(resource == Resource::Dataset ? tr("dataset") : tr("project")),
                   m_secretPanel);
    warning->setWordWrap(true);
    warning->setAccessibleName(tr("Warning"));
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_copy);
    auto *secretLayout = new QVBoxLayout(m_secretPanel);
    secretLayout->addWidget(warning);
    secretLayout->addLayout(secretRow);
    m_secretPanel->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(createBox);
    layout->addWidget(m_secretPanel);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(m_title, &QLineEdit::textEdited, this, [this] {
        m_titleTouched = true;
        validate();
    });
    connect(m_create, &QPushButton::clicked, this, &ApiKeysDialog::createKey);
    connect(m_getOrCreate, &QPushButton::clicked, this, &ApiKeysDialog::getOrCreateKey);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_secret->text());
        m_copy->setText(tr("Copied"));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    resize(640, 620);
    reload();
}

ApiKeysDialog::~ApiKeysDialog()
{
    m_requests.advance();
}

void ApiKeysDialog::setBusy(bool busy)
{
    m_busy += busy ? 1 : -1;
    m_progress->setVisible(m_busy > 0);
    validate();
}

void ApiKeysDialog::fail(const ApiError &error)
{
    if (error.kind() != ApiError::Kind::Cancelled)
        FormError::show(m_error, error);
}

void ApiKeysDialog::addRow(const QString &title,
                           const QStringList &scopes,
                           const QJsonObject &extra)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(title));
    auto *scopeItem = new QTableWidgetItem(scopes.join(QStringLiteral(", ")));
    scopeItem->setData(kScopeRole, scopes);
    m_table->setItem(row, 1, scopeItem);
    m_table->setItem(row, 2, new QTableWidgetItem(createdText(extra)));
}

void ApiKeysDialog::reload()
{
    setBusy(true);
    m_error->hide();
    const quint64 generation = m_requests.current();
    const auto done = [this, generation] {
        const bool current = m_requests.isCurrent(generation);
        if (current)
            setBusy(false);
        return current;
    };
    if (m_resource == Resource::Dataset) {
        QCoro::connect(m_client.getDatasetApiKeys(m_hash, m_requests.token()),
                       this,
                       [this, done](const Result<QList<DatasetApiKey>> &answer) {
                           if (!done())
                               return;
                           if (!answer.ok())
                               return fail(answer.error());
                           m_table->setRowCount(0);
                           for (const DatasetApiKey &key : answer.value())
                               addRow(key.title, wireNames(key.scopes), key.extra);
                       });
        return;
    }
    QCoro::connect(m_client.getProjectApiKeys(m_hash, m_requests.token()),
                   this,
                   [this, done](const Result<QList<ProjectApiKey>> &answer) {
                       if (!done())
                           return;
                       if (!answer.ok())
                           return fail(answer.error());
                       m_table->setRowCount(0);
                       for (const ProjectApiKey &key : answer.value())
                           addRow(key.title, wireNames(key.scopes), key.extra);
                   });
}

void ApiKeysDialog::validate()
{
    const bool titled = !m_title->text().trimmed().isEmpty();
    const bool scoped = std::any_of(
        m_scopes.cbegin(), m_scopes.cend(), [](const QCheckBox *box) { return box->isChecked(); });
    m_titleMessage->setMessage(m_titleTouched && !titled ? tr("A key needs a title.") : QString());
    m_scopesMessage->setMessage(m_titleTouched && !scoped ? tr("Tick at least one scope.")
                                                          : QString());
    m_create->setEnabled(titled && scoped && m_busy == 0);
    m_getOrCreate->setEnabled(m_busy == 0);
}

void ApiKeysDialog::showSecret(const QString &key)
{
    m_secret->setText(key);
    m_copy->setText(tr("C&opy"));
    m_secretPanel->show();
    m_secret->selectAll();
    m_secret->setFocus();
}

void ApiKeysDialog::createKey()
{
    m_titleTouched = true;
    validate();
    if (!m_create->isEnabled())
        return;
    m_error->hide();
    setBusy(true);
    const QString title = m_title->text().trimmed();
    QStringList wires;
    for (const QCheckBox *box : std::as_const(m_scopes)) {
        if (box->isChecked())
            wires.append(box->property("scope").toString());
    }
    const auto finish = [this](const std::optional<ApiError> &error, const QString &key) {
        setBusy(false);
        if (error)
            return fail(*error);
        showSecret(key);
        m_title->clear();
        m_titleTouched = false;
        for (QCheckBox *box : std::as_const(m_scopes))
            box->setChecked(false);
        reload();
    };
    if (m_resource == Resource::Dataset) {
        QList<DatasetScope> scopes;
        for (const QString &wire : wires)
            scopes.append(fromWire<DatasetScope>(wire));
        QCoro::connect(m_client.createDatasetApiKey(m_hash, title, scopes, m_requests.token()),
                       this,
                       [finish](const Result<DatasetApiKey> &answer) {
                           if (answer.ok())
                               finish(std::nullopt, answer->apiKey);
                           else
                               finish(answer.error(), {});
                       });
        return;
    }
    QList<ApiKeyScope> scopes;
    for (const QString &wire : wires)
        scopes.append(fromWire<ApiKeyScope>(wire));
    QCoro::connect(m_client.createProjectApiKey(m_hash, title, scopes, m_requests.token()),
                   this,
                   [finish](const Result<QString> &answer) {
                       if (answer.ok())
                           finish(std::nullopt, answer.value());
                       else
                           finish(answer.error(), {});
                   });
}

void ApiKeysDialog::getOrCreateKey()
{
    m_error->hide();
    setBusy(true);
    const auto finish = [this](const std::optional<ApiError> &error, const QString &key) {
        setBusy(false);
        if (error)
            return fail(*error);
        showSecret(key);
        reload();
    };
    if (m_resource == Resource::Dataset) {
        QCoro::connect(m_client.getOrCreateDatasetApiKey(m_hash, m_requests.token()),
                       this,
                       [finish](const Result<DatasetApiKey> &answer) {
                           if (answer.ok())
                               finish(std::nullopt, answer->apiKey);
                           else
                               finish(answer.error(), {});
                       });
        return;
    }
    QCoro::connect(m_client.getOrCreateProjectApiKey(m_hash, m_requests.token()),
                   this,
                   [finish](const Result<QString> &answer) {
                       if (answer.ok())
                           finish(std::nullopt, answer.value());
                       else
                           finish(answer.error(), {});
                   });
}

} // namespace Encord
