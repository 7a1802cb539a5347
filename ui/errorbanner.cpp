#include "errorbanner.h"

#include "core/apierror.h"

#include <QHBoxLayout>
#include <QLabel>
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
    // A tinted strip that follows the palette (light and dark) rather than a fixed colour.
    setAutoFillBackground(true);
    QPalette tinted = palette();
    const QColor base = tinted.color(QPalette::Window);
    const QColor alert(220, 60, 40);
    tinted.setColor(QPalette::Window,
                    QColor::fromRgbF(base.redF() * 0.8 + alert.redF() * 0.2,
                                     base.greenF() * 0.8 + alert.greenF() * 0.2,
                                     base.blueF() * 0.8 + alert.blueF() * 0.2));
    setPalette(tinted);

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

QString ErrorBanner::text() const
{
    return m_text->text();
}

} // namespace Encord
