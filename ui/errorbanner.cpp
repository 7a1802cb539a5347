#include "errorbanner.h"

#include "core/apierror.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>

namespace Encord {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    setFrameShape(QFrame::StyledPanel);

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setAccessibleName(tr("Retry"));

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry, 0, Qt::AlignTop);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    hide();
}

void ErrorBanner::showError(const ApiError &error)
{
    showMessage(error.userMessage());
}

void ErrorBanner::showMessage(const QString &message)
{
    m_text->setText(message);
    show();
}

void ErrorBanner::paintEvent(QPaintEvent *event)
{
    // A strip tinted towards red from the current palette's window colour, computed at each
    // paint so that it follows a switch between light and dark palettes while the app runs.
    const QColor base = palette().color(QPalette::Window);
    const QColor alert(220, 60, 40);
    const QColor tint = QColor::fromRgbF(base.redF() * 0.8f + alert.redF() * 0.2f,
                                         base.greenF() * 0.8f + alert.greenF() * 0.2f,
                                         base.blueF() * 0.8f + alert.blueF() * 0.2f);
    QPainter(this).fillRect(rect(), tint);
    QFrame::paintEvent(event);
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

} // namespace Encord
