#include "emptystatewidget.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Encord {

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_explanation(new QLabel(this))
    , m_buttons(new QVBoxLayout)
{
    setObjectName(QStringLiteral("emptyState"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_explanation->setAlignment(Qt::AlignCenter);
    m_explanation->setWordWrap(true);
    m_explanation->setForegroundRole(QPalette::PlaceholderText);
    m_explanation->setMinimumWidth(340);
    m_explanation->setMaximumWidth(440);
    m_buttons->setSpacing(6);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_explanation, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addLayout(m_buttons);
    layout->setAlignment(m_buttons, Qt::AlignHCenter);
}

void EmptyStateWidget::setMessage(const QString &title, const QString &explanation)
{
    m_title->setText(title);
    m_explanation->setText(explanation);
    setAccessibleName(title);
    setAccessibleDescription(explanation);
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

void EmptyStateWidget::setActions(const QList<QAction *> &actions, const QStringList &labels)
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_actions = actions;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        QAction *action = actions.at(i);
        const QString label = labels.value(i);
        auto *button = new QPushButton(action->icon(), QString(), this);
        button->setMinimumWidth(220);
        auto sync = [button, action, label] {
            button->setText(label.isEmpty() ? action->text() : label);
            button->setAccessibleName(button->text().remove(QLatin1Char('&')));
            button->setEnabled(action->isEnabled());
            button->setVisible(action->isVisible());
        };
        sync();
        connect(action, &QAction::changed, button, sync);
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_buttons->addWidget(button);
    }
    if (!m_actions.isEmpty()) {
        auto *first = qobject_cast<QPushButton *>(m_buttons->itemAt(0)->widget());
        first->setDefault(true);
    }
}

} // namespace Encord
