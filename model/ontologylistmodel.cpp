#include "ontologylistmodel.h"

#include "modelformat.h"

namespace Encord {

OntologyListModel::OntologyListModel(QObject *parent)
    : RecordListModel<Ontology>(parent)
{ }

int OntologyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OntologyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case DescriptionColumn:
        return tr("Description");
    case RoleColumn:
        return tr("Your role");
    case CreatedColumn:
        return tr("Created");
    case EditedColumn:
        return tr("Edited");
    default:
        return {};
    }
}

QCoro::Task<Result<QList<Ontology>>> OntologyListModel::fetch(const EncordClient &client,
                                                              const ListingFilter &filter,
                                                              CancelToken token) const
{
    return client.getOntologies(filter, false, std::move(token));
}

QString OntologyListModel::hashOf(const Ontology &record) const
{
    return record.ontologyHash;
}

QVariant OntologyListModel::displayValue(const Ontology &record, int column) const
{
    switch (column) {
    case TitleColumn:
        return record.title;
    case DescriptionColumn:
        return record.description;
    case RoleColumn:
        return ModelFormat::roleName(ModelFormat::known(record.userRole));
    case CreatedColumn:
        return ModelFormat::shortDate(record.createdAt);
    case EditedColumn:
        return ModelFormat::shortDate(record.lastEditedAt);
    default:
        return {};
    }
}

QVariant OntologyListModel::sortValue(const Ontology &record, int column) const
{
    switch (column) {
    case CreatedColumn:
        return record.createdAt;
    case EditedColumn:
        return record.lastEditedAt;
    default:
        return displayValue(record, column);
    }
}

} // namespace Encord
