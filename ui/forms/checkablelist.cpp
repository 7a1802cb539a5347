#include "checkablelist.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace Encord {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

CheckableList::CheckableList(const QString &noun, QWidget *parent)
    : QWidget(parent)
    , m_noun(noun)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_placeholder(new QLabel(this))
    , m_count(new QLabel(this))
{
    m_filter->setPlaceholderText(tr("Filter %1…").arg(noun));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter %1").arg(noun));
    m_list->setAccessibleName(noun);
    m_list->setUniformItemSizes(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->hide();
    m_count->setAccessibleName(tr("Ticked %1").arg(noun));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_count);

    connect(m_filter, &QLineEdit::textChanged, this, &CheckableList::applyFilter);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        updateCount();
        Q_EMIT checkedChanged();
    });
    updateCount();
}

void CheckableList::setEntries(const QList<Entry> &entries)
{
    const QStringList checked = checkedIds();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        const auto add = [this](const QString &id, const QString &title, const QString &tip) {
            auto *item = new QListWidgetItem(title, m_list);
            item->setData(kIdRole, id);
            item->setToolTip(tip);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            return item;
        };
        QStringList listed;
        for (const Entry &entry : entries) {
            add(entry.id, entry.title, entry.detail)
                ->setCheckState(checked.contains(entry.id) ? Qt::Checked : Qt::Unchecked);
            listed.append(entry.id);
        }
        // Ticked ids the server did not list stay visible, so that they can be unticked.
        for (const QString &id : checked) {
            if (!listed.contains(id)) {
                add(id, tr("%1 (not among your %2)").arg(id, m_noun), {})
                    ->setCheckState(Qt::Checked);
            }
        }
    }
    m_pending.clear();
    setPlaceholder({});
    applyFilter();
    updateCount();
    Q_EMIT checkedChanged();
}

void CheckableList::setCheckedIds(const QStringList &ids)
{
    QStringList remaining = ids;
    {
        const QSignalBlocker blocker(m_list);
        for (int row = 0; row < m_list->count(); ++row) {
            QListWidgetItem *item = m_list->item(row);
            const QString id = item->data(kIdRole).toString();
            item->setCheckState(ids.contains(id) ? Qt::Checked : Qt::Unchecked);
            remaining.removeAll(id);
        }
    }
    m_pending = remaining;
    updateCount();
    Q_EMIT checkedChanged();
}

QStringList CheckableList::checkedIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            ids.append(item->data(kIdRole).toString());
    }
    return ids + m_pending;
}

QString CheckableList::titleOf(const QString &id) const
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toString() == id)
            return m_list->item(row)->text();
    }
    return id;
}

void CheckableList::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
    m_list->setVisible(text.isEmpty());
}

void CheckableList::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
    }
}

void CheckableList::updateCount()
{
    m_count->setText(tr("%n ticked", nullptr, int(checkedIds().size())));
}

} // namespace Encord
