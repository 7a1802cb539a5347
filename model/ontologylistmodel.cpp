#include "ontologylistmodel.h"

#include "modelformat.h"
#include "titledcolumns.h"

namespace Encord {

static_assert(int(OntologyListModel::EditedColumn) == TitledColumns::Edited,
              "the shared columns come first, in TitledColumns' order");

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
    case ObjectsColumn:
        return tr("Objects");
    case ClassificationsColumn:
        return tr("Classifications");
    default:
        return TitledColumns::header(section);
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
    case ObjectsColumn:
        return int(record.editor.objects.size());
    case ClassificationsColumn:
        return int(record.editor.classifications.size());
    default:
        return TitledColumns::display(record, column);
    }
}

QVariant OntologyListModel::sortValue(const Ontology &record, int column) const
{
    if (column == ObjectsColumn || column == ClassificationsColumn)
        return displayValue(record, column);
    return TitledColumns::sort(record, column);
}

} // namespace Encord
