#include "cvatsourcepage.h"

#include "mainwindow.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace Encord {

CvatSourcePage::CvatSourcePage(QWidget *parent)
    : QWizardPage(parent)
    , m_path(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setTitle(tr("Choose the CVAT Export"));
    setSubTitle(tr("An export in the \"CVAT for images 1.1\" format, saved with its images: the "
                   "folder holding annotations.xml and images/, or the .zip CVAT downloaded."));
    setAcceptDrops(true);
    m_path->setAccessibleName(tr("Export folder or .zip file"));
    m_path->setPlaceholderText(tr("Type a path, choose one, or drop a folder or .zip here"));
    m_path->setClearButtonEnabled(true);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));
    auto *chooseFolder = new QPushButton(tr("&Folder…"), this);
    chooseFolder->setAccessibleName(tr("Choose an export folder"));
    auto *chooseZip = new QPushButton(tr("&Zip File…"), this);
    chooseZip->setAccessibleName(tr("Choose an export .zip file"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(chooseFolder);
    row->addWidget(chooseZip);
    auto *hint = new QLabel(tr("In CVAT: Actions → Export task dataset (or job, or project) → "
                               "\"CVAT for images 1.1\" with \"Save images\" checked."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(hint);

    registerField(QStringLiteral("exportPath*"), m_path);
    connect(m_path, &QLineEdit::textChanged, this, &CvatSourcePage::updateProblem);
    connect(chooseFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("CVAT Export Folder"), QFileInfo(m_path->text()).absolutePath());
        if (!folder.isEmpty())
            m_path->setText(QDir::toNativeSeparators(folder));
    });
    connect(chooseZip, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this,
                                                          tr("CVAT Export Archive"),
                                                          QFileInfo(m_path->text()).absolutePath(),
                                                          tr("Zip archives (*.zip)"));
        if (!file.isEmpty())
            m_path->setText(QDir::toNativeSeparators(file));
    });
    updateProblem();
}

QString CvatSourcePage::problem() const
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return {};
    const QFileInfo file(QDir::fromNativeSeparators(path));
    if (!file.exists())
        return tr("Nothing is at %1.").arg(path);
    if (file.isDir())
        return {};
    if (file.suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) != 0)
        return tr("Choose the export's folder or its .zip file, not a file inside it.");
    return {};
}

void CvatSourcePage::updateProblem()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    Q_EMIT completeChanged();
}

bool CvatSourcePage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty() && problem().isEmpty();
}

void CvatSourcePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!MainWindow::droppedExport(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void CvatSourcePage::dropEvent(QDropEvent *event)
{
    const QString path = MainWindow::droppedExport(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    m_path->setText(QDir::toNativeSeparators(path));
}

} // namespace Encord
