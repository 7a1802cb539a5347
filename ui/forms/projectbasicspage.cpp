#include "projectbasicspage.h"

#include "fieldmessage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Encord {

ProjectBasicsPage::ProjectBasicsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_title(new QLineEdit(this))
    , m_titleMessage(new FieldMessage(tr("Title"), this))
    , m_description(new QPlainTextEdit(this))
{
    setTitle(tr("Project"));
    setSubTitle(tr("Name the project; annotators see its title and description."));
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("Required"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);

    auto *titleColumn = new QVBoxLayout;
    titleColumn->addWidget(m_title);
    titleColumn->addWidget(m_titleMessage);
    auto *form = new QFormLayout(this);
    auto *titleLabel = new QLabel(tr("&Title:"), this);
    titleLabel->setBuddy(m_title);
    form->addRow(titleLabel, titleColumn);
    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    form->addRow(descriptionLabel, m_description);

    registerField(QStringLiteral("title"), m_title);
    registerField(QStringLiteral("description"), m_description, "plainText");
    connect(m_title, &QLineEdit::textChanged, this, [this] {
        m_titleMessage->setMessage(titleProblem());
        Q_EMIT completeChanged();
    });
}

QString ProjectBasicsPage::titleProblem() const
{
    const QString text = title();
    if (text.isEmpty())
        return tr("A project needs a title.");
    if (text.size() > kMaxTitleLength)
        return tr("A title has at most %1 characters.").arg(kMaxTitleLength);
    return {};
}

bool ProjectBasicsPage::isComplete() const
{
    return titleProblem().isEmpty();
}

QString ProjectBasicsPage::title() const
{
    return m_title->text().trimmed();
}

QString ProjectBasicsPage::description() const
{
    return m_description->toPlainText().trimmed();
}

} // namespace Encord
