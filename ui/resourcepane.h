#pragma once

#include "browserpane.h"

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTimer;

namespace Encord {

class DateRangeFilter;
class DetailsPanel;
class EmptyStateWidget;
class ErrorBanner;
class ResourceListModel;

/// A browser section that lists one kind of resource (datasets, projects, …) as a sortable
/// table: a filter bar whose text goes to the server (debounced), a count of the rows shown,
/// a loading note, an error banner with Retry, and "Copy ID" from the keyboard or a context
/// menu.
class ResourcePane final : public BrowserPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourcePane)

public:
    /// Takes ownership of @p model. The nouns name the rows in the count ("1 dataset",
    /// "3 datasets"). @p serverFilter: the filter bar asks the server (else it filters the
    /// rows already loaded, by their first column).
    /// @p details (optional, owned) shows the selected row beside the list.
    ResourcePane(ResourceListModel *model,
                 const QString &nounSingular,
                 const QString &nounPlural,
                 bool serverFilter,
                 DetailsPanel *details = nullptr,
                 QWidget *parent = nullptr);

    void setClient(std::optional<EncordClient> client) override;
    void refresh() override;
    void saveState(const QString &group) const override;
    void restoreState(const QString &group) override;

    ResourceListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *filterField() const { return m_filterField; }
    DateRangeFilter *dateRanges() const { return m_dates; }
    ErrorBanner *errorBanner() const { return m_banner; }
    /// The line under the list: "3 datasets", "Loading datasets…".
    QLabel *statusLabel() const { return m_status; }
    /// The id of the selected row; empty when nothing is selected.
    QString currentHash() const;
    /// The title (first column) of the selected row; empty when nothing is selected.
    QString currentTitle() const;
    /// The ids of every selected row (several with setMultiSelection()).
    QStringList selectedHashes() const;
    DetailsPanel *details() const { return m_details; }

    /// Lets the user select several rows (with Ctrl and Shift).
    void setMultiSelection(bool multi);
    /// Adds @p action to the row context menu. @p needsRow: disabled without a selected row.
    void addContextAction(QAction *action, bool needsRow);
    /// Adds a button for @p action beside the status line, under the list.
    void addBarAction(QAction *action);
    /// Lists again and selects the row of @p hash once it is listed (a new resource). The
    /// filter bar is cleared so that the row is not filtered out.
    void selectWhenListed(const QString &hash);

    /// Shown in place of the table when the list is empty without a filter: @p title and
    /// @p explanation say why, the buttons run @p actions (owned by the caller) and read
    /// @p labels where given (see EmptyStateWidget::setActions).
    void setEmptyState(const QString &title,
                       const QString &explanation,
                       const QList<QAction *> &actions,
                       const QStringList &labels = {});
    EmptyStateWidget *emptyState() const { return m_emptyState; }

private:
    void applyFilter();
    void updateStatus();
    void copyCurrentHash();
    void selectPending();

    ResourceListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QString m_nounSingular;
    QString m_nounPlural;
    QComboBox *m_filterField;
    QLineEdit *m_filterEdit;
    DateRangeFilter *m_dates;
    QTimer *m_debounce;
    ErrorBanner *m_banner;
    QTableView *m_view;
    QLabel *m_status;
    DetailsPanel *m_details;
    QSplitter *m_splitter;
    EmptyStateWidget *m_emptyState = nullptr;
    bool m_hasClient = false;
    bool m_columnsSized = false;
    QList<std::pair<QAction *, bool>> m_contextActions;
    QHBoxLayout *m_barRow = nullptr;
    QString m_pendingSelection;
};

} // namespace Encord
