#include "datarowmodel.h"

#include "modelformat.h"

#include <QJsonDocument>

namespace Encord {

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
    if (count > 0) {
        beginInsertRows(QModelIndex(), 0, count - 1);
        m_rows = std::move(rows);
        endInsertRows();
    }
    setLoading(false);
    Q_EMIT rowsLoaded(count);
}

void DataRowModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace Encord
