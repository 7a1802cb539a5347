#include "profilesdialog.h"

#include "client/encordclient.h"
#include "pastekeydialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoroTask>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Encord {

namespace {

QString defaultNewName(const QList<ConnectionProfile> &profiles)
{
    for (int n = 1;; ++n) {
        const QString name =
            n == 1 ? ProfilesDialog::tr("Encord") : ProfilesDialog::tr("Encord %1").arg(n);
        if (std::none_of(profiles.begin(), profiles.end(), [&](const ConnectionProfile &p) {
                return p.name == name;
            }))
            return name;
    }
}

} // namespace

ProfilesDialog::ProfilesDialog(const QList<ConnectionProfile> &profiles,
                               const QString &current,
                               QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_name(new QLineEdit(this))
    , m_localKind(new QRadioButton(tr("&Local workspace on this computer"), this))
    , m_encordKind(new QRadioButton(tr("&Encord"), this))
    , m_kindPages(new QStackedWidget(this))
    , m_folder(new QLineEdit(this))
    , m_domain(new QComboBox(this))
    , m_keyFromFile(new QRadioButton(tr("Private key &file:"), this))
    , m_keyFromEnvironment(new QRadioButton(tr("From ENCORD_SSH_KEY_FILE or ENCORD_SSH_KEY"), this))
    , m_keyFile(new QLineEdit(this))
    , m_pasteKey(new QPushButton(tr("&Paste…"), this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_testResult(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connection Profiles"));
    m_list->setAccessibleName(tr("Profiles"));
    m_add->setAccessibleName(tr("Add profile"));
    m_remove->setAccessibleName(tr("Remove profile"));
    m_name->setAccessibleName(tr("Profile name"));
    m_localKind->setAccessibleName(tr("Local workspace"));
    m_encordKind->setAccessibleName(tr("Encord"));
    m_folder->setAccessibleName(tr("Workspace folder"));
    m_domain->setAccessibleName(tr("Encord address"));
    m_keyFromFile->setAccessibleName(tr("Key from a file"));
    m_keyFromEnvironment->setAccessibleName(tr("Key from the environment"));
    m_keyFile->setAccessibleName(tr("Private key file"));
    m_pasteKey->setAccessibleName(tr("Paste a private key"));
    m_pasteKey->setToolTip(tr("Paste the text of a private key; it is saved in a file only you "
                              "can read."));
    m_test->setAccessibleName(tr("Test connection"));
    m_testResult->setAccessibleName(tr("Test result"));
    m_problem->setAccessibleName(tr("Problem"));
    m_testResult->setWordWrap(true);
    m_problem->setWordWrap(true);
    // Bold in the palette's own text colour: BrightText is white in light palettes.
    QFont problemFont = m_problem->font();
    problemFont.setBold(true);
    m_problem->setFont(problemFont);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save and &Connect"));

    m_domain->setEditable(true);
    m_domain->addItem(tr("Encord (Europe) — https://api.encord.com"),
                      EncordClient::defaultDomain().toString());
    m_domain->addItem(tr("Encord (US) — https://api.us.encord.com"),
                      EncordClient::usDomain().toString());
    m_keyFile->setPlaceholderText(QStringLiteral("~/.ssh/id_ed25519"));
    auto *keyGroup = new QButtonGroup(this);
    keyGroup->addButton(m_keyFromFile);
    keyGroup->addButton(m_keyFromEnvironment);
    auto *kindGroup = new QButtonGroup(this);
    kindGroup->addButton(m_localKind);
    kindGroup->addButton(m_encordKind);

    // Local workspace page.
    auto *localPage = new QWidget(this);
    auto *browseFolder = new QPushButton(tr("Browse…"), localPage);
    browseFolder->setAccessibleName(tr("Choose the workspace folder"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browseFolder);
    auto *localForm = new QFormLayout(localPage);
    localForm->setContentsMargins(0, 0, 0, 0);
    localForm->addRow(tr("Folder:"), folderRow);

    // Encord page.
    auto *encordPage = new QWidget(this);
    auto *browseKey = new QPushButton(tr("Browse…"), encordPage);
    browseKey->setAccessibleName(tr("Choose the private key file"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFromFile);
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(browseKey);
    keyRow->addWidget(m_pasteKey);
    auto *encordForm = new QFormLayout(encordPage);
    encordForm->setContentsMargins(0, 0, 0, 0);
    encordForm->addRow(tr("Address:"), m_domain);
    encordForm->addRow(tr("Key:"), keyRow);
    encordForm->addRow(QString(), m_keyFromEnvironment);
    m_kindPages->addWidget(localPage);
    m_kindPages->addWidget(encordPage);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Kind:"), m_localKind);
    form->addRow(QString(), m_encordKind);
    auto *editor = new QVBoxLayout;
    editor->addLayout(form);
    editor->addWidget(m_kindPages);
    editor->addWidget(m_problem);
    editor->addStretch(1);
    editor->addWidget(m_test, 0, Qt::AlignLeft);
    editor->addWidget(m_testResult);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_list, 1);
    listColumn->addLayout(listButtons);

    auto *columns = new QHBoxLayout;
    columns->addLayout(listColumn, 1);
    columns->addLayout(editor, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);
    resize(760, 420);

    for (const ConnectionProfile &profile : std::as_const(m_profiles))
        m_list->addItem(profile.name);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesDialog::showProfile);
    connect(m_add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_test, &QPushButton::clicked, this, &ProfilesDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfilesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfilesDialog::reject);
    for (QLineEdit *edit : {m_name, m_folder, m_keyFile})
        connect(edit, &QLineEdit::textChanged, this, &ProfilesDialog::updateState);
    connect(m_domain, &QComboBox::currentTextChanged, this, &ProfilesDialog::updateState);
    for (QRadioButton *button : {m_localKind, m_encordKind, m_keyFromFile, m_keyFromEnvironment})
        connect(button, &QRadioButton::toggled, this, &ProfilesDialog::updateState);
    connect(browseFolder, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Workspace Folder"), m_folder->text());
        if (!folder.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(folder));
    });
    connect(browseKey, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Private Key"), QDir::home().filePath(QStringLiteral(".ssh")));
        if (!file.isEmpty())
            m_keyFile->setText(QDir::toNativeSeparators(file));
    });

    connect(m_pasteKey, &QPushButton::clicked, this, &ProfilesDialog::pasteKey);

    int currentRow = 0;
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).name == current)
            currentRow = row;
    }
    m_list->setCurrentRow(currentRow);
}

QString ProfilesDialog::selectedProfile() const
{
    return m_row >= 0 && m_row < m_profiles.size() ? m_profiles.at(m_row).name : QString();
}

QString ProfilesDialog::validate(const ConnectionProfile &profile,
                                 const QList<ConnectionProfile> &others)
{
    if (profile.name.trimmed().isEmpty())
        return tr("Give the profile a name.");
    if (std::any_of(others.begin(), others.end(), [&](const ConnectionProfile &other) {
            return other.name == profile.name;
        }))
        return tr("Another profile is already called \"%1\".").arg(profile.name);
    if (profile.kind == ConnectionProfile::Kind::LocalWorkspace) {
        if (profile.workspaceDir.trimmed().isEmpty())
            return tr("Choose a folder for the workspace.");
        const QFileInfo folder(profile.workspaceDir);
        if (folder.exists() && !folder.isDir())
            return tr("%1 is a file, not a folder.").arg(profile.workspaceDir);
        return {};
    }
    const QUrl domain = profile.domain;
    if (!domain.isValid()
        || (domain.scheme() != QLatin1String("https") && domain.scheme() != QLatin1String("http"))
        || domain.host().isEmpty())
        return tr("The address must be a web address such as https://api.encord.com.");
    if (profile.keySource == ConnectionProfile::KeySource::File) {
        if (profile.keyFile.trimmed().isEmpty())
            return tr("Choose your private key file.");
        QString path = profile.keyFile;
        if (path.startsWith(QLatin1String("~/")))
            path = QDir::homePath() + path.mid(1);
        if (!QFileInfo::exists(path))
            return tr("The key file %1 does not exist.").arg(profile.keyFile);
    }
    return {};
}

void ProfilesDialog::addProfile()
{
    storeEdits();
    ConnectionProfile profile;
    profile.name = defaultNewName(m_profiles);
    profile.kind = ConnectionProfile::Kind::Encord;
    profile.domain = EncordClient::defaultDomain();
    profile.keyFile = QDir::home().filePath(QStringLiteral(".ssh/id_ed25519"));
    m_profiles.append(profile);
    m_list->addItem(profile.name);
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ProfilesDialog::removeProfile()
{
    if (m_row < 0 || m_profiles.size() <= 1)
        return;
    const int row = m_row;
    m_row = -1; // nothing to store back from the removed profile
    m_profiles.removeAt(row);
    delete m_list->takeItem(row);
    m_list->setCurrentRow(std::min(row, int(m_profiles.size()) - 1));
}

void ProfilesDialog::showProfile(int row)
{
    storeEdits();
    m_row = row;
    if (row < 0 || row >= m_profiles.size())
        return;
    const ConnectionProfile &profile = m_profiles.at(row);
    m_loading = true;
    m_name->setText(profile.name);
    const bool local = profile.kind == ConnectionProfile::Kind::LocalWorkspace;
    m_localKind->setChecked(local);
    m_encordKind->setChecked(!local);
    m_folder->setText(QDir::toNativeSeparators(profile.workspaceDir));
    // A profile without an address starts from Encord's default (EU) deployment.
    const int known = profile.domain.isEmpty() ? 0 : m_domain->findData(profile.domain.toString());
    if (known >= 0)
        m_domain->setCurrentIndex(known);
    else
        m_domain->setEditText(profile.domain.toString());
    const bool fromEnvironment = profile.keySource == ConnectionProfile::KeySource::Environment;
    m_keyFromEnvironment->setChecked(fromEnvironment);
    m_keyFromFile->setChecked(!fromEnvironment);
    m_keyFile->setText(QDir::toNativeSeparators(profile.keyFile));
    m_testResult->clear();
    m_loading = false;
    updateState();
}

ConnectionProfile ProfilesDialog::editedProfile() const
{
    ConnectionProfile profile;
    profile.name = m_name->text().trimmed();
    profile.kind = m_encordKind->isChecked() ? ConnectionProfile::Kind::Encord
                                             : ConnectionProfile::Kind::LocalWorkspace;
    profile.workspaceDir = QDir::fromNativeSeparators(m_folder->text().trimmed());
    const QVariant known = m_domain->currentData();
    const QString text = m_domain->currentText().trimmed();
    profile.domain = m_domain->findText(text) >= 0 && known.isValid()
                         ? QUrl(known.toString())
                         : QUrl(text).adjusted(QUrl::StripTrailingSlash);
    profile.keySource = m_keyFromEnvironment->isChecked()
                            ? ConnectionProfile::KeySource::Environment
                            : ConnectionProfile::KeySource::File;
    profile.keyFile = QDir::fromNativeSeparators(m_keyFile->text().trimmed());
    return profile;
}

void ProfilesDialog::storeEdits()
{
    if (m_row < 0 || m_row >= m_profiles.size())
        return;
    m_profiles[m_row] = editedProfile();
    m_list->item(m_row)->setText(m_profiles.at(m_row).name);
}

void ProfilesDialog::updateState()
{
    if (m_loading)
        return;
    const bool local = m_localKind->isChecked();
    m_kindPages->setCurrentIndex(local ? 0 : 1);
    m_keyFile->setEnabled(m_keyFromFile->isChecked());
    m_pasteKey->setEnabled(m_keyFromFile->isChecked());
    m_remove->setEnabled(m_profiles.size() > 1);

    QList<ConnectionProfile> others = m_profiles;
    if (m_row >= 0 && m_row < others.size())
        others.removeAt(m_row);
    const QString problem = validate(editedProfile(), others);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_test->setEnabled(problem.isEmpty());
    if (m_row >= 0 && m_row < m_list->count())
        m_list->item(m_row)->setText(m_name->text().trimmed());
}

void ProfilesDialog::accept()
{
    storeEdits();
    for (int row = 0; row < m_profiles.size(); ++row) {
        QList<ConnectionProfile> others = m_profiles;
        others.removeAt(row);
        const QString problem = validate(m_profiles.at(row), others);
        if (!problem.isEmpty()) {
            m_list->setCurrentRow(row);
            return;
        }
    }
    QDialog::accept();
}

void ProfilesDialog::pasteKey()
{
    PasteKeyDialog dialog(m_keysFolder, this);
    Q_EMIT pasteKeyDialogOpened(&dialog);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_keyFromFile->setChecked(true);
    m_keyFile->setText(QDir::toNativeSeparators(dialog.savedKeyFile()));
}

void ProfilesDialog::testConnection()
{
    const ConnectionProfile profile = editedProfile();
    if (profile.kind == ConnectionProfile::Kind::LocalWorkspace) {
        const QDir folder(profile.workspaceDir);
        const bool exists = folder.exists(QStringLiteral("user-key"));
        const QString message = exists ? tr("This folder holds a workspace; it opens when you "
                                            "connect.")
                                       : tr("A new workspace will be created in this folder when "
                                            "you connect.");
        m_testResult->setText(message);
        Q_EMIT testFinished(true, message);
        return;
    }

    QByteArray passphrase;
    std::optional<EncordClient> client;
    for (;;) {
        auto key = profile.keySource == ConnectionProfile::KeySource::Environment
                       ? PrivateKey::fromEnvironment(passphrase)
                       : PrivateKey::fromFile(profile.keyFile, passphrase);
        if (key.ok()) {
            client.emplace(std::move(key).value(), profile.domain);
            break;
        }
        const auto code = key.error().code();
        if (code != KeyError::Code::PassphraseRequired && code != KeyError::Code::WrongPassphrase) {
            m_testResult->setText(key.error().message());
            Q_EMIT testFinished(false, key.error().message());
            return;
        }
        bool given = false;
        passphrase =
            QInputDialog::getText(
                this, tr("Key Passphrase"), key.error().message(), QLineEdit::Password, {}, &given)
                .toUtf8();
        if (!given) {
            m_testResult->clear();
            return;
        }
    }

    // One cheap signed call: listing the organisation's groups.
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting to %1…").arg(profile.domain.toDisplayString()));
    QCoro::connect(client->listGroups(), this, [this, profile](const Result<QList<Group>> &answer) {
        m_test->setEnabled(true);
        const QString message =
            answer.ok()
                ? tr("Connected to %1: your key is accepted.").arg(profile.domain.toDisplayString())
                : answer.error().userMessage();
        m_testResult->setText(message);
        Q_EMIT testFinished(answer.ok(), message);
    });
}

} // namespace Encord
