#include "labelrowviewer.h"

#include "errorbanner.h"
#include "imagepreviewloader.h"
#include "labelrowmodel.h"
#include "labelrowpainter.h"
#include "modelformat.h"

#include <QCoroTask>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace Encord {

LabelRowViewer::LabelRowViewer(EncordClient client,
                               QString projectHash,
                               LabelRowMetadata row,
                               QHash<QString, QColor> colours,
                               QWidget *parent)
    : QDialog(parent)
    , m_client(std::move(client))
    , m_projectHash(std::move(projectHash))
    , m_row(std::move(row))
    , m_colours(std::move(colours))
    , m_loader(new ImagePreviewLoader(this))
    , m_banner(new ErrorBanner(this))
    , m_summary(new QLabel(this))
    , m_canvas(new QLabel(this))
{
    setWindowTitle(tr("Labels of %1").arg(m_row.dataTitle));
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_canvas->setAlignment(Qt::AlignCenter);
    m_canvas->setMinimumSize(320, 240);
    m_canvas->setText(tr("Loading…"));
    m_canvas->setAccessibleName(tr("Image with its labels"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(buttons);
    m_banner->hide();
    m_summary->setText(
        tr("%1 · %2").arg(m_row.dataTitle, LabelRowModel::statusName(m_row.labelStatus)));
    connect(m_banner, &ErrorBanner::retryRequested, this, &LabelRowViewer::load);
    connect(m_loader,
            &ImagePreviewLoader::previewReady,
            this,
            [this](const QString &, const QImage &image) {
                m_image = image;
                showIfComplete();
            });
    connect(m_loader,
            &ImagePreviewLoader::previewFailed,
            this,
            [this](const QString &, const QString &reason) {
                fail(tr("The image could not be loaded: %1").arg(reason));
            });
    resize(900, 700);
    load();
}

LabelRowViewer::~LabelRowViewer()
{
    m_requests.advance();
}

void LabelRowViewer::load()
{
    m_banner->hide();
    m_labels.reset();
    m_image = QImage();
    m_rendered = QImage();
    m_loader->clear();
    const quint64 generation = m_requests.advance();
    if (!m_row.backingItemUuid) {
        fail(tr("This data row has no stored file to show."));
        return;
    }
    if (m_row.labelHash) {
        QCoro::connect(m_client.getLabelRow(m_projectHash, *m_row.labelHash, m_requests.token()),
                       this,
                       [this, generation](const Result<LabelRow> &answer) {
                           if (!m_requests.isCurrent(generation))
                               return;
                           if (!answer.ok())
                               return fail(answer.error());
                           m_labels = answer.value();
                           showIfComplete();
                       });
    } else {
        m_labels = LabelRow(); // no labels yet: the image alone
    }
    QCoro::connect(m_client.getStorageItem(*m_row.backingItemUuid, true, m_requests.token()),
                   this,
                   [this, generation](const Result<StorageItem> &answer) {
                       if (!m_requests.isCurrent(generation))
                           return;
                       if (!answer.ok())
                           return fail(answer.error());
                       if (!answer->signedUrl)
                           return fail(tr("The server gave no address for the image."));
                       m_loader->request(
                           *m_row.backingItemUuid, QUrl(*answer->signedUrl), maxImageSize());
                   });
}

void LabelRowViewer::fail(const QString &message)
{
    m_requests.advance();
    m_canvas->setText(QString());
    m_banner->showMessage(message);
    Q_EMIT loadFailed(message);
}

void LabelRowViewer::fail(const ApiError &error)
{
    m_requests.advance();
    m_canvas->setText(QString());
    m_banner->showError(error);
    Q_EMIT loadFailed(error.message());
}

void LabelRowViewer::showIfComplete()
{
    if (!m_labels || m_image.isNull())
        return;
    const LabelRowPainter painter(m_colours);
    m_rendered = painter.render(m_image, *m_labels);
    m_summary->setText(tr("%1 · %2 · %3")
                           .arg(m_row.dataTitle,
                                LabelRowModel::statusName(m_row.labelStatus),
                                ModelFormat::count(LabelRowPainter::drawableObjectCount(*m_labels),
                                                   tr("object"),
                                                   tr("objects"))));
    updatePixmap();
    Q_EMIT imageShown();
}

void LabelRowViewer::updatePixmap()
{
    if (m_rendered.isNull() || !m_labels)
        return;
    // Drawn again at the size shown, so that lines stay sharp on small images made larger.
    const QSize room = m_canvas->contentsRect().size();
    if (room.isEmpty())
        return;
    const QImage fitted = m_image.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_canvas->setPixmap(QPixmap::fromImage(LabelRowPainter(m_colours).render(fitted, *m_labels)));
}

void LabelRowViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    updatePixmap();
}

} // namespace Encord
