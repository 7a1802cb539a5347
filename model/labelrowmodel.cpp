#include "labelrowmodel.h"

namespace Encord {

LabelRowModel::LabelRowModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

LabelRowModel::~LabelRowModel()
{
    m_requests.advance();
}

void LabelRowModel::setClient(std::optional<EncordClient> client)
{
    m_client = std::move(client);
    refresh();
}

void LabelRowModel::setProjectHash(const QString &projectHash)
{
    m_projectHash = projectHash;
    refresh();
}

void LabelRowModel::refresh()
{
    beginResetModel();
    m_requests.advance();
    m_rows.clear();
    m_lastError.reset();
    endResetModel();
    if (!m_client || m_projectHash.isEmpty()) {
        setLoading(false);
        return;
    }
    setLoading(true);
    const quint64 generation = m_requests.current();
    QCoro::connect(m_client->listLabelRows(m_projectHash, m_requests.token()),
                   this,
                   [this, generation](Result<QList<LabelRowMetadata>> &&answer) {
                       onListing(generation, std::move(answer));
                   });
}

void LabelRowModel::onListing(quint64 generation, Result<QList<LabelRowMetadata>> answer)
{
    if (!m_requests.isCurrent(generation))
        return;
    if (!answer.ok()) {
        m_lastError = answer.error();
        setLoading(false);
        Q_EMIT errorOccurred(answer.error());
        return;
    }
    QList<LabelRowMetadata> &rows = answer.value();
    const int count = int(rows.size());
    if (count > 0) {
        beginInsertRows(QModelIndex(), 0, count - 1);
        m_rows = std::move(rows);
        endInsertRows();
    }
    setLoading(false);
    Q_EMIT rowsLoaded(count);
}

void LabelRowModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

int LabelRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LabelRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : StatusColumn + 1;
}

QVariant LabelRowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LabelRowMetadata &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return row.dataTitle;
        case ObjectsColumn:
            return row.labelHash && row.objectCount ? QString::number(*row.objectCount) : QString();
        case StatusColumn:
            return statusName(row.labelStatus);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ObjectsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::EditRole:
    case SortRole:
        if (index.column() == ObjectsColumn)
            return row.objectCount.value_or(0);
        return data(index, Qt::DisplayRole);
    case LabelHashRole:
        return row.labelHash.value_or(QString());
    case MetadataRole:
        return QVariant::fromValue(row);
    default:
        return {};
    }
}

QVariant LabelRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Data");
    case ObjectsColumn:
        return tr("Objects");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

QString LabelRowModel::statusName(const QString &status)
{
    if (status == QLatin1String("NOT_LABELLED"))
        return tr("Not labelled");
    if (status == QLatin1String("LABEL_IN_PROGRESS"))
        return tr("Labelling");
    if (status == QLatin1String("LABELLED"))
        return tr("Labelled");
    if (status == QLatin1String("REVIEW_IN_PROGRESS"))
        return tr("In review");
    if (status == QLatin1String("REVIEWED"))
        return tr("Reviewed");
    if (status == QLatin1String("REVIEWED_TWICE"))
        return tr("Reviewed twice");
    return status;
}

} // namespace Encord
