#include "storagepane.h"

#include "errorbanner.h"
#include "imagepreviewloader.h"
#include "modelformat.h"
#include "storagefoldertreemodel.h"
#include "storageitemlistmodel.h"

#include <QComboBox>
#include <QCoroTask>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Encord {

namespace {

// The largest preview shown under the item list.
const QSize kPreviewSize(480, 270);

struct TypeChoice
{
    const char *label;
    QList<StorageItemType> types;
};

// The item-type filter's entries; the first shows everything.
const QList<TypeChoice> &typeChoices()
{
    static const QList<TypeChoice> choices = {
        {QT_TRANSLATE_NOOP("Encord::StoragePane", "All types"), {}},
        {QT_TRANSLATE_NOOP("Encord::StoragePane", "Images"),
         {StorageItemType::Image, StorageItemType::ImageGroup, StorageItemType::ImageSequence}},
        {QT_TRANSLATE_NOOP("Encord::StoragePane", "Videos"), {StorageItemType::Video}},
        {QT_TRANSLATE_NOOP("Encord::StoragePane", "DICOM"),
         {StorageItemType::DicomFile, StorageItemType::DicomSeries}},
        {QT_TRANSLATE_NOOP("Encord::StoragePane", "Audio"), {StorageItemType::Audio}},
        {QT_TRANSLATE_NOOP("Encord::StoragePane", "Documents"),
         {StorageItemType::Pdf, StorageItemType::PlainText}},
    };
    return choices;
}

} // namespace

StoragePane::StoragePane(QWidget *parent)
    : BrowserPane(parent)
    , m_folders(new StorageFolderTreeModel(this))
    , m_items(new StorageItemListModel(this))
    , m_splitter(new QSplitter(this))
    , m_folderView(new QTreeView(m_splitter))
    , m_itemView(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_debounce(new QTimer(this))
    , m_banner(new ErrorBanner(this))
    , m_status(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_previewCaption(new QLabel(this))
    , m_loader(new ImagePreviewLoader(this))
{
    m_folderView->setModel(m_folders);
    m_folderView->setAccessibleName(tr("Folders"));
    m_folderView->setUniformRowHeights(true);
    m_folderView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_folderView->header()->setStretchLastSection(false);
    m_folderView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_folderView->setColumnHidden(StorageFolderTreeModel::DescriptionColumn, true);

    m_itemView->setModel(m_items);
    m_itemView->setAccessibleName(tr("Items"));
    m_itemView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemView->setAlternatingRowColors(true);
    m_itemView->verticalHeader()->hide();
    m_itemView->horizontalHeader()->setStretchLastSection(true);

    m_search->setPlaceholderText(tr("Search items in this folder…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search items"));
    for (const TypeChoice &choice : typeChoices())
        m_type->addItem(tr(choice.label));
    m_type->setAccessibleName(tr("Item type"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    m_status->setAccessibleName(tr("Status"));

    auto *itemsPanel = new QWidget(m_splitter);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_type);
    auto *itemsLayout = new QVBoxLayout(itemsPanel);
    itemsLayout->setContentsMargins(0, 0, 0, 0);
    itemsLayout->addLayout(filterRow);
    itemsLayout->addWidget(m_itemView, 1);
    itemsLayout->addWidget(m_preview);
    itemsLayout->addWidget(m_previewCaption);
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumHeight(kPreviewSize.height() / 2);
    m_preview->setForegroundRole(QPalette::PlaceholderText);
    m_previewCaption->setAccessibleName(tr("Preview details"));
    m_previewCaption->setAlignment(Qt::AlignCenter);
    m_previewCaption->setWordWrap(true);
    m_splitter->addWidget(m_folderView);
    m_splitter->addWidget(itemsPanel);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 620});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    m_folderView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_folderView->setAcceptDrops(true);
    m_folderView->viewport()->setAcceptDrops(true);
    m_folderView->setDropIndicatorShown(true);
    m_folderView->viewport()->installEventFilter(this);
    connect(m_folderView, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (m_folderActions.isEmpty())
            return;
        const QModelIndex index = m_folderView->indexAt(at);
        if (index.isValid())
            m_folderView->setCurrentIndex(index.siblingAtColumn(0));
        else
            m_folderView->clearSelection();
        QMenu menu(this);
        for (const auto &[action, needsFolder] : std::as_const(m_folderActions)) {
            action->setEnabled(!needsFolder || index.isValid());
            menu.addAction(action);
        }
        menu.exec(m_folderView->viewport()->mapToGlobal(at));
    });
    connect(m_folders,
            &StorageFolderTreeModel::folderLoaded,
            this,
            &StoragePane::continuePendingSelection);
    connect(m_folderView->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &StoragePane::onFolderSelected);
    connect(m_itemView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &StoragePane::onItemSelected);
    connect(m_items, &QAbstractItemModel::modelReset, this, [this] { onItemSelected({}); });
    connect(m_loader,
            &ImagePreviewLoader::previewReady,
            this,
            [this](const QString &key, const QImage &image) {
                if (key == m_previewKey)
                    m_preview->setPixmap(QPixmap::fromImage(image));
            });
    connect(m_loader,
            &ImagePreviewLoader::previewFailed,
            this,
            [this](const QString &key, const QString &reason) {
                if (key == m_previewKey)
                    m_preview->setText(reason);
            });
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] {
        m_items->setSearch(m_search->text().trimmed());
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_items->setItemTypes(typeChoices().value(index).types);
    });
    connect(m_folders, &StorageFolderTreeModel::errorOccurred, this, [this](const ApiError &error) {
        m_banner->showError(error);
        Q_EMIT requestFailed(error);
    });
    connect(m_items, &StorageItemListModel::errorOccurred, this, [this](const ApiError &error) {
        m_banner->showError(error);
        Q_EMIT requestFailed(error);
    });
    connect(m_folders, &StorageFolderTreeModel::folderLoaded, this, &BrowserPane::serverAnswered);
    connect(m_items, &StorageItemListModel::pageLoaded, this, &BrowserPane::serverAnswered);
    connect(m_banner, &ErrorBanner::retryRequested, this, &StoragePane::refresh);
    connect(m_folders, &StorageFolderTreeModel::loadingChanged, this, &StoragePane::updateStatus);
    connect(m_items, &StorageItemListModel::loadingChanged, this, &StoragePane::updateStatus);
    connect(m_items, &StorageItemListModel::pageLoaded, this, &StoragePane::updateStatus);
    connect(m_items, &QAbstractItemModel::modelReset, this, &StoragePane::updateStatus);
    updateStatus();
}

void StoragePane::setClient(std::optional<EncordClient> client)
{
    m_banner->hide();
    m_loader->clear();
    onItemSelected({});
    m_items->setFolder(QString());
    m_items->setClient(client);
    m_folders->setClient(std::move(client));
}

void StoragePane::refresh()
{
    m_banner->hide();
    m_folders->refresh();
    m_items->refresh();
}

void StoragePane::onFolderSelected()
{
    const QModelIndex current = m_folderView->currentIndex();
    m_items->setFolder(current.isValid() ? current.data(StorageFolderTreeModel::UuidRole).toString()
                                         : QString());
}

void StoragePane::onItemSelected(const QModelIndex &current)
{
    const quint64 generation = m_previewRequests.advance();
    m_preview->clear();
    m_previewCaption->clear();
    m_previewKey.clear();
    if (!current.isValid())
        return;
    const auto item = current.data(StorageItemListModel::ItemRole).value<StorageItem>();
    QStringList facts{item.name};
    if (item.width && item.height)
        facts << QStringLiteral("%1 × %2").arg(*item.width).arg(*item.height);
    if (item.fileSize)
        facts << ModelFormat::byteSize(item.fileSize);
    m_previewCaption->setText(facts.join(QStringLiteral(" — ")));
    if (item.itemType.value() != StorageItemType::Image || !m_items->client()) {
        m_preview->setText(tr("No preview for this kind of item."));
        return;
    }
    m_previewKey = item.uuid;
    if (const QImage cached = m_loader->cached(item.uuid); !cached.isNull()) {
        m_preview->setPixmap(QPixmap::fromImage(cached));
        return;
    }
    m_preview->setText(tr("Loading preview…"));
    // Listings carry no signed URL; ask for one for this item only.
    QCoro::connect(m_items->client()->getStorageItem(item.uuid, true, m_previewRequests.token()),
                   this,
                   [this, generation](const Result<StorageItem> &answer) {
                       if (!m_previewRequests.isCurrent(generation))
                           return;
                       if (!answer.ok() || !answer->signedUrl) {
                           m_preview->setText(answer.ok() ? tr("No preview available.")
                                                          : answer.error().userMessage());
                           return;
                       }
                       m_loader->request(answer->uuid,
                                         QUrl::fromEncoded(answer->signedUrl->toUtf8()),
                                         kPreviewSize);
                   });
}

void StoragePane::updateStatus()
{
    if (m_folders->isLoading() || m_items->isLoading()) {
        m_status->setText(tr("Loading…"));
        return;
    }
    if (m_items->folder().isEmpty()) {
        m_status->setText(m_folders->rowCount() == 0 ? tr("No storage folders yet.")
                                                     : tr("Select a folder to see its items."));
        return;
    }
    const int shown = m_items->rowCount();
    const QString items = ModelFormat::count(shown, tr("item"), tr("items"));
    m_status->setText(m_items->isAtEnd() ? items : tr("%1 so far; scroll for more").arg(items));
}

void StoragePane::saveState(const QString &group) const
{
    QSettings settings;
    settings.setValue(group + QStringLiteral("/splitter"), m_splitter->saveState());
    settings.setValue(group + QStringLiteral("/items"),
                      m_itemView->horizontalHeader()->saveState());
}

void StoragePane::restoreState(const QString &group)
{
    QSettings settings;
    m_splitter->restoreState(settings.value(group + QStringLiteral("/splitter")).toByteArray());
    m_itemView->horizontalHeader()->restoreState(
        settings.value(group + QStringLiteral("/items")).toByteArray());
}

} // namespace Encord

namespace Encord {

QString StoragePane::currentFolderUuid() const
{
    const QModelIndex current = m_folderView->currentIndex();
    if (!current.isValid() || !m_folderView->selectionModel()->isSelected(current))
        return {};
    return current.data(StorageFolderTreeModel::UuidRole).toString();
}

QString StoragePane::currentFolderName() const
{
    if (currentFolderUuid().isEmpty())
        return {};
    return m_folderView->currentIndex().siblingAtColumn(0).data().toString();
}

void StoragePane::addFolderAction(QAction *action, bool needsFolder)
{
    m_folderActions.append({action, needsFolder});
}

void StoragePane::selectFolderWhenListed(const QString &uuid, const QString &parentUuid)
{
    m_pendingFolder = uuid;
    m_pendingAncestors.clear();
    for (QModelIndex index = m_folders->indexForUuid(parentUuid); index.isValid();
         index = index.parent())
        m_pendingAncestors.prepend(index.data(StorageFolderTreeModel::UuidRole).toString());
    refresh();
}

void StoragePane::continuePendingSelection()
{
    if (m_pendingFolder.isEmpty())
        return;
    const QModelIndex target = m_folders->indexForUuid(m_pendingFolder);
    if (target.isValid()) {
        m_pendingFolder.clear();
        m_pendingAncestors.clear();
        m_folderView->setCurrentIndex(target);
        m_folderView->scrollTo(target);
        return;
    }
    // Open the next ancestor on the way down; its listing calls back here.
    for (const QString &ancestor : std::as_const(m_pendingAncestors)) {
        const QModelIndex index = m_folders->indexForUuid(ancestor);
        if (!index.isValid())
            return;
        if (!m_folderView->isExpanded(index)) {
            m_folderView->expand(index);
            if (m_folders->canFetchMore(index))
                m_folders->fetchMore(index);
            return;
        }
    }
}

bool StoragePane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_folderView->viewport())
        return BrowserPane::eventFilter(watched, event);
    const auto localFiles = [](const QMimeData *mime) {
        QStringList paths;
        if (!mime || !mime->hasUrls())
            return paths;
        for (const QUrl &url : mime->urls()) {
            if (url.isLocalFile())
                paths.append(url.toLocalFile());
        }
        return paths;
    };
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        const bool onFolder = m_folderView->indexAt(drag->position().toPoint()).isValid();
        if (onFolder && !localFiles(drag->mimeData()).isEmpty() && m_folders->client())
            drag->acceptProposedAction();
        else
            drag->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QModelIndex index = m_folderView->indexAt(drop->position().toPoint());
        const QStringList paths = localFiles(drop->mimeData());
        if (!index.isValid() || paths.isEmpty()) {
            drop->ignore();
            return true;
        }
        drop->acceptProposedAction();
        Q_EMIT filesDropped(index.data(StorageFolderTreeModel::UuidRole).toString(),
                            index.siblingAtColumn(0).data().toString(),
                            paths);
        return true;
    }
    default:
        break;
    }
    return BrowserPane::eventFilter(watched, event);
}

} // namespace Encord
