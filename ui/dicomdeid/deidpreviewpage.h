#pragma once

#include "deidresult.h"

#include <QImage>
#include <QTemporaryDir>
#include <QWizardPage>

#include <memory>

class QComboBox;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace Encord {

namespace Dicom {
class DeidRunner;
}

/// Third page, local files only: one chosen file before and after de-identification with the
/// chosen options. The tags that will be removed and kept, and the first frame with the boxes
/// that will be blacked out (outlined on the original, filled on the copy). Nothing is
/// written: the engine's preview runs in a worker process.
class DeidPreviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeidPreviewPage)

public:
    explicit DeidPreviewPage(QWidget *parent = nullptr);
    ~DeidPreviewPage() override;

    /// Previews the local file at @p index of the source page's list.
    void previewFile(int index);
    /// Stops a preview still running.
    void stop();
    bool isBusy() const;

    /// The last preview's result (status Previewed, or Failed with the reason).
    const Dicom::DeidResult &result() const { return m_result; }
    /// The first frame as the engine rendered it (null in the tag-only mode).
    const QImage &frame() const { return m_frame; }

    void initializePage() override;
    void cleanupPage() override;
    /// Leaving for the run stops a preview still looking for text.
    bool validatePage() override;

Q_SIGNALS:
    /// A preview finished (successfully or not).
    void previewReady();

private:
    void show(const Dicom::DeidResult &result);
    void fillTags(QTableWidget *table, const QList<Dicom::TagSummary> &tags, bool nested);

    QComboBox *m_file;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QTableWidget *m_removed;
    QTableWidget *m_kept;
    QLabel *m_before;
    QLabel *m_after;
    QLabel *m_imageNote;

    std::unique_ptr<Dicom::DeidRunner> m_runner;
    QTemporaryDir m_imageDir;
    QString m_imagePath;
    Dicom::DeidResult m_result;
    QImage m_frame;
};

} // namespace Encord
