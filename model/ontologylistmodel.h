#pragma once

#include "recordlistmodel.h"
#include "records/ontology.h"
#include "titledcolumns.h"

namespace Encord {

/// The ontologies the user can see (EncordClient::getOntologies with the filter), one per row.
/// RecordRole gives the whole Ontology, structure included.
class OntologyListModel final : public RecordListModel<Ontology>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OntologyListModel)

public:
    enum Column {
        TitleColumn = TitledColumns::Title,
        DescriptionColumn,
        RoleColumn,            ///< "Admin" or "User"
        CreatedColumn,         ///< SortRole: QDateTime
        EditedColumn,          ///< SortRole: QDateTime
        ObjectsColumn,         ///< number of objects in the structure
        ClassificationsColumn, ///< number of classifications in the structure
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit OntologyListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QCoro::Task<Result<QList<Ontology>>> fetch(const EncordClient &client,
                                               const ListingFilter &filter,
                                               CancelToken token) const override;
    QString hashOf(const Ontology &record) const override;
    QVariant displayValue(const Ontology &record, int column) const override;
    QVariant sortValue(const Ontology &record, int column) const override;
};

} // namespace Encord
