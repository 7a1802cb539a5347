#pragma once

#include "browserpane.h"
#include "requestgeneration.h"

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

private:
    void onFolderSelected();
    void onItemSelected(const QModelIndex &current);
    void updateStatus();

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
};

} // namespace Encord
