#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;

namespace Encord {

class FolderUpload;

/// The progress of a FolderUpload: one bar for all files, the files that failed and why, and
/// Cancel, which aborts the upload (the dialog stays until the upload has stopped, then offers
/// Close).
class UploadDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDialog)

public:
    /// Shows @p upload (not owned; keep it alive as long as the dialog) into @p folderName.
    UploadDialog(FolderUpload *upload, const QString &folderName, QWidget *parent = nullptr);

    QProgressBar *progress() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QListWidget *failureList() const { return m_failures; }
    QPushButton *cancelButton() const;
    QPushButton *closeButton() const;

    void reject() override;

private:
    void onFinished(int uploaded, int failed, bool cancelled);

    FolderUpload *m_upload;
    QLabel *m_status;
    QProgressBar *m_progress;
    QListWidget *m_failures;
    QDialogButtonBox *m_buttons;
};

} // namespace Encord
