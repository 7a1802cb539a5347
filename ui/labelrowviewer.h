#pragma once

#include "client/encordclient.h"
#include "requestgeneration.h"

#include <QColor>
#include <QDialog>
#include <QHash>
#include <QImage>

#include <optional>

class QLabel;

namespace Encord {

class ErrorBanner;
class ImagePreviewLoader;

/// Shows one label row: the data row's image (the signed URL of its storage item) with the
/// row's objects drawn over it in the ontology's colours (LabelRowPainter). The label row and
/// the image are fetched when the dialog opens; a failure shows a banner, never a half image.
class LabelRowViewer final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelRowViewer)

public:
    /// @p colours: ontology featureNodeHash → colour.
    LabelRowViewer(EncordClient client,
                   QString projectHash,
                   LabelRowMetadata row,
                   QHash<QString, QColor> colours,
                   QWidget *parent = nullptr);
    ~LabelRowViewer() override;

    /// The image with its objects, as shown (at the loaded size); null until both arrived.
    QImage renderedImage() const { return m_rendered; }
    /// The size the image is loaded at, at most (it is scaled down to fit, aspect kept).
    static QSize maxImageSize() { return {1600, 1200}; }

Q_SIGNALS:
    /// The image and its objects are on screen.
    void imageShown();
    /// Loading failed with @p message (also shown in the dialog).
    void loadFailed(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void load();
    void fail(const QString &message);
    void fail(const ApiError &error);
    void showIfComplete();
    void updatePixmap();

    EncordClient m_client;
    QString m_projectHash;
    LabelRowMetadata m_row;
    QHash<QString, QColor> m_colours;
    RequestGeneration m_requests;
    ImagePreviewLoader *m_loader;
    ErrorBanner *m_banner;
    QLabel *m_summary;
    QLabel *m_canvas;
    std::optional<LabelRow> m_labels;
    QImage m_image;
    QImage m_rendered;
};

} // namespace Encord
