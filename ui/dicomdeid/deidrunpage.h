#pragma once

#include "core/canceltoken.h"
#include "deidresulttable.h"
#include "records/deidentifyjobstate.h"

#include <QWizardPage>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Encord {

namespace Dicom {
class DeidRunner;
struct DeidResult;
} // namespace Dicom

/// Last page: runs the de-identification, with progress over the files, the counts so far and
/// Cancel, then a result per file (output path or URL, removed tag count, redacted box count,
/// or the error) that can be exported as CSV. Local files go through the engine's worker
/// processes; integration files through the service's job route.
class DeidRunPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeidRunPage)

public:
    explicit DeidRunPage(QWidget *parent = nullptr);
    ~DeidRunPage() override;

    bool isRunning() const { return m_running; }
    /// Stops the run: running workers are stopped and their partial outputs removed; for a
    /// service job the wizard stops waiting (the job may still finish on the server).
    void cancel();
    DeidResultTable *resultTable() const { return m_results; }

    /// The rows for a finished service job: each source matched with the copy named after it
    /// (deid_<timestamp>_<name>) or with the error the service gave for it; a source with
    /// neither was held back by a save condition.
    static QList<DeidResultTable::Row> integrationRows(const QStringList &sources,
                                                       const DeidentifyJobState &state);

    void initializePage() override;
    bool isComplete() const override;

Q_SIGNALS:
    /// The run ended: finished, failed or cancelled.
    void runFinished();

private:
    void startLocal();
    void startIntegration();
    void showLocalResult(int index, const Dicom::DeidResult &result);
    void showIntegrationState(const DeidentifyJobState &state);
    void finishRun(const QString &message);
    void updateCounts();
    void exportCsv();

    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    DeidResultTable *m_results;
    QPushButton *m_export;

    std::unique_ptr<Dicom::DeidRunner> m_runner;
    CancelToken m_token;
    QStringList m_sources;
    bool m_running = false;
    bool m_started = false;
    bool m_cancelled = false;
};

} // namespace Encord
