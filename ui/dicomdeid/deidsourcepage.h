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
class QRadioButton;
class QWidget;

namespace Encord {

/// First page: which files to de-identify. Either files of a cloud integration (the
/// integration, then file URLs one per line) or files on this computer (files and folders,
/// folders read recursively, also dropped onto the page) with the folder the copies go to.
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
    /// The pasted URLs, one per line, blanks skipped.
    QStringList fileUrls() const;
    void setFileUrls(const QStringList &urls);

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
    QWidget *buildLocalBox();
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
