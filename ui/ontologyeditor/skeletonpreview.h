#pragma once

#include "records/skeletontemplate.h"

#include <QWidget>

namespace Encord {

/// Draws a skeleton template as annotators will meet it: the template's frame in its aspect
/// ratio, the edges in their colours, the keypoints as dots with their names. Read-only.
class SkeletonPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkeletonPreview)

public:
    explicit SkeletonPreview(QWidget *parent = nullptr);

    void setTemplate(const SkeletonTemplate &skeletonTemplate);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    /// Where the frame goes in this widget: centred, as large as fits, in the template's
    /// aspect ratio (a square while width or height is not above 0).
    QRectF frameRect() const;

    SkeletonTemplate m_template;
};

} // namespace Encord
