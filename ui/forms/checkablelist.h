#pragma once

#include <QWidget>

class QLineEdit;
class QListWidget;
class QLabel;

namespace Encord {

/// A filterable list of resources with a check box each: pick several datasets or projects by
/// ticking them. The filter only hides rows; ticks survive filtering and reloading.
class CheckableList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckableList)

public:
    struct Entry
    {
        QString id;
        QString title;
        QString detail; ///< shown as the tooltip (a description, say)
    };

    /// @p noun names the entries in the accessible names and the count ("datasets").
    explicit CheckableList(const QString &noun, QWidget *parent = nullptr);

    /// Shows @p entries; ids ticked before stay ticked. Ticked ids that @p entries lack are
    /// listed after them, named by their id, so that the user sees and can untick them.
    void setEntries(const QList<Entry> &entries);
    /// Ticks exactly @p ids (ids not listed yet are ticked once they appear).
    void setCheckedIds(const QStringList &ids);
    /// The ticked ids, in list order (ids ticked but not listed come last).
    QStringList checkedIds() const;
    /// The title of a listed id; the id itself when unknown.
    QString titleOf(const QString &id) const;
    /// A sentence in place of the list (loading, no entries, an error); empty shows the list.
    void setPlaceholder(const QString &text);

    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *listWidget() const { return m_list; }

Q_SIGNALS:
    void checkedChanged();

private:
    void applyFilter();
    void updateCount();

    QString m_noun;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_placeholder;
    QLabel *m_count;
    QStringList m_pending; ///< ticked ids that are not (yet) listed
};

} // namespace Encord
