#pragma once

#include "client/cvatimportinput.h"
#include "client/cvatimportprogress.h"
#include "core/canceltoken.h"

#include <QElapsedTimer>
#include <QWizardPage>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTemporaryDir;
class QTimer;

namespace Encord {

class ApiError;
struct CvatImportResult;

/// Runs the import: unpacks a .zip export's images, uploads them a few at a time with one
/// progress bar (files, bytes, throughput, time left), then waits for the server's import job
/// with a busy bar and the time it has taken so far (the protocol reports no progress figure).
/// Cancel stops the uploads; nothing exists on the server until they all succeeded. While the
/// server converts, Cancel closes the wizard and stops waiting, and the page says so
/// beforehand: the job goes on and commits everything at once, so the project appears whole
/// when it is done, or not at all. An error is shown on the page with Retry, the wizard still
/// open and every choice kept.
class CvatRunPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CvatRunPage)

public:
    enum class State {
        Idle,
        Preparing,
        Uploading,
        Importing,  ///< the dataset is being created: a short step that cannot be cancelled
        Converting, ///< the server's import job runs; Cancel only stops the waiting
        Failed,
        Cancelled,
        Done,
    };
    Q_ENUM(State)

    explicit CvatRunPage(QWidget *parent = nullptr);
    ~CvatRunPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    State state() const { return m_state; }
    /// False while the dataset is being created (a request that cannot be taken back).
    bool canCancel() const;
    /// Cancel was pressed while the server converted: this window stopped waiting.
    bool leftJobRunning() const { return m_leftJobRunning; }
    QProgressBar *progressBar() const { return m_bar; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QLabel *detailLabel() const { return m_detail; }
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void stateChanged(Encord::CvatRunPage::State state);

private:
    void start();
    void cancel();
    void upload(CvatImportInput input);
    void showProgress(const CvatImportProgress &progress);
    void finish(const CvatImportResult &result);
    void fail(const QString &message);
    void setState(State state);
    void showConversion();

    State m_state = State::Idle;
    bool m_leftJobRunning = false;
    QElapsedTimer m_conversionClock;
    CancelToken m_token;
    quint64 m_run = 0; ///< answers of an earlier run are ignored
    QElapsedTimer m_clock;
    std::shared_ptr<QTemporaryDir> m_unpacked;
    QLabel *m_stateLabel;
    QProgressBar *m_bar;
    QLabel *m_detail;
    QLabel *m_error;
    QPushButton *m_retry;
    QTimer *m_conversionTicker; ///< updates the conversion's time once a second
};

} // namespace Encord
