#include "aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Encord {

AboutDialog::AboutDialog(const AboutInfo &info, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Encord Desktop"));

    auto *icon = new QLabel(this);
    const int iconSize = 64;
    icon->setPixmap(windowIcon().pixmap(iconSize, iconSize));
    icon->setAccessibleName(tr("Encord Desktop icon"));

    auto *title =
        new QLabel(tr("<b>Encord Desktop</b> %1").arg(info.version.toHtmlEscaped()), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);

    auto *summary = new QLabel(tr("Browse and set up Encord annotation projects, in the Encord "
                                  "cloud or in a local workspace."),
                               this);
    summary->setWordWrap(true);

    auto *licence = new QLabel(licenceSentence(info.licence), this);
    licence->setObjectName(QStringLiteral("aboutLicence"));
    licence->setWordWrap(true);
    licence->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *versions = new QTreeWidget(this);
    versions->setObjectName(QStringLiteral("aboutVersions"));
    versions->setAccessibleName(tr("Library versions"));
    versions->setRootIsDecorated(false);
    versions->setHeaderLabels({tr("Library"), tr("Version")});
    versions->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    QStringList lines{QStringLiteral("Encord Desktop %1").arg(info.version)};
    for (const auto &[name, version] : info.components) {
        new QTreeWidgetItem(versions, {name, version});
        lines << name + QLatin1Char(' ') + version;
    }
    m_versionsText = lines.join(QLatin1Char('\n'));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersionsButton"));
    copy->setAccessibleName(tr("Copy the versions to the clipboard"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_versionsText);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *header = new QHBoxLayout;
    header->addWidget(icon, 0, Qt::AlignTop);
    auto *headerText = new QVBoxLayout;
    headerText->addWidget(title);
    headerText->addWidget(summary);
    headerText->addWidget(licence);
    header->addLayout(headerText, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(versions, 1);
    layout->addWidget(buttons);
    resize(480, 360);
}

QString AboutDialog::licenceSentence(const QString &spdxLicence)
{
    if (spdxLicence.isEmpty() || spdxLicence.startsWith(QLatin1String("LicenseRef-proprietary")))
        return tr("Proprietary software: all rights reserved. The libraries below keep their own "
                  "licences.");
    return tr("Distributed under the %1 licence. The libraries below keep their own licences.")
        .arg(spdxLicence);
}

} // namespace Encord
