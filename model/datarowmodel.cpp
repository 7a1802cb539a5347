#include "datarowmodel.h"

#include "imagepreviewloader.h"
#include "modelformat.h"

#include <QJsonDocument>
#include <QPainter>
#include <QTimer>

namespace Encord {

namespace {

// Thumbnails are small: a few hundred of them fit in this budget.
constexpr qint64 kThumbnailCacheBytes = 24 << 20;
// Views ask for the rows they paint one by one; collect a moment's worth before signing.
constexpr int kThumbnailBatchDelayMs = 40;
// The server signs at most this many items per request.
constexpr int kThumbnailBatchSize = 100;

QString itemKey(const DataRow &row)
{
    return row.backingItemUuid.value_or(row.dataHash);
}

} // namespace

DataRowModel::DataRowModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

DataRowModel::~DataRowModel()
{
    m_requests.advance();
}

void DataRowModel::setClient(std::optional<EncordClient> client)
{
    m_client = std::move(client);
    refresh();
}

void DataRowModel::setDatasetHash(const QString &datasetHash)
{
    m_datasetHash = datasetHash;
    refresh();
}

void DataRowModel::setShowClientMetadata(bool show)
{
    if (show == m_showClientMetadata)
        return;
    // Inside the reset: the column count changes with it.
    reload([this, show] { m_showClientMetadata = show; });
}

void DataRowModel::refresh()
{
    reload({});
}

void DataRowModel::reload(const std::function<void()> &change)
{
    beginResetModel();
    if (change)
        change();
    m_requests.advance();
    m_rows.clear();
    m_rowOfItem.clear();
    m_thumbnailsWanted.clear();
    m_thumbnailsAsked.clear();
    m_datasetTitle.clear();
    m_lastError.reset();
    endResetModel();

    if (!m_client || m_datasetHash.isEmpty()) {
        setLoading(false);
        return;
    }
    setLoading(true);
    DatasetAccessSettings settings;
    settings.fetchClientMetadata = m_showClientMetadata;
    const quint64 generation = m_requests.current();
    QCoro::connect(
        m_client->getDataset(m_datasetHash, settings, m_requests.token()),
        this,
        [this, generation](Result<Dataset> &&answer) { onDataset(generation, std::move(answer)); });
}

int DataRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DataRowModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_showClientMetadata ? MetadataColumn + 1 : MetadataColumn;
}

QVariant DataRowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DataRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return row.dataTitle;
        case TypeColumn:
            return ModelFormat::dataTypeName(row.dataType.value());
        case SizeColumn:
            return ModelFormat::byteSize(row.fileSize);
        case DimensionsColumn:
            return ModelFormat::dimensions(row.width, row.height);
        case CreatedColumn:
            return ModelFormat::shortDate(row.createdAt);
        case MetadataColumn:
            if (!row.clientMetadata)
                return QString();
            return QString::fromUtf8(
                QJsonDocument(*row.clientMetadata).toJson(QJsonDocument::Compact));
        }
        return {};
    case Qt::EditRole:
    case SortRole:
        switch (index.column()) {
        case SizeColumn:
            return row.fileSize.value_or(-1);
        case DimensionsColumn:
            return row.width && row.height ? qint64(*row.width) * *row.height : qint64(-1);
        case CreatedColumn:
            return row.createdAt;
        }
        return data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        if (index.column() == TitleColumn && m_thumbnails)
            return thumbnail(index.row());
        return {};
    case HashRole:
        return row.dataHash;
    case DataRowRole:
        return QVariant::fromValue(row);
    case ClientMetadataRole:
        return row.clientMetadata.value_or(QJsonObject());
    default:
        return {};
    }
}

QVariant DataRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case DimensionsColumn:
        return tr("Dimensions");
    case CreatedColumn:
        return tr("Created");
    case MetadataColumn:
        return m_showClientMetadata ? QVariant(tr("Metadata")) : QVariant();
    default:
        return {};
    }
}

QHash<int, QByteArray> DataRowModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(HashRole, "hash");
    names.insert(DataRowRole, "dataRow");
    names.insert(SortRole, "sortValue");
    names.insert(ClientMetadataRole, "clientMetadata");
    return names;
}

void DataRowModel::onDataset(quint64 generation, Result<Dataset> answer)
{
    if (!m_requests.isCurrent(generation))
        return;
    if (!answer.ok()) {
        m_lastError = answer.error();
        setLoading(false);
        Q_EMIT errorOccurred(answer.error());
        return;
    }
    m_datasetTitle = answer.value().title;
    QList<DataRow> &rows = answer.value().dataRows;
    const int count = int(rows.size());
    for (int row = 0; row < count; ++row)
        m_rowOfItem.insert(itemKey(rows.at(row)), row);
    if (count > 0) {
        beginInsertRows(QModelIndex(), 0, count - 1);
        m_rows = std::move(rows);
        endInsertRows();
    }
    setLoading(false);
    Q_EMIT rowsLoaded(count);
}

void DataRowModel::setThumbnailSize(const QSize &size)
{
    if (size == m_thumbnailSize)
        return;
    m_thumbnailSize = size;
    delete m_thumbnails;
    m_thumbnails = nullptr;
    m_thumbnailsWanted.clear();
    m_thumbnailsAsked.clear();
    if (!size.isEmpty()) {
        m_thumbnails = new ImagePreviewLoader(this, kThumbnailCacheBytes);
        connect(m_thumbnails, &ImagePreviewLoader::previewReady, this, &DataRowModel::onThumbnail);
        if (!m_thumbnailBatch) {
            m_thumbnailBatch = new QTimer(this);
            m_thumbnailBatch->setSingleShot(true);
            m_thumbnailBatch->setInterval(kThumbnailBatchDelayMs);
            connect(m_thumbnailBatch, &QTimer::timeout, this, &DataRowModel::signThumbnailBatch);
        }
        // A framed, empty square: says "an image goes here" without pretending to be one.
        m_placeholder = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_placeholder.fill(Qt::transparent);
        QPainter painter(&m_placeholder);
        painter.setPen(QColor(128, 128, 128, 90));
        painter.setBrush(QColor(128, 128, 128, 40));
        painter.drawRoundedRect(QRectF(m_placeholder.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TitleColumn),
                           index(int(m_rows.size()) - 1, TitleColumn),
                           {Qt::DecorationRole});
}

QVariant DataRowModel::thumbnail(int row) const
{
    const DataRow &dataRow = m_rows.at(row);
    if (dataRow.dataType.value() != DataType::Image)
        return {};
    const QString key = itemKey(dataRow);
    if (const QImage image = m_thumbnails->cached(key); !image.isNull())
        return image;
    if (m_client && !m_thumbnailsAsked.contains(key) && !m_thumbnailsWanted.contains(key)) {
        m_thumbnailsWanted.insert(key);
        if (!m_thumbnailBatch->isActive())
            m_thumbnailBatch->start();
    }
    return m_placeholder;
}

void DataRowModel::signThumbnailBatch()
{
    if (!m_client || !m_thumbnails || m_thumbnailsWanted.isEmpty())
        return;
    QStringList batch;
    for (auto it = m_thumbnailsWanted.begin();
         it != m_thumbnailsWanted.end() && batch.size() < kThumbnailBatchSize;) {
        batch.append(*it);
        m_thumbnailsAsked.insert(*it);
        it = m_thumbnailsWanted.erase(it);
    }
    if (!m_thumbnailsWanted.isEmpty())
        m_thumbnailBatch->start();
    // Listings carry no signed URLs: the items are signed now, only for rows on screen.
    const quint64 generation = m_requests.current();
    QCoro::connect(m_client->getStorageItems(batch, true, m_requests.token()),
                   this,
                   [this, generation](const Result<QList<StorageItem>> &answer) {
                       // A failed batch leaves its placeholders: thumbnails are a nicety, and
                       // the table itself already says what there is.
                       if (!m_requests.isCurrent(generation) || !answer.ok() || !m_thumbnails)
                           return;
                       for (const StorageItem &item : answer.value()) {
                           if (item.signedUrl)
                               m_thumbnails->request(item.uuid,
                                                     QUrl::fromEncoded(item.signedUrl->toUtf8()),
                                                     m_thumbnailSize);
                       }
                   });
}

void DataRowModel::onThumbnail(const QString &key, const QImage &image)
{
    Q_UNUSED(image)
    const auto found = m_rowOfItem.constFind(key);
    if (found == m_rowOfItem.constEnd())
        return;
    const QModelIndex changed = index(*found, TitleColumn);
    Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole});
    Q_EMIT thumbnailLoaded(*found);
}

void DataRowModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace Encord
