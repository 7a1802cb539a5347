#include "deidpreviewpage.h"

#include "deidoptionspage.h"
#include "deidrunner.h"
#include "deidsourcepage.h"
#include "dicomdeidwizard.h"
#include "modelformat.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizard>

namespace Encord {

namespace {

QTableWidget *tagTable(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableWidget(0, 4, parent);
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->setHorizontalHeaderLabels({DeidPreviewPage::tr("Tag"),
                                      DeidPreviewPage::tr("Keyword"),
                                      DeidPreviewPage::tr("Value"),
                                      DeidPreviewPage::tr("Nested elements")});
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table->setColumnWidth(0, 95);
    table->setColumnWidth(1, 165);
    table->setColumnWidth(3, 110);
    table->setTextElideMode(Qt::ElideMiddle);
    table->setWordWrap(false);
    return table;
}

QWidget *titled(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(title, box);
    label->setBuddy(content);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

QLabel *imageLabel(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAccessibleName(accessibleName);
    label->setAlignment(Qt::AlignCenter);
    label->setMinimumSize(200, 200);
    return label;
}

// Fits @p image into a preview and draws the boxes: outlined (before) or filled black (after).
QPixmap drawBoxes(const QImage &image, const QList<Dicom::RedactedBox> &boxes, bool filled)
{
    QImage canvas = image.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&canvas);
    const int pen = std::max(2, canvas.width() / 200);
    for (const Dicom::RedactedBox &box : boxes) {
        if (filled) {
            painter.fillRect(box.rect, Qt::black);
        } else {
            painter.setPen(QPen(QColor(230, 40, 40), pen));
            painter.setBrush(QColor(230, 40, 40, 50));
            painter.drawRect(box.rect);
        }
    }
    painter.end();
    return QPixmap::fromImage(
        canvas.scaled(QSize(420, 420), Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

} // namespace

DeidPreviewPage::DeidPreviewPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("deidPreviewPage"));
    setTitle(tr("Preview"));
    setSubTitle(tr("One file before and after, with the options chosen. Nothing is written."));
    setButtonText(QWizard::NextButton, tr("&De-identify"));

    m_file = new QComboBox(this);
    m_file->setObjectName(QStringLiteral("previewFile"));
    m_file->setAccessibleName(tr("File to preview"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);

    m_removed = tagTable(QStringLiteral("removedTags"), tr("Tags that will be removed"), this);
    m_kept = tagTable(QStringLiteral("keptTags"), tr("Tags that will be kept"), this);
    auto *tags = new QSplitter(Qt::Horizontal, this);
    tags->addWidget(titled(tr("&Removed"), m_removed, tags));
    tags->addWidget(titled(tr("&Kept"), m_kept, tags));

    m_before = imageLabel(QStringLiteral("beforeImage"),
                          tr("The original first frame, the boxes to black out outlined"),
                          this);
    m_after = imageLabel(QStringLiteral("afterImage"),
                         tr("The first frame of the copy, the boxes blacked out"),
                         this);
    m_imageNote = new QLabel(this);
    m_imageNote->setObjectName(QStringLiteral("imageNote"));
    m_imageNote->setWordWrap(true);
    auto *imagePage = new QWidget(this);
    auto *images = new QHBoxLayout;
    images->addWidget(titled(tr("Before"), m_before, imagePage), 1);
    images->addWidget(titled(tr("After"), m_after, imagePage), 1);
    auto *imageLayout = new QVBoxLayout(imagePage);
    imageLayout->addWidget(m_imageNote);
    imageLayout->addLayout(images, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_tabs->setAccessibleName(tr("Preview of tags and image"));
    m_tabs->addTab(tags, tr("&Tags"));
    m_tabs->addTab(imagePage, tr("&Image"));

    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), m_file);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    connect(m_file, &QComboBox::activated, this, &DeidPreviewPage::previewFile);
}

DeidPreviewPage::~DeidPreviewPage()
{
    stop();
}

void DeidPreviewPage::initializePage()
{
    const auto *owner = qobject_cast<DicomDeidWizard *>(wizard());
    if (!owner)
        return;
    const QStringList files = owner->sourcePage()->localFiles();
    const QString previous = m_file->currentData().toString();
    m_file->clear();
    for (const QString &file : files)
        m_file->addItem(QFileInfo(file).fileName(), file);
    const int index = std::max(0, int(files.indexOf(previous)));
    m_file->setCurrentIndex(index);
    if (!files.isEmpty())
        previewFile(index);
}

void DeidPreviewPage::cleanupPage()
{
    stop();
}

bool DeidPreviewPage::validatePage()
{
    stop();
    return true;
}

void DeidPreviewPage::stop()
{
    if (!m_runner)
        return;
    // Detach first: a cancelled preview reports nothing to the page.
    m_runner->disconnect(this);
    m_runner->cancel();
    m_runner.reset();
}

bool DeidPreviewPage::isBusy() const
{
    return m_runner && m_runner->isRunning();
}

void DeidPreviewPage::previewFile(int index)
{
    const auto *owner = qobject_cast<DicomDeidWizard *>(wizard());
    const QString path = m_file->itemData(index).toString();
    if (!owner || path.isEmpty())
        return;
    const auto options = owner->optionsPage()->options();
    if (!options)
        return;
    stop();
    m_file->setCurrentIndex(index);
    m_removed->setRowCount(0);
    m_kept->setRowCount(0);
    m_before->clear();
    m_after->clear();
    m_frame = QImage();
    m_status->setText(options->pixelMode == Dicom::PixelRedactionMode::NoText
                          ? tr("Reading %1…").arg(QFileInfo(path).fileName())
                          : tr("Reading %1 and looking for burned-in text; this takes a few "
                               "seconds…")
                                .arg(QFileInfo(path).fileName()));

    m_imagePath = m_imageDir.filePath(QStringLiteral("preview.png"));
    QFile::remove(m_imagePath);
    m_runner = std::make_unique<Dicom::DeidRunner>(*options);
    m_runner->setParallelism(1);
    connect(m_runner.get(),
            &Dicom::DeidRunner::fileFinished,
            this,
            [this](int, const Dicom::DeidResult &result) { show(result); });
    connect(m_runner.get(), &Dicom::DeidRunner::finished, this, [this] {
        // Deleted later: this slot runs inside the runner.
        if (m_runner)
            m_runner.release()->deleteLater();
        Q_EMIT previewReady();
    });
    Dicom::DeidJob job{path, m_imageDir.path(), QFileInfo(path).fileName(), m_imagePath};
    m_runner->start({job});
}

void DeidPreviewPage::show(const Dicom::DeidResult &result)
{
    m_result = result;
    const QString name = QFileInfo(result.inputPath).fileName();
    if (result.status == Dicom::DeidResult::Status::Failed) {
        m_status->setText(tr("%1 cannot be de-identified: %2").arg(name, result.error));
        m_imageNote->setText(QString());
        return;
    }
    fillTags(m_removed, result.removedTags, true);
    fillTags(m_kept, result.keptTags, false);

    QString summary =
        tr("%1: %2 will be removed, %3 kept (%4 removed at every depth).")
            .arg(name,
                 ModelFormat::count(result.removedTags.size(), tr("tag"), tr("tags")),
                 QString::number(result.keptTags.size()),
                 ModelFormat::count(result.removedElementCount, tr("element"), tr("elements")));
    if (!result.conditionsHeld)
        summary += QLatin1Char(' ') + tr("This file will not be saved: %1").arg(result.error);
    m_status->setText(summary);

    m_frame = QImage(m_imagePath);
    const auto *owner = qobject_cast<DicomDeidWizard *>(wizard());
    const auto options = owner ? owner->optionsPage()->options() : std::nullopt;
    if (options && options->pixelMode == Dicom::PixelRedactionMode::NoText) {
        m_imageNote->setText(tr("The pixels are copied unchanged in this mode. Choose a "
                                "burned-in text mode on the previous page to see what would be "
                                "blacked out."));
    } else if (m_frame.isNull()) {
        m_imageNote->setText(tr("This file has no image to show."));
    } else {
        m_imageNote->setText(
            tr("%1 will be blacked out on every frame (%2 of %3 frames searched).")
                .arg(ModelFormat::count(result.boxes.size(), tr("box"), tr("boxes")))
                .arg(result.framesScanned)
                .arg(result.frameCount));
        m_before->setPixmap(drawBoxes(m_frame, result.boxes, false));
        m_after->setPixmap(drawBoxes(m_frame, result.boxes, true));
    }
}

void DeidPreviewPage::fillTags(QTableWidget *table,
                               const QList<Dicom::TagSummary> &tags,
                               bool nested)
{
    table->setRowCount(int(tags.size()));
    table->setColumnHidden(3, !nested);
    for (int row = 0; row < tags.size(); ++row) {
        const Dicom::TagSummary &tag = tags.at(row);
        table->setItem(row, 0, new QTableWidgetItem(tag.tagText()));
        table->setItem(row, 1, new QTableWidgetItem(tag.keyword));
        // Values padded to an even length keep their NUL or space on screen otherwise.
        QString value = tag.value;
        while (value.endsWith(QChar(0)) || value.endsWith(QLatin1Char(' ')))
            value.chop(1);
        auto *valueItem = new QTableWidgetItem(value);
        valueItem->setToolTip(value);
        table->setItem(row, 2, valueItem);
        table->setItem(row,
                       3,
                       new QTableWidgetItem(tag.nestedCount > 0 ? QString::number(tag.nestedCount)
                                                                : QString()));
    }
}

} // namespace Encord
