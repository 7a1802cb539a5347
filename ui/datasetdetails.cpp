#include "datasetdetails.h"

#include "datarowmodel.h"
#include "errorbanner.h"
#include "modelformat.h"
#include "records/datasetsummary.h"
#include "resourcelistmodel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Encord {

DatasetDetails::DatasetDetails(QWidget *parent)
    : DetailsPanel(parent)
    , m_rows(new DataRowModel(this))
    , m_role(addField(tr("Your role:")))
    , m_created(addField(tr("Created:")))
    , m_edited(addField(tr("Edited:")))
    , m_storage(addField(tr("Storage:")))
    , m_showMetadata(new QCheckBox(tr("Show client metadata"), this))
    , m_banner(new ErrorBanner(this))
    , m_view(new QTableView(this))
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_rows);
    proxy->setSortRole(DataRowModel::SortRole);
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    // A header starts out descending; file names read best from the first.
    m_view->sortByColumn(DataRowModel::TitleColumn, Qt::AscendingOrder);
    m_view->setAccessibleName(tr("Data rows"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    // File names differ at their end (frame_0001.jpg, frame_0002.jpg): keep both ends.
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Image rows show a thumbnail beside their title, fetched only for the rows on screen.
    const QSize thumbnail(40, 30);
    m_rows->setThumbnailSize(thumbnail);
    m_view->setIconSize(thumbnail);
    m_view->verticalHeader()->setDefaultSectionSize(thumbnail.height() + 6);
    m_showMetadata->setAccessibleName(tr("Show client metadata"));

    auto *heading = new QLabel(tr("Data rows"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    sections()->addWidget(heading);
    sections()->addWidget(m_showMetadata);
    sections()->addWidget(m_banner);
    sections()->addWidget(m_view, 1);

    connect(m_showMetadata, &QCheckBox::toggled, m_rows, &DataRowModel::setShowClientMetadata);
    connect(m_rows, &DataRowModel::errorOccurred, m_banner, &ErrorBanner::showError);
    connect(m_banner, &ErrorBanner::retryRequested, m_rows, &DataRowModel::refresh);
    // File names are what tells rows apart: their column fits them once they arrive, up to
    // half the table, and the rest keep what their contents need.
    connect(m_rows, &DataRowModel::rowsLoaded, this, [this](int count) {
        if (count == 0)
            return;
        m_view->resizeColumnsToContents();
        const int widest = std::max(m_view->viewport()->width() / 2, 160);
        if (m_view->columnWidth(DataRowModel::TitleColumn) > widest)
            m_view->setColumnWidth(DataRowModel::TitleColumn, widest);
    });
    showIndex({});
}

void DatasetDetails::setClient(std::optional<EncordClient> client)
{
    m_rows->setDatasetHash(QString());
    m_rows->setClient(client);
    DetailsPanel::setClient(std::move(client));
}

void DatasetDetails::showIndex(const QModelIndex &index)
{
    m_banner->hide();
    if (!index.isValid()) {
        setHeader({}, {}, {});
        m_rows->setDatasetHash(QString());
        return;
    }
    const auto dataset = index.data(ResourceListModel::RecordRole).value<DatasetSummary>();
    setHeader(dataset.title, dataset.description, dataset.datasetHash);
    const QLocale locale;
    m_role->setText(ModelFormat::roleName(
        dataset.userRole ? std::optional(dataset.userRole->value()) : std::nullopt));
    m_created->setText(locale.toString(dataset.createdAt.toLocalTime(), QLocale::ShortFormat));
    m_edited->setText(locale.toString(dataset.lastEditedAt.toLocalTime(), QLocale::ShortFormat));
    m_storage->setText(dataset.backingFolderUuid ? tr("Mirrored by a storage folder")
                                                 : tr("Not mirrored"));
    m_rows->setDatasetHash(dataset.datasetHash);
}

} // namespace Encord
