#include "uploaddialog.h"

#include "folderupload.h"
#include "modelformat.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Encord {

namespace {

constexpr int kProgressSteps = 1000;

} // namespace

UploadDialog::UploadDialog(FolderUpload *upload, const QString &folderName, QWidget *parent)
    : QDialog(parent)
    , m_upload(upload)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_failures(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel | QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("uploadDialog"));
    setWindowTitle(tr("Uploading to “%1”").arg(folderName));
    const QString files = ModelFormat::count(upload->filePaths().size(), tr("file"), tr("files"));
    auto *intro = new QLabel(tr("Uploading %1 into “%2”.").arg(files, folderName), this);
    intro->setWordWrap(true);
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_progress->setAccessibleName(tr("Upload progress"));
    m_failures->setAccessibleName(tr("Files that failed"));
    m_failures->setWordWrap(true);
    m_failures->hide();
    closeButton()->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_failures, 1);
    layout->addWidget(m_buttons);

    connect(upload, &FolderUpload::progressChanged, this, [this](qint64 done, qint64 total) {
        m_progress->setValue(total > 0 ? int(done * kProgressSteps / total) : 0);
        m_status->setText(
            tr("%1 of %2 sent").arg(ModelFormat::byteSize(done), ModelFormat::byteSize(total)));
    });
    connect(
        upload, &FolderUpload::fileFailed, this, [this](const QString &path, const QString &why) {
            m_failures->addItem(tr("%1: %2").arg(QFileInfo(path).fileName(), why));
            m_failures->item(m_failures->count() - 1)->setToolTip(path);
            m_failures->show();
        });
    connect(upload, &FolderUpload::finished, this, &UploadDialog::onFinished);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UploadDialog::reject);
    connect(closeButton(), &QPushButton::clicked, this, &QDialog::accept);
    resize(480, 320);
}

QPushButton *UploadDialog::cancelButton() const
{
    return m_buttons->button(QDialogButtonBox::Cancel);
}

QPushButton *UploadDialog::closeButton() const
{
    return m_buttons->button(QDialogButtonBox::Close);
}

void UploadDialog::reject()
{
    if (m_upload->isRunning()) {
        m_upload->cancel();
        cancelButton()->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void UploadDialog::onFinished(int uploaded, int failed, bool cancelled)
{
    cancelButton()->hide();
    closeButton()->show();
    closeButton()->setDefault(true);
    if (cancelled)
        m_status->setText(tr("Cancelled. Files that had not been registered were not added."));
    else if (failed == 0)
        m_status->setText(
            tr("%1 uploaded.").arg(ModelFormat::count(uploaded, tr("file"), tr("files"))));
    else
        m_status->setText(tr("%1 uploaded, %2 failed.")
                              .arg(ModelFormat::count(uploaded, tr("file"), tr("files")))
                              .arg(failed));
}

} // namespace Encord
