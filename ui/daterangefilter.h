#pragma once

#include "records/listingfilter.h"

#include <QDate>
#include <QToolButton>

#include <optional>

class QCheckBox;
class QDateEdit;

namespace Encord {

/// The filter bar's dates: a button that summarises the chosen ranges ("Any date", "Created
/// 1 Dec – 4 Dec 2026") and opens a small form with a created range and an edited range,
/// each end optional. Ends are whole days in the user's time zone, both included.
class DateRangeFilter final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateRangeFilter)

public:
    /// Which of the four dates; the order of the form.
    enum class Bound {
        CreatedFrom,
        CreatedTo,
        EditedFrom,
        EditedTo,
    };

    explicit DateRangeFilter(QWidget *parent = nullptr);

    /// The day chosen for @p bound, nullopt when that end is open.
    std::optional<QDate> day(Bound bound) const;
    /// Sets or clears (nullopt) one end; emits changed() when it differs.
    void setDay(Bound bound, std::optional<QDate> day);
    /// Opens every end; emits changed() if one was set.
    void clear();
    bool isEmpty() const;

    /// Writes the ranges into @p filter's created/edited before/after fields (the server's
    /// comparisons are strict, so a range's first day starts just before its first moment).
    void applyTo(ListingFilter &filter) const;

    /// The day editor of @p bound.
    QDateEdit *editor(Bound bound) const { return m_editors[int(bound)]; }
    /// The check box that sets or opens @p bound.
    QCheckBox *checkBox(Bound bound) const { return m_checks[int(bound)]; }

Q_SIGNALS:
    void changed();

private:
    void updateSummary();

    /// Per bound: the day, and the check box that says whether that end is set.
    QDateEdit *m_editors[4] = {};
    QCheckBox *m_checks[4] = {};
};

} // namespace Encord
