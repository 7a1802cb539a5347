#pragma once

#include "core/canceltoken.h"
#include "records/cloudintegration.h"

#include <QList>
#include <QStringList>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableView;
class QTreeView;
class QWidget;

namespace Encord {

class DeidStorageItemFilter;
class StorageFolderTreeModel;
class StorageItemListModel;

/// First page: which files to de-identify. Either files of a cloud integration (the
/// integration, then its files picked in a browser of the storage folders or their URLs pasted
/// one per line) or files on this computer (files and folders, folders read recursively, also
/// dropped onto the page) with the folder the copies go to. Only the chosen source's box shows.
/// The output folder must not be a source folder or inside one, so that copies never mix
/// with originals.
class DeidSourcePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeidSourcePage)

public:
    explicit DeidSourcePage(QWidget *parent = nullptr);
    ~DeidSourcePage() override;

    bool isLocal() const;
    /// Chooses local files (true) or integration files (false).
    void setLocal(bool local);

    /// Adds files, and every file below each folder; returns how many files were added.
    int addLocalPaths(const QStringList &paths);
    void clearLocalFiles();
    /// The files chosen, absolute, in the order added, each once.
    const QStringList &localFiles() const { return m_files; }
    /// The folders the files come from: each folder added, and the folder of each file added.
    QStringList sourceFolders() const;

    QString outputFolder() const;
    void setOutputFolder(const QString &path);
    /// Why the output folder cannot be used (a sentence), or empty when it can.
    QString outputFolderProblem() const;

    /// The integrations the connection offers (filled when the page is shown).
    const QList<CloudIntegration> &integrations() const { return m_integrations; }
    /// The chosen integration's UUID (empty before the list arrives).
    QString integrationId() const;
    QString integrationTitle() const;
    /// The integration files' URLs, one per line (picked or pasted), blanks skipped.
    QStringList fileUrls() const;
    void setFileUrls(const QStringList &urls);

    /// The storage browser: folders, and the items of the one selected, where only the chosen
    /// integration's DICOM files can be selected (DeidStorageItemFilter).
    QTreeView *folderView() const { return m_folderView; }
    QTableView *itemView() const { return m_itemView; }
    StorageFolderTreeModel *folderModel() const { return m_folders; }
    StorageItemListModel *itemModel() const { return m_items; }
    /// Appends the URLs of the items selected in the browser to the URL list, each once;
    /// returns how many were new.
    int addSelectedItems();

    void initializePage() override;
    bool isComplete() const override;

Q_SIGNALS:
    /// The integration list arrived (or failed: see the status label).
    void integrationsLoaded();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildIntegrationBox();
    QWidget *buildStorageBrowser(QWidget *parent);
    QWidget *buildLocalBox();
    void onFolderSelected();
    void updateBrowserState();
    void loadIntegrations();
    void updateState();
    void removeSelectedFiles();

    QRadioButton *m_integrationChoice;
    QRadioButton *m_localChoice;
    QWidget *m_integrationBox;
    QWidget *m_localBox;
    QComboBox *m_integration;
    QLabel *m_integrationStatus;
    QPlainTextEdit *m_urls;
    StorageFolderTreeModel *m_folders;
    StorageItemListModel *m_items;
    DeidStorageItemFilter *m_itemFilter;
    QTreeView *m_folderView;
    QTableView *m_itemView;
    QPushButton *m_addItems;
    QLabel *m_browserStatus;
    QListWidget *m_fileList;
    QLabel *m_fileCount;
    QLineEdit *m_output;
    QLabel *m_outputProblem;
    QLabel *m_outputHint;

    QStringList m_files;
    QStringList m_addedFolders;
    QList<CloudIntegration> m_integrations;
    bool m_integrationsRequested = false;
    CancelToken m_requests; ///< cancelled when the page goes
};

} // namespace Encord
