#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Encord {

class ApiError;

/// A strip at the top of a pane that failed: what went wrong in a sentence, and a Retry
/// button. Hidden until showError(); never a modal dialog.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const ApiError &error);
    void showMessage(const QString &message);
    QString text() const;

Q_SIGNALS:
    void retryRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
};

} // namespace Encord
