#include "deidsourcepage.h"

#include "deidstorageitemfilter.h"
#include "dicomdeidwizard.h"
#include "errorcolour.h"
#include "modelformat.h"
#include "records/storageitem.h"
#include "storagefoldertreemodel.h"
#include "storageitemlistmodel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>
#include <qcorotask.h>

namespace Encord {

namespace {

// The absolute path with links resolved as far as it exists, so that a link or "..", or an
// output folder not created yet, cannot hide that it lies inside a source folder.
QString resolvedPath(const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString existing = absolute;
    QStringList missing;
    while (!QFileInfo::exists(existing)) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return absolute;
        missing.prepend(existing.mid(slash + 1));
        existing.truncate(slash);
    }
    QString resolved = QFileInfo(existing).canonicalFilePath();
    for (const QString &part : std::as_const(missing))
        resolved += QLatin1Char('/') + part;
    return resolved;
}

bool isSameOrInside(const QString &path, const QString &folder)
{
    if (path == folder)
        return true;
    const QString prefix = folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
    return path.startsWith(prefix);
}

QStringList localPathsOf(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

DeidSourcePage::DeidSourcePage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("deidSourcePage"));
    setTitle(tr("Files to De-identify"));
    setSubTitle(tr("De-identification writes new files; the originals are never changed."));
    setAcceptDrops(true);

    m_integrationChoice = new QRadioButton(tr("Files in a &cloud integration"), this);
    m_integrationChoice->setObjectName(QStringLiteral("integrationChoice"));
    m_integrationChoice->setAccessibleName(tr("Files in a cloud integration"));
    m_localChoice = new QRadioButton(tr("Files on this &computer"), this);
    m_localChoice->setObjectName(QStringLiteral("localChoice"));
    m_localChoice->setAccessibleName(tr("Files on this computer"));
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_integrationChoice);
    choices->addButton(m_localChoice);

    m_integrationBox = buildIntegrationBox();
    m_localBox = buildLocalBox();

    auto *choiceRow = new QHBoxLayout;
    choiceRow->addWidget(m_localChoice);
    choiceRow->addWidget(m_integrationChoice);
    choiceRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choiceRow);
    layout->addWidget(m_localBox, 1);
    layout->addWidget(m_integrationBox, 1);

    const bool connected = qobject_cast<DicomDeidWizard *>(parent)
                           && qobject_cast<DicomDeidWizard *>(parent)->client().has_value();
    if (!connected) {
        m_integrationChoice->setEnabled(false);
        m_integrationChoice->setText(
            tr("Files in a cloud integration (connect to a workspace to use this)"));
    }
    m_localChoice->setChecked(true);
    connect(m_localChoice, &QRadioButton::toggled, this, &DeidSourcePage::updateState);
    updateState();
}

DeidSourcePage::~DeidSourcePage()
{
    m_requests.cancel();
}

QWidget *DeidSourcePage::buildIntegrationBox()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("integrationBox"));
    m_integration = new QComboBox(box);
    m_integration->setObjectName(QStringLiteral("integration"));
    m_integration->setAccessibleName(tr("Cloud integration"));
    m_integrationStatus = new QLabel(box);
    m_integrationStatus->setObjectName(QStringLiteral("integrationStatus"));
    m_integrationStatus->setWordWrap(true);
    m_urls = new QPlainTextEdit(box);
    m_urls->setObjectName(QStringLiteral("fileUrls"));
    m_urls->setAccessibleName(tr("File URLs, one per line"));
    m_urls->setPlaceholderText(tr("Files added from the folders above, or one file URL per "
                                  "line as the integration names it, e.g. "
                                  "file:///data/pacs/study/image1.dcm"));
    m_urls->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_urls->setMaximumHeight(m_urls->fontMetrics().lineSpacing() * 6);

    QWidget *browser = buildStorageBrowser(box);
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Integration:"), m_integration);
    form->addRow(QString(), m_integrationStatus);
    auto *browserLabel = new QLabel(tr("&Storage:"), box);
    browserLabel->setBuddy(m_folderView);
    form->addRow(browserLabel, browser);
    form->addRow(tr("File &URLs:"), m_urls);
    connect(m_integration, &QComboBox::currentIndexChanged, this, [this] {
        m_itemFilter->setIntegration(integrationId(), integrationTitle());
        updateBrowserState();
        Q_EMIT completeChanged();
    });
    connect(m_urls, &QPlainTextEdit::textChanged, this, &DeidSourcePage::completeChanged);
    return box;
}

QWidget *DeidSourcePage::buildStorageBrowser(QWidget *parent)
{
    // The protocol lists no integration's files, but the storage folders hold the files that
    // were registered from it: browse those, and let only the integration's DICOM files be
    // chosen.
    m_folders = new StorageFolderTreeModel(this);
    m_items = new StorageItemListModel(this);
    m_itemFilter = new DeidStorageItemFilter(this);
    m_itemFilter->setSourceModel(m_items);

    auto *browser = new QWidget(parent);
    auto *splitter = new QSplitter(browser);
    m_folderView = new QTreeView(splitter);
    m_folderView->setObjectName(QStringLiteral("storageFolders"));
    m_folderView->setAccessibleName(tr("Storage folders"));
    m_folderView->setModel(m_folders);
    m_folderView->setUniformRowHeights(true);
    m_folderView->setSelectionMode(QAbstractItemView::SingleSelection);
    for (int column = 1; column < StorageFolderTreeModel::ColumnCount; ++column)
        m_folderView->setColumnHidden(column, true);
    m_folderView->header()->hide();
    m_itemView = new QTableView(splitter);
    m_itemView->setObjectName(QStringLiteral("storageItems"));
    m_itemView->setAccessibleName(tr("Files in the selected folder"));
    m_itemView->setModel(m_itemFilter);
    m_itemView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_itemView->verticalHeader()->hide();
    m_itemView->horizontalHeader()->setStretchLastSection(true);
    m_itemView->setColumnHidden(StorageItemListModel::DimensionsColumn, true);
    m_itemView->setColumnHidden(StorageItemListModel::CreatedColumn, true);
    splitter->addWidget(m_folderView);
    splitter->addWidget(m_itemView);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 480});

    m_browserStatus = new QLabel(browser);
    m_browserStatus->setObjectName(QStringLiteral("browserStatus"));
    m_browserStatus->setWordWrap(true);
    m_browserStatus->setForegroundRole(QPalette::PlaceholderText);
    m_addItems = new QPushButton(tr("&Add Selected Files"), browser);
    m_addItems->setObjectName(QStringLiteral("addSelectedItems"));
    m_addItems->setAccessibleName(tr("Add the selected files to the file URLs"));
    m_addItems->setEnabled(false);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_browserStatus, 1);
    statusRow->addWidget(m_addItems);
    auto *layout = new QVBoxLayout(browser);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);

    connect(m_folderView->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &DeidSourcePage::onFolderSelected);
    connect(m_itemView->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &DeidSourcePage::updateBrowserState);
    connect(m_itemView, &QAbstractItemView::activated, this, &DeidSourcePage::addSelectedItems);
    connect(m_addItems, &QPushButton::clicked, this, &DeidSourcePage::addSelectedItems);
    connect(m_items, &QAbstractItemModel::modelReset, this, &DeidSourcePage::updateBrowserState);
    connect(m_items, &StorageItemListModel::pageLoaded, this, &DeidSourcePage::updateBrowserState);
    connect(
        m_items, &StorageItemListModel::loadingChanged, this, &DeidSourcePage::updateBrowserState);
    connect(
        m_items, &StorageItemListModel::errorOccurred, this, &DeidSourcePage::updateBrowserState);
    connect(m_folders, &StorageFolderTreeModel::errorOccurred, this, [this](const ApiError &error) {
        m_browserStatus->setText(
            tr("The folders could not be listed: %1").arg(error.userMessage()));
    });
    updateBrowserState();
    return browser;
}

void DeidSourcePage::onFolderSelected()
{
    const std::optional<StorageFolder> folder =
        m_folders->folderAt(m_folderView->currentIndex().siblingAtColumn(0));
    m_items->setFolder(folder ? folder->uuid : QString());
    updateBrowserState();
}

void DeidSourcePage::updateBrowserState()
{
    const QModelIndexList selected = m_itemView->selectionModel()->selectedRows();
    m_addItems->setEnabled(!selected.isEmpty());
    QString status;
    if (m_items->folder().isEmpty()) {
        status = tr("Choose a folder to see its files.");
    } else if (m_items->isLoading()) {
        status = tr("Listing the folder's files…");
    } else if (m_items->lastError()) {
        status = tr("The files could not be listed: %1").arg(m_items->lastError()->userMessage());
    } else {
        int usable = 0;
        for (int row = 0; row < m_itemFilter->rowCount(); ++row)
            usable += m_itemFilter->flags(m_itemFilter->index(row, 0)).testFlag(Qt::ItemIsEnabled);
        status = tr("%1 of %2 can be chosen here; the others are greyed out.")
                     .arg(ModelFormat::count(usable, tr("file"), tr("files")), integrationTitle());
    }
    m_browserStatus->setText(status);
}

int DeidSourcePage::addSelectedItems()
{
    QStringList urls = fileUrls();
    int added = 0;
    const QModelIndexList selected = m_itemView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        const auto item = index.data(StorageItemListModel::ItemRole).value<StorageItem>();
        if (!m_itemFilter->refusal(item).isEmpty() || urls.contains(*item.url))
            continue;
        urls << *item.url;
        ++added;
    }
    if (added > 0)
        setFileUrls(urls);
    return added;
}

QWidget *DeidSourcePage::buildLocalBox()
{
    auto *box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("localBox"));
    m_fileList = new QListWidget(box);
    m_fileList->setObjectName(QStringLiteral("localFiles"));
    m_fileList->setAccessibleName(tr("Files to de-identify"));
    m_fileList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fileCount = new QLabel(box);
    m_fileCount->setObjectName(QStringLiteral("fileCount"));

    auto *addFiles = new QPushButton(tr("Add &Files…"), box);
    addFiles->setObjectName(QStringLiteral("addFiles"));
    addFiles->setAccessibleName(tr("Add files"));
    auto *addFolder = new QPushButton(tr("Add F&older…"), box);
    addFolder->setObjectName(QStringLiteral("addFolder"));
    addFolder->setAccessibleName(tr("Add a folder and every file below it"));
    auto *remove = new QPushButton(tr("&Remove"), box);
    remove->setObjectName(QStringLiteral("removeFiles"));
    remove->setAccessibleName(tr("Remove the selected files"));
    auto *clear = new QPushButton(tr("C&lear"), box);
    clear->setObjectName(QStringLiteral("clearFiles"));
    clear->setAccessibleName(tr("Remove every file"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(addFiles);
    buttons->addWidget(addFolder);
    buttons->addWidget(remove);
    buttons->addWidget(clear);
    buttons->addStretch();
    auto *files = new QHBoxLayout;
    files->addWidget(m_fileList, 1);
    files->addLayout(buttons);

    m_output = new QLineEdit(box);
    m_output->setObjectName(QStringLiteral("outputFolder"));
    m_output->setAccessibleName(tr("Output folder"));
    m_output->setPlaceholderText(tr("Where the de-identified copies are written"));
    auto *browse = new QPushButton(tr("&Browse…"), box);
    browse->setObjectName(QStringLiteral("browseOutput"));
    browse->setAccessibleName(tr("Choose the output folder"));
    m_outputProblem = new QLabel(box);
    m_outputProblem->setObjectName(QStringLiteral("outputProblem"));
    m_outputProblem->setWordWrap(true);
    ErrorColour::apply(m_outputProblem);
    m_outputHint = new QLabel(tr("Never a source folder or a folder inside one, so that the "
                                 "copies cannot mix with the originals."),
                              box);
    m_outputHint->setObjectName(QStringLiteral("outputHint"));
    m_outputHint->setWordWrap(true);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browse);

    auto *hint = new QLabel(tr("Drop files or folders here. Folders are read with every folder "
                               "below them."),
                            box);
    hint->setWordWrap(true);
    auto *layout = new QFormLayout(box);
    layout->addRow(hint);
    layout->addRow(files);
    layout->addRow(QString(), m_fileCount);
    auto *outputLabel = new QLabel(tr("&Output folder:"), box);
    outputLabel->setBuddy(m_output);
    layout->addRow(outputLabel, outputRow);
    layout->addRow(QString(), m_outputProblem);
    layout->addRow(QString(), m_outputHint);

    connect(addFiles, &QPushButton::clicked, this, [this] {
        addLocalPaths(
            QFileDialog::getOpenFileNames(this,
                                          tr("Add DICOM Files"),
                                          {},
                                          tr("DICOM files (*.dcm *.dicom *.ima);;All files (*)")));
    });
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a Folder"));
        if (!folder.isEmpty())
            addLocalPaths({folder});
    });
    connect(remove, &QPushButton::clicked, this, &DeidSourcePage::removeSelectedFiles);
    connect(clear, &QPushButton::clicked, this, &DeidSourcePage::clearLocalFiles);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Output Folder"), m_output->text());
        if (!folder.isEmpty())
            setOutputFolder(folder);
    });
    connect(m_output, &QLineEdit::textChanged, this, &DeidSourcePage::updateState);
    return box;
}

bool DeidSourcePage::isLocal() const
{
    return m_localChoice->isChecked();
}

void DeidSourcePage::setLocal(bool local)
{
    (local ? m_localChoice : m_integrationChoice)->setChecked(true);
}

int DeidSourcePage::addLocalPaths(const QStringList &paths)
{
    int added = 0;
    const auto addFile = [&](const QString &path) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (m_files.contains(absolute))
            return;
        m_files << absolute;
        m_fileList->addItem(QDir::toNativeSeparators(absolute));
        ++added;
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QString folder = info.absoluteFilePath();
            if (!m_addedFolders.contains(folder))
                m_addedFolders << folder;
            QStringList found;
            QDirIterator it(folder,
                            QDir::Files | QDir::Readable | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            found.sort();
            for (const QString &file : std::as_const(found))
                addFile(file);
        } else if (info.isFile()) {
            addFile(path);
        }
    }
    if (added > 0)
        setLocal(true);
    updateState();
    return added;
}

void DeidSourcePage::clearLocalFiles()
{
    m_files.clear();
    m_addedFolders.clear();
    m_fileList->clear();
    updateState();
}

void DeidSourcePage::removeSelectedFiles()
{
    const QList<QListWidgetItem *> selected = m_fileList->selectedItems();
    for (QListWidgetItem *item : selected) {
        m_files.removeAt(m_fileList->row(item));
        delete item;
    }
    updateState();
}

QStringList DeidSourcePage::sourceFolders() const
{
    QStringList folders = m_addedFolders;
    for (const QString &file : m_files) {
        const QString folder = QFileInfo(file).absolutePath();
        const bool covered =
            std::any_of(m_addedFolders.cbegin(), m_addedFolders.cend(), [&](const QString &added) {
                return isSameOrInside(file, added);
            });
        if (!covered && !folders.contains(folder))
            folders << folder;
    }
    return folders;
}

QString DeidSourcePage::outputFolder() const
{
    return m_output->text().trimmed();
}

void DeidSourcePage::setOutputFolder(const QString &path)
{
    m_output->setText(QDir::toNativeSeparators(path));
}

QString DeidSourcePage::outputFolderProblem() const
{
    const QString output = QDir::fromNativeSeparators(outputFolder());
    if (output.isEmpty())
        return tr("Choose a folder for the de-identified copies.");
    const QFileInfo info(output);
    if (info.exists() && !info.isDir())
        return tr("This is a file, not a folder.");
    const QString resolved = resolvedPath(output);
    const QStringList folders = sourceFolders();
    for (const QString &folder : folders) {
        if (isSameOrInside(resolved, resolvedPath(folder)))
            return tr("The output folder must not be a source folder or inside one (%1): the "
                      "copies would mix with the originals.")
                .arg(QDir::toNativeSeparators(folder));
    }
    return {};
}

QString DeidSourcePage::integrationId() const
{
    return m_integration->currentData().toString();
}

QString DeidSourcePage::integrationTitle() const
{
    return m_integration->currentText();
}

QStringList DeidSourcePage::fileUrls() const
{
    QStringList urls;
    const QStringList lines = m_urls->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString url = line.trimmed();
        if (!url.isEmpty())
            urls << url;
    }
    return urls;
}

void DeidSourcePage::setFileUrls(const QStringList &urls)
{
    m_urls->setPlainText(urls.join(QLatin1Char('\n')));
}

void DeidSourcePage::initializePage()
{
    loadIntegrations();
}

void DeidSourcePage::loadIntegrations()
{
    auto *owner = qobject_cast<DicomDeidWizard *>(wizard());
    if (m_integrationsRequested || !owner || !owner->client())
        return;
    m_integrationsRequested = true;
    if (!m_folders->client()) {
        m_items->setClient(owner->client());
        m_folders->setClient(owner->client());
    }
    m_integrationStatus->setText(tr("Loading the integrations…"));
    auto task = owner->client()->getCloudIntegrations({}, {}, false, m_requests);
    QCoro::connect(std::move(task), this, [this](const Result<QList<CloudIntegration>> &answer) {
        if (!answer.ok()) {
            m_integrationStatus->setText(
                tr("The integrations could not be listed: %1").arg(answer.error().userMessage()));
            m_integrationsRequested = false;
            Q_EMIT integrationsLoaded();
            return;
        }
        m_integrations = answer.value();
        m_integration->clear();
        for (const CloudIntegration &integration : std::as_const(m_integrations))
            m_integration->addItem(integration.title, integration.id);
        m_integrationStatus->setText(
            m_integrations.isEmpty() ? tr("This workspace has no cloud integration.") : QString());
        m_integrationStatus->setVisible(m_integrations.isEmpty());
        Q_EMIT integrationsLoaded();
        Q_EMIT completeChanged();
    });
}

bool DeidSourcePage::isComplete() const
{
    if (isLocal())
        return !m_files.isEmpty() && outputFolderProblem().isEmpty();
    return !integrationId().isEmpty() && !fileUrls().isEmpty();
}

void DeidSourcePage::updateState()
{
    const bool local = isLocal();
    m_localBox->setVisible(local);
    m_integrationBox->setVisible(!local);
    m_fileCount->setText(ModelFormat::count(m_files.size(), tr("file"), tr("files")));
    // Say nothing about an empty field until there are files to write.
    const QString problem =
        outputFolder().isEmpty() && m_files.isEmpty() ? QString() : outputFolderProblem();
    m_outputProblem->setText(problem);
    m_outputProblem->setVisible(!problem.isEmpty());
    m_outputHint->setVisible(problem.isEmpty());
    Q_EMIT completeChanged();
}

void DeidSourcePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPathsOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void DeidSourcePage::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPathsOf(event->mimeData());
    if (paths.isEmpty())
        return;
    addLocalPaths(paths);
    event->acceptProposedAction();
}

} // namespace Encord
