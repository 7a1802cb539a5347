#pragma once

#include "browserpane.h"
#include "requestgeneration.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
class QTreeView;

namespace Encord {

class ErrorBanner;
class ImagePreviewLoader;
class StorageFolderTreeModel;
class StorageItemListModel;

/// The Storage section: the folder tree on the left, loaded a level at a time as folders are
/// expanded, and the items of the selected folder on the right, a page at a time as the list
/// is scrolled, with a name search and an item-type filter.
class StoragePane final : public BrowserPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoragePane)

public:
    explicit StoragePane(QWidget *parent = nullptr);

    void setClient(std::optional<EncordClient> client) override;
    void refresh() override;
    void saveState(const QString &group) const override;
    void restoreState(const QString &group) override;

    StorageFolderTreeModel *folderModel() const { return m_folders; }
    StorageItemListModel *itemModel() const { return m_items; }
    QTreeView *folderView() const { return m_folderView; }
    QTableView *itemView() const { return m_itemView; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *typeFilter() const { return m_type; }
    ErrorBanner *errorBanner() const { return m_banner; }
    QLabel *preview() const { return m_preview; }
    QLabel *previewCaption() const { return m_previewCaption; }

    /// The selected folder's uuid and name; empty when none is selected.
    QString currentFolderUuid() const;
    QString currentFolderName() const;
    /// Adds @p action to the folder tree's context menu. @p needsFolder: disabled when the
    /// menu is not over a folder. The folder under the menu becomes the current one first.
    void addFolderAction(QAction *action, bool needsFolder);
    /// Lists the folders again and selects @p uuid once it is listed; @p parentUuid (empty:
    /// top level) and its ancestors, as they are now in the tree, are expanded on the way.
    void selectFolderWhenListed(const QString &uuid, const QString &parentUuid);

Q_SIGNALS:
    /// Local files were dropped onto the folder @p folderUuid.
    void filesDropped(const QString &folderUuid,
                      const QString &folderName,
                      const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFolderSelected();
    void onItemSelected(const QModelIndex &current);
    void updateStatus();
    void continuePendingSelection();

    StorageFolderTreeModel *m_folders;
    StorageItemListModel *m_items;
    QSplitter *m_splitter;
    QTreeView *m_folderView;
    QTableView *m_itemView;
    QLineEdit *m_search;
    QComboBox *m_type;
    QTimer *m_debounce;
    ErrorBanner *m_banner;
    QLabel *m_status;
    QLabel *m_preview;
    QLabel *m_previewCaption;
    ImagePreviewLoader *m_loader;
    RequestGeneration m_previewRequests;
    QString m_previewKey;
    QList<std::pair<QAction *, bool>> m_folderActions;
    QString m_pendingFolder;
    QStringList m_pendingAncestors; ///< top-down: these are expanded to reach m_pendingFolder
};

} // namespace Encord
