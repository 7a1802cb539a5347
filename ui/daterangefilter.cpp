#include "daterangefilter.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QWidgetAction>

namespace Encord {

DateRangeFilter::DateRangeFilter(QWidget *parent)
    : QToolButton(parent)
{
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIcon(QIcon::fromTheme(QStringLiteral("view-calendar"),
                             QIcon(QStringLiteral(":/icons/calendar.svg"))));
    setAccessibleName(tr("Date ranges"));
    setToolTip(tr("Show only what was created or edited between two days"));

    auto *form = new QWidget(this);
    auto *grid = new QGridLayout(form);
    const QString rowNames[] = {tr("Created"), tr("Edited")};
    for (int row = 0; row < 2; ++row) {
        auto *name = new QLabel(rowNames[row], form);
        grid->addWidget(name, row, 0);
        for (int end = 0; end < 2; ++end) {
            const auto bound = Bound(row * 2 + end);
            auto *use = new QCheckBox(end == 0 ? tr("from") : tr("to"), form);
            auto *editor = new QDateEdit(QDate::currentDate(), form);
            editor->setCalendarPopup(true);
            editor->setEnabled(false);
            editor->setAccessibleName(
                tr("%1 %2").arg(rowNames[row], end == 0 ? tr("from") : tr("to")));
            use->setAccessibleName(tr("Use %1").arg(editor->accessibleName().toLower()));
            m_editors[int(bound)] = editor;
            m_checks[int(bound)] = use;
            grid->addWidget(use, row, 1 + end * 2);
            grid->addWidget(editor, row, 2 + end * 2);
            connect(use, &QCheckBox::toggled, this, [this, editor](bool on) {
                editor->setEnabled(on);
                updateSummary();
                Q_EMIT changed();
            });
            connect(editor, &QDateEdit::dateChanged, this, [this, use] {
                if (!use->isChecked())
                    return;
                updateSummary();
                Q_EMIT changed();
            });
        }
    }
    auto *clearButton = new QPushButton(tr("Any Date"), form);
    clearButton->setAccessibleName(tr("Clear the date ranges"));
    connect(clearButton, &QPushButton::clicked, this, &DateRangeFilter::clear);
    grid->addWidget(clearButton, 2, 3, 1, 2, Qt::AlignRight);

    auto *menu = new QMenu(this);
    auto *holder = new QWidgetAction(menu);
    holder->setDefaultWidget(form);
    menu->addAction(holder);
    setMenu(menu);
    updateSummary();
}

std::optional<QDate> DateRangeFilter::day(Bound bound) const
{
    if (!m_checks[int(bound)]->isChecked())
        return std::nullopt;
    return m_editors[int(bound)]->date();
}

void DateRangeFilter::setDay(Bound bound, std::optional<QDate> day)
{
    QDateEdit *editor = m_editors[int(bound)];
    QCheckBox *use = m_checks[int(bound)];
    if (day == this->day(bound))
        return;
    // One change at a time reaches the pane: the date first, silently, then the check box.
    {
        const QSignalBlocker quiet(editor);
        if (day)
            editor->setDate(*day);
    }
    if (use->isChecked() == day.has_value()) {
        updateSummary();
        Q_EMIT changed();
    } else {
        use->setChecked(day.has_value());
    }
}

void DateRangeFilter::clear()
{
    if (isEmpty())
        return;
    for (QCheckBox *use : m_checks) {
        const QSignalBlocker quiet(use);
        use->setChecked(false);
    }
    for (QDateEdit *editor : m_editors)
        editor->setEnabled(false);
    updateSummary();
    Q_EMIT changed();
}

bool DateRangeFilter::isEmpty() const
{
    return std::none_of(std::begin(m_checks), std::end(m_checks), [](const QCheckBox *use) {
        return use->isChecked();
    });
}

void DateRangeFilter::applyTo(ListingFilter &filter) const
{
    // The server compares strictly (after: >, before: <) to the millisecond.
    const auto after = [](std::optional<QDate> from) -> std::optional<QDateTime> {
        if (!from)
            return std::nullopt;
        return from->startOfDay().addMSecs(-1).toUTC();
    };
    const auto before = [](std::optional<QDate> to) -> std::optional<QDateTime> {
        if (!to)
            return std::nullopt;
        return to->addDays(1).startOfDay().toUTC();
    };
    filter.createdAfter = after(day(Bound::CreatedFrom));
    filter.createdBefore = before(day(Bound::CreatedTo));
    filter.editedAfter = after(day(Bound::EditedFrom));
    filter.editedBefore = before(day(Bound::EditedTo));
}

void DateRangeFilter::updateSummary()
{
    const QLocale locale;
    const auto range = [&](const QString &what, Bound fromBound, Bound toBound) -> QString {
        const std::optional<QDate> from = day(fromBound);
        const std::optional<QDate> to = day(toBound);
        const auto text = [&](QDate date) {
            return locale.toString(date, QLocale::ShortFormat);
        };
        if (from && to)
            return tr("%1 %2 – %3").arg(what, text(*from), text(*to));
        if (from)
            return tr("%1 from %2").arg(what, text(*from));
        if (to)
            return tr("%1 until %2").arg(what, text(*to));
        return {};
    };
    QStringList parts;
    for (const QString &part : {range(tr("Created"), Bound::CreatedFrom, Bound::CreatedTo),
                                range(tr("Edited"), Bound::EditedFrom, Bound::EditedTo)}) {
        if (!part.isEmpty())
            parts << part;
    }
    setText(parts.isEmpty() ? tr("Any date") : parts.join(QStringLiteral("; ")));
}

} // namespace Encord
