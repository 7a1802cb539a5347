#include "resourcepane.h"

#include "daterangefilter.h"
#include "detailspanel.h"
#include "emptystatewidget.h"
#include "errorbanner.h"
#include "resourcelistmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Encord {

namespace {

// The filter bar's choices, in the order of the combo box.
enum class FilterField {
    TitleContains,
    TitleIs,
    DescriptionContains,
    DescriptionIs,
};

constexpr int kDebounceMs = 300;

} // namespace

ResourcePane::ResourcePane(ResourceListModel *model,
                           const QString &nounSingular,
                           const QString &nounPlural,
                           bool serverFilter,
                           DetailsPanel *details,
                           QWidget *parent)
    : BrowserPane(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_nounSingular(nounSingular)
    , m_nounPlural(nounPlural)
    , m_filterField(new QComboBox(this))
    , m_filterEdit(new QLineEdit(this))
    , m_dates(new DateRangeFilter(this))
    , m_debounce(new QTimer(this))
    , m_banner(new ErrorBanner(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_details(details)
    , m_splitter(new QSplitter(this))
{
    m_model->setParent(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ResourceListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    // Lists without a server-side filter (integrations, groups) filter what they show.
    if (!serverFilter) {
        m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        m_proxy->setFilterKeyColumn(0);
    }

    m_filterField->addItem(tr("Title contains"));
    m_filterField->addItem(tr("Title is"));
    if (serverFilter) {
        m_filterField->addItem(tr("Description contains"));
        m_filterField->addItem(tr("Description is"));
    } else {
        m_filterField->hide();
    }
    m_filterField->setAccessibleName(tr("Filter field"));
    if (!serverFilter)
        m_dates->hide();
    m_filterEdit->setPlaceholderText(tr("Filter %1…").arg(nounPlural));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter text"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    // Large listings arrive in the order shown, so the proxy only appends (see
    // ResourceListModel::setArrivalOrder).
    connect(m_view->horizontalHeader(),
            &QHeaderView::sortIndicatorChanged,
            this,
            [this](int column, Qt::SortOrder order) {
                m_model->setArrivalOrder(column, order, m_proxy->sortCaseSensitivity());
            });
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_model->setArrivalOrder(0, Qt::AscendingOrder, m_proxy->sortCaseSensitivity());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setHighlightSections(false);
    // Columns fit their contents once the first rows arrive (long descriptions capped),
    // unless the user's own widths were restored; the last column takes what is left.
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Fitting a column measures this many rows, not the default 1,000: on a list of 100,000
    // that measuring alone held the GUI thread for ~25 ms, and widths are capped anyway.
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(nounPlural);
    m_status->setAccessibleName(tr("Status"));

    auto *copyHash =
        new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy ID"), this);
    copyHash->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    copyHash->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(copyHash);
    connect(copyHash, &QAction::triggered, this, &ResourcePane::copyCurrentHash);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this, copyHash](const QPoint &at) {
        const bool onRow = m_view->indexAt(at).isValid();
        if (!onRow && m_contextActions.isEmpty())
            return;
        QMenu menu(this);
        if (onRow)
            menu.addAction(copyHash);
        if (!m_contextActions.isEmpty() && onRow)
            menu.addSeparator();
        // Row actions are greyed out while the menu is over empty space, and only then: they
        // are shared with the menus, the tool bar and their shortcuts.
        QList<QAction *> greyedOut;
        for (const auto &[action, needsRow] : std::as_const(m_contextActions)) {
            if (needsRow && !onRow && action->isEnabled()) {
                action->setEnabled(false);
                greyedOut.append(action);
            }
            menu.addAction(action);
        }
        menu.exec(m_view->viewport()->mapToGlobal(at));
        for (QAction *action : std::as_const(greyedOut))
            action->setEnabled(true);
    });

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterField);
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_dates);
    auto *listPanel = new QWidget(m_splitter);
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_banner);
    listLayout->addWidget(m_view, 1);
    // The status line shares its row with the pane's own buttons (New Dataset…).
    m_barRow = new QHBoxLayout;
    m_barRow->addWidget(m_status, 1);
    listLayout->addLayout(m_barRow);
    m_splitter->addWidget(listPanel);
    if (m_details) {
        m_details->setParent(m_splitter);
        m_splitter->addWidget(m_details);
        m_splitter->setStretchFactor(0, 3);
        m_splitter->setStretchFactor(1, 2);
        m_splitter->setSizes({700, 380});
        connect(m_view->selectionModel(),
                &QItemSelectionModel::currentRowChanged,
                this,
                [this](const QModelIndex &current) {
                    m_details->showIndex(m_proxy->mapToSource(current));
                });
        connect(
            m_proxy, &QAbstractItemModel::modelReset, this, [this] { m_details->showIndex({}); });
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    connect(m_filterEdit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(
        m_filterField, &QComboBox::currentIndexChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_dates, &DateRangeFilter::changed, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this, serverFilter] {
        if (serverFilter)
            applyFilter();
        else
            m_proxy->setFilterFixedString(m_filterEdit->text().trimmed());
        updateStatus();
    });
    connect(m_model, &ResourceListModel::loadingChanged, this, &ResourcePane::updateStatus);
    connect(m_model, &ResourceListModel::rowsLoaded, this, &ResourcePane::selectPending);
    connect(m_model, &ResourceListModel::rowsLoaded, this, [this](int count) {
        if (count > 0 && !m_columnsSized) {
            m_columnsSized = true;
            const int widest = m_view->fontMetrics().averageCharWidth() * 30;
            for (int column = 0; column < m_model->columnCount(); ++column) {
                m_view->resizeColumnToContents(column);
                if (m_view->columnWidth(column) > widest)
                    m_view->setColumnWidth(column, widest);
            }
        }
        updateStatus();
    });
    connect(m_model, &ResourceListModel::rowsLoaded, this, &BrowserPane::serverAnswered);
    connect(m_model, &ResourceListModel::errorOccurred, this, [this](const ApiError &error) {
        m_banner->showError(error);
        updateStatus();
        Q_EMIT requestFailed(error);
    });
    connect(m_banner, &ErrorBanner::retryRequested, this, &ResourcePane::refresh);
    updateStatus();
}

void ResourcePane::setClient(std::optional<EncordClient> client)
{
    m_hasClient = client.has_value();
    m_banner->hide();
    if (m_details)
        m_details->setClient(client);
    m_model->setClient(std::move(client));
    updateStatus();
}

void ResourcePane::refresh()
{
    m_banner->hide();
    m_model->refresh();
}

void ResourcePane::applyFilter()
{
    const QString text = m_filterEdit->text().trimmed();
    ListingFilter filter;
    if (!text.isEmpty()) {
        // The server's *_like is an SQL LIKE pattern: "contains" wraps the text in wildcards.
        const QString contains = QLatin1Char('%') + text + QLatin1Char('%');
        switch (FilterField(m_filterField->currentIndex())) {
        case FilterField::TitleContains:
            filter.titleLike = contains;
            break;
        case FilterField::TitleIs:
            filter.titleEq = text;
            break;
        case FilterField::DescriptionContains:
            filter.descLike = contains;
            break;
        case FilterField::DescriptionIs:
            filter.descEq = text;
            break;
        }
    }
    m_dates->applyTo(filter);
    m_banner->hide();
    m_model->setFilter(filter);
}

void ResourcePane::setEmptyState(const QString &title,
                                 const QString &explanation,
                                 const QList<QAction *> &actions,
                                 const QStringList &labels)
{
    if (!m_emptyState) {
        // Laid out over the table's viewport, centred, so the header and filter bar stay.
        m_emptyState = new EmptyStateWidget(m_view->viewport());
        auto *overlay = new QVBoxLayout(m_view->viewport());
        overlay->addWidget(m_emptyState, 0, Qt::AlignCenter);
    }
    m_emptyState->setMessage(title, explanation);
    m_emptyState->setActions(actions, labels);
    updateStatus();
}

void ResourcePane::updateStatus()
{
    if (m_emptyState) {
        const bool unfiltered = m_filterEdit->text().trimmed().isEmpty() && m_dates->isEmpty();
        m_emptyState->setVisible(m_hasClient && unfiltered && !m_model->isLoading()
                                 && !m_model->lastError() && m_model->rowCount() == 0);
    }
    if (m_model->isLoading()) {
        m_status->setText(tr("Loading %1…").arg(m_nounPlural));
        return;
    }
    if (m_model->lastError()) {
        m_status->setText(tr("Could not load %1.").arg(m_nounPlural));
        return;
    }
    const int shown = m_proxy->rowCount();
    m_status->setText(tr("%1 %2").arg(shown).arg(shown == 1 ? m_nounSingular : m_nounPlural));
}

QString ResourcePane::currentHash() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(ResourceListModel::HashRole).toString() : QString();
}

QString ResourcePane::currentTitle() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data().toString() : QString();
}

QStringList ResourcePane::selectedHashes() const
{
    QStringList hashes;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        hashes.append(index.data(ResourceListModel::HashRole).toString());
    return hashes;
}

void ResourcePane::setMultiSelection(bool multi)
{
    m_view->setSelectionMode(multi ? QAbstractItemView::ExtendedSelection
                                   : QAbstractItemView::SingleSelection);
}

void ResourcePane::addContextAction(QAction *action, bool needsRow)
{
    m_contextActions.append({action, needsRow});
    // Shortcuts of row actions work while the list has the focus.
    if (needsRow && !action->shortcut().isEmpty()) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    }
}

void ResourcePane::addBarAction(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    m_barRow->addWidget(button);
}

void ResourcePane::selectWhenListed(const QString &hash)
{
    m_pendingSelection = hash;
    m_filterEdit->clear();
    m_dates->clear();
    m_debounce->stop();
    m_banner->hide();
    if (!m_model->filter().isEmpty())
        m_model->setFilter({});
    else
        m_model->refresh();
}

void ResourcePane::selectPending()
{
    if (m_pendingSelection.isEmpty())
        return;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(ResourceListModel::HashRole).toString() == m_pendingSelection) {
            m_pendingSelection.clear();
            m_view->setCurrentIndex(index);
            m_view->selectRow(row);
            m_view->scrollTo(index);
            return;
        }
    }
}

void ResourcePane::copyCurrentHash()
{
    const QString hash = currentHash();
    if (!hash.isEmpty())
        QApplication::clipboard()->setText(hash);
}

void ResourcePane::saveState(const QString &group) const
{
    QSettings settings;
    settings.setValue(group + QStringLiteral("/header"), m_view->horizontalHeader()->saveState());
    settings.setValue(group + QStringLiteral("/splitter"), m_splitter->saveState());
}

void ResourcePane::restoreState(const QString &group)
{
    QSettings settings;
    const QByteArray header = settings.value(group + QStringLiteral("/header")).toByteArray();
    if (!header.isEmpty() && m_view->horizontalHeader()->restoreState(header))
        m_columnsSized = true;
    m_splitter->restoreState(settings.value(group + QStringLiteral("/splitter")).toByteArray());
}

} // namespace Encord
