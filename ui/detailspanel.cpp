#include "detailspanel.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Encord {

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_id(new QLabel(this))
    , m_body(new QWidget(this))
    , m_fields(new QFormLayout)
    , m_sections(new QVBoxLayout)
    , m_actions(new QHBoxLayout)
    , m_placeholder(new QLabel(tr("Select a row to see its details."), this))
{
    setAccessibleName(tr("Details"));
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_id->setObjectName(QStringLiteral("detailsId"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_id->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_fields->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_title);
    bodyLayout->addWidget(m_description);
    bodyLayout->addWidget(m_id);
    bodyLayout->addLayout(m_fields);
    m_actions->addStretch(1);
    bodyLayout->addLayout(m_actions);
    bodyLayout->addLayout(m_sections, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_body, 1);
    m_body->hide();
}

void DetailsPanel::setClient(std::optional<EncordClient> client)
{
    m_client = std::move(client);
    showIndex({});
}

void DetailsPanel::setHeader(const QString &title, const QString &description, const QString &id)
{
    const bool selected = !title.isEmpty() || !id.isEmpty();
    m_placeholder->setVisible(!selected);
    m_body->setVisible(selected);
    m_title->setText(title);
    m_description->setText(description);
    m_description->setVisible(!description.isEmpty());
    m_id->setText(id.isEmpty() ? QString() : tr("ID: %1").arg(id));
}

void DetailsPanel::addActionButton(QAction *action)
{
    auto *button = new QToolButton(m_body);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    m_actions->insertWidget(m_actions->count() - 1, button);
}

QLabel *DetailsPanel::addField(const QString &label)
{
    auto *value = new QLabel(m_body);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Field values are short; a wrapping label under-reports its height in a form layout.
    m_fields->addRow(label, value);
    return value;
}

} // namespace Encord
