#include "skeletonpreview.h"

#include "skeletontemplatedraft.h"

#include <QPainter>

namespace Encord {

SkeletonPreview::SkeletonPreview(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Skeleton preview"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void SkeletonPreview::setTemplate(const SkeletonTemplate &skeletonTemplate)
{
    if (skeletonTemplate == m_template)
        return;
    m_template = skeletonTemplate;
    update();
}

QSize SkeletonPreview::sizeHint() const
{
    const int side = fontMetrics().height() * 9;
    return {side, side};
}

QSize SkeletonPreview::minimumSizeHint() const
{
    const int side = fontMetrics().height() * 6;
    return {side, side};
}

QRectF SkeletonPreview::frameRect() const
{
    // Room for the names of keypoints on the frame's edge: beside the dots, so mostly sideways.
    const qreal across = fontMetrics().height() * 0.75;
    const qreal down = fontMetrics().height() * 0.4;
    const QRectF room = QRectF(rect()).adjusted(across, down, -across, -down);
    const bool sized = m_template.width > 0.0 && m_template.height > 0.0;
    const qreal aspect = sized ? m_template.width / m_template.height : 1.0;
    QSizeF size(room.width(), room.width() / aspect);
    if (size.height() > room.height())
        size = QSizeF(room.height() * aspect, room.height());
    QRectF frame(QPointF(), size);
    frame.moveCenter(room.center());
    return frame;
}

void SkeletonPreview::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = frameRect();

    painter.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(frame.adjusted(0.5, 0.5, -0.5, -0.5));

    const SkeletonTemplateDraft draft(m_template);
    if (draft.keypointCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(frame, Qt::AlignCenter | Qt::TextWordWrap, tr("No keypoints yet"));
        return;
    }
    const auto at = [&frame](const SkeletonTemplateCoordinate &keypoint) {
        return QPointF(frame.left() + keypoint.x * frame.width(),
                       frame.top() + keypoint.y * frame.height());
    };

    for (const SkeletonTemplateDraft::Edge &edge : draft.edges()) {
        const int from = draft.rowOfKey(edge.from);
        const int to = draft.rowOfKey(edge.to);
        if (from < 0 || to < 0)
            continue;
        const QColor color(edge.color);
        painter.setPen(QPen(color.isValid() ? color : palette().color(QPalette::Text), 2));
        painter.drawLine(at(draft.keypoint(from)), at(draft.keypoint(to)));
    }

    const qreal radius = fontMetrics().height() / 4.0;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    for (int row = 0; row < draft.keypointCount(); ++row) {
        const SkeletonTemplateCoordinate keypoint = draft.keypoint(row);
        const QPointF centre = at(keypoint);
        QColor color(keypoint.color);
        if (!color.isValid())
            color = palette().color(QPalette::Text);
        painter.setPen(QPen(color.darker(150), 1));
        painter.setBrush(color);
        painter.drawEllipse(centre, radius, radius);
        // Names go beside the dot, towards the middle, so that those on the frame stay inside.
        const QString name = keypoint.name;
        const qreal width = painter.fontMetrics().horizontalAdvance(name);
        const bool leftOfDot = keypoint.x > 0.5;
        const QPointF baseline(leftOfDot ? centre.x() - radius - 3 - width
                                         : centre.x() + radius + 3,
                               centre.y() + painter.fontMetrics().ascent() / 2.0 - 1);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(baseline, name);
    }
}

} // namespace Encord
