#pragma once

#include "cvat/cvatexportscan.h"

#include <QWizardPage>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

template<typename T>
class QFutureWatcher;

namespace Encord {

/// What the export holds, read in one streaming pass on a worker thread: its kind, the images
/// found, missing and extra, the labels with their shape counts and attributes, and every
/// problem (filterable, can be saved as text). Continue is allowed with warnings and blocked
/// with errors.
class CvatPreviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CvatPreviewPage)

public:
    explicit CvatPreviewPage(QWidget *parent = nullptr);
    ~CvatPreviewPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    // For tests.
    QTableWidget *labelTable() const { return m_labels; }
    QTableWidget *problemTable() const { return m_problems; }
    QComboBox *problemFilter() const { return m_filter; }
    QLabel *summary() const { return m_summary; }
    QLabel *verdict() const { return m_verdict; }
    bool isScanning() const;
    /// Writes the problems report to @p path; false with a message shown on failure.
    bool saveReport(const QString &path);

Q_SIGNALS:
    void scanFinished();

private:
    void startScan();
    void stopScan();
    void showScan(const Cvat::CvatScanResult &scan);
    void fillProblems();

    std::shared_ptr<const Cvat::CvatScanResult> m_scan;
    std::shared_ptr<std::atomic_bool> m_stop;
    QFutureWatcher<Cvat::CvatScanResult> *m_watcher = nullptr;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QLabel *m_counts;
    QTableWidget *m_labels;
    QComboBox *m_filter;
    QTableWidget *m_problems;
    QPushButton *m_save;
    QLabel *m_verdict;
};

} // namespace Encord
